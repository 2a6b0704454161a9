"""Emails and calendar files about events."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import Enrolment, Event


def _ics_text(value: str) -> str:
    """Escape text for an iCalendar property value (RFC 5545, section 3.3.11)."""
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _ics_time(moment) -> str:
    return moment.astimezone(timezone.UTC).strftime("%Y%m%dT%H%M%SZ")


def event_ics(event: Event) -> str:
    """The event as an iCalendar file that calendar programs can add."""
    location = event.venue or (_("Online") if event.online else "")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//{_ics_text(settings.SITE_NAME)}//Programmes//EN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:programmes-event-{event.pk}@{_ics_text(settings.SITE_URL.split('//')[-1])}",
        f"DTSTAMP:{_ics_time(timezone.now())}",
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
    return "\r\n".join(lines) + "\r\n"


def place_offered_email(enrolment: Enrolment) -> None:
    """Tell someone who was on the waiting list that they now have a place."""
    event = enrolment.event
    person = enrolment.participant
    with translation.override(person.language or settings.LANGUAGE_CODE):
        subject = _("You have a place at %(event)s") % {"event": event.title}
        body = render_to_string(
            "programmes/email/place_offered.txt",
            {
                "person": person,
                "event": event,
                "link": f"{settings.SITE_URL}{event.get_absolute_url()}",
                "site_name": settings.SITE_NAME,
            },
        )
    message = EmailMessage(subject, body, to=[person.email])
    message.attach("event.ics", event_ics(event), "text/calendar")
    message.send()
