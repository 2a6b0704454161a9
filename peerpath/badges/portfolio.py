"""What badges add to the portfolio timeline: one item per badge earned (not revoked)."""

import datetime
from collections import defaultdict

from django.utils import timezone
from django.utils.translation import gettext

from peerpath.lib.timeline import TimelineItem, day_bounds, url_maker

from .models import Achievement, Credential


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
    rows = list(
        credentials.order_by("-issued_at").values_list(
            "uuid", "issued_at", "achievement_id", "achievement__name"
        )[:limit]
    )
    aligned = defaultdict(list)
    if evidence or statements is not None:
        links = Achievement.statements.through.objects.filter(
            achievement_id__in={achievement_id for _u, _i, achievement_id, _n in rows}
        )
        for achievement_id, statement_id in links.values_list("achievement_id", "statement_id"):
            aligned[achievement_id].append(statement_id)
    url, kind = url_maker("badges:credential", "credential_uuid"), gettext("Badge")
    return [
        TimelineItem(
            when=timezone.localdate(issued_at),
            kind=kind,
            title=name,
            url=url(uuid),
            statement_ids=tuple(sorted(aligned[achievement_id])),
        )
        for uuid, issued_at, achievement_id, name in rows
    ]
