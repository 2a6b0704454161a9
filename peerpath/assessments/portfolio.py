"""What self-evaluation and 360° feedback add to a person's portfolio timeline."""

import datetime

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from peerpath.lib.timeline import TimelineItem

from .models import FeedbackRound, SelfEvaluation, SelfRating


def _day_bounds(start: datetime.date, end: datetime.date):
    """From the start of `start` to the end of `end`, in the site's time zone."""
    zone = timezone.get_current_timezone()
    first = datetime.datetime.combine(start, datetime.time.min, tzinfo=zone)
    after = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min, zone)
    return first, after


def timeline_items(user, start: datetime.date, end: datetime.date) -> list[TimelineItem]:
    """Finished personal self-evaluations and closed 360° rounds from start to end.

    Days are in the site's time zone (Europe/London), both ends included. A
    self-evaluation lists the statements it rated, so the portfolio can show it as
    evidence against them.
    """
    first, after = _day_bounds(start, end)
    evaluations = SelfEvaluation.objects.filter(
        owner=user,
        organisation__isnull=True,
        completed_at__gte=first,
        completed_at__lt=after,
    ).prefetch_related(
        Prefetch("ratings", queryset=SelfRating.objects.only("evaluation_id", "statement_id"))
    )
    items = [
        TimelineItem(
            when=timezone.localdate(evaluation.completed_at),
            kind=_("Self-evaluation"),
            title=evaluation.framework.name,
            url=reverse("assessments:result", kwargs={"evaluation_id": evaluation.pk}),
            statement_ids=tuple(sorted(r.statement_id for r in evaluation.ratings.all())),
        )
        for evaluation in evaluations.select_related("framework")
    ]
    rounds = FeedbackRound.objects.filter(
        subject=user,
        status=FeedbackRound.Status.CLOSED,
        closed_at__gte=first,
        closed_at__lt=after,
    )
    items += [
        TimelineItem(
            when=timezone.localdate(round.closed_at),
            kind=_("360° feedback"),
            title=round.title,
            url=reverse("assessments:report", kwargs={"round_id": round.pk}),
        )
        for round in rounds
    ]
    return items
