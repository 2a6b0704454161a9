"""Running an action learning set. What members write stays inside the set."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import (
    LearningSet,
    LearningSetAction,
    LearningSetIssue,
    LearningSetMeeting,
    LearningSetMember,
    LearningSetNote,
)

MAX_MEMBERS = 8  # action learning works in small groups; the facilitator is extra


def learning_set_create(*, owner, name: str, theme: str, facilitator, members, programme=None):
    """Create a set with its facilitator and members (one theme, at most MAX_MEMBERS)."""
    members = [m for m in dict.fromkeys(members) if m != facilitator]
    if len(members) > MAX_MEMBERS:
        raise ValidationError(
            {"members": _("A learning set has at most %(n)s members.") % {"n": MAX_MEMBERS}}
        )
    with transaction.atomic():
        learning_set = LearningSet.objects.create(
            owner=owner, name=name, theme=theme, facilitator=facilitator, programme=programme
        )
        LearningSetMember.objects.bulk_create(
            LearningSetMember(learning_set=learning_set, person=person) for person in members
        )
    return learning_set


def learning_set_add_member(*, learning_set: LearningSet, person) -> LearningSetMember:
    """Add someone to the set; adding them twice changes nothing."""
    with transaction.atomic():
        LearningSet.objects.select_for_update().get(pk=learning_set.pk)
        existing = learning_set.members.filter(person=person).first()
        if existing is not None:
            return existing
        if person.pk == learning_set.facilitator_id:
            raise ValidationError(_("The facilitator is already part of the set."))
        if learning_set.members.count() >= MAX_MEMBERS:
            raise ValidationError(
                _("A learning set has at most %(n)s members.") % {"n": MAX_MEMBERS}
            )
        return LearningSetMember.objects.create(learning_set=learning_set, person=person)


def meeting_add(*, learning_set: LearningSet, starts_at, place: str = "") -> LearningSetMeeting:
    return LearningSetMeeting.objects.create(
        learning_set=learning_set, starts_at=starts_at, place=place
    )


def issue_add(*, learning_set: LearningSet, member, title: str, description: str = ""):
    """A member brings an issue to the set."""
    if not learning_set.members.filter(person=member).exists():
        raise ValidationError(_("Only members of the set bring issues to it."))
    return LearningSetIssue.objects.create(
        learning_set=learning_set, member=member, title=title, description=description
    )


def action_add(*, issue: LearningSetIssue, text: str, due_on=None) -> LearningSetAction:
    return LearningSetAction.objects.create(issue=issue, text=text, due_on=due_on)


def action_set_done(*, action: LearningSetAction, done: bool) -> LearningSetAction:
    action.done_at = timezone.now() if done else None
    action.save(update_fields=["done_at"])
    return action


def note_add(*, learning_set: LearningSet, author, text: str, meeting=None) -> LearningSetNote:
    """A note for the set's eyes only (members and facilitator)."""
    if not learning_set.is_in_set(author):
        raise ValidationError(_("Only people in the set can write in it."))
    return LearningSetNote.objects.create(
        learning_set=learning_set, author=author, text=text, meeting=meeting
    )
