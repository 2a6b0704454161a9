"""iCalendar (.ics) files for sessions, so people can put them in their own calendars.

Written by hand to RFC 5545: one VEVENT, times in UTC, lines folded at 75 octets,
text escaped. A stable UID per session means a changed time updates the same event.
"""

from datetime import UTC, timedelta

from django.conf import settings
from django.utils import timezone

from .models import Session


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    out, current = [], ""
    for char in line:
        if len((current + char).encode()) > 75:
            out.append(current)
            current = " " + char
        else:
            current += char
    out.append(current)
    return "\r\n".join(out)


def _utc(moment) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def session_ics(session: Session, *, title: str, description: str = "") -> str:
    """A calendar file for one session; cancelled sessions produce a cancellation."""
    domain = settings.SITE_URL.split("://")[-1].split("/")[0] or "peerpath"
    end = session.starts_at + timedelta(minutes=session.duration_minutes)
    cancelled = session.status == Session.Status.CANCELLED
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Peerpath//Mentoring//EN",
        "CALSCALE:GREGORIAN",
        f"METHOD:{'CANCEL' if cancelled else 'PUBLISH'}",
        "BEGIN:VEVENT",
        f"UID:session-{session.pk}@{domain}",
        f"DTSTAMP:{_utc(timezone.now())}",
        f"SEQUENCE:{int(session.updated_at.timestamp())}",
        f"DTSTART:{_utc(session.starts_at)}",
        f"DTEND:{_utc(end)}",
        f"SUMMARY:{_escape(title)}",
        f"DESCRIPTION:{_escape(description)}",
        f"URL:{settings.SITE_URL}{session.get_absolute_url()}",
        f"STATUS:{'CANCELLED' if cancelled else 'CONFIRMED'}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
