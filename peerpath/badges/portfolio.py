"""What badges add to the portfolio timeline: one item per badge earned (not revoked)."""

import datetime

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext

from peerpath.frameworks.models import Statement
from peerpath.lib.timeline import TimelineItem, day_bounds

from .models import Credential


def timeline_items(
    user,
    start: datetime.date,
    end: datetime.date,
    *,
    limit=None,
    statements=None,
    evidence=False,
) -> list[TimelineItem]:
    """The keywords as in peerpath/lib/timeline.py: a badge evidences the statements its
    achievement is aligned to."""
    first, after = day_bounds(start, end)
    credentials = Credential.objects.current().filter(
        recipient=user, issued_at__gte=first, issued_at__lt=after
    )
    if statements is not None:
        credentials = credentials.filter(achievement__statements__in=statements).distinct()
    credentials = credentials.select_related("achievement").order_by("-issued_at")
    evidence = evidence or statements is not None
    if evidence:
        credentials = credentials.prefetch_related(
            Prefetch("achievement__statements", queryset=Statement.objects.only("pk"))
        )
    return [
        TimelineItem(
            when=timezone.localdate(credential.issued_at),
            kind=gettext("Badge"),
            title=credential.achievement.name,
            url=credential.get_absolute_url(),
            statement_ids=tuple(s.pk for s in credential.achievement.statements.all())
            if evidence
            else (),
        )
        for credential in credentials[:limit]
    ]
