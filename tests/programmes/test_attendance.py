"""A coordinator takes the register; attendance counts towards completing the programme."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from peerpath.lib.timeline import collect_timeline
from peerpath.portfolio.models import LearningEntry
from peerpath.programmes.models import Enrolment, ProgrammeCompletion
from peerpath.programmes.services import attendance_record, enrolment_request, submission_submit
from tests.programmes.conftest import words


def enrol(event, person):
    return enrolment_request(event=event, participant=person, confirmed_eligibility=False)


def test_attendance_waits_until_the_event_has_started(make_event, alice, bob):
    event = make_event()
    enrolment = enrol(event, alice)
    with pytest.raises(ValidationError, match="once the event has started"):
        attendance_record(event=event, attended_ids={enrolment.pk}, recorded_by=bob)


def test_two_masterclasses_and_a_reflection_complete_the_programme_once(
    masterclasses, make_event, alice, bob
):
    events = [make_event(days_ahead=days) for days in (7, 14, 21)]
    places = [enrol(event, alice) for event in events]
    reflection = masterclasses.activities.get(code="reflection")
    submission_submit(activity=reflection, participant=alice, statement=words(60))
    assert not ProgrammeCompletion.objects.exists()
    with time_machine.travel(events[-1].ends_at, tick=False):
        attendance_record(event=events[0], attended_ids={places[0].pk}, recorded_by=bob)
        attendance_record(event=events[1], attended_ids=set(), recorded_by=bob)
        assert not ProgrammeCompletion.objects.exists()
        attendance_record(event=events[2], attended_ids={places[2].pk}, recorded_by=bob)
        attendance_record(event=events[2], attended_ids={places[2].pk}, recorded_by=bob)
    completion = ProgrammeCompletion.objects.get()
    assert completion.participant == alice
    titles = set(LearningEntry.objects.filter(owner=alice).values_list("title", flat=True))
    assert "Completed Leadership masterclasses" in titles
    assert Enrolment.objects.get(pk=places[1].pk).attended is False


def test_events_attended_appear_in_the_portfolio_timeline(make_event, alice, bob):
    event = make_event(days_ahead=3, title="Residential: leading through change")
    place = enrol(event, alice)
    with time_machine.travel(event.ends_at, tick=False):
        attendance_record(event=event, attended_ids={place.pk}, recorded_by=bob)
    today = datetime.date.today()
    items = collect_timeline(alice, today, today + datetime.timedelta(days=30))
    assert [(i.kind, i.title) for i in items] == [
        ("Masterclass", "Residential: leading through change")
    ]
    assert collect_timeline(bob, today, today + datetime.timedelta(days=30)) == []


def test_the_register_page_saves_who_attended(make_event, alice, carol, bob, client_for):
    event = make_event(days_ahead=2)
    alice_place, carol_place = enrol(event, alice), enrol(event, carol)
    url = reverse("programmes:event-attendance", args=[event.programme.slug, event.pk])
    with time_machine.travel(event.starts_at + datetime.timedelta(minutes=5), tick=False):
        response = client_for(bob).post(url, {"attended": [str(alice_place.pk)]}, follow=True)
    assert "Attendance saved: 1 of 2 attended." in response.content.decode()
    alice_place.refresh_from_db()
    carol_place.refresh_from_db()
    assert (alice_place.attended, carol_place.attended) == (True, False)
    assert alice_place.attendance_recorded_by == bob


def test_a_completed_programme_offers_a_certificate_naming_the_person(
    masterclasses, alice, bob, client_for
):
    from io import BytesIO

    from django.utils import timezone
    from pypdf import PdfReader

    url = reverse("programmes:certificate", args=[masterclasses.slug])
    assert client_for(alice).get(url).status_code == 404
    ProgrammeCompletion.objects.create(
        programme=masterclasses, participant=alice, completed_at=timezone.now()
    )
    response = client_for(alice).get(url)
    assert response["Content-Type"] == "application/pdf"
    text = PdfReader(BytesIO(response.content)).pages[0].extract_text()
    assert "Alice Participant" in text and "Leadership masterclasses" in text
    assert "Northfold Libraries" in text
    assert client_for(bob).get(url).status_code == 404


def test_a_new_programme_that_asks_for_a_reflection_needs_it_to_complete(org):
    from peerpath.programmes.models import Programme
    from peerpath.programmes.services import programme_create

    programme = programme_create(
        programme=Programme(slug="induction-2027", name="Induction 2027"),
        owner=org,
        reflection_words=250,
    )
    assert (programme.status, programme.kind) == ("draft", "structured")
    assert programme.completion_activities == 1
    assert programme.activities.get().min_words == 250
