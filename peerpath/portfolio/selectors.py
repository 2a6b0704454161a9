"""Reads for portfolio pages. Each takes the owner and never returns anyone else's rows."""

import datetime
from dataclasses import dataclass

from django.db.models import Case, Count, F, Prefetch, Q, QuerySet, Value, When

from peerpath.frameworks.models import Framework, Statement
from peerpath.lib.search import fold

from .models import (
    Claim,
    ClaimItem,
    Evidence,
    Goal,
    LearningEntry,
    PlanComment,
    PlanItem,
    PlanShare,
)

SEARCH_LIMIT = 30


def pickable_frameworks(user) -> QuerySet[Framework]:
    """Current published frameworks a person can link learning to (incl. external standards)."""
    return Framework.objects.published().current().order_by("name")


def statement_search(user, query: str, framework_slug: str = "") -> tuple[list[Statement], int]:
    """Statements of current frameworks matching every word of `query` (in the text, code,
    or capability name), at most SEARCH_LIMIT of them, and how many more there are."""
    statements = Statement.objects.filter(framework__in=pickable_frameworks(user))
    if framework_slug:
        statements = statements.filter(framework__slug=framework_slug)
    words = query.split()[:8]
    if not words and not framework_slug:
        return [], 0
    for word in words:
        statements = statements.filter(
            Q(text__icontains=word)
            | Q(code__icontains=word)
            | Q(domain__name__icontains=word)
            | Q(description__icontains=word)
        )
    statements = statements.select_related("framework", "domain").order_by(
        "framework__name", "domain__position", "position"
    )
    found = list(statements[: SEARCH_LIMIT + 1])
    if len(found) <= SEARCH_LIMIT:
        return found, 0
    return found[:SEARCH_LIMIT], statements.count() - SEARCH_LIMIT


def with_links(entries: QuerySet[LearningEntry]) -> QuerySet[LearningEntry]:
    return entries.prefetch_related(
        Prefetch(
            "statements",
            queryset=Statement.objects.select_related("framework", "domain").order_by(
                "framework__name", "domain__position", "position"
            ),
        ),
        "evidence",
        "goals",
    )


@dataclass(frozen=True)
class LogFilter:
    """What a person is looking for in their log; empty fields match everything."""

    query: str = ""
    kind: str = ""
    start: datetime.date | None = None
    end: datetime.date | None = None
    framework: str = ""  # slug

    @property
    def is_active(self) -> bool:
        return any([self.query, self.kind, self.start, self.end, self.framework])


def log_entries(user, wanted: LogFilter = LogFilter()) -> QuerySet[LearningEntry]:
    """The person's entries matching `wanted`, newest first, with their links loaded."""
    entries = LearningEntry.objects.filter(owner=user)
    for word in wanted.query.split()[:8]:
        entries = entries.filter(
            Q(search_text__contains=fold(word))
            | Q(statements__text__icontains=word)
            | Q(statements__code__iexact=word)
        )
    if wanted.kind:
        entries = entries.filter(kind=wanted.kind)
    if wanted.start:
        entries = entries.filter(date__gte=wanted.start)
    if wanted.end:
        entries = entries.filter(date__lte=wanted.end)
    if wanted.framework:
        entries = entries.filter(statements__framework__slug=wanted.framework)
    ids = entries.values("pk")  # a subquery keeps the join's duplicates out
    return with_links(LearningEntry.objects.filter(pk__in=ids)).order_by("-date", "-created_at")


def for_log_page(entries: QuerySet[LearningEntry]) -> QuerySet[LearningEntry]:
    """`entries` with only what a page of the log shows: no reflections, no goals, the
    statements' codes and framework names, and how many pieces of evidence."""
    statements = (
        Statement.objects.select_related("framework")
        .only("code", "text", "framework__name")
        .order_by("framework__name", "domain__position", "position")
    )
    return (
        entries.prefetch_related(None)
        .only("title", "kind", "date", "hours", "created_at")
        .prefetch_related(
            Prefetch("statements", queryset=statements),
            Prefetch("evidence", queryset=Evidence.objects.only("entry_id")),
        )
    )


def entry_of(user, entry_id: int) -> LearningEntry | None:
    return with_links(LearningEntry.objects.filter(owner=user, pk=entry_id)).first()


def evidence_of(user, entry_id: int, evidence_id: int) -> Evidence | None:
    return Evidence.objects.filter(entry__owner=user, entry_id=entry_id, pk=evidence_id).first()


def goals_of(user) -> QuerySet[Goal]:
    """Open goals first (soonest target first), then achieved and dropped ones."""
    is_closed = Case(
        When(status__in=[Goal.Status.ACHIEVED, Goal.Status.DROPPED], then=Value(1)),
        default=Value(0),
    )
    return (
        Goal.objects.filter(owner=user)
        .annotate(entry_count=Count("learning_entries", distinct=True), closed=is_closed)
        .order_by("closed", F("target_date").asc(nulls_last=True), "created_at")
    )


def goals_in_full(user) -> QuerySet[Goal]:
    """`goals_of` with each goal's capabilities, notes and objective, for the export."""
    return (
        goals_of(user)
        .prefetch_related(
            Prefetch("statements", queryset=Statement.objects.select_related("framework")),
            "notes",
        )
        .select_related("objective__organisation")
    )


def plan_of(user) -> QuerySet[PlanItem]:
    """The person's plan: unfinished items first, soonest target first."""
    is_closed = Case(
        When(status__in=[PlanItem.Status.DONE, PlanItem.Status.DROPPED], then=Value(1)),
        default=Value(0),
    )
    return (
        PlanItem.objects.filter(owner=user)
        .select_related("statement__framework", "domain__framework")
        .annotate(closed=is_closed)
        .order_by("closed", F("target_date").asc(nulls_last=True), "created_at")
    )


def plan_comments(owner) -> QuerySet[PlanComment]:
    return PlanComment.objects.filter(plan_owner=owner).select_related("item", "author")


def active_shares_of(owner) -> QuerySet[PlanShare]:
    return PlanShare.objects.active().filter(owner=owner).select_related("viewer")


def share_for_viewer(viewer, share_id: int) -> PlanShare | None:
    """An active share of someone's plan with `viewer`; None once withdrawn."""
    return (
        PlanShare.objects.active()
        .filter(pk=share_id, viewer=viewer)
        .select_related("owner")
        .first()
    )


def plans_shared_with(viewer) -> QuerySet[PlanShare]:
    return PlanShare.objects.active().filter(viewer=viewer).select_related("owner")


def claims_of(user) -> QuerySet[Claim]:
    return (
        Claim.objects.filter(owner=user)
        .select_related("framework")
        .annotate(
            item_count=Count("items", distinct=True),
            accepted_count=Count(
                "items", filter=Q(items__decision=ClaimItem.Decision.ACCEPTED), distinct=True
            ),
        )
    )


def claim_items(claim: Claim) -> QuerySet[ClaimItem]:
    return claim.items.select_related("statement__domain").prefetch_related(
        Prefetch("entries", queryset=with_links(LearningEntry.objects.all()))
    )
