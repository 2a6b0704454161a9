"""What mentoring adds to a person's portfolio timeline: confirmed sessions and pairings.

Private notes are never part of it; a session links to the pair's own page.
"""

import datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from peerpath.lib.timeline import TimelineItem

from .models import Pairing, Session


def _day_bounds(start: datetime.date, end: datetime.date):
    """From the start of `start` to the start of the day after `end`, in the site's time
    zone (Europe/London): comparing the columns themselves lets the database use an index."""
    zone = timezone.get_current_timezone()
    first = datetime.datetime.combine(start, datetime.time.min, tzinfo=zone)
    after = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min, zone)
    return first, after


def timeline_items(user, start: datetime.date, end: datetime.date) -> list[TimelineItem]:
    """Confirmed sessions and pairings from start to end, both days included."""
    first, after = _day_bounds(start, end)
    mine = Q(pairing__mentor=user) | Q(pairing__mentee=user)
    sessions = (
        Session.objects.filter(mine, status=Session.Status.CONFIRMED)
        .filter(starts_at__gte=first, starts_at__lt=after)
        .select_related("pairing__mentor", "pairing__mentee", "pairing__cohort__scheme")
        .prefetch_related("themes")
    )
    items = [
        TimelineItem(
            when=timezone.localtime(session.starts_at).date(),
            kind=_("Session"),
            title=_("Session with %(name)s") % {"name": session.pairing.partner_of(user).full_name},
            url=session.get_absolute_url(),
            statement_ids=tuple(theme.pk for theme in session.themes.all()),
        )
        for session in sessions
    ]
    pairings = (
        Pairing.objects.filter(Q(mentor=user) | Q(mentee=user))
        .filter(created_at__gte=first, created_at__lt=after)
        .select_related("mentor", "mentee", "cohort__scheme")
    )
    items += [
        TimelineItem(
            when=timezone.localtime(pairing.created_at).date(),
            kind=_("Pairing"),
            title=_("Paired with %(name)s in %(scheme)s")
            % {"name": pairing.partner_of(user).full_name, "scheme": pairing.cohort.scheme.name},
            url=pairing.get_absolute_url(),
        )
        for pairing in pairings
    ]
    return items
