"""Background work for programmes. Tasks take ids, load, and call a service."""

from django.tasks import task

from .models import Enrolment, Submission
from .notifications import event_cancelled_email, place_offered_email, work_returned_email


@task()
def send_place_offered(enrolment_id: int) -> None:
    enrolment = Enrolment.objects.select_related("event__programme", "participant").filter(
        pk=enrolment_id, status=Enrolment.Status.ENROLLED
    )
    found = enrolment.first()
    if found is not None:
        place_offered_email(found)


@task()
def send_event_cancelled(enrolment_id: int) -> None:
    found = (
        Enrolment.objects.select_related("event__programme", "participant")
        .filter(pk=enrolment_id, event__cancelled_at__isnull=False)
        .first()
    )
    if found is not None:
        event_cancelled_email(found)


@task()
def send_work_returned(submission_id: int) -> None:
    found = (
        Submission.objects.select_related("activity__programme", "participant", "reviewed_by")
        .filter(pk=submission_id, status=Submission.Status.RETURNED)
        .first()
    )
    if found is not None:
        work_returned_email(found)
