"""Handing in work: word minimums, automatic acceptance, reviewers, the learning log."""

import time

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from peerpath.drafts.models import Draft
from peerpath.drafts.services import draft_save
from peerpath.portfolio.models import LearningEntry
from peerpath.programmes.models import Programme, Submission
from peerpath.programmes.selectors.progress import programme_progress
from peerpath.programmes.selectors.reviews import may_review, submissions_waiting_for
from peerpath.programmes.services import (
    statement_draft_key,
    submission_accept,
    submission_return,
    submission_submit,
)
from tests.factories import MembershipFactory, UserFactory
from tests.programmes.conftest import words


def hand_in(activity, person, text="", link=""):
    return submission_submit(
        activity=activity, participant=person, statement=text, evidence_url=link
    )


def test_a_statement_under_the_minimum_is_refused_with_its_count_and_nothing_is_saved(thing, alice):
    with pytest.raises(ValidationError) as refused:
        hand_in(thing(1), alice, words(150))
    assert refused.value.message_dict["statement"] == [
        "Your statement has 150 words. Write at least 200 words."
    ]
    assert not Submission.objects.exists()


def test_things_21_and_22_need_400_words(thing, alice):
    with pytest.raises(ValidationError, match=r"has 399 words\. Write at least 400"):
        hand_in(thing(21), alice, words(399))
    assert hand_in(thing(22), alice, words(400)).is_accepted


def test_enough_words_are_accepted_at_once_and_go_into_the_learning_log(thing, alice):
    activity = thing(5)
    draft_save(owner=alice, key=statement_draft_key(activity), text=words(200))
    submission = hand_in(activity, alice, words(200))
    assert submission.status == Submission.Status.ACCEPTED
    entry = LearningEntry.objects.get(owner=alice)
    assert entry.title == "23 Things ELC Leadership: Thing 5 – How do I show vision as a leader?"
    assert entry.kind == LearningEntry.Kind.ELEARNING
    assert entry.source_key == f"programmes.submission.{submission.pk}"
    assert sorted(entry.statements.values_list("code", flat=True)) == [
        "VIS.1", "VIS.2", "VIS.3", "VIS.4",
    ]  # fmt: skip
    assert entry.reflection == words(200)
    assert not Draft.objects.filter(owner=alice).exists(), "the draft is spent once saved"


def test_a_link_instead_of_a_statement_goes_to_a_reviewer(thing, alice):
    submission = hand_in(thing(2), alice, link="https://alice.example.org/thing-2")
    assert submission.status == Submission.Status.SUBMITTED
    assert not LearningEntry.objects.exists()


def test_nothing_at_all_is_refused_with_a_clear_message(thing, alice):
    with pytest.raises(ValidationError, match="Write your statement, or give a link"):
        hand_in(thing(3), alice)


def test_accepted_work_cannot_be_handed_in_again(thing, alice):
    hand_in(thing(1), alice, words(200))
    with pytest.raises(ValidationError, match="already been accepted"):
        hand_in(thing(1), alice, words(300))
    assert Submission.objects.get().word_count == 200


@pytest.fixture
def reviewed(twenty_three_things):
    twenty_three_things.review = Programme.Review.REVIEWER
    twenty_three_things.save()
    return twenty_three_things


def test_a_reviewer_returns_work_with_feedback_and_accepts_it_next_time(
    reviewed, thing, alice, bob
):
    submission = hand_in(thing(7), alice, words(210))
    assert submission.status == Submission.Status.SUBMITTED
    assert list(submissions_waiting_for(bob)) == [submission]
    submission_return(submission=submission, reviewer=bob, feedback="Add an example from work.")
    assert programme_progress(reviewed, alice).in_progress == 1
    again = hand_in(thing(7), alice, words(260))
    assert again.pk == submission.pk and again.times_submitted == 2
    submission_accept(submission=again, reviewer=bob)
    again.refresh_from_db()
    assert again.is_accepted and again.reviewed_by == bob
    assert LearningEntry.objects.filter(owner=alice).count() == 1


def test_returned_work_reaches_the_participant_by_email(reviewed, thing, alice, bob, smtp_outbox):
    from django.test import TestCase

    submission = hand_in(thing(9), alice, words(210))
    with TestCase.captureOnCommitCallbacks(execute=True):
        submission_return(submission=submission, reviewer=bob, feedback="Say what you changed.")
    deadline = time.monotonic() + 5
    while not smtp_outbox and time.monotonic() < deadline:
        time.sleep(0.05)
    [message] = smtp_outbox
    assert message["To"] == alice.email
    assert message["Subject"] == "Feedback on your work for Thing 9"
    body = message.get_content()
    assert "Say what you changed." in body
    assert thing(9).get_absolute_url() in body


def test_returning_work_needs_feedback(reviewed, thing, alice, bob):
    submission = hand_in(thing(7), alice, words(210))
    with pytest.raises(ValidationError) as refused:
        submission_return(submission=submission, reviewer=bob, feedback="  ")
    assert "feedback" in refused.value.message_dict
    submission.refresh_from_db()
    assert submission.status == Submission.Status.SUBMITTED


def test_nobody_reviews_their_own_work(reviewed, thing, bob):
    submission = hand_in(thing(7), bob, words(210))
    assert not may_review(bob, submission)
    with pytest.raises(ValidationError, match="your own work"):
        submission_accept(submission=submission, reviewer=bob)


def test_coordinators_review_shipped_programme_work_only_for_their_own_people(
    reviewed, thing, alice, bob, dan, other_org
):
    submission = hand_in(thing(7), alice, words(210))
    elsewhere = UserFactory()
    MembershipFactory(user=elsewhere, organisation=other_org, role="coordinator")
    assert may_review(bob, submission)
    assert not may_review(elsewhere, submission)
    assert not may_review(dan, submission)
    assert list(submissions_waiting_for(elsewhere)) == []


def test_progress_counts_done_in_progress_and_not_started(twenty_three_things, thing, alice):
    hand_in(thing(1), alice, words(200))
    hand_in(thing(2), alice, link="https://alice.example.org/2")
    draft_save(owner=alice, key=statement_draft_key(thing(3)), text="I started writing")
    progress = programme_progress(twenty_three_things, alice)
    assert (progress.done, progress.in_progress, progress.not_started) == (1, 2, 20)


def test_the_activity_page_refuses_a_short_statement_and_keeps_what_was_typed(
    thing, alice, client_for
):
    activity = thing(6)
    short = "I led a change in how we welcome new families. " * 10
    response = client_for(alice).post(activity.get_absolute_url(), {"statement": short})
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error:" in page
    assert "Your statement has 100 words. Write at least 200 words." in page
    assert "I led a change in how we welcome new families." in page
    assert not Submission.objects.exists()


def test_a_reviewer_decides_on_the_review_page(reviewed, thing, alice, bob, client_for):
    submission = hand_in(thing(8), alice, words(230))
    client = client_for(bob)
    url = reverse("programmes:review", args=[submission.pk])
    response = client.post(url, {"decision": "return", "feedback": ""})
    assert "Say what needs to change before it is accepted." in response.content.decode()
    client.post(url, {"decision": "accept", "feedback": "Thoughtful."})
    submission.refresh_from_db()
    assert submission.is_accepted and submission.feedback == "Thoughtful."


def test_the_programme_page_takes_the_same_few_queries_however_much_is_done(
    twenty_three_things, thing, alice, client_for, django_assert_max_num_queries
):
    client = client_for(alice)
    client.get(twenty_three_things.get_absolute_url())
    with django_assert_max_num_queries(15) as before:
        client.get(twenty_three_things.get_absolute_url())
    for code in ("1", "2", "3"):
        hand_in(thing(code), alice, words(200))
    with django_assert_max_num_queries(len(before.captured_queries)):
        page = client.get(twenty_three_things.get_absolute_url()).content.decode()
    assert page.count("Badge earned") == 3


def test_work_by_someone_in_two_of_the_reviewers_organisations_waits_once(
    reviewed, thing, alice, bob, other_org
):
    MembershipFactory(user=bob, organisation=other_org, role="coordinator")
    MembershipFactory(user=alice, organisation=other_org)
    submission = hand_in(thing(7), alice, words(210))
    assert list(submissions_waiting_for(bob)) == [submission]
    assert submissions_waiting_for(bob).count() == 1


def test_the_programmes_list_counts_work_waiting_only_for_reviewers(
    reviewed, thing, alice, bob, dan, client_for
):
    hand_in(thing(7), alice, words(210))
    url = reverse("programmes:list")
    assert "1 piece of work is waiting for your review" in client_for(bob).get(url).text
    assert "waiting for your review" not in client_for(dan).get(url).text
