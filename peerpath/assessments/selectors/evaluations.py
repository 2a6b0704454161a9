"""Reads for self-evaluation pages: lists, progress, history and results."""

from dataclasses import dataclass, field
from statistics import fmean

from django.db.models import Q, QuerySet

from peerpath.frameworks.models import Domain, Framework, ScaleLevel, Statement
from peerpath.frameworks.selectors import framework_with_items

from ..models import DomainEvidence, SelfEvaluation, SelfRating


def frameworks_to_rate(user, *, organisational: bool = False) -> QuerySet[Framework]:
    """Current published frameworks with a rating scale, about a person (or organisation)."""
    subject = Framework.Subject.ORGANISATION if organisational else Framework.Subject.PERSON
    return (
        Framework.objects.visible_to(user)
        .published()
        .current()
        .filter(rating_scale__isnull=False, subject=subject)
        .select_related("rating_scale")
        .order_by("name")
    )


def personal_evaluations(user) -> QuerySet[SelfEvaluation]:
    """The person's own self-evaluations (not organisational ones), newest first."""
    return (
        SelfEvaluation.objects.filter(owner=user, organisation__isnull=True)
        .select_related("framework", "feedback_round")
        .order_by("-started_at")
    )


def organisation_evaluations(organisation) -> QuerySet[SelfEvaluation]:
    return (
        SelfEvaluation.objects.filter(organisation=organisation)
        .select_related("framework", "owner")
        .order_by("-started_at")
    )


@dataclass
class DomainProgress:
    domain: Domain
    rated: int
    total: int
    has_evidence: bool

    @property
    def status(self) -> str:
        if self.rated == self.total:
            return "done"
        return "started" if self.rated or self.has_evidence else "not-started"


def progress_of(evaluation: SelfEvaluation) -> list[DomainProgress]:
    """Per domain, how many statements are rated and whether evidence is written."""
    framework = framework_with_items(evaluation.framework)
    rated = set(evaluation.ratings.values_list("statement_id", flat=True))
    with_evidence = set(evaluation.evidence.exclude(text="").values_list("domain_id", flat=True))
    return [
        DomainProgress(
            domain=domain,
            rated=sum(1 for s in domain.statements.all() if s.pk in rated),
            total=len(domain.statements.all()),
            has_evidence=domain.pk in with_evidence,
        )
        for domain in framework.domains.all()
    ]


def resume_domain(evaluation: SelfEvaluation, progress: list[DomainProgress]) -> Domain | None:
    """Where to carry on: the section last saved if it is unfinished, else the next
    unfinished one after it, else the first unfinished one."""
    unfinished = [p.domain for p in progress if p.status != "done"]
    if not unfinished:
        return None
    last = evaluation.last_domain
    after = [d for d in unfinished if last is None or d.position >= last.position]
    return (after or unfinished)[0]


def history_of(evaluation: SelfEvaluation) -> list[SelfEvaluation]:
    """Finished evaluations of the same framework (any version) by the same person or
    organisation, oldest first. The first is the baseline."""
    same_subject = (
        Q(organisation=evaluation.organisation)
        if evaluation.is_organisational
        else Q(owner=evaluation.owner, organisation__isnull=True)
    )
    return list(
        SelfEvaluation.objects.filter(
            same_subject,
            framework__slug=evaluation.framework.slug,
            completed_at__isnull=False,
        )
        .select_related("framework")
        .order_by("completed_at")
    )


def ratings_by_code(evaluation: SelfEvaluation) -> dict[str, ScaleLevel]:
    """Statement code → level. Codes are stable across framework versions."""
    ratings = SelfRating.objects.filter(evaluation=evaluation).select_related("statement", "level")
    return {r.statement.code: r.level for r in ratings}


def evidence_by_domain(evaluation: SelfEvaluation) -> dict[int, DomainEvidence]:
    return {e.domain_id: e for e in evaluation.evidence.all()}


@dataclass
class Column:
    """One evaluation in the comparison, and what it is to this one."""

    role: str  # "baseline", "previous" or "this"
    evaluation: SelfEvaluation


@dataclass
class StatementRow:
    statement: Statement
    values: list[int | None]
    labels: list[str]

    @property
    def latest(self) -> int | None:
        return self.values[-1]

    @property
    def change(self) -> int | None:
        first, last = self.values[0], self.values[-1]
        if len(self.values) < 2 or first is None or last is None:
            return None
        return last - first


@dataclass
class DomainRow:
    domain: Domain
    statements: list[StatementRow]
    evidence: str = ""
    means: list[float | None] = field(default_factory=list)


@dataclass
class EvaluationResult:
    evaluation: SelfEvaluation
    columns: list[Column]
    domains: list[DomainRow]
    levels: list[ScaleLevel]
    strengths: list[StatementRow]
    to_develop: list[StatementRow]

    @property
    def scale_max(self) -> int:
        return self.levels[-1].value


def evaluation_result(evaluation: SelfEvaluation, *, compare: bool = True) -> EvaluationResult:
    """This evaluation against the baseline (first) and the previous one, by statement code.

    With `compare=False` (for someone it was shared with) only this evaluation is read:
    sharing one evaluation shows nothing of the others. Domain figures are the mean of
    the statements rated in that domain. Strengths and areas to develop are derived from
    this evaluation's ratings (see `derived_lists`).
    """
    columns = comparison_columns(evaluation) if compare else [Column("this", evaluation)]
    ratings = [ratings_by_code(column.evaluation) for column in columns]
    framework = framework_with_items(evaluation.framework)
    evidence = evidence_by_domain(evaluation)
    domains = []
    for domain in framework.domains.all():
        rows = []
        for statement in domain.statements.all():
            levels = [r.get(statement.code) for r in ratings]
            rows.append(
                StatementRow(
                    statement=statement,
                    values=[level.value if level else None for level in levels],
                    labels=[level.label if level else "" for level in levels],
                )
            )
        means = [_mean([row.values[i] for row in rows]) for i in range(len(columns))]
        text = evidence[domain.pk].text if domain.pk in evidence else ""
        domains.append(DomainRow(domain=domain, statements=rows, evidence=text, means=means))
    levels = list(framework.rating_scale.levels.all())
    strengths, to_develop = derived_lists(domains, levels)
    return EvaluationResult(evaluation, columns, domains, levels, strengths, to_develop)


def comparison_columns(evaluation: SelfEvaluation, history=None) -> list[Column]:
    """The baseline, the previous one and this; `history` is `history_of(evaluation)`
    when the caller has it already."""
    history = history_of(evaluation) if history is None else history
    earlier = [e for e in history if e.completed_at < evaluation.completed_at]
    columns = []
    if earlier:
        columns.append(Column("baseline", earlier[0]))
    if len(earlier) > 1:
        columns.append(Column("previous", earlier[-1]))
    columns.append(Column("this", evaluation))
    return columns


def _mean(values: list[int | None]) -> float | None:
    present = [v for v in values if v is not None]
    return round(fmean(present), 2) if present else None


def derived_lists(
    domains: list[DomainRow], levels: list[ScaleLevel]
) -> tuple[list[StatementRow], list[StatementRow]]:
    """Strengths: the statements rated highest, if above the middle of the scale.
    Areas to develop: the statements rated lowest, if below the middle."""
    rows = [row for domain in domains for row in domain.statements if row.latest is not None]
    if not rows or not levels:
        return [], []
    middle = (levels[0].value + levels[-1].value) / 2
    top = max(row.latest for row in rows)
    bottom = min(row.latest for row in rows)
    strengths = [row for row in rows if row.latest == top] if top > middle else []
    to_develop = [row for row in rows if row.latest == bottom] if bottom < middle else []
    return strengths, to_develop
