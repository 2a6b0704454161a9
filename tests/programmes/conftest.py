"""Fixtures for programme tests: the shipped 23 Things, a masterclass series, real SMTP."""

import datetime
import socket
import sys
import types

import pytest
from django.utils import timezone

from peerpath.programmes import tools
from peerpath.programmes.models import Activity, Event


def words(count: int, word: str = "reflect") -> str:
    """A statement of exactly `count` words, as the word counter counts them."""
    return " ".join([word] * count)


@pytest.fixture
def thing(twenty_three_things):
    def get(code) -> Activity:
        return twenty_three_things.activities.get(code=str(code))

    return get


@pytest.fixture
def make_event(masterclasses):
    def make(days_ahead=14, capacity=None, **fields) -> Event:
        starts = timezone.now() + datetime.timedelta(days=days_ahead)
        return Event.objects.create(
            programme=fields.pop("programme", masterclasses),
            kind=Event.Kind.MASTERCLASS,
            title=fields.pop("title", "Leading through change"),
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=3),
            capacity=capacity,
            **fields,
        )

    return make


@pytest.fixture
def hook_module():
    """Install a programme_tools hook module for an app, as that app would ship one."""
    installed = []

    def install(app: str, *tool_objects):
        name = f"peerpath.{app}.programme_tools"
        module = types.ModuleType(name)
        module.TOOLS = list(tool_objects)
        sys.modules[name] = module
        installed.append(name)
        tools.forget_hooks()
        return module

    yield install
    for name in installed:
        sys.modules.pop(name, None)
    tools.forget_hooks()


@pytest.fixture
def smtp_outbox(settings):
    """A real SMTP server on localhost; Django sends to it. Yields the received messages."""
    from email import message_from_bytes
    from email.policy import default

    from aiosmtpd.controller import Controller

    received = []

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            received.append(message_from_bytes(envelope.original_content, policy=default))
            return "250 OK"

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 5},
        }
    }
    yield received
    controller.stop()
