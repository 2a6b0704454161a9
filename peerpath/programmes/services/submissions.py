"""Handing in work for an activity, and reviewing it."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from peerpath.drafts.services import draft_discard
from peerpath.lib.markdown import word_count

from ..models import Activity, Programme, Submission
from ..tools import ToolCompletion, tool_for, tool_name
from .awards import activity_badge_award, activity_learning_record, programme_completion_check


def statement_draft_key(activity: Activity) -> str:
    return f"programmes.activity.{activity.pk}.statement"


def _check_evidence(activity, tool_done, has_tool: bool, words: int, evidence_url: str) -> None:
    """Refuse work that does not meet the activity's rules, saying exactly why."""
    if has_tool:
        if tool_done is None:
            raise ValidationError(
                _("Use %(tool)s first: it completes this activity.")
                % {"tool": tool_name(activity.tool)}
            )
        return
    if evidence_url and activity.allow_link:
        return
    if words == 0:
        if activity.allow_link:
            message = _("Write your statement, or give a link to your blog or portfolio entry.")
        else:
            message = _("Write your statement.")
        raise ValidationError({"statement": message})
    if words < activity.min_words:
        raise ValidationError(
            {
                "statement": ngettext(
                    "Your statement has %(count)s word. Write at least %(min)s words.",
                    "Your statement has %(count)s words. Write at least %(min)s words.",
                    words,
                )
                % {"count": words, "min": activity.min_words}
            }
        )


def submission_submit(
    *,
    activity: Activity,
    participant,
    statement: str = "",
    evidence_url: str = "",
    hours: Decimal | None = None,
) -> Submission:
    """Hand in work for an activity; accepted at once where the programme allows.

    Guarantees: work that breaks the activity's rules (too few words, the embedded tool
    not used yet) is refused with the reason and nothing changes; accepted work cannot be
    replaced; handing in again after a return updates the same submission; the autosaved
    draft is discarded only once the work is saved. Work is accepted at once when the
    programme accepts automatically and the rules can be checked here (enough words, or the
    tool used); a link alone always goes to a reviewer, who can read what is behind it.
    """
    tool = tool_for(activity.tool) if activity.tool else None
    tool_done: ToolCompletion | None = tool.completion(participant) if tool else None
    statement = statement.strip()
    words = word_count(statement)
    _check_evidence(activity, tool_done, tool is not None, words, evidence_url)
    with transaction.atomic():
        submission = (
            Submission.objects.select_for_update()
            .filter(activity=activity, participant=participant)
            .first()
        )
        if submission is not None and submission.is_accepted:
            raise ValidationError(_("This activity has already been accepted."))
        if submission is None:
            submission = Submission(activity=activity, participant=participant, times_submitted=0)
        submission.status = Submission.Status.SUBMITTED
        submission.statement = statement
        submission.word_count = words
        submission.evidence_url = evidence_url if activity.allow_link else ""
        submission.tool_evidence_title = tool_done.title if tool_done else ""
        submission.tool_evidence_url = tool_done.url if tool_done else ""
        submission.hours = hours
        submission.submitted_at = timezone.now()
        submission.times_submitted += 1
        submission.save()
        draft_discard(owner=participant, key=statement_draft_key(activity))
        checkable = tool_done is not None or (words and words >= activity.min_words)
        if activity.programme.review == Programme.Review.AUTO and checkable:
            _accept(submission, reviewer=None)
    return submission


def _accept(submission: Submission, *, reviewer, feedback: str = "") -> None:
    now = timezone.now()
    submission.status = Submission.Status.ACCEPTED
    submission.accepted_at = now
    submission.feedback = feedback
    if reviewer is not None:
        submission.reviewed_by = reviewer
        submission.reviewed_at = now
    submission.save()
    activity_learning_record(submission)
    activity_badge_award(submission)
    programme_completion_check(
        programme=submission.activity.programme, participant=submission.participant
    )


def _locked_for_review(submission: Submission, reviewer) -> Submission:
    locked = (
        Submission.objects.select_for_update()
        .select_related("activity__programme")
        .get(pk=submission.pk)
    )
    if locked.status != Submission.Status.SUBMITTED:
        raise ValidationError(_("This work has already been reviewed."))
    if locked.participant_id == reviewer.pk:
        raise ValidationError(_("You cannot review your own work."))
    return locked


def submission_accept(*, submission: Submission, reviewer, feedback: str = "") -> Submission:
    """Accept work waiting for review: it goes into the learning log and earns the badge."""
    with transaction.atomic():
        locked = _locked_for_review(submission, reviewer)
        _accept(locked, reviewer=reviewer, feedback=feedback.strip())
    return locked


def submission_return(*, submission: Submission, reviewer, feedback: str) -> Submission:
    """Send work back with feedback; the participant is emailed, can change it and hand it in
    again."""
    feedback = feedback.strip()
    if not feedback:
        raise ValidationError({"feedback": _("Say what needs to change before it is accepted.")})
    with transaction.atomic():
        locked = _locked_for_review(submission, reviewer)
        locked.status = Submission.Status.RETURNED
        locked.feedback = feedback
        locked.reviewed_by = reviewer
        locked.reviewed_at = timezone.now()
        locked.save()
        from ..tasks import send_work_returned

        transaction.on_commit(lambda: send_work_returned.enqueue(locked.pk))
    return locked
