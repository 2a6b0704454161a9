"""A 360° round from start to report: create, add raters, launch, remind, close."""

import datetime
from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from peerpath.accounts.models import UserManager
from peerpath.frameworks.models import Framework

from .. import tokens
from ..models import RATER_GROUPS, FeedbackResponse, FeedbackRound, Rater
from .evaluations import check_framework_usable, evaluation_start
from .policy import minimums_for_subject

MAX_RATERS = 50
REMINDER_GAP = timedelta(days=2)
MAX_REMINDERS = 3
LONGEST_ROUND = timedelta(days=90)


def round_create(
    *, subject, framework: Framework, title: str, closes_on: datetime.date
) -> FeedbackRound:
    """A new round in draft, with an empty self-assessment for the subject to complete."""
    check_framework_usable(framework, organisational=False)
    _check_closing_date(closes_on)
    minimums = minimums_for_subject(subject)
    with transaction.atomic():
        evaluation = evaluation_start(owner=subject, framework=framework)
        return FeedbackRound.objects.create(
            subject=subject,
            framework=framework,
            self_evaluation=evaluation,
            title=title.strip()[:150] or framework.name,
            closes_on=closes_on,
            **_minimum_fields(minimums),
        )


def _check_closing_date(closes_on: datetime.date) -> None:
    today = timezone.localdate()
    if closes_on < today:
        raise ValidationError(_("The last day for feedback must be today or later."))
    if closes_on > today + LONGEST_ROUND:
        raise ValidationError(_("The last day for feedback must be within 90 days."))


def _minimum_fields(minimums: dict[str, int]) -> dict[str, int]:
    return {f"min_{group.replace('-', '_')}": minimums[group] for group in RATER_GROUPS}


@dataclass(frozen=True)
class RaterProblem:
    line: int
    message: str


class RaterListError(ValidationError):
    """Raised with every problem in a list of rater emails; nothing was added."""

    def __init__(self, problems: list[RaterProblem]):
        self.problems = problems
        super().__init__([p.message for p in problems])


def round_add_raters(*, round: FeedbackRound, group: str, emails: list[str]) -> list[Rater]:
    """Add raters to one group, all or none. An open round invites them at once.

    Refused, with every problem listed by line: addresses that are not email addresses,
    the subject's own address, an address given twice or already invited, and going
    over 50 raters in a round. A closed round takes no more raters.
    """
    if round.status == FeedbackRound.Status.CLOSED:
        raise ValidationError(_("This round is closed. Start a new round to ask more people."))
    if group not in {g.value for g in RATER_GROUPS}:
        raise ValidationError(_("Choose who these people are to you."))
    with transaction.atomic():
        FeedbackRound.objects.select_for_update().get(pk=round.pk)
        existing = set(round.raters.values_list("email", flat=True))
        cleaned, problems = _clean_emails(emails, round.subject.email, existing)
        if not cleaned and not problems:
            problems.append(RaterProblem(0, _("Enter at least one email address.")))
        if len(existing) + len(cleaned) > MAX_RATERS:
            problems.append(
                RaterProblem(
                    0,
                    _(
                        "A round can have at most %(max)s raters. It has %(now)s, so you "
                        "can add %(left)s more."
                    )
                    % {"max": MAX_RATERS, "now": len(existing), "left": MAX_RATERS - len(existing)},
                )
            )
        if problems:
            raise RaterListError(problems)
        raters = [_new_rater(round, group, email) for email in cleaned]
        if round.status == FeedbackRound.Status.OPEN:
            _invite(raters)
    return raters


def _clean_emails(lines, subject_email, existing) -> tuple[list[str], list[RaterProblem]]:
    cleaned, problems, seen = [], [], {}
    for number, line in enumerate(lines, start=1):
        email = UserManager.normalize_email(line)
        if not email:
            continue
        try:
            validate_email(email)
        except ValidationError:
            problems.append(
                RaterProblem(
                    number,
                    _("Line %(n)s: “%(email)s” is not an email address.")
                    % {"n": number, "email": line.strip()},
                )
            )
            continue
        if email == subject_email:
            problems.append(
                RaterProblem(
                    number,
                    _(
                        "Line %(n)s: that is your own address. "
                        "Your own view is your self-assessment."
                    )
                    % {"n": number},
                )
            )
        elif email in existing:
            problems.append(
                RaterProblem(
                    number,
                    _("Line %(n)s: %(email)s is already invited to this round.")
                    % {"n": number, "email": email},
                )
            )
        elif email in seen:
            problems.append(
                RaterProblem(
                    number,
                    _("Line %(n)s: %(email)s is also on line %(first)s.")
                    % {"n": number, "email": email, "first": seen[email]},
                )
            )
        else:
            seen[email] = number
            cleaned.append(email)
    return cleaned, problems


def _new_rater(round: FeedbackRound, group: str, email: str) -> Rater:
    salt = tokens.new_salt()
    return Rater.objects.create(
        round=round,
        group=group,
        email=email,
        token_salt=salt,
        token_hash=tokens.hash_of(tokens.token_for(salt)),
    )


def _invite(raters: list[Rater]) -> None:
    """Mark raters invited now and send their emails once the transaction commits."""
    from ..tasks import email_rater

    now = timezone.now()
    for rater in raters:
        rater.invited_at = rater.last_emailed_at = now
        rater.save(update_fields=["invited_at", "last_emailed_at"])
        transaction.on_commit(lambda pk=rater.pk: email_rater.enqueue(pk, "invitation"))


def round_launch(*, round: FeedbackRound) -> FeedbackRound:
    """Open the round and invite every rater. The anonymity minimums are fixed from now.

    Needs a finished self-assessment, at least one rater and a closing date not past.
    """
    with transaction.atomic():
        locked = FeedbackRound.objects.select_for_update().get(pk=round.pk)
        if locked.status != FeedbackRound.Status.DRAFT:
            raise ValidationError(_("This round has already been sent."))
        if not locked.self_evaluation.is_complete:
            raise ValidationError(_("Finish your self-assessment before you ask others."))
        if not locked.raters.exists():
            raise ValidationError(_("Add at least one person to ask for feedback."))
        _check_closing_date(locked.closes_on)
        for field, value in _minimum_fields(minimums_for_subject(locked.subject)).items():
            setattr(locked, field, value)
        locked.status = FeedbackRound.Status.OPEN
        locked.launched_at = timezone.now()
        locked.save()
        _invite(list(locked.raters.all()))
    return locked


@dataclass(frozen=True)
class ReminderOutcome:
    sent: int
    next_possible: datetime.datetime | None


def round_send_reminders(*, round: FeedbackRound) -> ReminderOutcome:
    """Remind raters who have not answered; each at most every 2 days and 3 times.

    The subject never learns who was reminded, only how many.
    """
    from ..tasks import email_rater

    with transaction.atomic():
        locked = FeedbackRound.objects.select_for_update().get(pk=round.pk)
        if not locked.accepts_feedback:
            raise ValidationError(
                _("This round is not taking feedback, so there is no one to remind.")
            )
        now = timezone.now()
        waiting = locked.raters.filter(submitted_at__isnull=True, reminders_sent__lt=MAX_REMINDERS)
        due = [
            r
            for r in waiting
            if r.last_emailed_at is None or now - r.last_emailed_at >= REMINDER_GAP
        ]
        for rater in due:
            rater.last_emailed_at = now
            rater.reminders_sent += 1
            rater.save(update_fields=["last_emailed_at", "reminders_sent"])
            transaction.on_commit(lambda pk=rater.pk: email_rater.enqueue(pk, "reminder"))
        if due:
            locked.last_reminders_at = now
            locked.save(update_fields=["last_reminders_at"])
        later = [
            r.last_emailed_at + REMINDER_GAP for r in waiting if r not in due and r.last_emailed_at
        ]
    return ReminderOutcome(sent=len(due), next_possible=min(later, default=None))


def round_change_last_day(*, round: FeedbackRound, closes_on: datetime.date) -> FeedbackRound:
    """Move the last day for feedback, for example to give a busy rater more time.

    Before sending it can be any valid date; once sent it can only move later, so no
    rater's link stops earlier than their email said. Links that had expired work again.
    """
    with transaction.atomic():
        locked = FeedbackRound.objects.select_for_update().get(pk=round.pk)
        if locked.status == FeedbackRound.Status.CLOSED:
            raise ValidationError(_("This round is closed."))
        _check_closing_date(closes_on)
        if locked.status == FeedbackRound.Status.OPEN and closes_on < locked.closes_on:
            raise ValidationError(
                _(
                    "Once the round is sent, the last day can only move later: "
                    "raters were told %(date)s."
                )
                % {"date": date_format(locked.closes_on, "j F Y")}
            )
        locked.closes_on = closes_on
        locked.save(update_fields=["closes_on"])
    return locked


def round_close(*, round: FeedbackRound) -> FeedbackRound:
    """Stop taking feedback and make the report. Unfinished answers are thrown away.

    The report exists only for a closed round, so it cannot be compared before and after
    one more person answers to work out what that person said.
    """
    with transaction.atomic():
        locked = FeedbackRound.objects.select_for_update().get(pk=round.pk)
        if locked.status == FeedbackRound.Status.CLOSED:
            return locked
        if locked.status == FeedbackRound.Status.DRAFT:
            raise ValidationError(
                _("This round has not been sent yet, so there is nothing to close.")
            )
        FeedbackResponse.objects.filter(round=locked, is_submitted=False).delete()
        locked.status = FeedbackRound.Status.CLOSED
        locked.closed_at = timezone.now()
        locked.save(update_fields=["status", "closed_at"])
    return locked


def round_discard(*, round: FeedbackRound) -> None:
    """Delete a round that was never sent, with its self-assessment."""
    if round.status != FeedbackRound.Status.DRAFT:
        raise ValidationError(_("A round that has been sent is kept."))
    with transaction.atomic():
        evaluation = round.self_evaluation
        round.delete()
        evaluation.delete()
