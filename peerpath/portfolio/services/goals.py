"""Goals and the notes of progress towards them."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peerpath.frameworks.models import Statement

from ..models import Goal, GoalNote, OrganisationObjective


def goal_save(
    *,
    owner,
    title: str,
    goal: Goal | None = None,
    why: str = "",
    statements: Iterable[Statement] = (),
    target_date: datetime.date | None = None,
    status: str = Goal.Status.NOT_STARTED,
    objective: OrganisationObjective | None = None,
) -> Goal:
    """Create (goal=None) or change one of the person's goals.

    Guarantees: an objective comes from one of the owner's organisations; the date a goal
    was achieved is kept when it is marked achieved and cleared if it is reopened.
    """
    if (
        objective is not None
        and not owner.memberships.filter(organisation_id=objective.organisation_id).exists()
    ):
        raise ValidationError(_("Choose an objective of your own organisation."), code="objective")
    with transaction.atomic():
        if goal is None:
            goal = Goal(owner=owner)
        elif goal.owner_id != owner.pk:
            raise ValidationError(_("Not your goal."))
        goal.title = title
        goal.why = why
        goal.target_date = target_date
        if status == Goal.Status.ACHIEVED and goal.status != Goal.Status.ACHIEVED:
            goal.achieved_on = timezone.localdate()
        elif status != Goal.Status.ACHIEVED:
            goal.achieved_on = None
        goal.status = status
        goal.objective = objective
        goal.objective_text = str(objective.title) if objective else ""
        goal.full_clean(exclude=["owner"])
        goal.save()
        goal.statements.set(list(statements))
    return goal


def goal_note_add(*, goal: Goal, text: str) -> GoalNote:
    """Add a dated note of progress; a goal not started yet becomes in progress."""
    text = text.strip()
    if not text:
        raise ValidationError(_("Write a note of your progress."), code="empty")
    with transaction.atomic():
        note = GoalNote.objects.create(goal=goal, text=text)
        if goal.status == Goal.Status.NOT_STARTED:
            goal.status = Goal.Status.IN_PROGRESS
            goal.save(update_fields=["status", "updated_at"])
    return note


def goal_delete(*, goal: Goal) -> None:
    """Delete a goal and its notes; entries that helped with it stay in the log."""
    goal.delete()


def objective_add(*, organisation, title: str, description: str = "") -> OrganisationObjective:
    """Offer an objective to the organisation's people for their goals."""
    title = " ".join(title.split())
    if not title:
        raise ValidationError(_("Enter the objective."), code="empty")
    if organisation.objectives.filter(title__iexact=title).exists():
        raise ValidationError(_("%(title)s is already an objective.") % {"title": title})
    return OrganisationObjective.objects.create(
        organisation=organisation, title=title, description=description
    )


def objective_set_active(*, objective: OrganisationObjective, active: bool) -> None:
    """Stop (or start again) offering an objective; goals already linked keep the link."""
    objective.is_active = active
    objective.save(update_fields=["is_active"])
