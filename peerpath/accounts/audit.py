"""Recording what coordinators and admins do to people's data (see AuditEvent)."""

from .models import AuditEvent, Organisation, User


def audit_record(
    *,
    actor: User | None,
    action: str,
    summary: str,
    organisation: Organisation | None = None,
    subject: User | None = None,
    obj=None,
) -> AuditEvent:
    """Append one event. Names are copied so the log still reads after an account is erased."""
    return AuditEvent.objects.create(
        actor=actor,
        actor_name=actor.full_name if actor else "",
        organisation=organisation,
        action=action,
        subject=subject,
        subject_name=subject.full_name if subject else "",
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        summary=summary[:300],
    )
