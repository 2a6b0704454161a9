"""What programmes add to a person's portfolio timeline (see peerpath/lib/timeline.py).

Accepted activities and completed programmes are already learning-log entries, which
the portfolio shows itself; this adds placements and the events the person attended.
"""

import datetime

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from peerpath.frameworks.models import Statement
from peerpath.lib.timeline import TimelineItem, day_bounds, latest

from .models import Enrolment, Event, Placement


def timeline_items(
    user,
    start: datetime.date,
    end: datetime.date,
    *,
    limit=None,
    statements=None,
    evidence=False,
) -> list[TimelineItem]:
    """Placements overlapping [start, end] and events attended in it, for this person
    only. An attended event evidences no statement, so `statements` leaves it out."""
    placements = Placement.objects.filter(person=user, starts_on__lte=end, ends_on__gte=start)
    if statements is not None:
        placements = placements.filter(statements__in=statements).distinct()
    placements = placements.order_by("-starts_on")
    evidence = evidence or statements is not None
    if evidence:
        placements = placements.prefetch_related(
            Prefetch("statements", queryset=Statement.objects.only("pk"))
        )
    items = [
        TimelineItem(
            when=placement.starts_on,
            kind=placement.get_kind_display(),
            title=_("%(kind)s at %(host)s")
            % {"kind": placement.get_kind_display(), "host": placement.host},
            url=placement.get_absolute_url(),
            statement_ids=tuple(s.pk for s in placement.statements.all()) if evidence else (),
        )
        for placement in placements[:limit]
    ]
    if statements is not None:
        return items
    first, after = day_bounds(start, end)
    attended = (
        Enrolment.objects.filter(
            participant=user,
            attended=True,
            event__starts_at__gte=first,
            event__starts_at__lt=after,
        )
        .order_by("-event__starts_at")
        .values_list(
            "event_id", "event__starts_at", "event__kind", "event__title", "event__programme__slug"
        )
    )
    kinds = dict(Event.Kind.choices)
    items += [
        TimelineItem(
            when=timezone.localdate(starts_at),
            kind=str(kinds.get(kind, kind)),
            title=title,
            url=reverse("programmes:event", kwargs={"slug": slug, "event_id": event_id}),
        )
        for event_id, starts_at, kind, title, slug in attended[:limit]
    ]
    return latest(items, limit)
