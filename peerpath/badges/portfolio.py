"""What badges add to the portfolio timeline: one item per badge earned (not revoked)."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext

from peerpath.lib.timeline import TimelineItem

from .models import Credential


def timeline_items(user, start: datetime.date, end: datetime.date) -> list[TimelineItem]:
    credentials = (
        Credential.objects.current()
        .filter(recipient=user, issued_at__date__range=(start, end))
        .select_related("achievement")
        .prefetch_related("achievement__statements")
    )
    return [
        TimelineItem(
            when=timezone.localdate(credential.issued_at),
            kind=gettext("Badge"),
            title=credential.achievement.name,
            url=credential.get_absolute_url(),
            statement_ids=tuple(s.pk for s in credential.achievement.statements.all()),
        )
        for credential in credentials
    ]
