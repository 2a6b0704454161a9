"""Background work for programmes. Tasks take ids, load, and call a service."""

from django.tasks import task

from .models import Enrolment
from .notifications import event_cancelled_email, place_offered_email


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
