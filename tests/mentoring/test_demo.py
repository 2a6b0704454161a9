"""The demo data: a libraries round ready to match into 11 pairs, and a chosen CLD pair."""

import pytest

from peerpath.demo import seed_demo
from peerpath.mentoring import services
from peerpath.mentoring.demo import seed_mentoring_demo
from peerpath.mentoring.models import Cohort, Pairing
from peerpath.portfolio.models import LearningEntry


@pytest.fixture
def demo(shipped_frameworks):
    seed_demo()
    return seed_mentoring_demo()


def test_the_libraries_round_has_22_applicants_and_matches_into_11_pairs(demo):
    cohort = Cohort.objects.get(name="Second round")
    assert demo["applicants"] == 22
    assert cohort.applications.filter(status="accepted").count() == 21

    run = services.match_run(cohort=cohort, by=cohort.scheme.staff.first().user)

    assert cohort.draft_pairs.count() == 11
    assert run.unmatched == []
    assert all(
        d.mentee.organisation_id != d.mentor.organisation_id for d in cohort.draft_pairs.all()
    )


def test_the_cld_peers_chose_each_other_and_logged_dated_themed_sessions(demo):
    pairing = Pairing.objects.get(how_made=Pairing.HowMade.PEER_CHOICE)
    confirmed = pairing.sessions.filter(status="confirmed")
    assert confirmed.count() == 3
    assert all(session.themes.exists() for session in confirmed)
    assert pairing.sessions.filter(status="planned").count() == 1
    for person in (pairing.mentor, pairing.mentee):
        assert LearningEntry.objects.filter(owner=person, kind="peer-session").count() == 3
