"""The home-page card: what is waiting in self-evaluation and 360° feedback."""

from .models import FeedbackRound, SelfEvaluation, Share
from .selectors.reports import group_summaries_of


def card(request) -> dict | None:
    """Half-done evaluations to carry on, open rounds' answer counts, new shares.

    None (no card) when there is nothing to carry on, follow or read.
    """
    user = request.user
    unfinished = (
        SelfEvaluation.objects.filter(
            owner=user, organisation__isnull=True, completed_at__isnull=True
        )
        .select_related("framework")
        .order_by("-updated_at")
        .first()
    )
    rounds = []
    open_rounds = list(
        FeedbackRound.objects.filter(subject=user, status=FeedbackRound.Status.OPEN).order_by(
            "closes_on"
        )[:3]
    )
    summaries = group_summaries_of(open_rounds)
    for round in open_rounds:
        groups = summaries[round.pk]
        rounds.append(
            {
                "round": round,
                "answered": sum(g.answered for g in groups),
                "invited": sum(g.invited for g in groups),
            }
        )
    shared = Share.objects.filter(shared_with=user, withdrawn_at__isnull=True).count()
    if unfinished is None and not rounds and not shared:
        return None
    return {"unfinished": unfinished, "rounds": rounds, "shared": shared}
