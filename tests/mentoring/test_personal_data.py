"""Mentoring's part of a person's data download and erasure."""

from datetime import timedelta

import pytest
from django.utils import timezone

from peerpath.mentoring import selectors, services
from peerpath.mentoring.models import Pairing, SchemeStaff, Session, SessionNotes
from peerpath.mentoring.personal_data import export
from peerpath.portfolio.models import LearningEntry
from peerpath.portfolio.privacy import person_erase

from .factories import make_application


@pytest.fixture
def alices_pairing(cohort, make_pair, alice):
    pairing = make_pair(cohort, alice, goals="Lead the restructure well")
    partner = pairing.partner_of(alice)
    for by, note in [(alice, "Alice's worry"), (partner, "Partner's summary")]:
        session = services.session_log(
            session=Session(pairing=pairing, starts_at=timezone.now() - timedelta(days=3)),
            by=by,
            themes=[],
            notes=note,
        )
        services.session_confirm(session=session, by=pairing.partner_of(by))
    services.check_in_record(session=session, person=alice, usefulness=4, comment="Helpful")
    return pairing


def test_the_download_has_her_applications_pairings_and_the_pairs_notes(alices_pairing, alice):
    data = export(alice)

    assert data["applications"][0]["goals"] == "Lead the restructure well"
    [pairing] = data["pairings"]
    assert pairing["with"] == alices_pairing.mentor.full_name
    assert {s["private_notes"] for s in pairing["sessions"]} == {
        "Alice's worry",
        "Partner's summary",
    }
    assert pairing["sessions"][1]["my_check_in"] == [{"usefulness": 4, "comment": "Helpful"}]


def test_erasure_ends_her_pairing_and_removes_her_words_but_keeps_her_partners_record(
    alices_pairing, alice, cohort
):
    partner = alices_pairing.mentor
    SchemeStaff.objects.create(scheme=cohort.scheme, user=alice, role="lead-coach")
    waiting = make_application(cohort, "mentee", status="submitted")

    person_erase(user=alice)

    alices_pairing.refresh_from_db()
    assert alices_pairing.status == Pairing.Status.ENDED_EARLY
    assert alices_pairing.sessions.count() == 2
    assert list(SessionNotes.objects.values_list("text", flat=True)) == ["Partner's summary"]
    assert LearningEntry.objects.filter(owner=partner, kind="peer-session").count() == 2
    application = alices_pairing.mentee_application
    application.refresh_from_db()
    assert application.goals == "" and application.status == "accepted"
    assert not SchemeStaff.objects.filter(user=alice).exists()
    waiting.refresh_from_db()
    assert waiting.status == "submitted"  # other people's applications are untouched
    mentees, _mentors = selectors.matchable(cohort)
    assert application not in mentees  # an erased person is never matched again
