"""The 360° report: only what the anonymity rules allow, for page, PDF and any export.

Everything a report shows is built here, from submitted responses that carry no link
to their raters, and filtered through `anonymity`. Pages and the PDF render this and
nothing else, so they cannot show more than it does.
"""

import hashlib
import hmac
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from peerpath.frameworks.models import Domain, ScaleLevel, Statement
from peerpath.frameworks.selectors import framework_with_items

from ..anonymity import (
    Figure,
    Gap,
    StatementFigures,
    average_of_shown,
    largest_gaps,
    statement_figures,
    visibility,
)
from ..models import (
    RATER_GROUPS,
    FeedbackResponse,
    FeedbackRound,
    Rater,
    RaterGroup,
    ResponseComment,
    ResponseRating,
)
from .evaluations import evidence_by_domain, ratings_by_code


@dataclass(frozen=True)
class GroupSummary:
    group: str
    label: str
    invited: int
    answered: int
    minimum: int

    @property
    def shown(self) -> bool:
        return self.answered > 0 and self.answered >= self.minimum


@dataclass
class StatementReport:
    statement: Statement
    self_level: ScaleLevel | None
    figures: StatementFigures

    @property
    def others(self) -> Figure:
        return self.figures.others

    def group(self, group: str) -> Figure | None:
        return self.figures.by_group.get(group)


@dataclass
class CommentBlock:
    label: str
    texts: list[str]


@dataclass
class CapabilityReport:
    domain: Domain
    statements: list[StatementReport]
    self_mean: float | None
    others: Figure
    by_group: dict[str, Figure]
    comments: list[CommentBlock] = field(default_factory=list)
    self_evidence: str = ""


@dataclass
class Report:
    round: FeedbackRound
    levels: list[ScaleLevel]
    groups: list[GroupSummary]
    capabilities: list[CapabilityReport]
    blind_spots: list[Gap]
    hidden_strengths: list[Gap]
    overall_comments: list[CommentBlock]
    others_leave_out_some: bool
    comments_left_out: bool

    @property
    def columns(self) -> list[GroupSummary]:
        """The rater groups that were asked, in a fixed order."""
        return [g for g in self.groups if g.invited or g.answered]


def group_summaries(round: FeedbackRound) -> list[GroupSummary]:
    """Invited and answered counts per group: all the subject may know about who replied."""
    return group_summaries_of([round])[round.pk]


def group_summaries_of(rounds: list[FeedbackRound]) -> dict[int, list[GroupSummary]]:
    """`group_summaries` of each round, by round id, in two queries however many rounds."""
    ids = [round.pk for round in rounds]
    invited = Counter(Rater.objects.filter(round__in=ids).values_list("round", "group"))
    answered = {
        (round_id, group): n
        for round_id, group, n in FeedbackResponse.objects.filter(round__in=ids, is_submitted=True)
        .values("round", "group")
        .annotate(n=Count("id"))
        .values_list("round", "group", "n")
    }
    summaries = {}
    for round in rounds:
        minimums = round.minimums()
        summaries[round.pk] = [
            GroupSummary(
                g.value,
                str(g.label),
                invited[round.pk, g.value],
                answered.get((round.pk, g.value), 0),
                minimums[g],
            )
            for g in RATER_GROUPS
        ]
    return summaries


def round_report(round: FeedbackRound) -> Report:
    """The report of a closed round, with every figure passed through the anonymity rules."""
    if round.status != FeedbackRound.Status.CLOSED:
        raise ValueError("a report is made only for a closed round")
    framework = framework_with_items(round.framework)
    minimums = round.minimums()
    groups = group_summaries(round)
    values = _ratings_by_statement(round)
    self_levels = ratings_by_code(round.self_evaluation)
    self_evidence = evidence_by_domain(round.self_evaluation)
    comments = _comments(round, groups)
    capabilities, gaps, partial = [], [], False
    for domain in framework.domains.all():
        rows = []
        for statement in domain.statements.all():
            figures = statement_figures(values.get(statement.pk, {}), minimums)
            partial = partial or not figures.others_include_everyone
            row = StatementReport(statement, self_levels.get(statement.code), figures)
            rows.append(row)
            if row.self_level is not None and row.others.shown:
                gaps.append(Gap(row, row.self_level.value, row.others.mean))
        capabilities.append(_capability(domain, rows, self_evidence, comments))
    blind, hidden = largest_gaps(gaps)
    return Report(
        round=round,
        levels=list(framework.rating_scale.levels.all()),
        groups=groups,
        capabilities=capabilities,
        blind_spots=blind,
        hidden_strengths=hidden,
        overall_comments=comments.blocks.get(None, []),
        others_leave_out_some=partial,
        comments_left_out=comments.left_out,
    )


def _capability(domain, rows, self_evidence, comments) -> CapabilityReport:
    self_values = [r.self_level.value for r in rows if r.self_level is not None]
    groups = {g for r in rows for g in r.figures.by_group}
    evidence = self_evidence.get(domain.pk)
    return CapabilityReport(
        domain=domain,
        statements=rows,
        self_mean=round(sum(self_values) / len(self_values), 2) if self_values else None,
        others=average_of_shown([r.others for r in rows]),
        by_group={
            g: average_of_shown([r.figures.by_group.get(g, Figure()) for r in rows]) for g in groups
        },
        comments=comments.blocks.get(domain.pk, []),
        self_evidence=evidence.text if evidence else "",
    )


def _ratings_by_statement(round: FeedbackRound) -> dict[int, dict[str, list[int]]]:
    """statement id → group → the values given ("I cannot say" left out)."""
    values: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    ratings = ResponseRating.objects.filter(
        response__round=round, response__is_submitted=True, level__isnull=False
    ).values_list("statement_id", "response__group", "level__value")
    for statement_id, group, value in ratings:
        values[statement_id][group].append(value)
    return values


@dataclass
class _Comments:
    blocks: dict[int | None, list[CommentBlock]]
    left_out: bool


def _comments(round: FeedbackRound, groups: list[GroupSummary]) -> _Comments:
    """Comments per capability, grouped by rater group where that group is shown.

    Comments of groups under their minimum are pooled as "other groups combined" when,
    together, they reach the largest of those minimums (as for figures); otherwise they
    are left out. Within a block the order is shuffled by a keyed hash: stable between
    page and PDF, unrelated to who wrote what or when.
    """
    rule = visibility({g.group: g.answered for g in groups}, round.minimums())
    labels = {g.group: g.label for g in groups}
    found: dict[int | None, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    rows = ResponseComment.objects.filter(
        Q(response__round=round) & Q(response__is_submitted=True)
    ).values_list("domain_id", "response__group", "text")
    left_out = False
    for domain_id, group, text in rows:
        if group in rule.shown:
            found[domain_id][labels[group]].append(text)
        elif rule.pool_withheld:
            found[domain_id][_("Other groups combined")].append(text)
        else:
            left_out = True
    blocks = {
        domain_id: [
            CommentBlock(label, _shuffled(round, texts)) for label, texts in by_label.items()
        ]
        for domain_id, by_label in found.items()
    }
    for domain_blocks in blocks.values():
        domain_blocks.sort(key=_label_order(labels))
    return _Comments(blocks, left_out)


def _label_order(labels):
    order = {label: index for index, label in enumerate(labels.values())}
    return lambda block: order.get(block.label, len(order))


def _shuffled(round: FeedbackRound, texts: list[str]) -> list[str]:
    key = settings.SECRET_KEY.encode()

    def rank(text: str) -> str:
        return hmac.new(key, f"{round.pk}:{text}".encode(), hashlib.sha256).hexdigest()

    return sorted(texts, key=rank)


def self_group_label() -> str:
    return str(RaterGroup.SELF.label)
