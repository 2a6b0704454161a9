"""Training sessions for a round and who attended them."""

from django.db import transaction

from ..models import Application, Attendance, Cohort, TrainingSession


def training_session_add(*, cohort: Cohort, **fields) -> TrainingSession:
    return TrainingSession.objects.create(cohort=cohort, **fields)


def attendance_set(*, training_session: TrainingSession, attended: list[Application]) -> None:
    """Record exactly who attended this session (ticked boxes replace the old record)."""
    ids = {a.pk for a in attended if a.cohort_id == training_session.cohort_id}
    with transaction.atomic():
        training_session.attendances.exclude(application_id__in=ids).delete()
        existing = set(training_session.attendances.values_list("application_id", flat=True))
        Attendance.objects.bulk_create(
            Attendance(training_session=training_session, application_id=pk)
            for pk in ids - existing
        )


def training_exempt_set(*, application: Application, exempt: bool) -> None:
    """Count someone as trained without attending, e.g. trained in an earlier round."""
    application.training_exempt = exempt
    application.save(update_fields=["training_exempt", "updated_at"])
