"""Background work: emails and reminders. Each task takes ids and calls a service."""

from django.tasks import task


@task()
def send_email(kind: str, object_id: int, recipient_id: int) -> None:
    from .emails import email_send

    email_send(kind=kind, object_id=object_id, recipient_id=recipient_id)


@task()
def send_reminders() -> dict:
    from .services.reminders import reminders_send

    return reminders_send()
