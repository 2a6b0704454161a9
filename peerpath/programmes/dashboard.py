"""The programmes card on the signed-in home page."""

from .selectors.events import upcoming_events_for
from .selectors.progress import activities_done_by
from .selectors.reviews import submissions_waiting_for


def card(request) -> dict | None:
    user = request.user
    return {
        "done_count": activities_done_by(user).count(),
        "upcoming": list(upcoming_events_for(user)[:3]),
        "to_review": submissions_waiting_for(user).count(),
    }
