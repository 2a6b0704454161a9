"""A 360° round from the subject's side: set up, invite, follow counts, remind, close."""

import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from peerpath.accounts.models import Membership
from peerpath.assessments.models import FeedbackResponse, FeedbackRound, Rater
from peerpath.assessments.services.policy import minimums_for_subject, policy_update
from peerpath.assessments.services.rounds import (
    MAX_RATERS,
    RaterListError,
    round_add_raters,
    round_launch,
    round_send_reminders,
)
from tests.factories import MembershipFactory

from . import builders


def new_round(client, framework, title="Spring feedback", closes_on=None):
    closes_on = closes_on or (timezone.localdate() + datetime.timedelta(days=21))
    return client.post(
        reverse("assessments:round-new"),
        {"framework": framework.pk, "title": title, "closes_on": closes_on.strftime("%d/%m/%Y")},
    )


def test_the_six_capabilities_are_offered_by_default(client_for, alice, six):
    page = client_for(alice).get(reverse("assessments:round-new")).content.decode()
    chosen = re.search(r'<input type="radio" name="framework" value="(\d+)"[^>]*checked', page)
    assert chosen and int(chosen.group(1)) == six.pk


def test_a_new_round_starts_with_an_empty_self_assessment(client_for, alice, six):
    response = new_round(client_for(alice), six)
    round = FeedbackRound.objects.get(subject=alice)
    assert response["Location"] == round.get_absolute_url()
    assert round.status == FeedbackRound.Status.DRAFT
    assert round.self_evaluation.framework == six and not round.self_evaluation.ratings.exists()


def test_a_closing_date_in_the_past_is_refused(client_for, alice, six):
    page = new_round(
        client_for(alice), six, closes_on=timezone.localdate() - datetime.timedelta(days=1)
    ).content.decode()
    assert "The last day for feedback must be today or later." in page
    assert not FeedbackRound.objects.exists()


def add(client, round, group, emails):
    return client.post(
        reverse("assessments:round-raters", args=[round.pk]),
        {"group": group, "emails": "\n".join(emails)},
    )


def test_bad_rater_lists_are_refused_whole_with_a_message_per_line(client_for, alice, six):
    round = builders.feedback_round(alice, six, status=FeedbackRound.Status.DRAFT)
    builders.rater(round, email="already@example.org")
    page = add(
        client_for(alice),
        round,
        "peer",
        [
            "good@example.org",
            "not an address",
            "Alice@Example.org",
            "already@example.org",
            "GOOD@example.org",
        ],
    ).content.decode()
    assert "Nothing was added." in page
    assert "Line 2: “not an address” is not an email address." in page
    assert "Line 3: that is your own address." in page
    assert "Line 4: already@example.org is already invited to this round." in page
    assert "Line 5: good@example.org is also on line 1." in page
    assert list(round.raters.values_list("email", flat=True)) == ["already@example.org"]


def test_a_round_takes_at_most_fifty_raters(alice, six):
    round = builders.feedback_round(alice, six, status=FeedbackRound.Status.DRAFT)
    round_add_raters(round=round, group="other", emails=[f"p{n}@example.org" for n in range(48)])
    with pytest.raises(RaterListError, match="at most 50 raters"):
        round_add_raters(
            round=round, group="peer", emails=["a@example.org", "b@example.org", "c@example.org"]
        )
    assert round.raters.count() == 48
    round_add_raters(round=round, group="peer", emails=["a@example.org", "b@example.org"])
    assert round.raters.count() == MAX_RATERS


def test_sending_needs_a_finished_self_assessment(client_for, alice, six):
    new_round(client_for(alice), six)
    round = FeedbackRound.objects.get(subject=alice)
    round_add_raters(round=round, group="peer", emails=["p@example.org"])
    with pytest.raises(ValidationError, match="Finish your self-assessment"):
        round_launch(round=round)
    round.refresh_from_db()
    assert round.status == FeedbackRound.Status.DRAFT


def test_nobody_is_emailed_until_the_round_is_sent_then_everyone_is(
    client_for, alice, six, django_capture_on_commit_callbacks
):
    round = builders.feedback_round(alice, six, status=FeedbackRound.Status.DRAFT)
    client = client_for(alice)
    with django_capture_on_commit_callbacks(execute=True):
        add(client, round, "line-manager", ["boss@example.org"])
        add(client, round, "peer", ["p1@example.org", "p2@example.org", "p3@example.org"])
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("assessments:round-launch", args=[round.pk]))
    assert sorted(m.to[0] for m in mail.outbox) == [
        "boss@example.org",
        "p1@example.org",
        "p2@example.org",
        "p3@example.org",
    ]
    to_boss = next(m for m in mail.outbox if m.to == ["boss@example.org"])
    assert to_boss.subject == "Alice Participant would value your feedback"
    assert "as you may be the only person in this group" in to_boss.body
    to_peer = next(m for m in mail.outbox if m.to == ["p1@example.org"])
    assert "only if at least 3 people in it reply" in to_peer.body
    links = {re.search(r"(/feedback/respond/\S+/)", m.body).group(1) for m in mail.outbox}
    assert len(links) == 4


def test_the_subject_sees_counts_per_group_never_who_answered(client_for, alice, six):
    round = builders.feedback_round(alice, six)
    for n in range(3):
        builders.rater(round, email=f"peer{n}@example.org", group="peer")
    done, _token = builders.rater(round, email="boss@example.org", group="line-manager")
    done.submitted_at = timezone.now()
    done.save()
    builders.submitted_answers(round, "line-manager", {"VIS.1": 3})
    page = client_for(alice).get(round.get_absolute_url()).content.decode()
    assert "1 of 4 people have sent their feedback." in page
    listed = re.findall(r"<li>([^<]*@example\.org[^<]*)</li>", page)
    assert sorted(listed) == [
        "boss@example.org (line manager)",
        "peer0@example.org (peers)",
        "peer1@example.org (peers)",
        "peer2@example.org (peers)",
    ]  # who was asked, never who answered


def test_people_added_to_an_open_round_are_invited_at_once(
    alice, six, django_capture_on_commit_callbacks
):
    round = builders.feedback_round(alice, six)
    with django_capture_on_commit_callbacks(execute=True):
        round_add_raters(round=round, group="other", emails=["partner@council.example"])
    assert [m.to for m in mail.outbox] == [["partner@council.example"]]


def test_reminders_go_to_people_yet_to_answer_at_most_every_two_days(
    alice, six, django_capture_on_commit_callbacks
):
    round = builders.feedback_round(alice, six)
    _waiting, _t = builders.rater(round, email="waiting@example.org")
    answered, _t = builders.rater(round, email="answered@example.org")
    answered.submitted_at = timezone.now()
    answered.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert round_send_reminders(round=round).sent == 0  # invited just now
    later = timezone.now() + datetime.timedelta(days=2, minutes=1)
    with time_machine.travel(later), django_capture_on_commit_callbacks(execute=True):
        first = round_send_reminders(round=round)
        again = round_send_reminders(round=round)
    assert first.sent == 1 and again.sent == 0
    gap = again.next_possible - later
    assert datetime.timedelta(days=2) <= gap < datetime.timedelta(days=2, minutes=1)
    assert [m.to for m in mail.outbox] == [["waiting@example.org"]]
    assert mail.outbox[0].subject.startswith("Reminder:")


def test_nobody_gets_more_than_three_reminders(alice, six, django_capture_on_commit_callbacks):
    round = builders.feedback_round(alice, six)
    round.closes_on = timezone.localdate() + datetime.timedelta(days=60)
    round.save()
    builders.rater(round, email="slow@example.org")
    sent = []
    for week in range(1, 6):
        later = timezone.now() + datetime.timedelta(days=3 * week)
        with time_machine.travel(later), django_capture_on_commit_callbacks(execute=True):
            sent.append(round_send_reminders(round=round).sent)
    assert sent == [1, 1, 1, 0, 0]
    assert len(mail.outbox) == 3


def test_closing_throws_away_unfinished_answers_and_makes_the_report(client_for, alice, six):
    round = builders.feedback_round(alice, six)
    rater, _token = builders.rater(round)
    FeedbackResponse.objects.create(round=round, group="peer", rater=rater)
    client = client_for(alice)
    assert (
        client.get(reverse("assessments:report", args=[round.pk]))["Location"]
        == round.get_absolute_url()
    )
    response = client.post(reverse("assessments:round-close", args=[round.pk]))
    assert response["Location"] == reverse("assessments:report", args=[round.pk])
    round.refresh_from_db()
    assert round.status == FeedbackRound.Status.CLOSED
    assert not FeedbackResponse.objects.exists()
    assert client.get(reverse("assessments:report", args=[round.pk])).status_code == 200


def test_a_closed_round_takes_no_more_raters(alice, six):
    round = builders.feedback_round(alice, six, status=FeedbackRound.Status.CLOSED)
    with pytest.raises(ValidationError, match="closed"):
        round_add_raters(round=round, group="peer", emails=["late@example.org"])
    assert not Rater.objects.exists()


def test_anonymity_minimums_follow_the_organisation_until_the_round_is_sent(alice, carol, org, six):
    round = builders.feedback_round(alice, six, status=FeedbackRound.Status.DRAFT)
    builders.rater(round)
    policy_update(organisation=org, minimums={"peer": 4, "line-manager": 2}, by=carol)
    launched = round_launch(round=round)
    assert (launched.min_peer, launched.min_line_manager) == (4, 2)
    policy_update(organisation=org, minimums={"peer": 2}, by=carol)
    launched.refresh_from_db()
    assert launched.min_peer == 4


def test_someone_in_two_organisations_gets_the_stricter_minimum(alice, carol, dan, org, other_org):
    MembershipFactory(user=alice, organisation=other_org, role=Membership.Role.PARTICIPANT)
    policy_update(organisation=org, minimums={"peer": 2, "other": 5}, by=carol)
    minimums = minimums_for_subject(alice)
    assert minimums["peer"] == 3  # the other organisation keeps the default of 3
    assert minimums["other"] == 5


def test_an_admin_sets_minimums_and_bad_values_are_refused(client_for, carol, org):
    url = reverse("assessments:anonymity", args=[org.slug])
    page = (
        client_for(carol)
        .post(
            url,
            {"min_line_manager": "1", "min_peer": "0", "min_direct_report": "3", "min_other": "x"},
        )
        .content.decode()
    )
    assert "Peers: the minimum is at least 1." in page
    assert "Others: enter a whole number." in page
    response = client_for(carol).post(
        url, {"min_line_manager": "2", "min_peer": "4", "min_direct_report": "3", "min_other": "3"}
    )
    assert response.status_code == 302
    assert org.anonymity_policy.min_peer == 4


def test_raters_links_stop_at_the_end_of_the_closing_day_in_london(alice, six):
    round = builders.feedback_round(alice, six)
    round.closes_on = datetime.date(2026, 7, 10)
    round.save()
    with time_machine.travel(datetime.datetime(2026, 7, 10, 22, 59, tzinfo=datetime.UTC)):
        assert round.accepts_feedback  # 23:59 in London (BST)
    with time_machine.travel(datetime.datetime(2026, 7, 10, 23, 0, tzinfo=datetime.UTC)):
        assert not round.accepts_feedback


def test_deleting_an_account_removes_its_evaluations_rounds_and_raters(alice, bob, six):
    round = builders.feedback_round(alice, six, status=FeedbackRound.Status.CLOSED)
    builders.rater(round)
    builders.submitted_answers(round, "peer", {"VIS.1": 2})
    builders.finished_evaluation(bob, six)  # someone else's stays
    alice.delete()
    assert not FeedbackRound.objects.exists()
    assert not Rater.objects.exists() and not FeedbackResponse.objects.exists()
    assert bob.self_evaluations.count() == 1


def test_the_last_day_can_move_later_but_not_earlier_once_sent(client_for, alice, six):
    round = builders.feedback_round(alice, six)
    _rater, token = builders.rater(round)
    url = reverse("assessments:round-last-day", args=[round.pk])
    original = round.closes_on
    earlier = original - datetime.timedelta(days=3)
    page = client_for(alice).post(url, {"closes_on": earlier.strftime("%d/%m/%Y")})
    assert "the last day can only move later" in page.content.decode()
    round.refresh_from_db()
    assert round.closes_on == original
    after_expiry = timezone.now() + datetime.timedelta(days=15)
    with time_machine.travel(after_expiry):
        respond = reverse("assessments:respond", args=[token])
        assert client_for(None).get(respond).status_code == 410
        later = timezone.localdate() + datetime.timedelta(days=7)
        client_for(alice).post(url, {"closes_on": later.strftime("%d/%m/%Y")})
        assert client_for(None).get(respond).status_code == 200


def hint_of(page: str) -> str:
    return re.search(r'id="closes_on-hint" class="govuk-hint">([^<]*)<', page).group(1)


def test_the_last_day_hint_states_the_limit_and_its_example_is_accepted(client_for, alice, six):
    # 00:30 on 1 July in London is still 30 June in UTC: the dates count from London's day.
    with time_machine.travel(datetime.datetime(2027, 6, 30, 23, 30, tzinfo=datetime.UTC)):
        page = client_for(alice).get(reverse("assessments:round-new")).content.decode()
        hint = hint_of(page)
        assert hint == (
            "Up to 90 days from today, so 29/9/2027 at the latest. For example, 22/7/2027"
        )
        new_round(client_for(alice), six, closes_on=datetime.date(2027, 7, 22))

    assert FeedbackRound.objects.get(subject=alice).closes_on == datetime.date(2027, 7, 22)


def test_the_new_last_day_hint_states_the_limit_in_welsh(client_for, alice, six):
    with time_machine.travel(datetime.datetime(2027, 2, 1, 9, 0, tzinfo=datetime.UTC)):
        client = client_for(alice)
        client.cookies["django_language"] = "cy"
        round = builders.feedback_round(alice, six)
        page = client.get(reverse("assessments:round-last-day", args=[round.pk]))

    assert hint_of(page.content.decode()) == (
        "Hyd at 90 diwrnod o heddiw, felly 2/5/2027 fan bellaf. Er enghraifft, 22/2/2027"
    )


def test_a_date_boxs_example_is_a_date_ahead_whenever_the_form_is_shown(six):
    from peerpath.assessments.forms import PlanItemForm

    with time_machine.travel(datetime.datetime(2027, 6, 1, 9, tzinfo=datetime.UTC)):
        form = PlanItemForm(data={"target_date": "x"}, framework=six)
        assert form.fields["target_date"].help_text == "For example, 22/6/2027"
        form.is_valid()
        assert form.errors["target_date"] == ["Enter a real date, for example 22/6/2027."]
        example = PlanItemForm(data={"target_date": "22/6/2027"}, framework=six)
        example.is_valid()
        assert "target_date" not in example.errors
