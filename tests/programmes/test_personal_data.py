"""Programmes' part of a person's data download and of their erasure."""

import pytest

from peerpath.portfolio.privacy import person_erase, personal_data
from peerpath.programmes.models import Enrolment, LearningSetNote, Placement, Submission
from peerpath.programmes.services import (
    enrolment_request,
    learning_set_create,
    note_add,
    submission_submit,
)
from tests.factories import UserFactory
from tests.programmes.conftest import words


@pytest.fixture
def alices_programmes(thing, make_event, org, alice):
    submission_submit(activity=thing(3), participant=alice, statement=words(200, "styles"))
    event = make_event(capacity=1)
    enrolment_request(event=event, participant=alice, confirmed_eligibility=False)
    waiting = UserFactory()
    enrolment_request(event=event, participant=waiting, confirmed_eligibility=False)
    Placement.objects.create(
        person=alice, kind="exchange", host="Cwm Derwen", starts_on="2026-01-01",
        ends_on="2026-01-10", purpose="Compare library services",
    )  # fmt: skip
    learning_set = learning_set_create(
        owner=org, name="Set", theme="Change", facilitator=UserFactory(), members=[alice]
    )
    note_add(learning_set=learning_set, author=alice, text="My private thought")
    return {"event": event, "waiting": waiting}


def test_the_download_holds_her_work_places_placements_and_set_notes(alice, alices_programmes):
    part = personal_data(alice)["apps"]["programmes"]
    [work] = part["work_handed_in"]
    assert work["activity"] == "Thing 3" and work["statement"].startswith("styles styles")
    assert part["event_places"][0]["status"] == "Has a place"
    assert part["placements"][0]["host"] == "Cwm Derwen"
    assert part["learning_sets"][0]["my_notes"][0]["note"] == "My private thought"


def test_erasure_removes_what_she_wrote_and_gives_her_place_to_the_next_in_the_queue(
    alice, alices_programmes
):
    person_erase(user=alice)
    submission = Submission.objects.get()
    assert submission.statement == "" and submission.is_accepted, "the count stays"
    assert not Placement.objects.exists()
    assert not LearningSetNote.objects.exists()
    places = dict(alices_programmes["event"].enrolments.values_list("participant", "status"))
    assert places[alice.pk] == Enrolment.Status.CANCELLED
    assert places[alices_programmes["waiting"].pk] == Enrolment.Status.ENROLLED
