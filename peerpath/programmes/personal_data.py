"""Programmes' part of a person's data download and of their erasure.

The personal-data hook that `peerpath.portfolio.privacy` calls in every app: `export`
gives everything programmes hold about the person in words; `erase` deletes what they
wrote and keeps only what others rely on (counts of who took part and attended), still
pointing at the anonymised account.
"""

from django.db.models import Q
from django.utils import timezone

from .models import (
    Enrolment,
    LearningSet,
    LearningSetIssue,
    LearningSetMember,
    LearningSetNote,
    PathwayFollow,
    PathwayStepDone,
    Placement,
    ProgrammeCompletion,
    Submission,
)
from .services.events import enrolment_cancel


def _when(moment):
    return moment.isoformat() if moment else None


def export(user) -> dict:
    """Work handed in, completions, event places, placements, learning sets, pathways."""
    return {
        "work_handed_in": [
            {
                "programme": s.activity.programme.name,
                "activity": s.activity.label,
                "title": s.activity.title,
                "status": s.get_status_display(),
                "statement": s.statement,
                "link": s.evidence_url,
                "tool_used": s.tool_evidence_title,
                "hours": str(s.hours) if s.hours is not None else None,
                "handed_in_at": _when(s.submitted_at),
                "accepted_at": _when(s.accepted_at),
                "feedback": s.feedback,
            }
            for s in Submission.objects.filter(participant=user).select_related(
                "activity__programme"
            )
        ],
        "programmes_completed": [
            {"programme": c.programme.name, "completed_at": _when(c.completed_at)}
            for c in ProgrammeCompletion.objects.filter(participant=user).select_related(
                "programme"
            )
        ],
        "event_places": [
            {
                "programme": e.event.programme.name,
                "event": e.event.title,
                "starts_at": _when(e.event.starts_at),
                "status": e.get_status_display(),
                "attended": e.attended,
            }
            for e in Enrolment.objects.filter(participant=user).select_related("event__programme")
        ],
        "placements": [_placement(p) for p in Placement.objects.filter(person=user)],
        "learning_sets": _learning_sets(user),
        "pathways_followed": [
            f.pathway.name
            for f in PathwayFollow.objects.filter(person=user).select_related("pathway")
        ],
        "pathway_steps_done": [
            {"pathway": d.step.pathway.name, "step": d.step.title, "done_at": _when(d.done_at)}
            for d in PathwayStepDone.objects.filter(person=user).select_related("step__pathway")
        ],
    }


def _placement(placement: Placement) -> dict:
    return {
        "type": placement.get_kind_display(),
        "host": placement.host,
        "country": placement.country,
        "starts_on": placement.starts_on.isoformat(),
        "ends_on": placement.ends_on.isoformat(),
        "purpose": placement.purpose,
        "reflection": placement.reflection,
        "capabilities": [s.code for s in placement.statements.all()],
    }


def _learning_sets(user) -> list[dict]:
    """The sets the person is in or facilitates, with what *they* wrote there."""
    places = LearningSetMember.objects.filter(person=user).values("learning_set")
    issues = list(LearningSetIssue.objects.filter(member=user).prefetch_related("actions"))
    notes = list(LearningSetNote.objects.filter(author=user))
    sets = {
        learning_set.pk: learning_set
        for learning_set in LearningSet.objects.filter(Q(pk__in=places) | Q(facilitator=user))
    }
    return [
        {
            "name": learning_set.name,
            "theme": learning_set.theme,
            "role": "facilitator" if learning_set.facilitator_id == user.pk else "member",
            "my_issues": [
                {
                    "issue": issue.title,
                    "more": issue.description,
                    "actions": [
                        {"action": a.text, "done_at": _when(a.done_at)} for a in issue.actions.all()
                    ],
                }
                for issue in issues
                if issue.learning_set_id == set_id
            ],
            "my_notes": [
                {"note": n.text, "written_at": _when(n.created_at)}
                for n in notes
                if n.learning_set_id == set_id
            ],
        }
        for set_id, learning_set in sets.items()
    ]


def erase(user) -> None:
    """Delete what the person wrote; give up their places at events still to come.

    Kept, on the anonymised account, for others' counts: which activities were accepted
    (without the statement), completions, and attendance at past events. A place at an
    event still to come goes to the next person in the queue.
    """
    Submission.objects.filter(participant=user).update(
        statement="", evidence_url="", tool_evidence_title="", tool_evidence_url="", feedback=""
    )
    Placement.objects.filter(person=user).delete()
    LearningSetIssue.objects.filter(member=user).delete()
    LearningSetNote.objects.filter(author=user).delete()
    PathwayFollow.objects.filter(person=user).delete()
    PathwayStepDone.objects.filter(person=user).delete()
    upcoming = Enrolment.objects.filter(
        participant=user, event__starts_at__gt=timezone.now()
    ).exclude(status=Enrolment.Status.CANCELLED)
    for enrolment in upcoming:
        enrolment_cancel(enrolment=enrolment)
