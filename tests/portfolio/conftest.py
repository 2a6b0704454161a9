"""Portfolio fixtures: private media in a temporary folder, statements by code, and a
year of learning recorded against the six leadership capabilities and the CPD Standard."""

import datetime
import email
import socket
import time
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.urls import reverse

from peerpath.frameworks.models import Statement
from peerpath.portfolio.models import LearningEntry
from peerpath.portfolio.services import learning_entry_save

LONDON = ZoneInfo("Europe/London")


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def today():
    """Thursday 20 November 2026, midday in London, for every test that uses it."""
    with time_machine.travel(datetime.datetime(2026, 11, 20, 12, 0, tzinfo=LONDON), tick=False):
        yield datetime.date(2026, 11, 20)


@pytest.fixture
def statement(shipped_frameworks):
    def find(code: str, framework: str = "six-leadership-capabilities") -> Statement:
        return Statement.objects.get(
            framework__slug=framework, framework__is_current=True, code=code
        )

    return find


# (date, kind, hours, title, six-capability codes, CPD Standard codes)
A_YEAR = [
    ("2025-12-03", "course", "6", "Managing budgets in a small service", ["VIS.4"], ["KS.1"]),
    (
        "2026-01-14",
        "reading",
        "3.5",
        "Read Dare to Lead by Brené Brown",
        ["SELF.2", "SELF.4"],
        ["PQV.1"],
    ),
    ("2026-02-20", "peer-session", "1.5", "Peer session on resilience", ["SELF.4"], []),
    ("2026-03-11", "masterclass", "4", "Masterclass: leading change", ["CREATE.3"], ["KS.2"]),
    ("2026-05-06", "action-learning", "3", "Action learning set 1", ["COLLAB.1", "EMP.1"], []),
    ("2026-06-17", "e-learning", "2", "Equality and diversity refresher", ["SELF.5"], ["PQV.2"]),
    (
        "2026-08-05",
        "secondment",
        "35",
        "Secondment to the partnership board",
        ["COLLAB.1"],
        ["PC.1"],
    ),
    ("2026-10-01", "coaching", "1", "Coaching conversation", [], []),
]


@pytest.fixture
def a_year_of_learning(alice, statement, today):
    """Eight entries between December 2025 and October 2026, 56 hours in all."""
    entries = []
    for day, kind, hours, title, capabilities, standard in A_YEAR:
        links = [statement(c) for c in capabilities]
        links += [statement(c, "cpd-standard-wales") for c in standard]
        entries.append(
            learning_entry_save(
                owner=alice,
                title=title,
                kind=kind,
                date=datetime.date.fromisoformat(day),
                hours=Decimal(hours),
                reflection=f"What I learned from {title.lower()}.",
                statements=links,
            )
        )
    return entries


@pytest.fixture
def entry(alice):
    return LearningEntry.objects.create(
        owner=alice, title="Budget workshop", kind="course", date=datetime.date(2026, 3, 2)
    )


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 Message accepted for delivery"

    def wait_for(self, count: int, seconds: float = 5) -> list:
        deadline = time.monotonic() + seconds
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return [email.message_from_bytes(envelope.content) for envelope in self.messages]


@pytest.fixture
def smtp_inbox(settings):
    """A real SMTP server on loopback that Peerpath sends to; yields its inbox."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 5},
        }
    }
    try:
        yield inbox
    finally:
        controller.stop()


@pytest.fixture
def made_file(django_capture_on_commit_callbacks):
    """Ask for a PDF, zip or personal-data file as a person does; the background task runs
    at once in tests. Returns the downloaded bytes."""

    def make(client, kind: str) -> bytes:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("portfolio:export-make", args=[kind]))
        page = client.get(response["Location"])
        assert "is ready" in page.content.decode(), page.content.decode()
        download = client.get(response["Location"] + "download/")
        return b"".join(download.streaming_content)

    return make
