"""Emails and calendar files about events."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import Enrolment, Event, Submission


def _ics_text(value: str) -> str:
    """Escape text for an iCalendar property value (RFC 5545, section 3.3.11)."""
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _ics_time(moment) -> str:
    return moment.astimezone(timezone.UTC).strftime("%Y%m%dT%H%M%SZ")


def _fold(line: str) -> str:
    """Fold a content line at 75 octets, as RFC 5545 (section 3.1) asks."""
    out, current = [], b""
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > 75:
            out.append(current.decode())
            current = b" "
        current += encoded
    out.append(current.decode())
    return "\r\n".join(out)


def event_ics(event: Event) -> str:
    """The event as an iCalendar file that calendar programs can add."""
    location = event.venue or (_("Online") if event.online else "")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//{_ics_text(settings.SITE_NAME)}//Programmes//EN",
        "METHOD:CANCEL" if event.cancelled_at else "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:programmes-event-{event.pk}@{_ics_text(settings.SITE_URL.split('//')[-1])}",
        f"DTSTAMP:{_ics_time(timezone.now())}",
        f"SEQUENCE:{1 if event.cancelled_at else 0}",
        f"DTSTART:{_ics_time(event.starts_at)}",
        f"DTEND:{_ics_time(event.ends_at)}",
        f"SUMMARY:{_ics_text(event.title)}",
        f"DESCRIPTION:{_ics_text(event.summary)}",
        f"LOCATION:{_ics_text(location)}",
        f"URL:{settings.SITE_URL}{event.get_absolute_url()}",
        "STATUS:" + ("CANCELLED" if event.cancelled_at else "CONFIRMED"),
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def _send(enrolment: Enrolment, subject: str, template: str, *, calendar: bool) -> None:
    event = enrolment.event
    person = enrolment.participant
    with translation.override(person.language or settings.LANGUAGE_CODE):
        body = render_to_string(
            template,
            {
                "person": person,
                "event": event,
                "enrolment": enrolment,
                "link": f"{settings.SITE_URL}{event.get_absolute_url()}",
                "site_name": settings.SITE_NAME,
            },
        )
    message = EmailMessage(subject, body, to=[person.email])
    if calendar:
        message.attach("event.ics", event_ics(event), "text/calendar")
    message.send()


def event_cancelled_email(enrolment: Enrolment) -> None:
    """Tell someone with a place, or in the queue, that the event will not happen."""
    person = enrolment.participant
    with translation.override(person.language or settings.LANGUAGE_CODE):
        subject = _("Cancelled: %(event)s") % {"event": enrolment.event.title}
    _send(enrolment, subject, "programmes/email/event_cancelled.txt", calendar=True)


def place_offered_email(enrolment: Enrolment) -> None:
    """Tell someone who was on the waiting list that they now have a place."""
    person = enrolment.participant
    with translation.override(person.language or settings.LANGUAGE_CODE):
        subject = _("You have a place at %(event)s") % {"event": enrolment.event.title}
    _send(enrolment, subject, "programmes/email/place_offered.txt", calendar=True)


def work_returned_email(submission: Submission) -> None:
    """Tell a participant their work came back with feedback, and where to change it."""
    person = submission.participant
    activity = submission.activity
    with translation.override(person.language or settings.LANGUAGE_CODE):
        subject = _("Feedback on your work for %(activity)s") % {"activity": activity.label}
        body = render_to_string(
            "programmes/email/work_returned.txt",
            {
                "person": person,
                "submission": submission,
                "activity": activity,
                "link": f"{settings.SITE_URL}{activity.get_absolute_url()}",
                "site_name": settings.SITE_NAME,
            },
        )
    EmailMessage(subject, body, to=[person.email]).send()
