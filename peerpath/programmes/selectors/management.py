"""What coordinators see about a programme: counts, never anyone's reflections."""

from django.db.models import Count, Q

from ..models import Enrolment, Programme, ProgrammeCompletion, Submission


def activity_counts(programme: Programme):
    """Per activity: how many accepted, waiting for review and returned."""
    return programme.activities.filter(retired=False).annotate(
        accepted=Count("submissions", filter=Q(submissions__status=Submission.Status.ACCEPTED)),
        waiting=Count("submissions", filter=Q(submissions__status=Submission.Status.SUBMITTED)),
        returned=Count("submissions", filter=Q(submissions__status=Submission.Status.RETURNED)),
    )


def programme_totals(programme: Programme) -> dict:
    """People taking part (handed in work, or have a place or queue at an event) and
    people who completed it."""
    handed_in = Submission.objects.filter(activity__programme=programme).values_list(
        "participant", flat=True
    )
    signed_up = (
        Enrolment.objects.filter(event__programme=programme)
        .exclude(status=Enrolment.Status.CANCELLED)
        .values_list("participant", flat=True)
    )
    participants = len(set(handed_in) | set(signed_up))
    return {
        "participants": participants,
        "completed": ProgrammeCompletion.objects.filter(programme=programme).count(),
    }
