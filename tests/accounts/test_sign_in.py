"""Signing in and out, and resetting a forgotten password over real SMTP."""

import email
import re
import socket
import time

import pytest
from aiosmtpd.controller import Controller
from django.contrib.auth import get_user
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from tests.factories import TEST_PASSWORD


def test_people_sign_in_with_their_email_in_any_case(client, alice):
    response = client.post(
        reverse("accounts:login"), {"username": "ALICE@Example.ORG", "password": TEST_PASSWORD}
    )
    assert response.status_code == 302
    assert get_user(client) == alice


def test_a_wrong_password_does_not_sign_in_and_says_so(client, alice):
    response = client.post(
        reverse("accounts:login"), {"username": alice.email, "password": "wrong password"}
    )
    assert not get_user(client).is_authenticated
    assert "Enter a correct email address and password" in response.content.decode()


def test_signing_in_returns_people_to_the_page_they_wanted(client, alice):
    target = reverse("accounts:profile")
    page = client.get(target, follow=True)
    assert page.redirect_chain[-1][0] == f"{reverse('accounts:login')}?next={target}"
    response = client.post(
        f"{reverse('accounts:login')}?next={target}",
        {"username": alice.email, "password": TEST_PASSWORD, "next": target},
    )
    assert response["Location"] == target


def test_signing_out_needs_a_post(client_for, alice):
    client = client_for(alice)
    assert client.get(reverse("accounts:logout")).status_code == 405
    client.post(reverse("accounts:logout"))
    assert not get_user(client).is_authenticated


def test_passwords_are_hashed_with_argon2_outside_tests():
    from peerpath import settings as real_settings

    assert real_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


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


def test_a_password_reset_email_arrives_over_smtp_and_its_link_works(client, alice, smtp_server):
    port, inbox = smtp_server
    smtp = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 5},
        }
    }
    with override_settings(MAILERS=smtp):
        client.post(reverse("accounts:password-reset"), {"email": "Alice@example.org"})
    deadline = time.monotonic() + 5
    while not inbox.messages and time.monotonic() < deadline:
        time.sleep(0.05)
    [envelope] = inbox.messages
    assert envelope.rcpt_tos == ["alice@example.org"]
    message = email.message_from_bytes(envelope.content)
    body = message.get_payload(decode=True).decode()
    assert message["Subject"] == "Reset your Peerpath password"
    link = re.search(r"http://testserver(/accounts/password-reset/\S+/)", body).group(1)
    form_page = client.get(link, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "a brand new phrase", "new_password2": "a brand new phrase"},
    )
    alice.refresh_from_db()
    assert alice.check_password("a brand new phrase")


def test_a_reset_for_an_unknown_address_looks_the_same_and_sends_nothing(client, db):
    response = client.post(reverse("accounts:password-reset"), {"email": "nobody@example.org"})
    assert response["Location"] == reverse("accounts:password-reset-sent")
    assert mail.outbox == []


def attempt(client, email, password="wrong password"):
    return client.post(reverse("accounts:login"), {"username": email, "password": password})


def test_after_five_failures_even_the_right_password_waits(client, alice):
    for _ in range(5):
        attempt(client, alice.email)
    response = attempt(client, alice.email, TEST_PASSWORD)
    assert "too many attempts" in response.content.decode()
    assert not get_user(client).is_authenticated


def test_the_lock_out_message_is_the_same_for_an_address_with_no_account(client, alice):
    summaries = {}
    for address in (alice.email, "nobody@example.org"):
        for _ in range(6):
            response = attempt(client, address)
        page = response.content.decode()
        start = page.index('<div class="govuk-error-summary"')
        summaries[address] = page[start : page.index("</ul>", start)].replace(address, "EMAIL")
    assert "too many attempts" in summaries[alice.email]
    assert summaries[alice.email] == summaries["nobody@example.org"]


def test_the_lock_lifts_after_fifteen_minutes(client, alice):
    import datetime

    import time_machine
    from django.utils import timezone

    for _ in range(5):
        attempt(client, alice.email)
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=16)):
        response = attempt(client, alice.email, TEST_PASSWORD)
        assert response.status_code == 302


def test_a_successful_sign_in_clears_earlier_failures(client, alice):
    for _ in range(4):
        attempt(client, alice.email)
    assert attempt(client, alice.email, TEST_PASSWORD).status_code == 302
    client.post(reverse("accounts:logout"))
    for _ in range(4):
        attempt(client, alice.email)
    assert attempt(client, alice.email, TEST_PASSWORD).status_code == 302


def test_the_sign_in_page_is_titled_with_the_sites_name_not_its_host(client, settings):
    settings.ALLOWED_HOSTS = ["peerpath.example.org"]
    page = client.get(reverse("accounts:login"), HTTP_HOST="peerpath.example.org")

    html = page.content.decode()
    assert f"<title>Sign in – {settings.SITE_NAME}</title>" in html
    assert "peerpath.example.org" not in html


def test_an_expired_reset_link_says_so_in_the_page_title(client, alice):
    page = client.get(
        reverse("accounts:password-reset-confirm", args=["MQ", "set-password"]), follow=True
    )

    assert "<title>This link no longer works – Peerpath</title>" in page.content.decode()
