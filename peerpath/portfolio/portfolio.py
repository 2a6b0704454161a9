"""The portfolio's own contribution to a person's timeline (see peerpath.lib.timeline).

Goals appear when set and when achieved, entries on the day of the learning, plan items
when added, and claims when assessed. Each carries the statements it evidences, so the
capability view can use the same items.
"""

import datetime
import importlib

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from peerpath.lib.timeline import CONTRIBUTING_APPS, TimelineItem

from .models import Claim, ClaimItem, Goal, LearningEntry, PlanItem


def _local_date(moment: datetime.datetime) -> datetime.date:
    return timezone.localtime(moment).date()


def _in(start: datetime.date, end: datetime.date, day: datetime.date | None) -> bool:
    return day is not None and start <= day <= end


def timeline_items(user, start: datetime.date, end: datetime.date) -> list[TimelineItem]:
    return [
        *_entry_items(user, start, end),
        *_goal_items(user, start, end),
        *_plan_items(user, start, end),
        *_claim_items(user, start, end),
    ]


def _entry_items(user, start, end) -> list[TimelineItem]:
    entries = LearningEntry.objects.filter(owner=user, date__range=(start, end))
    return [
        TimelineItem(
            when=entry.date,
            kind=str(_("Learning")),
            title=entry.title,
            url=entry.get_absolute_url(),
            statement_ids=tuple(s.pk for s in entry.statements.all()),
        )
        for entry in entries.prefetch_related("statements")
    ]


def _goal_items(user, start, end) -> list[TimelineItem]:
    items = []
    for goal in Goal.objects.filter(owner=user).prefetch_related("statements"):
        statement_ids = tuple(s.pk for s in goal.statements.all())
        set_on = _local_date(goal.created_at)
        if _in(start, end, set_on):
            items.append(
                TimelineItem(set_on, str(_("Goal set")), goal.title, goal.get_absolute_url())
            )
        if _in(start, end, goal.achieved_on):
            items.append(
                TimelineItem(
                    goal.achieved_on,
                    str(_("Goal achieved")),
                    goal.title,
                    goal.get_absolute_url(),
                    statement_ids,
                )
            )
    return items


def _plan_items(user, start, end) -> list[TimelineItem]:
    items = []
    for item in PlanItem.objects.filter(owner=user):
        added = _local_date(item.created_at)
        if _in(start, end, added):
            title = item.action if len(item.action) <= 120 else item.action[:117] + "…"
            items.append(
                TimelineItem(added, str(_("Development plan")), title, reverse("portfolio:plan"))
            )
    return items


def _claim_items(user, start, end) -> list[TimelineItem]:
    items = []
    claims = Claim.objects.filter(owner=user, status=Claim.Status.ASSESSED).select_related(
        "framework"
    )
    for claim in claims:
        day = _local_date(claim.assessed_at)
        if not _in(start, end, day):
            continue
        accepted = claim.items.filter(decision=ClaimItem.Decision.ACCEPTED)
        items.append(
            TimelineItem(
                day,
                str(_("Assessed")),
                _("%(framework)s: %(count)s items accepted by %(assessor)s")
                % {
                    "framework": claim.framework.name,
                    "count": accepted.count(),
                    "assessor": claim.assessor_name,
                },
                claim.get_absolute_url(),
                tuple(accepted.values_list("statement_id", flat=True)),
            )
        )
    return items


def other_apps_timeline(user, start: datetime.date, end: datetime.date) -> list[TimelineItem]:
    """Timeline items from every contributing app except the portfolio itself."""
    items: list[TimelineItem] = []
    for app in CONTRIBUTING_APPS:
        if app == "portfolio":
            continue
        name = f"peerpath.{app}.portfolio"
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
            continue
        items += module.timeline_items(user, start, end)
    return sorted(items, key=lambda item: item.when, reverse=True)
