"""Hours and evidence per capability: what a re-registration, an annual review or a
recognition-of-prior-learning panel asks for.

An entry that evidences two capabilities counts towards both, so capability totals can add
up to more than the total hours; within one capability an entry counts once.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Prefetch, QuerySet, Sum

from peerpath.frameworks.models import Domain, Framework, Statement
from peerpath.lib.timeline import TimelineItem

from .models import Claim, ClaimItem, Goal, LearningEntry, PlanItem
from .portfolio import other_apps_timeline

ZERO = Decimal("0")
CENTS = Decimal("0.01")


@dataclass
class Tally:
    hours: Decimal = ZERO
    entries: int = 0


@dataclass
class KindHours:
    kind: str
    label: str
    tally: Tally


def _hours(total: Decimal | None) -> Decimal:
    """A database sum as the same Decimal adding up entries one by one would give.

    Entries without hours (or with 0) add a plain 0, any others two decimal places;
    SQLite returns sums as floats, so they are rounded back to the field's places.
    """
    return total.quantize(CENTS) if total else ZERO


def _tally(row: dict) -> Tally:
    return Tally(_hours(row["hours"]), row["entries"])


def hours_by_kind(entries: QuerySet[LearningEntry]) -> tuple[list[KindHours], Tally]:
    """Hours and entry counts per type of learning, most hours first, and the overall total.

    Summed in the database: `entries` is never loaded, whatever it prefetches.
    """
    labels = dict(LearningEntry.Kind.choices)
    grouped = (
        entries.order_by()
        .values("kind")
        .annotate(hours=Sum("hours"), entries=Count("pk"))
        .values("kind", "hours", "entries")
    )
    rows = [KindHours(r["kind"], str(labels.get(r["kind"], r["kind"])), _tally(r)) for r in grouped]
    rows.sort(key=lambda row: (-row.tally.hours, row.label))
    total = Tally(
        _hours(sum((row.tally.hours for row in rows), ZERO)),
        sum(row.tally.entries for row in rows),
    )
    return rows, total


@dataclass
class StatementHours:
    statement: Statement
    tally: Tally


@dataclass
class DomainHours:
    domain: Domain
    tally: Tally
    statements: list[StatementHours]


@dataclass
class FrameworkHours:
    framework: Framework
    domains: list[DomainHours]


def hours_by_capability(entries: QuerySet[LearningEntry]) -> list[FrameworkHours]:
    """For every framework the entries link to: hours per capability (domain) and per
    statement, listing every capability of the framework (none is hidden for being zero).

    Summed in the database through the entry–statement links; `entries` is never loaded.
    """
    links = LearningEntry.statements.through.objects.filter(
        learningentry__in=entries.order_by().values("pk")
    ).order_by()
    by_statement = {
        row["statement_id"]: _tally(row)
        for row in links.values("statement_id").annotate(
            hours=Sum("learningentry__hours"), entries=Count("learningentry_id")
        )
    }
    framework_ids = set(links.values_list("statement__framework_id", flat=True).distinct())
    by_domain = _domain_tallies(entries, links)
    frameworks = Framework.objects.filter(pk__in=framework_ids).prefetch_related(
        Prefetch(
            "domains",
            queryset=Domain.objects.order_by("position").prefetch_related(
                Prefetch("statements", queryset=Statement.objects.order_by("position"))
            ),
        )
    )
    return [
        FrameworkHours(
            framework=framework,
            domains=[
                DomainHours(
                    domain=domain,
                    tally=by_domain.get(domain.pk, Tally()),
                    statements=[
                        StatementHours(s, by_statement.get(s.pk, Tally()))
                        for s in domain.statements.all()
                    ],
                )
                for domain in framework.domains.all()
            ],
        )
        for framework in sorted(frameworks, key=lambda f: f.name)
    ]


def _domain_tallies(entries: QuerySet[LearningEntry], links: QuerySet) -> dict[int, Tally]:
    """Hours and entries per domain, an entry counting once however many of the domain's
    statements it evidences (a plain join and sum would count it once per statement).

    The distinct (domain, entry) pairs are few (a person's entries times the domains each
    touches) and summed here: per-domain subqueries over every entry took ten times as long.
    """
    pairs = links.values_list(
        "statement__domain_id", "learningentry_id", "learningentry__hours"
    ).distinct()
    totals: dict[int, list] = {}
    for domain_id, _entry_id, hours in pairs:
        total = totals.setdefault(domain_id, [ZERO, 0])
        total[0] += hours or ZERO
        total[1] += 1
    return {pk: Tally(_hours(hours), count) for pk, (hours, count) in totals.items()}


@dataclass
class EntryEvidence:
    entry: LearningEntry
    status: str  # "assessed", "with-assessor" or "self-claimed"


@dataclass
class StatementEvidence:
    statement: Statement
    entries: list[EntryEvidence] = field(default_factory=list)
    assessments: list[ClaimItem] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    plan_items: list[PlanItem] = field(default_factory=list)
    elsewhere: list[TimelineItem] = field(default_factory=list)
    url: str = ""  # the capability's own page, where a page links to it

    @property
    def is_assessed(self) -> bool:
        return bool(self.assessments)

    @property
    def has_evidence(self) -> bool:
        return bool(self.entries or self.assessments or self.elsewhere)


@dataclass
class DomainEvidence:
    domain: Domain
    statements: list[StatementEvidence]

    @property
    def evidenced(self) -> int:
        return sum(1 for s in self.statements if s.has_evidence)


def capability_evidence(
    user, framework: Framework, statement: Statement | None = None
) -> list[DomainEvidence]:
    """For each capability of `framework` (or only `statement`, one of its capabilities),
    everything of the person's that evidences it: entries (marked assessed, with an
    assessor, or self-claimed), accepted assessments, goals, plan items, and what other
    parts of Peerpath recorded (self-evaluations, badges, sessions) through the timeline.
    """
    cells: dict[int, StatementEvidence] = {}
    domains = []
    statements = Statement.objects.order_by("position")
    if statement is not None:
        statements = statements.filter(pk=statement.pk)
    in_scope = {"statement": statement} if statement else {"statement__framework": framework}
    for domain in framework.domains.order_by("position").prefetch_related(
        Prefetch("statements", statements)
    ):
        rows = [StatementEvidence(s) for s in domain.statements.all()]
        if rows:
            cells.update({row.statement.pk: row for row in rows})
            domains.append(DomainEvidence(domain, rows))
    _add_claims(user, in_scope, cells)
    _add_entries(user, in_scope, cells)
    goals = Goal.objects.filter(owner=user, **_scoped("statements", in_scope)).distinct()
    for goal in goals.prefetch_related(Prefetch("statements", Statement.objects.only("pk"))):
        for goal_statement in goal.statements.all():
            if goal_statement.pk in cells:
                cells[goal_statement.pk].goals.append(goal)
    for item in PlanItem.objects.filter(owner=user, **in_scope):
        cells[item.statement_id].plan_items.append(item)
    for item in _elsewhere(user, cells):
        for statement_id in item.statement_ids:
            if statement_id in cells:
                cells[statement_id].elsewhere.append(item)
    return domains


def _scoped(prefix: str, in_scope: dict) -> dict:
    """The statement filter `in_scope` ({"statement": s} or {"statement__framework": f})
    reached through `prefix` instead of a `statement` field."""
    return {key.replace("statement", prefix, 1): value for key, value in in_scope.items()}


def _add_claims(user, in_scope, cells) -> None:
    items = ClaimItem.objects.filter(
        claim__owner=user,
        claim__status__in=[Claim.Status.SUBMITTED, Claim.Status.ASSESSED],
        **in_scope,
    ).select_related("claim")
    for item in items:
        if item.decision == ClaimItem.Decision.ACCEPTED:
            cells[item.statement_id].assessments.append(item)


def _add_entries(user, in_scope, cells) -> None:
    statuses: dict[tuple[int, int], str] = {}
    claimed = ClaimItem.entries.through.objects.filter(
        claimitem__claim__owner=user,
        claimitem__claim__status__in=[Claim.Status.SUBMITTED, Claim.Status.ASSESSED],
        **_scoped("claimitem__statement", in_scope),
    ).values_list("claimitem__statement_id", "learningentry_id", "claimitem__decision")
    for statement_id, entry_id, decision in claimed:
        if decision == ClaimItem.Decision.ACCEPTED:
            statuses[(statement_id, entry_id)] = "assessed"
        elif decision == ClaimItem.Decision.PENDING:
            statuses.setdefault((statement_id, entry_id), "with-assessor")
    linked = LearningEntry.statements.through.objects.filter(
        learningentry__owner=user, **in_scope
    ).values_list("statement_id", "learningentry_id")
    pairs = set(linked) | set(statuses)
    entries = LearningEntry.objects.only("title", "date", "hours").in_bulk(
        {entry_id for _s, entry_id in pairs}
    )

    def newest_first(pair):
        return entries[pair[1]].date, pair[1]

    for statement_id, entry_id in sorted(pairs, key=newest_first, reverse=True):
        status = statuses.get((statement_id, entry_id), "self-claimed")
        cells[statement_id].entries.append(EntryEvidence(entries[entry_id], status))


def _elsewhere(user, statements) -> list[TimelineItem]:
    """What other apps contributed towards these statements, at any time (the portfolio's
    own rows are counted directly above)."""
    return other_apps_timeline(
        user, datetime.date(1900, 1, 1), datetime.date(2200, 1, 1), statements=statements
    )
