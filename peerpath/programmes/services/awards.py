"""What accepting work earns: a learning-log entry, a badge, and programme completion.

Every badge Peerpath awards for programmes goes through `_award_badge`, so the wiring
to the badges app is in one place.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from peerpath.badges.services import achievement_ensure, credential_award
from peerpath.frameworks.models import Statement
from peerpath.portfolio.models import LearningEntry
from peerpath.portfolio.services import learning_entry_record

from ..models import Enrolment, Module, Programme, ProgrammeCompletion, Submission


def _award_badge(
    *,
    key: str,
    name: str,
    description: str,
    criteria: str,
    issuer,
    statements,
    recipient,
    evidence_url: str = "",
    evidence_narrative: str = "",
) -> str:
    """Award the badge `key` to `recipient` and return the credential's public address.

    Idempotent: the badges app keeps one achievement per key and one credential per
    achievement and recipient, so awarding again (a re-accepted activity) changes nothing.
    The credential is signed as it is made, so the caller's transaction holds both.
    """
    achievement = achievement_ensure(
        key=key,
        name=name,
        description=description,
        criteria=criteria,
        issuer=issuer,
        statements=tuple(statements),
    )
    credential = credential_award(
        achievement=achievement,
        recipient=recipient,
        evidence_url=evidence_url,
        evidence_narrative=evidence_narrative,
    )
    return credential.get_absolute_url()


def activity_badge_award(submission: Submission) -> None:
    """Award the activity's badge for accepted work and remember where the credential is."""
    activity = submission.activity
    if not activity.earns_badge or not submission.is_accepted:
        return
    narrative = _("Accepted on %(date)s.") % {
        "date": timezone.localdate(submission.accepted_at).isoformat()
    }
    if submission.word_count:
        narrative += " " + _("Reflective statement of %(n)s words.") % {"n": submission.word_count}
    url = _award_badge(
        key=f"programmes.activity.{activity.programme.slug}.{activity.code}",
        name=activity.badge_name,
        description=activity.summary or activity.title,
        criteria=activity.badge_criteria or activity.title,
        issuer=activity.programme.owner,
        statements=activity.statements.all(),
        recipient=submission.participant,
        evidence_url=submission.evidence_url,
        evidence_narrative=narrative,
    )
    if url != submission.badge_url:
        submission.badge_url = url
        submission.save(update_fields=["badge_url"])


def activity_learning_record(submission: Submission) -> LearningEntry:
    """The accepted activity as an entry in the participant's learning log (idempotent)."""
    activity = submission.activity
    programme = activity.programme
    title = f"{programme.name}: {activity.label}"
    if activity.label != activity.title:
        title = f"{title} – {activity.title}"
    evidence = []
    if submission.tool_evidence_title:
        evidence.append(f"[{submission.tool_evidence_title}]({submission.tool_evidence_url})")
    if submission.evidence_url:
        evidence.append(submission.evidence_url)
    reflection = submission.statement
    if evidence:
        reflection = "\n\n".join(
            filter(None, [reflection, _("Evidence:") + " " + ", ".join(evidence)])
        )
    kind = (
        LearningEntry.Kind.ELEARNING
        if programme.kind == Programme.Kind.SELF_PACED
        else LearningEntry.Kind.COURSE
    )
    return learning_entry_record(
        owner=submission.participant,
        title=title,
        kind=kind,
        date=timezone.localdate(submission.accepted_at),
        hours=submission.hours if submission.hours is not None else activity.hours,
        reflection=reflection,
        statements=activity.statements.all(),
        source_key=f"programmes.submission.{submission.pk}",
        source_url=activity.get_absolute_url(),
    )


def programme_completion_check(*, programme: Programme, participant) -> ProgrammeCompletion | None:
    """Record that a participant completed a programme once its rules are met.

    Rules: at least `completion_attendance` events attended and `completion_activities`
    activities accepted. Completion is recorded once and never taken away by a later
    correction; it adds a learning-log entry and earns the programme's badge.
    """
    if not programme.has_completion_rule:
        return None
    attended = Enrolment.objects.filter(
        event__programme=programme, participant=participant, attended=True
    ).count()
    accepted = Submission.objects.filter(
        activity__programme=programme,
        activity__retired=False,
        participant=participant,
        status=Submission.Status.ACCEPTED,
    ).count()
    if attended < programme.completion_attendance or accepted < programme.completion_activities:
        return None
    completion, created = ProgrammeCompletion.objects.get_or_create(
        programme=programme, participant=participant, defaults={"completed_at": timezone.now()}
    )
    if created:
        _record_completion(completion, attended=attended, accepted=accepted)
    return completion


def _record_completion(completion: ProgrammeCompletion, *, attended: int, accepted: int) -> None:
    programme = completion.programme
    learning_entry_record(
        owner=completion.participant,
        title=_("Completed %(programme)s") % {"programme": programme.name},
        kind=LearningEntry.Kind.COURSE,
        date=timezone.localdate(completion.completed_at),
        reflection="",
        statements=Statement.objects.filter(programme_activities__programme=programme).distinct(),
        source_key=f"programmes.completion.{completion.pk}",
        source_url=programme.get_absolute_url(),
    )
    narrative = _("Attended %(events)s events and completed %(activities)s activities.") % {
        "events": attended,
        "activities": accepted,
    }
    url = _award_badge(
        key=f"programmes.programme.{programme.slug}",
        name=programme.name,
        description=programme.summary or programme.name,
        criteria=completion_criteria(programme),
        issuer=programme.owner,
        statements=(),
        recipient=completion.participant,
        evidence_narrative=narrative,
    )
    completion.badge_url = url
    completion.save(update_fields=["badge_url"])


def completion_criteria(programme: Programme) -> str:
    """The completion rule in words, for the badge and the programme page."""
    parts = []
    if programme.completion_attendance:
        parts.append(
            _("attend at least %(n)s of the programme's events")
            % {"n": programme.completion_attendance}
        )
    if programme.completion_activities:
        parts.append(
            _("have at least %(n)s of its activities accepted")
            % {"n": programme.completion_activities}
        )
    return _("To complete %(programme)s: %(rules)s.") % {
        "programme": programme.name,
        "rules": _(" and ").join(parts),
    }


def module_badge_check(*, module: Module, participant) -> str | None:
    """Award a module's badge once the person has attended every event in it.

    Cancelled events do not count; a module with no events earns nothing. Returns the
    credential's address, or None while events remain.
    """
    events = module.events.filter(cancelled_at__isnull=True)
    total = events.count()
    attended = Enrolment.objects.filter(
        event__in=events, participant=participant, attended=True
    ).count()
    if total == 0 or attended < total:
        return None
    programme = module.programme
    criteria = _("Attended every event of %(module)s, part of %(programme)s.") % {
        "module": module.title,
        "programme": programme.name,
    }
    if module.accreditation:
        criteria += " " + module.accreditation
    return _award_badge(
        key=f"programmes.module.{programme.slug}.{module.pk}",
        name=f"{programme.name}: {module.title}",
        description=module.summary or module.title,
        criteria=criteria,
        issuer=programme.owner,
        statements=(),
        recipient=participant,
        evidence_narrative=_("Attended %(n)s events.") % {"n": total},
    )
