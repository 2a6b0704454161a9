"""What programmes add to a person's portfolio timeline (see peerpath/lib/timeline.py).

Accepted activities and completed programmes are already learning-log entries, which
the portfolio shows itself; this adds placements and the events the person attended.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from peerpath.lib.timeline import TimelineItem

from .models import Enrolment, Placement


def timeline_items(user, start: datetime.date, end: datetime.date) -> list[TimelineItem]:
    """Placements overlapping [start, end] and events attended in it, for this person only."""
    items = [
        TimelineItem(
            when=placement.starts_on,
            kind=placement.get_kind_display(),
            title=_("%(kind)s at %(host)s")
            % {"kind": placement.get_kind_display(), "host": placement.host},
            url=placement.get_absolute_url(),
            statement_ids=tuple(s.pk for s in placement.statements.all()),
        )
        for placement in Placement.objects.filter(
            person=user, starts_on__lte=end, ends_on__gte=start
        ).prefetch_related("statements")
    ]
    attended = Enrolment.objects.filter(
        participant=user, attended=True, event__starts_at__date__range=(start, end)
    ).select_related("event__programme")
    items += [
        TimelineItem(
            when=timezone.localdate(enrolment.event.starts_at),
            kind=enrolment.event.get_kind_display(),
            title=enrolment.event.title,
            url=enrolment.event.get_absolute_url(),
        )
        for enrolment in attended
    ]
    return items
