"""Emails people get from a scheme. Services call `notify`; a background task sends each
email with `email_send`, in the recipient's language. No email ever carries private notes.

`notify` enqueues inside the service's transaction: with the database task backend the
email is queued exactly when the change is saved, and never for a change rolled back.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from peerpath.accounts.models import User

from . import models


@dataclass(frozen=True)
class Kind:
    model: type
    subject: str


KINDS = {
    "application-received": Kind(models.Application, _("We have your application: %(scheme)s")),
    "application-decided": Kind(
        models.Application, _("A decision on your application: %(scheme)s")
    ),
    "paired": Kind(models.Pairing, _("You have been paired: %(scheme)s")),
    "pairing-ended": Kind(models.Pairing, _("Your pairing has ended: %(scheme)s")),
    "agreement-signed": Kind(models.Pairing, _("Your agreement was signed: %(scheme)s")),
    "reminder-agreement": Kind(models.Pairing, _("Reminder: agree how you will work together")),
    "reminder-quiet": Kind(models.Pairing, _("Reminder: time to plan your next session?")),
    "peer-invited": Kind(models.PeerInvitation, _("%(person)s would like you as their peer")),
    "peer-answered": Kind(models.PeerInvitation, _("An answer to your invitation: %(scheme)s")),
    "mentor-requested": Kind(models.MentorRequest, _("%(person)s would like you as their mentor")),
    "mentor-answered": Kind(models.MentorRequest, _("An answer to your request: %(scheme)s")),
    "request-lapsed": Kind(models.MentorRequest, _("Your request was not answered in time")),
    "session-planned": Kind(models.Session, _("Session planned: %(when)s")),
    "session-logged": Kind(models.Session, _("Please confirm your session of %(when)s")),
    "session-cancelled": Kind(models.Session, _("Session cancelled: %(when)s")),
}


def notify(kind: str, obj, recipients) -> None:
    """Queue one email of `kind` about `obj` to each recipient (users)."""
    from .tasks import send_email

    if kind not in KINDS:
        raise ValueError(f"unknown email kind {kind}")
    for user in recipients:
        send_email.enqueue(kind, obj.pk, user.pk)


def _scheme_of(obj):
    if isinstance(obj, models.Session):
        return obj.pairing.cohort.scheme
    return obj.cohort.scheme


def _context(kind: str, obj, recipient: User) -> dict:
    from django.utils import formats, timezone

    context = {
        "obj": obj,
        "recipient": recipient,
        "scheme": _scheme_of(obj),
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
    }
    if isinstance(obj, models.Session):
        local = timezone.localtime(obj.starts_at)
        context["when"] = formats.date_format(local, "j F Y, H:i")
        context["partner"] = obj.pairing.partner_of(recipient)
    elif isinstance(obj, models.Pairing):
        context["partner"] = obj.partner_of(recipient)
    elif isinstance(obj, models.PeerInvitation):
        context["person"] = obj.inviter.applicant
    elif isinstance(obj, models.MentorRequest):
        context["person"] = obj.mentee.applicant
    return context


def email_send(*, kind: str, object_id: int, recipient_id: int) -> None:
    """Render and send one email. Missing rows (deleted since) mean nothing to send."""
    spec = KINDS[kind]
    obj = spec.model.objects.filter(pk=object_id).first()
    recipient = User.objects.filter(pk=recipient_id, is_active=True).first()
    if obj is None or recipient is None:
        return
    with translation.override(recipient.language or settings.LANGUAGE_CODE):
        context = _context(kind, obj, recipient)
        subject = str(spec.subject) % {
            "scheme": context["scheme"].name,
            "person": getattr(context.get("person"), "full_name", ""),
            "when": context.get("when", ""),
        }
        body = render_to_string(f"mentoring/email/{kind}.txt", context)
        message = EmailMessage(subject, body, None, [recipient.email])
        if kind in {"session-planned", "session-cancelled"}:
            from .ics import session_ics

            title = _("Session with %(name)s") % {"name": context["partner"].full_name}
            message.attach("session.ics", session_ics(obj, title=str(title)), "text/calendar")
    message.send()
