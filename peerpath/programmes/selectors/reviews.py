"""Who may review whose work, and what is waiting for them."""

from django.db.models import Q

from peerpath.accounts.models import Membership

from ..models import Programme, Submission
from ..models.programmes import MANAGING_ROLES


def _reviewable(user) -> Q:
    """Programmes the person manages; for shipped programmes, work by people in the
    organisations where the person is a coordinator or admin."""
    if user.is_superuser:
        return Q()
    managed = Programme.objects.managed_by(user).values("pk")
    their_orgs = Membership.objects.filter(user=user, role__in=MANAGING_ROLES).values(
        "organisation"
    )
    return Q(activity__programme__in=managed) | Q(
        activity__programme__owner__isnull=True,
        participant__memberships__organisation__in=their_orgs,
    )


def submissions_waiting_for(user, programme: Programme | None = None):
    """Work waiting for review that this person may review, oldest first; never their own."""
    if not user.is_authenticated:
        return Submission.objects.none()
    waiting = (
        Submission.objects.filter(_reviewable(user), status=Submission.Status.SUBMITTED)
        .exclude(participant=user)
        .select_related("activity__programme", "participant")
        .distinct()
        .order_by("submitted_at")
    )
    if programme is not None:
        waiting = waiting.filter(activity__programme=programme)
    return waiting


def may_review(user, submission: Submission) -> bool:
    if not user.is_authenticated or submission.participant_id == user.pk:
        return False
    return Submission.objects.filter(_reviewable(user), pk=submission.pk).exists()
