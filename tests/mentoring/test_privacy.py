"""Private notes belong to the two people in a pair: not coordinators, not admins, not
exports other than the pair's own, not emails, not the portfolio."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from peerpath.mentoring import services
from peerpath.mentoring.models import Session
from peerpath.portfolio.models import LearningEntry

from .factories import make_application

NOTE = "PRIVATE: my manager and I are not speaking"


@pytest.fixture
def pair_with_notes(cohort, make_pair, alice):
    pairing = make_pair(cohort, alice)
    session = services.session_log(
        session=Session(pairing=pairing, starts_at=timezone.now() - timedelta(days=3)),
        by=alice,
        themes=[],
        notes=NOTE,
    )
    services.session_confirm(session=session, by=pairing.partner_of(alice))
    services.check_in_record(session=session, person=alice, usefulness=1, comment="Hard week")
    return pairing, session


STAFF_PAGES = ["cohort", "applications", "matching", "pairs", "outcomes", "export"]


@pytest.mark.parametrize("page", STAFF_PAGES)
def test_coordinators_see_pair_health_but_never_the_notes(
    page, pair_with_notes, cohort, bob, carol, client_for
):
    for person in (bob, carol):
        response = client_for(person).get(reverse(f"mentoring:{page}", args=[cohort.pk]))
        assert response.status_code == 200
        assert NOTE not in response.content.decode()


def test_the_coordinator_sees_the_low_rating_flag(pair_with_notes, cohort, bob, client_for):
    response = client_for(bob).get(reverse("mentoring:pairs", args=[cohort.pk]))
    assert "Low rating" in response.text


def test_coordinators_and_site_admins_cannot_open_the_pairs_pages(
    pair_with_notes, bob, erin, client_for
):
    pairing, session = pair_with_notes
    for person in (bob, erin):
        for url in [
            pairing.get_absolute_url(),
            session.get_absolute_url(),
            reverse("mentoring:pair-export", args=[pairing.pk]),
        ]:
            assert client_for(person).get(url).status_code == 404


def test_site_admin_screens_do_not_show_the_notes(pair_with_notes, erin, client_for):
    pairing, session = pair_with_notes
    client = client_for(erin)
    for url in [
        reverse("admin:mentoring_session_changelist"),
        reverse("admin:mentoring_session_change", args=[session.pk]),
        reverse("admin:mentoring_pairing_change", args=[pairing.pk]),
        reverse("admin:index"),
    ]:
        response = client.get(url)
        assert response.status_code == 200
        assert NOTE not in response.content.decode()
    assert client.get("/admin/mentoring/sessionnotes/").status_code == 404


def test_the_pairs_own_export_has_their_notes(pair_with_notes, alice, client_for):
    pairing, _session = pair_with_notes
    response = client_for(alice).get(reverse("mentoring:pair-export", args=[pairing.pk]))
    assert NOTE in response.content.decode()
    assert response["Content-Disposition"].startswith("attachment")


def test_notes_never_leave_in_emails_or_learning_logs(pair_with_notes):
    assert mail.outbox, "the session was emailed about"
    assert all(NOTE not in message.body for message in mail.outbox)
    assert all(NOTE not in entry.reflection for entry in LearningEntry.objects.all())


def test_the_other_mentees_in_the_round_cannot_see_the_pair(pair_with_notes, cohort, client_for):
    pairing, _session = pair_with_notes
    other = make_application(cohort, "mentee").applicant
    assert client_for(other).get(pairing.get_absolute_url()).status_code == 404
