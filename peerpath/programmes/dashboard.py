"""The programmes card on the signed-in home page."""

from peerpath.accounts.models import Membership

from .models import Programme
from .models.programmes import MANAGING_ROLES
from .selectors.events import upcoming_events_for
from .selectors.progress import activities_done_by
from .selectors.reviews import submissions_waiting_for


def card(request) -> dict | None:
    user = request.user
    # Most people review nobody's work: ask the costly question only of those who might.
    reviews = (
        user.is_superuser
        or Programme.objects.managed_by(user).exists()
        or (Membership.objects.filter(user=user, role__in=MANAGING_ROLES).exists())
    )
    return {
        "done_count": activities_done_by(user).count(),
        "upcoming": list(upcoming_events_for(user)[:3]),
        "to_review": submissions_waiting_for(user).count() if reviews else 0,
    }
