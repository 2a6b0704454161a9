"""What coordinators see about a programme: counts, never anyone's reflections."""

from django.db.models import Count, Q

from ..models import Programme, ProgrammeCompletion, Submission


def activity_counts(programme: Programme):
    """Per activity: how many accepted, waiting for review and returned."""
    return programme.activities.filter(retired=False).annotate(
        accepted=Count("submissions", filter=Q(submissions__status=Submission.Status.ACCEPTED)),
        waiting=Count("submissions", filter=Q(submissions__status=Submission.Status.SUBMITTED)),
        returned=Count("submissions", filter=Q(submissions__status=Submission.Status.RETURNED)),
    )


def programme_totals(programme: Programme) -> dict:
    participants = (
        Submission.objects.filter(activity__programme=programme)
        .values("participant")
        .distinct()
        .count()
    )
    return {
        "participants": participants,
        "completed": ProgrammeCompletion.objects.filter(programme=programme).count(),
    }
