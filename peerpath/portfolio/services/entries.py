"""Learning-log entries: recorded by the person, or by other apps on their behalf."""

import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peerpath.frameworks.models import Statement

from ..models import Goal, LearningEntry
from .evidence import delete_files_on_commit


def learning_entry_record(
    *,
    owner,
    title: str,
    kind: str,
    date: datetime.date,
    hours: Decimal | float | None = None,
    reflection: str = "",
    statements: Iterable[Statement] = (),
    source_key: str = "",
    source_url: str = "",
    practice: str = "",
    impact: str = "",
) -> LearningEntry:
    """Add a learning-log entry, or update the one already made from the same source.

    `source_key` (e.g. "programmes.submission.17") makes the call idempotent: a session
    confirmed twice or an activity re-accepted leaves one entry, brought up to date.
    Other apps call this; the person's own edits go through `learning_entry_save`.
    """
    values = {
        "title": title[:200],
        "kind": kind,
        "date": date,
        "hours": hours,
        "reflection": reflection,
        "practice": practice,
        "impact": impact,
        "source_url": source_url,
    }
    with transaction.atomic():
        if source_key:
            entry, _created = LearningEntry.objects.update_or_create(
                owner=owner, source_key=source_key, defaults=values
            )
        else:
            entry = LearningEntry.objects.create(owner=owner, **values)
        entry.statements.set(list(statements))
    return entry


def check_not_in_future(date: datetime.date) -> None:
    """Learning in the log has happened: its date is today or earlier, in UK time."""
    if date > timezone.localdate():
        raise ValidationError(
            _("The date must be today or in the past: the log is for learning you have done."),
            code="future",
        )


def learning_entry_save(
    *,
    owner,
    title: str,
    kind: str,
    date: datetime.date,
    entry: LearningEntry | None = None,
    hours: Decimal | None = None,
    reflection: str = "",
    practice: str = "",
    impact: str = "",
    statements: Iterable[Statement] = (),
    goals: Iterable[Goal] = (),
) -> LearningEntry:
    """Create (entry=None) or change one of the person's own entries.

    Guarantees: the date is not in the future, linked goals are the owner's own, and the
    entry with its links is saved whole or not at all.
    """
    check_not_in_future(date)
    goals = list(goals)
    if any(goal.owner_id != owner.pk for goal in goals):
        raise ValidationError(_("You can only link your own goals."), code="goal")
    with transaction.atomic():
        if entry is None:
            entry = LearningEntry(owner=owner)
        elif entry.owner_id != owner.pk:
            raise ValidationError(_("Not your entry."))
        entry.title = title
        entry.kind = kind
        entry.date = date
        entry.hours = hours
        entry.reflection = reflection
        entry.practice = practice
        entry.impact = impact
        entry.full_clean(exclude=["owner"])
        entry.save()
        entry.statements.set(list(statements))
        entry.goals.set(goals)
    return entry


def learning_entry_delete(*, entry: LearningEntry) -> None:
    """Delete an entry with its evidence; the files go once the deletion has committed."""
    with transaction.atomic():
        delete_files_on_commit([e.file.name for e in entry.evidence.all() if e.file])
        entry.delete()
