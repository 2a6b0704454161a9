"""Signing up for events: places, the waiting list, and who gets a place when one frees."""

import datetime
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from peerpath.accounts.models import RoleLevel
from peerpath.programmes.models import Enrolment
from peerpath.programmes.services import (
    enrolment_cancel,
    enrolment_request,
    event_cancel,
    event_save,
)
from tests.factories import UserFactory
from tests.programmes.enrolment_race import race

ROOT = Path(__file__).resolve().parents[2]
ON_SQLITE = not os.environ.get("DATABASE_URL")


def sign_up(event, person, confirmed=False):
    return enrolment_request(event=event, participant=person, confirmed_eligibility=confirmed)


def assert_places_then_queue(result, places, people):
    assert result["errors"] == []
    assert result["statuses"].count(Enrolment.Status.ENROLLED) == places
    assert result["statuses"].count(Enrolment.Status.WAITLISTED) == people - places


@pytest.mark.skipif(not ON_SQLITE, reason="the SQLite configuration, in a file")
def test_twelve_people_signing_up_at_once_on_sqlite_fill_three_places_and_queue_nine(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update({"PEERPATH_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "peerpath.settings"})
    script = ROOT / "tests" / "programmes" / "enrolment_race.py"
    done = subprocess.run(
        [sys.executable, str(script), "3", "12"],
        env={**env, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert_places_then_queue(json.loads(done.stdout.strip().splitlines()[-1]), 3, 12)


@pytest.mark.skipif(ON_SQLITE, reason="PostgreSQL runs the race in the test database")
@pytest.mark.django_db(transaction=True)
def test_twelve_people_signing_up_at_once_fill_three_places_and_queue_nine(make_event):
    assert connection.vendor == "postgresql"
    event = make_event(capacity=3)
    people = [UserFactory() for _ in range(12)]
    assert_places_then_queue(race(event, people), 3, 12)


def test_people_get_places_until_the_event_is_full_then_join_the_waiting_list(make_event):
    event = make_event(capacity=2)
    first, second, third = UserFactory(), UserFactory(), UserFactory()
    assert sign_up(event, first).status == Enrolment.Status.ENROLLED
    assert sign_up(event, second).status == Enrolment.Status.ENROLLED
    assert sign_up(event, third).status == Enrolment.Status.WAITLISTED


def test_signing_up_twice_keeps_one_enrolment(make_event, alice):
    event = make_event(capacity=5)
    sign_up(event, alice)
    sign_up(event, alice)
    assert event.enrolments.count() == 1


def test_an_event_without_a_limit_never_has_a_waiting_list(make_event):
    event = make_event(capacity=None)
    statuses = {sign_up(event, UserFactory()).status for _ in range(30)}
    assert statuses == {Enrolment.Status.ENROLLED}


def test_when_someone_gives_up_a_place_the_first_in_the_queue_gets_it_and_an_email(
    make_event, smtp_outbox
):
    event = make_event(capacity=1, title="Budgeting for heads of service")
    holder, first_in_queue, second_in_queue = UserFactory(), UserFactory(), UserFactory()
    place = sign_up(event, holder)
    sign_up(event, first_in_queue)
    sign_up(event, second_in_queue)
    with_callbacks(lambda: enrolment_cancel(enrolment=place))
    statuses = dict(event.enrolments.values_list("participant", "status"))
    assert statuses[holder.pk] == Enrolment.Status.CANCELLED
    assert statuses[first_in_queue.pk] == Enrolment.Status.ENROLLED
    assert statuses[second_in_queue.pk] == Enrolment.Status.WAITLISTED
    [message] = wait_for(smtp_outbox)
    assert message["To"] == first_in_queue.email
    assert message["Subject"] == "You have a place at Budgeting for heads of service"
    calendar = next(
        p for p in message.iter_attachments() if p.get_content_type() == "text/calendar"
    )
    assert "SUMMARY:Budgeting for heads of service" in calendar.get_content()


def test_adding_places_gives_them_to_the_waiting_list_in_order(make_event):
    event = make_event(capacity=1)
    people = [UserFactory() for _ in range(4)]
    for person in people:
        sign_up(event, person)
    event.capacity = 3
    promoted = with_callbacks(lambda: event_save(event=event))
    assert [e.participant for e in promoted] == people[1:3]
    assert event.enrolments.get(participant=people[3]).status == Enrolment.Status.WAITLISTED


def test_rejoining_after_giving_up_a_place_goes_to_the_back_of_the_queue(make_event):
    event = make_event(capacity=1)
    holder, waiting = UserFactory(), UserFactory()
    place = sign_up(event, holder)
    sign_up(event, waiting)
    with_callbacks(lambda: enrolment_cancel(enrolment=place))
    assert sign_up(event, holder).status == Enrolment.Status.WAITLISTED


def test_sign_up_is_refused_once_enrolment_has_closed(make_event, alice):
    event = make_event(enrolment_closes_at=timezone.now() - datetime.timedelta(hours=1))
    with pytest.raises(ValidationError, match="closed"):
        sign_up(event, alice)
    assert not event.enrolments.exists()


def test_a_programme_for_senior_officers_refuses_people_below_that_level(
    make_event, masterclasses, alice
):
    masterclasses.min_role_level = RoleLevel.SENIOR_OFFICER
    masterclasses.save()
    event = make_event()
    with pytest.raises(ValidationError, match="Add your role level to your profile"):
        sign_up(event, alice)
    alice.profile.role_level = RoleLevel.MIDDLE_MANAGER
    alice.profile.save()
    with pytest.raises(ValidationError, match="senior or chief officer or above"):
        sign_up(event, alice)
    alice.profile.role_level = RoleLevel.SENIOR_OFFICER
    alice.profile.save()
    assert sign_up(event, alice).status == Enrolment.Status.ENROLLED


def test_people_confirm_they_meet_the_description_of_who_it_is_for(
    make_event, masterclasses, alice
):
    masterclasses.eligibility = "Senior colleagues with the potential to become chief officers."
    masterclasses.save()
    event = make_event()
    with pytest.raises(ValidationError) as refused:
        sign_up(event, alice, confirmed=False)
    assert "confirm" in refused.value.message_dict
    assert sign_up(event, alice, confirmed=True).status == Enrolment.Status.ENROLLED


def test_the_sign_up_page_shows_places_left_and_the_queue_position(
    make_event, alice, bob, carol, client_for
):
    event = make_event(capacity=1)
    sign_up(event, bob)
    sign_up(event, carol)
    client = client_for(alice)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Full: new sign-ups join the waiting list" in page
    assert "Join the waiting list" in page
    response = client.post(reverse("programmes:event-enrol", args=[event.programme.slug, event.pk]))
    assert response.status_code == 302
    page = client.get(event.get_absolute_url()).content.decode()
    assert "You are number 2 in the queue" in page


def with_callbacks(action):
    """Run a service and the work it leaves for after the commit (emails), as in production."""
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        return action()


def wait_for(outbox, count=1, seconds=5):
    deadline = time.monotonic() + seconds
    while len(outbox) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    return outbox


def test_cancelling_an_event_emails_everyone_with_a_place_or_in_the_queue_once(
    make_event, smtp_outbox
):
    event = make_event(capacity=1, title="Summer school 2027")
    holder, waiting, gave_up = UserFactory(), UserFactory(), UserFactory()
    sign_up(event, holder)
    sign_up(event, waiting)
    left = sign_up(event, gave_up)
    with_callbacks(lambda: enrolment_cancel(enrolment=left))
    assert with_callbacks(lambda: event_cancel(event=event)) == 2
    assert with_callbacks(lambda: event_cancel(event=event)) == 0
    messages = wait_for(smtp_outbox, count=2)
    assert sorted(m["To"] for m in messages) == sorted([holder.email, waiting.email])
    assert {m["Subject"] for m in messages} == {"Cancelled: Summer school 2027"}
    calendar = next(
        p for p in messages[0].iter_attachments() if p.get_content_type() == "text/calendar"
    )
    assert "METHOD:CANCEL" in calendar.get_content()
    with pytest.raises(ValidationError, match="closed"):
        sign_up(event, UserFactory())
