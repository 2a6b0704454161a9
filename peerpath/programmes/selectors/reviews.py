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
    # A subquery rather than a join through memberships: the join repeated a submission
    # once per matching membership and needed DISTINCT over every column.
    their_people = Membership.objects.filter(organisation__in=their_orgs).values("user")
    return Q(activity__programme__in=managed) | Q(
        activity__programme__owner__isnull=True, participant__in=their_people
    )


def reviews_anything(user) -> bool:
    """Whether the person could review anyone's work at all. Most people cannot, so pages
    ask this cheap question before counting what is waiting."""
    if not user.is_authenticated:
        return False
    # Managing a programme needs one of these roles, so the roles alone answer it; the
    # memberships are the ones the page's navigation has read already.
    return user.is_superuser or any(m.role in MANAGING_ROLES for m in user.memberships_for_pages)


def submissions_waiting_for(user, programme: Programme | None = None):
    """Work waiting for review that this person may review, oldest first; never their own."""
    if not user.is_authenticated:
        return Submission.objects.none()
    waiting = (
        Submission.objects.filter(_reviewable(user), status=Submission.Status.SUBMITTED)
        .exclude(participant=user)
        .select_related("activity__programme", "participant")
        .order_by("submitted_at")
    )
    if programme is not None:
        waiting = waiting.filter(activity__programme=programme)
    return waiting


def may_review(user, submission: Submission) -> bool:
    if not user.is_authenticated or submission.participant_id == user.pk:
        return False
    return Submission.objects.filter(_reviewable(user), pk=submission.pk).exists()
