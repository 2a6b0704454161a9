"""Emails and calendar files: sent by a background task, over real SMTP where it matters."""

import datetime
import email
import socket
import time
from datetime import timedelta

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from peerpath.mentoring import services
from peerpath.mentoring.models import Pairing, Session

SUMMER_MORNING = datetime.datetime(2026, 7, 14, 9, 30, tzinfo=datetime.UTC).astimezone(
    timezone.get_default_timezone()
)  # 10:30 in London (BST)


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server():
    """A real SMTP server on loopback; yields (port, inbox)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, inbox
    finally:
        controller.stop()


def calendar_part(message: email.message.Message) -> str:
    for part in message.walk():
        if part.get_content_type() == "text/calendar":
            return part.get_payload(decode=True).decode()
    raise AssertionError("no calendar attached")


@time_machine.travel(datetime.datetime(2026, 7, 1, 12, tzinfo=datetime.UTC))
def test_a_planned_session_reaches_both_people_over_smtp_with_a_calendar_invitation(
    cohort, make_pair, alice, smtp_server
):
    port, inbox = smtp_server
    pairing = make_pair(cohort, alice)
    smtp = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 5},
        }
    }
    with override_settings(MAILERS=smtp):
        session = services.session_plan(
            pairing=pairing,
            by=alice,
            starts_at=SUMMER_MORNING,
            duration_minutes=45,
            format="online",
        )
    deadline = time.monotonic() + 5
    while len(inbox.messages) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)

    assert sorted(r for m in inbox.messages for r in m.rcpt_tos) == sorted(
        [alice.email, pairing.mentor.email]
    )
    message = email.message_from_bytes(inbox.messages[0].content)
    assert message["Subject"] == "Session planned: 14 July 2026, 10:30"
    ics = calendar_part(message)
    assert "DTSTART:20260714T093000Z" in ics and "DTEND:20260714T101500Z" in ics
    assert f"UID:session-{session.pk}@" in ics
    assert "SUMMARY:Session with" in ics
    assert ics.endswith("END:VCALENDAR\r\n")


def test_the_calendar_file_can_be_downloaded_by_the_pair(cohort, make_pair, alice, client_for):
    pairing = make_pair(cohort, alice)
    session = services.session_plan(
        pairing=pairing,
        by=alice,
        starts_at=timezone.now() + timedelta(days=3),
        duration_minutes=60,
        format="in-person",
    )

    response = client_for(alice).get(
        reverse("mentoring:session-ics", args=[pairing.pk, session.pk])
    )

    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert f"SUMMARY:Session with {pairing.mentor.full_name}" in body
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))


def test_quiet_pairs_and_unsigned_agreements_get_one_reminder_a_week(cohort, make_pair, alice):
    quiet = make_pair(cohort, alice)
    unsigned = make_pair(cohort, signed=False)
    mail.outbox.clear()

    with time_machine.travel(timezone.now() + timedelta(weeks=cohort.quiet_weeks, days=1)):
        counts = services.reminders_send()
        again = services.reminders_send()

    assert counts["reminder-quiet"] == 1 and counts["reminder-agreement"] == 1
    assert again["reminder-quiet"] == 0 and again["reminder-agreement"] == 0
    subjects = {tuple(m.to): m.subject for m in mail.outbox}
    assert "time to plan your next session" in subjects[(alice.email,)]
    assert "agree how you will work" in subjects[(unsigned.mentee.email,)]
    assert quiet.pk != unsigned.pk


def test_a_pair_that_met_recently_is_not_reminded(cohort, make_pair, alice):
    pairing = make_pair(cohort, alice)
    services.session_log(
        session=Session(pairing=pairing, starts_at=timezone.now() - timedelta(days=1)),
        by=alice,
        themes=[],
        notes="",
    )
    mail.outbox.clear()

    with time_machine.travel(timezone.now() + timedelta(weeks=2)):
        assert services.reminders_send()["reminder-quiet"] == 0
    assert mail.outbox == []


def test_ending_early_frees_both_places_and_tells_the_partner_and_coordinator(
    cohort, make_pair, alice, bob
):
    pairing = make_pair(cohort, alice)
    mail.outbox.clear()

    ended = services.pairing_end(pairing=pairing, by=alice, reason="not-a-fit", wants_rematch=True)

    assert ended.status == Pairing.Status.ENDED_EARLY
    assert not ended.places.exists()
    assert sorted(m.to[0] for m in mail.outbox) == sorted([pairing.mentor.email, bob.email])
    assert "It is not the right fit" in mail.outbox[0].body
    assert ended.mentee_application.wants_rematch is True


def test_cancelling_a_planned_session_sends_a_calendar_cancellation(cohort, make_pair, alice):
    pairing = make_pair(cohort, alice)
    session = services.session_plan(
        pairing=pairing,
        by=alice,
        starts_at=timezone.now() + timedelta(days=3),
        duration_minutes=60,
        format="online",
    )
    mail.outbox.clear()

    services.session_cancel(session=session, by=alice)

    assert len(mail.outbox) == 2
    body = mail.outbox[0].attachments[0].content
    assert "METHOD:CANCEL" in body and "STATUS:CANCELLED" in body
    assert f"UID:session-{session.pk}@" in body
