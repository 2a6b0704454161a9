"""Learning sets as members see them, and as coordinators see them (never the content)."""

from django.db.models import Count, Q

from peerpath.accounts.models import Organisation, User

from ..models import LearningSet, LearningSetIssue
from ..models.programmes import MANAGING_ROLES


def sets_of(user):
    """Sets the person is a member or the facilitator of."""
    return (
        LearningSet.objects.filter(Q(members__person=user) | Q(facilitator=user))
        .select_related("owner", "facilitator")
        .distinct()
    )


def organisations_run_by(user):
    """Organisations where the person can set up learning sets and programmes."""
    if user.is_superuser:
        return Organisation.objects.all()
    return Organisation.objects.filter(
        memberships__user=user, memberships__role__in=MANAGING_ROLES
    ).distinct()


def sets_run_by(user):
    """Sets in organisations the person coordinates, with counts only."""
    return (
        LearningSet.objects.filter(owner__in=organisations_run_by(user))
        .select_related("owner", "facilitator")
        .annotate(
            member_count=Count("members", distinct=True),
            meeting_count=Count("meetings", distinct=True),
        )
    )


def can_run_set(user, learning_set: LearningSet) -> bool:
    if not user.is_authenticated:
        return False
    return (
        user.is_superuser
        or user.memberships.filter(
            organisation_id=learning_set.owner_id, role__in=MANAGING_ROLES
        ).exists()
    )


def set_contents(learning_set: LearningSet):
    """Everything the set has written: for its members and facilitator only."""
    issues = (
        LearningSetIssue.objects.filter(learning_set=learning_set)
        .select_related("member")
        .prefetch_related("actions")
    )
    return {
        "members": learning_set.members.select_related("person"),
        "meetings": learning_set.meetings.all(),
        "issues": issues,
        "notes": learning_set.notes.select_related("author", "meeting"),
    }


def people_of(organisation: Organisation):
    """People in an organisation, for choosing set members and facilitators."""
    return (
        User.objects.filter(memberships__organisation=organisation, is_active=True)
        .distinct()
        .order_by("full_name")
    )
