"""The programmes card on the signed-in home page."""

from .selectors.events import upcoming_events_for
from .selectors.progress import activities_done_by
from .selectors.reviews import reviews_anything, submissions_waiting_for


def card(request) -> dict | None:
    user = request.user
    return {
        "done_count": activities_done_by(user).count(),
        "upcoming": list(upcoming_events_for(user)[:3]),
        # Most people review nobody's work: ask the costly question only of those who might.
        "to_review": submissions_waiting_for(user).count() if reviews_anything(user) else 0,
    }
