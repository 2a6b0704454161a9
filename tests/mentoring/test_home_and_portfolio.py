"""What mentoring adds to the home page card and to a person's portfolio timeline."""

import datetime
from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.test import RequestFactory
from django.utils import timezone

from peerpath.lib.timeline import collect_timeline
from peerpath.mentoring import dashboard, services
from peerpath.mentoring.models import MentorRequest, PeerInvitation, Session

from .factories import make_application, make_cohort


def card_for(user):
    request = RequestFactory().get("/")
    request.user = user
    return dashboard.card(request)


def test_the_home_card_lists_what_each_person_must_do(cohort, make_pair, alice, bob):
    pairing = make_pair(cohort, alice, signed=False)
    make_application(cohort, "mentee", status="submitted")

    mine = [item["text"] for item in card_for(alice)["todo"]]
    theirs = [item["text"] for item in card_for(bob)["todo"]]

    assert mine == [f"Sign your agreement with {pairing.mentor.full_name}"]
    assert theirs == [f"1 application to {cohort.scheme.name}: {cohort.name} waits for a decision"]


def test_the_home_card_words_and_links_every_kind_of_to_do(
    cohort, peer_cohort, make_pair, alice, bob
):
    soon, past = timezone.now() + timedelta(days=3), timezone.now() - timedelta(days=1)
    unsigned = make_pair(cohort, alice, signed=False)
    signed = make_pair(peer_cohort, alice)
    partner = signed.partner_of(alice)
    logged = services.session_log(
        session=Session(pairing=signed, starts_at=timezone.now() - timedelta(days=1)),
        by=partner,
        themes=[],
        notes="",
    )
    inviter = make_application(peer_cohort, "peer")
    invitation = PeerInvitation.objects.create(
        cohort=peer_cohort, inviter=inviter, invitee=alice, expires_at=soon
    )
    lapsed = make_application(peer_cohort, "peer")
    PeerInvitation.objects.create(
        cohort=peer_cohort, inviter=lapsed, invitee=alice, expires_at=past
    )
    as_mentor = make_application(make_cohort(cohort.scheme, name="2027"), "mentor", user=alice)
    mentee = make_application(as_mentor.cohort, "mentee")
    request = MentorRequest.objects.create(
        cohort=as_mentor.cohort, mentee=mentee, mentor=as_mentor, expires_at=soon
    )
    for _n in range(2):
        make_application(cohort, "mentee", status="submitted")
    finished = make_cohort(cohort.scheme, name="2020", phase="finished")
    make_application(finished, "mentee", status="submitted")

    mine = [(item["text"], item["url"]) for item in card_for(alice)["todo"]]
    theirs = [(item["text"], item["url"]) for item in card_for(bob)["todo"]]

    # Pairs newest first: the signed pair was made after the unsigned one.
    assert mine == [
        (
            f"Answer {inviter.applicant.full_name}'s invitation to pair up",
            f"/mentoring/invitations/{invitation.pk}/",
        ),
        (
            f"Answer {mentee.applicant.full_name}'s request for a mentor",
            f"/mentoring/requests/{request.pk}/",
        ),
        (f"Confirm your session with {partner.full_name}", logged.get_absolute_url()),
        (
            f"Sign your agreement with {unsigned.mentor.full_name}",
            f"/mentoring/pairs/{unsigned.pk}/agreement/",
        ),
    ]
    assert theirs == [
        (
            f"2 applications to {cohort.scheme.name}: {cohort.name} wait for a decision",
            f"/mentoring/rounds/{cohort.pk}/applications/",
        )
    ]
    assert card_for(partner)["todo"] == []


def test_people_with_nothing_to_do_with_mentoring_see_no_card(db, carol):
    assert card_for(carol) is None


def test_confirmed_sessions_appear_on_both_timelines_with_their_themes(
    peer_cohort, make_pair, alice, shipped_frameworks
):
    pairing = make_pair(peer_cohort, alice)
    theme = peer_cohort.scheme.theme_framework.statements.get(code="THEMES.4")
    session = services.session_log(
        session=Session(pairing=pairing, starts_at=timezone.now() - timedelta(days=2)),
        by=alice,
        themes=[theme],
        notes="private",
    )
    services.session_confirm(session=session, by=pairing.partner_of(alice))
    today = timezone.localdate()

    items = collect_timeline(alice, today - timedelta(days=30), today, evidence=True)

    [item] = [i for i in items if i.kind == "Session"]
    assert item.statement_ids == (theme.pk,)
    assert item.url == session.get_absolute_url()
    assert any(i.kind == "Pairing" for i in items)
    assert collect_timeline(alice, datetime.date(2000, 1, 1), datetime.date(2000, 2, 1)) == []


def test_the_reminder_command_reports_what_it_sent(cohort, make_pair, alice):
    out = StringIO()
    call_command("mentoring_reminders", stdout=out)
    assert "Queued 0 agreement and 0 session reminders; 0 requests lapsed." in out.getvalue()
