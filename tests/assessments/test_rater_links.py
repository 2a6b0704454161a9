"""A rater's single-use link: works without an account, saves as they go, sends once."""

import datetime
import email
import re
import socket
import time

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from peerpath.assessments.models import FeedbackResponse, FeedbackRound, Rater, ResponseRating
from peerpath.assessments.services.responses import response_submit
from peerpath.assessments.services.rounds import round_add_raters, round_close, round_launch
from peerpath.frameworks.models import Statement

from . import builders
from .pages import checked_value


@pytest.fixture
def round(alice, six):
    return builders.feedback_round(alice, six)


def link(token, *rest):
    if not rest:
        return reverse("assessments:respond", args=[token])
    if rest == ("finish",):
        return reverse("assessments:respond-finish", args=[token])
    return reverse("assessments:respond-section", args=[token, rest[0]])


def test_the_link_opens_without_an_account_and_says_who_will_see_the_answers(client, round):
    _rater, token = builders.rater(round, group="peer")
    page = client.get(link(token)).content.decode()
    assert "Feedback for Alice Participant" in page
    assert "as one of their peers" in page
    assert "only if at least 3 people in it reply" in page
    assert client.get(link(token)).headers["Cache-Control"].startswith("max-age=0")


def test_a_rater_saves_part_and_comes_back_to_their_answers(client, round, six):
    rater, token = builders.rater(round)
    answers = builders.ratings_post(six, "VIS", {"VIS.1": 4, "VIS.2": "cannot-say"}, later="")
    answers["text"] = "Clear about where the service is going."
    saved = client.post(link(token, "VIS"), answers)
    assert "Your answers are saved" in saved.content.decode()
    page = client.get(link(token, "VIS")).content.decode()
    vis_1 = Statement.objects.get(framework=six, code="VIS.1")
    vis_2 = Statement.objects.get(framework=six, code="VIS.2")
    assert checked_value(page, f"statement-{vis_1.pk}") == "4"
    assert checked_value(page, f"statement-{vis_2.pk}") == "cannot-say"
    assert "Clear about where the service is going." in page
    assert not Rater.objects.get(pk=rater.pk).has_submitted


def test_ratings_outside_the_scale_are_refused_and_change_nothing(client, round, six):
    _rater, token = builders.rater(round)
    page = client.post(
        link(token, "VIS"), builders.ratings_post(six, "VIS", {"VIS.1": 9})
    ).content.decode()
    assert "Choose a rating from the scale" in page
    assert not ResponseRating.objects.exists()


def send(client, token):
    return client.post(link(token, "finish"), {"send": "", "text": ""})


def test_sending_unlinks_the_answers_from_the_rater(client, round, six):
    rater, token = builders.rater(round)
    client.post(link(token, "VIS"), builders.ratings_post(six, "VIS", {"VIS.1": 2}))
    response = send(client, token)
    assert "Feedback sent" in response.content.decode()
    answers = FeedbackResponse.objects.get()
    assert answers.is_submitted and answers.rater is None
    assert Rater.objects.get(pk=rater.pk).has_submitted
    assert not FeedbackResponse.objects.filter(rater=rater).exists()


def test_a_link_sends_feedback_once_and_then_stops_working(client, round, six):
    rater, token = builders.rater(round)
    client.post(link(token, "VIS"), builders.ratings_post(six, "VIS", {"VIS.1": 2}))
    send(client, token)
    for url in [link(token), link(token, "VIS"), link(token, "finish")]:
        page = client.get(url)
        assert page.status_code == 410
        assert "You have already sent your feedback" in page.content.decode()
    again = client.post(link(token, "VIS"), builders.ratings_post(six, "VIS", {"VIS.1": 4}))
    assert again.status_code == 410
    assert send(client, token).status_code == 410
    with pytest.raises(ValidationError):
        response_submit(rater=rater)
    assert ResponseRating.objects.get().level.value == 2
    assert FeedbackResponse.objects.count() == 1


def test_sending_with_nothing_rated_is_refused(client, round):
    rater, token = builders.rater(round)
    page = send(client, token)
    assert page.status_code == 400
    assert "Rate at least one statement" in page.content.decode()
    assert not Rater.objects.get(pk=rater.pk).has_submitted


def test_a_forged_link_gets_a_clear_page_and_changes_nothing(client, round, six):
    builders.rater(round)
    forged = "x" * 43
    page = client.get(link(forged))
    assert page.status_code == 404
    assert "Check that you copied the whole link" in page.content.decode()
    assert (
        client.post(
            link(forged, "VIS"), builders.ratings_post(six, "VIS", {"VIS.1": 2})
        ).status_code
        == 404
    )
    assert not FeedbackResponse.objects.exists()


def test_a_link_expires_after_the_last_day(client, round, six):
    _rater, token = builders.rater(round)
    after = timezone.now() + datetime.timedelta(days=15)
    with time_machine.travel(after):
        page = client.get(link(token))
        assert (
            page.status_code == 410
            and "The last day for this feedback was" in page.content.decode()
        )
        posted = client.post(link(token, "VIS"), builders.ratings_post(six, "VIS", {"VIS.1": 2}))
        assert posted.status_code == 410
    assert not FeedbackResponse.objects.exists()


def test_a_closed_round_takes_no_more_answers(client, round, six):
    _rater, token = builders.rater(round)
    round_close(round=round)
    page = client.get(link(token))
    assert page.status_code == 410 and "has closed this round" in page.content.decode()


def test_only_a_hash_of_the_token_is_stored(round):
    _rater, token = builders.rater(round)
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM assessments_rater")
        stored = " ".join(str(v) for row in cursor.fetchall() for v in row)
    assert token not in stored
    assert len(token) >= 43  # 256 bits from an HMAC under the site's secret


def test_invitation_and_reminder_carry_the_same_link(
    alice, six, django_capture_on_commit_callbacks
):
    from django.core import mail

    from peerpath.assessments.services.rounds import round_send_reminders

    round = builders.feedback_round(alice, six, status=FeedbackRound.Status.DRAFT)
    round_add_raters(round=round, group="peer", emails=["p@example.org"])
    with django_capture_on_commit_callbacks(execute=True):
        round_launch(round=round)
    later = timezone.now() + datetime.timedelta(days=3)
    with time_machine.travel(later), django_capture_on_commit_callbacks(execute=True):
        round_send_reminders(round=round)
    first, reminder = (re.search(r"/feedback/respond/\S+/", m.body).group(0) for m in mail.outbox)
    assert first == reminder


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


def test_an_invitation_arrives_over_smtp_and_its_link_lets_the_rater_answer(
    client, alice, six, smtp_server, django_capture_on_commit_callbacks, settings
):
    port, inbox = smtp_server
    settings.SITE_URL = "http://testserver"
    round = builders.feedback_round(alice, six, status=FeedbackRound.Status.DRAFT)
    round_add_raters(round=round, group="line-manager", emails=["Manager@Council.example"])
    smtp = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 5},
        }
    }
    with override_settings(MAILERS=smtp), django_capture_on_commit_callbacks(execute=True):
        round_launch(round=round)
    deadline = time.monotonic() + 5
    while not inbox.messages and time.monotonic() < deadline:
        time.sleep(0.05)
    [envelope] = inbox.messages
    assert envelope.rcpt_tos == ["manager@council.example"]
    message = email.message_from_bytes(envelope.content)
    body = message.get_payload(decode=True).decode()
    assert message["Subject"] == "Alice Participant would value your feedback"
    path = re.search(r"http://testserver(/feedback/respond/\S+/)", body).group(1)
    assert "Feedback for Alice Participant" in client.get(path).content.decode()
    first = six.domains.order_by("position").first()
    client.post(f"{path}sections/{first.code}/", builders.whole_domain_post(six, first.code, 3))
    assert "Feedback sent" in client.post(f"{path}finish/", {"send": ""}).content.decode()
