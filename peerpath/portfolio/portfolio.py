"""The portfolio's own contribution to a person's timeline (see peerpath.lib.timeline).

Goals appear when set and when achieved, entries on the day of the learning, plan items
when added, and claims when assessed. Each carries the statements it evidences, so the
capability view can use the same items.
"""

import datetime
from collections import defaultdict

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from peerpath.frameworks.models import Statement
from peerpath.lib.timeline import (
    CONTRIBUTING_APPS,
    TimelineItem,
    collect_timeline,
    day_bounds,
    latest,
    url_maker,
)

from .models import Claim, ClaimItem, Goal, LearningEntry, PlanItem


def _local_date(moment: datetime.datetime) -> datetime.date:
    return timezone.localtime(moment).date()


def _in(start: datetime.date, end: datetime.date, day: datetime.date | None) -> bool:
    return day is not None and start <= day <= end


def timeline_items(
    user,
    start: datetime.date,
    end: datetime.date,
    *,
    limit=None,
    statements=None,
    evidence=False,
) -> list[TimelineItem]:
    """Entries, goals, plan items and assessed claims from start to end (see lib/timeline)."""
    evidence = evidence or statements is not None
    return latest(
        [
            *_entry_items(user, start, end, limit, statements, evidence),
            *_goal_items(user, start, end, limit, statements, evidence),
            *_plan_items(user, start, end, limit, statements),
            *_claim_items(user, start, end, limit, statements),
        ],
        limit,
    )


def _entry_items(user, start, end, limit, statements, evidence) -> list[TimelineItem]:
    entries = LearningEntry.objects.filter(owner=user, date__range=(start, end))
    if statements is not None:
        entries = entries.filter(statements__in=statements).distinct()
    rows = list(entries.order_by("-date", "-created_at").values_list("pk", "date", "title")[:limit])
    evidences = defaultdict(list)
    if evidence:
        links = LearningEntry.statements.through.objects.filter(
            learningentry_id__in=[pk for pk, _date, _title in rows]
        ).values_list("learningentry_id", "statement_id")
        for entry_id, statement_id in links.order_by("statement_id"):
            evidences[entry_id].append(statement_id)
    url, kind = url_maker("portfolio:entry", "entry_id"), str(_("Learning"))
    return [
        TimelineItem(day, kind, title, url(pk), tuple(evidences[pk])) for pk, day, title in rows
    ]


def _goal_items(user, start, end, limit, statements, evidence) -> list[TimelineItem]:
    items = []
    goals = Goal.objects.filter(owner=user).only("title", "created_at", "achieved_on")
    if evidence:
        goals = goals.prefetch_related(
            Prefetch("statements", queryset=Statement.objects.only("pk"))
        )
    for goal in goals:
        statement_ids = tuple(s.pk for s in goal.statements.all()) if evidence else ()
        set_on = _local_date(goal.created_at)
        if _in(start, end, set_on) and statements is None:
            items.append(
                TimelineItem(set_on, str(_("Goal set")), goal.title, goal.get_absolute_url())
            )
        if _in(start, end, goal.achieved_on) and _evidences(statement_ids, statements):
            items.append(
                TimelineItem(
                    goal.achieved_on,
                    str(_("Goal achieved")),
                    goal.title,
                    goal.get_absolute_url(),
                    statement_ids,
                )
            )
    return latest(items, limit)


def _plan_items(user, start, end, limit, statements) -> list[TimelineItem]:
    if statements is not None:
        return []  # a plan item is not evidence
    items = []
    first, after = day_bounds(start, end)
    plan = PlanItem.objects.filter(owner=user, created_at__gte=first, created_at__lt=after)
    for item in plan.order_by("-created_at")[:limit]:
        title = item.action if len(item.action) <= 120 else item.action[:117] + "…"
        items.append(
            TimelineItem(
                _local_date(item.created_at),
                str(_("Development plan")),
                title,
                reverse("portfolio:plan"),
            )
        )
    return items


def _claim_items(user, start, end, limit, statements) -> list[TimelineItem]:
    first, after = day_bounds(start, end)
    accepted = ClaimItem.objects.filter(decision=ClaimItem.Decision.ACCEPTED).only(
        "claim_id", "statement_id"
    )
    claims = (
        Claim.objects.filter(
            owner=user,
            status=Claim.Status.ASSESSED,
            assessed_at__gte=first,
            assessed_at__lt=after,
        )
        .select_related("framework")
        .prefetch_related(Prefetch("items", queryset=accepted, to_attr="accepted"))
        .order_by("-assessed_at")
    )
    items = []
    for claim in claims:
        statement_ids = tuple(item.statement_id for item in claim.accepted)
        if not _evidences(statement_ids, statements):
            continue
        items.append(
            TimelineItem(
                _local_date(claim.assessed_at),
                str(_("Assessed")),
                _("%(framework)s: %(count)s items accepted by %(assessor)s")
                % {
                    "framework": claim.framework.name,
                    "count": len(statement_ids),
                    "assessor": claim.assessor_name,
                },
                claim.get_absolute_url(),
                statement_ids,
            )
        )
    return latest(items, limit)


def _evidences(statement_ids, statements) -> bool:
    return statements is None or not set(statements).isdisjoint(statement_ids)


def other_apps_timeline(
    user, start: datetime.date, end: datetime.date, *, statements=None
) -> list[TimelineItem]:
    """Timeline items from every contributing app except the portfolio itself, with the
    statements they evidence."""
    apps = [app for app in CONTRIBUTING_APPS if app != "portfolio"]
    return collect_timeline(user, start, end, statements=statements, evidence=True, apps=apps)
