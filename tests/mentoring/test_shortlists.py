"""Mentee picks from a shortlist: suggestions with reasons, never beyond a mentor's room."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from peerpath.mentoring import services
from peerpath.mentoring.models import MentorRequest, Pairing

from .factories import make_application, make_cohort


@pytest.fixture
def shortlist_round(scheme):
    return make_cohort(scheme, allow_shortlist=True, shortlist_size=2, response_days=5)


def test_a_mentee_sees_the_best_suited_mentors_first_with_the_reasons(shortlist_round):
    mentee = make_application(shortlist_round, "mentee", topics=["Budgeting", "Restructures"])
    both = make_application(shortlist_round, "mentor", topics=["Budgeting", "Restructures"])
    one = make_application(shortlist_round, "mentor", topics=["Budgeting"])
    make_application(shortlist_round, "mentor", topics=[])

    entries = services.shortlist_build(mentee=mentee)

    assert [e.mentor for e in entries] == [both, one]
    topics = {c["name"]: c for c in entries[1].breakdown}["topics"]
    assert topics["value"] == 0.5


def test_a_mentor_is_never_featured_to_more_mentees_than_their_places_left(shortlist_round):
    mentor = make_application(shortlist_round, "mentor", topics=["Budgeting"], capacity=1)
    first = make_application(shortlist_round, "mentee", topics=["Budgeting"])
    second = make_application(shortlist_round, "mentee", topics=["Budgeting"])

    assert [e.mentor for e in services.shortlist_build(mentee=first)] == [mentor]
    assert services.shortlist_build(mentee=second) == []


def test_asking_one_mentor_frees_the_others_for_other_mentees(shortlist_round):
    wanted = make_application(shortlist_round, "mentor", topics=["Budgeting"])
    other = make_application(shortlist_round, "mentor", topics=[])
    first = make_application(shortlist_round, "mentee", topics=["Budgeting"])
    second = make_application(shortlist_round, "mentee")
    entries = services.shortlist_build(mentee=first)

    services.mentor_request(mentee=first, entry=entries[0], message="I would value your help")

    assert [e.mentor for e in services.shortlist_build(mentee=second)] == [other]
    assert "would like you as their mentor" in mail.outbox[-1].subject
    assert mail.outbox[-1].to == [wanted.applicant.email]


def test_the_mentor_accepts_and_the_pair_is_made(shortlist_round):
    mentor = make_application(shortlist_round, "mentor")
    mentee = make_application(shortlist_round, "mentee")
    [entry] = services.shortlist_build(mentee=mentee)
    request = services.mentor_request(mentee=mentee, entry=entry)

    pairing = services.mentor_request_answer(request=request, user=mentor.applicant, accept=True)

    assert pairing.how_made == Pairing.HowMade.SHORTLIST
    assert pairing.mentee == mentee.applicant and pairing.mentor == mentor.applicant


def test_a_declining_mentor_is_not_suggested_again(shortlist_round):
    declining = make_application(shortlist_round, "mentor", topics=["Budgeting"])
    other = make_application(shortlist_round, "mentor")
    mentee = make_application(shortlist_round, "mentee", topics=["Budgeting"])
    entry = services.shortlist_build(mentee=mentee)[0]
    request = services.mentor_request(mentee=mentee, entry=entry)

    services.mentor_request_answer(request=request, user=declining.applicant, accept=False)

    assert not Pairing.objects.exists()
    assert [e.mentor for e in services.shortlist_build(mentee=mentee)] == [other]


def test_an_unanswered_request_lapses_and_the_mentee_chooses_again(shortlist_round):
    slow = make_application(shortlist_round, "mentor")
    mentee = make_application(shortlist_round, "mentee")
    [entry] = services.shortlist_build(mentee=mentee)
    services.mentor_request(mentee=mentee, entry=entry)

    with time_machine.travel(timezone.now() + timedelta(days=6)):
        assert services.requests_lapse() == 1
        assert "did not answer your request in time" in mail.outbox[-1].body
        assert mail.outbox[-1].to == [mentee.applicant.email]
        assert MentorRequest.objects.get().status == MentorRequest.Status.EXPIRED
        # The mentor who let it lapse is not suggested again.
        assert services.shortlist_build(mentee=mentee) == []
    assert slow.places.count() == 0
