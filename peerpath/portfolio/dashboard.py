"""The portfolio's card on the signed-in home page."""

from django.utils import timezone

from .capabilities import hours_by_kind
from .models import Goal, LearningEntry
from .periods import year_ago
from .selectors import plans_shared_with


def card(request) -> dict | None:
    user = request.user
    today = timezone.localdate()
    entries = LearningEntry.objects.filter(owner=user, date__range=(year_ago(today), today))
    _rows, total = hours_by_kind(entries)
    return {
        "entries": total.entries,
        "hours": total.hours,
        "open_goals": Goal.objects.filter(
            owner=user, status__in=[Goal.Status.NOT_STARTED, Goal.Status.IN_PROGRESS]
        ).count(),
        "shared_with_me": plans_shared_with(user).count(),
        "admin_of": user.administered_for_pages,
    }
