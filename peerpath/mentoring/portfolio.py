"""What mentoring adds to a person's portfolio timeline: confirmed sessions and pairings.

Private notes are never part of it; a session links to the pair's own page.
"""

import datetime
from collections import defaultdict

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from peerpath.lib.timeline import TimelineItem, day_bounds, latest, url_maker

from .models import Pairing, Session


def timeline_items(
    user,
    start: datetime.date,
    end: datetime.date,
    *,
    limit=None,
    statements=None,
    evidence=False,
) -> list[TimelineItem]:
    """Confirmed sessions and pairings from start to end, both days included. A session
    evidences the discussion themes it covered; a pairing evidences nothing. The
    keywords as in peerpath/lib/timeline.py."""
    first, after = day_bounds(start, end)
    pairings = {
        pk: (created_at, partner, scheme)
        for pk, created_at, mentor_id, mentor, mentee, scheme in Pairing.objects.filter(
            Q(mentor=user) | Q(mentee=user)
        ).values_list(
            "pk",
            "created_at",
            "mentor_id",
            "mentor__full_name",
            "mentee__full_name",
            "cohort__scheme__name",
        )
        for partner in [mentee if mentor_id == user.pk else mentor]
    }
    if not pairings:
        return []
    sessions = Session.objects.filter(
        pairing_id__in=pairings,
        status=Session.Status.CONFIRMED,
        starts_at__gte=first,
        starts_at__lt=after,
    )
    if statements is not None:
        sessions = sessions.filter(themes__in=statements).distinct()
    sessions = sessions.order_by("-starts_at").values_list("pk", "pairing_id", "starts_at")
    rows = list(sessions[:limit])
    themes = defaultdict(list)
    if evidence or statements is not None:
        covered = Session.themes.through.objects.filter(session_id__in=[pk for pk, *_rest in rows])
        for session_id, theme_id in covered.values_list("session_id", "statement_id"):
            themes[session_id].append(theme_id)
    titles, urls = {}, {}
    for pk, (_created_at, partner, _scheme) in pairings.items():
        titles[pk] = _("Session with %(name)s") % {"name": partner}
        urls[pk] = url_maker("mentoring:session", "session_id", pairing_id=pk)
    kind = _("Session")
    items = [
        TimelineItem(
            when=timezone.localtime(starts_at).date(),
            kind=kind,
            title=titles[pairing_id],
            url=urls[pairing_id](pk),
            statement_ids=tuple(themes[pk]),
        )
        for pk, pairing_id, starts_at in rows
    ]
    if statements is not None:
        return items
    made = sorted(
        ((pk, *row) for pk, row in pairings.items() if first <= row[0] < after),
        key=lambda made: made[1],
        reverse=True,
    )
    url = url_maker("mentoring:pairing", "pairing_id")
    items += [
        TimelineItem(
            when=timezone.localtime(created_at).date(),
            kind=_("Pairing"),
            title=_("Paired with %(name)s in %(scheme)s") % {"name": partner, "scheme": scheme},
            url=url(pk),
        )
        for pk, created_at, partner, scheme in made[:limit]
    ]
    return latest(items, limit)
