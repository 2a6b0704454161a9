"""What self-evaluation and 360° feedback add to a person's portfolio timeline."""

import datetime
from collections import defaultdict

from django.utils import timezone
from django.utils.translation import gettext as _

from peerpath.lib.timeline import TimelineItem, day_bounds, latest, url_maker

from .models import FeedbackRound, SelfEvaluation, SelfRating


def timeline_items(
    user,
    start: datetime.date,
    end: datetime.date,
    *,
    limit=None,
    statements=None,
    evidence=False,
) -> list[TimelineItem]:
    """Finished personal self-evaluations and closed 360° rounds from start to end.

    Days are in the site's time zone (Europe/London), both ends included. A
    self-evaluation lists the statements it rated, so the portfolio can show it as
    evidence against them; a 360° round evidences none. The keywords as in
    peerpath/lib/timeline.py.
    """
    first, after = day_bounds(start, end)
    evaluations = SelfEvaluation.objects.filter(
        owner=user,
        organisation__isnull=True,
        completed_at__gte=first,
        completed_at__lt=after,
    )
    if statements is not None:
        evaluations = evaluations.filter(ratings__statement_id__in=statements).distinct()
    rows = list(
        evaluations.order_by("-completed_at").values_list("pk", "completed_at", "framework__name")[
            :limit
        ]
    )
    rated = defaultdict(list)
    if evidence or statements is not None:
        ratings = SelfRating.objects.filter(evaluation_id__in=[pk for pk, *_rest in rows])
        for evaluation_id, statement_id in ratings.values_list("evaluation_id", "statement_id"):
            rated[evaluation_id].append(statement_id)
    result_url = url_maker("assessments:result", "evaluation_id")
    items = [
        TimelineItem(
            when=timezone.localdate(completed_at),
            kind=_("Self-evaluation"),
            title=name,
            url=result_url(pk),
            statement_ids=tuple(sorted(rated[pk])),
        )
        for pk, completed_at, name in rows
    ]
    if statements is not None:
        return items  # a 360° round is feedback, not evidence against a statement
    rounds = FeedbackRound.objects.filter(
        subject=user,
        status=FeedbackRound.Status.CLOSED,
        closed_at__gte=first,
        closed_at__lt=after,
    ).order_by("-closed_at")
    report_url = url_maker("assessments:report", "round_id")
    items += [
        TimelineItem(
            when=timezone.localdate(closed_at),
            kind=_("360° feedback"),
            title=title,
            url=report_url(pk),
        )
        for pk, closed_at, title in rounds.values_list("pk", "closed_at", "title")[:limit]
    ]
    return latest(items, limit)
