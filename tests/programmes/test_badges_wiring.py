"""Accepted work earns real Open Badges 3.0 credentials through `_award_badge`."""

import datetime

import time_machine

from peerpath.assessments.models import FeedbackRound
from peerpath.badges.models import Credential
from peerpath.badges.verification import verify
from peerpath.frameworks.models import Framework
from peerpath.lib.timeline import collect_timeline
from peerpath.portfolio.services import plan_item_create
from peerpath.programmes.services import (
    attendance_record,
    enrolment_request,
    submission_submit,
)
from peerpath.programmes.services.awards import activity_badge_award
from tests.assessments.builders import feedback_round
from tests.programmes.conftest import words


def test_things_1_to_4_and_11_earn_five_badges_that_verify(thing, alice):
    # Things 4 and 11 complete with Peerpath's tools: a finished 360° round, a plan item.
    six = Framework.objects.get(slug="six-leadership-capabilities", is_current=True)
    feedback_round(alice, six, status=FeedbackRound.Status.CLOSED)
    plan_item_create(owner=alice, action="Shadow a director")
    for code in ("1", "2", "3", "4", "11"):
        statement = "" if code in ("4", "11") else words(200)
        submission = submission_submit(activity=thing(code), participant=alice, statement=statement)
        credential = Credential.objects.get(recipient=alice, achievement__key__endswith=f".{code}")
        assert submission.badge_url == credential.get_absolute_url()
    credentials = Credential.objects.filter(recipient=alice).select_related("achievement")
    assert credentials.count() == 5
    for credential in credentials:
        outcome = verify(credential.signed_jwt)
        assert outcome.is_valid, (credential.achievement.name, outcome.reason)
    today = datetime.date.today()
    badges = [i for i in collect_timeline(alice, today, today) if i.kind == "Badge"]
    assert len(badges) == 5


def test_a_thing_badge_is_aligned_to_the_capabilities_it_develops(thing, alice):
    submission_submit(activity=thing(10), participant=alice, statement=words(205))
    credential = Credential.objects.get(recipient=alice)
    achievement = credential.achievement
    assert achievement.key == "programmes.activity.23-things-elc-leadership.10"
    assert achievement.name == "23 Things ELC Leadership: Thing 10 – Collaborating and influencing"
    assert sorted(achievement.statements.values_list("code", flat=True)) == [
        "COLLAB.1", "COLLAB.2", "COLLAB.3",
    ]  # fmt: skip
    assert "Reflective statement of 205 words" in credential.evidence_narrative
    assert achievement.issuer.organisation is None  # the shipped programme: the site issues


def test_awarding_again_keeps_one_credential(thing, alice):
    submission = submission_submit(activity=thing(12), participant=alice, statement=words(200))
    activity_badge_award(submission)
    assert Credential.objects.filter(recipient=alice).count() == 1


def test_completing_a_programme_earns_its_badge_from_the_organisation_that_runs_it(
    masterclasses, make_event, alice, bob, org
):
    events = [make_event(days_ahead=days) for days in (7, 14)]
    for event in events:
        enrolment_request(event=event, participant=alice, confirmed_eligibility=False)
    with time_machine.travel(events[-1].ends_at, tick=False):
        for event in events:
            attendance_record(
                event=event, attended_ids=set(event.enrolments.values_list("pk", flat=True)),
                recorded_by=bob,
            )  # fmt: skip
    assert not Credential.objects.exists()
    submission_submit(
        activity=masterclasses.activities.get(), participant=alice, statement=words(50)
    )
    credential = Credential.objects.get(achievement__key="programmes.programme.masterclasses")
    assert credential.recipient == alice
    assert credential.achievement.issuer.organisation == org
    assert "attend at least 2" in credential.achievement.criteria
    assert verify(credential.signed_jwt).is_valid
    assert masterclasses.completions.get().badge_url == credential.get_absolute_url()


def test_attending_every_event_of_an_accredited_module_earns_its_badge(
    masterclasses, make_event, alice, bob
):
    from peerpath.programmes.services import module_create

    module = module_create(
        programme=masterclasses,
        title="Reflection: becoming a reflective manager",
        accreditation="20 credits at SCQF level 11.",
    )
    events = [make_event(days_ahead=days, module=module) for days in (7, 14)]
    places = [
        enrolment_request(event=e, participant=alice, confirmed_eligibility=False) for e in events
    ]
    with time_machine.travel(events[-1].ends_at, tick=False):
        attendance_record(event=events[0], attended_ids={places[0].pk}, recorded_by=bob)
        assert not Credential.objects.filter(
            achievement__key__startswith="programmes.module"
        ).exists()
        attendance_record(event=events[1], attended_ids={places[1].pk}, recorded_by=bob)
    credential = Credential.objects.get(achievement__key__startswith="programmes.module")
    assert credential.achievement.name == (
        "Leadership masterclasses: Reflection: becoming a reflective manager"
    )
    assert "20 credits at SCQF level 11." in credential.achievement.criteria
    with time_machine.travel(events[-1].ends_at + datetime.timedelta(days=1), tick=False):
        assert verify(credential.signed_jwt).is_valid  # issued after the last event
