"""The matching page says plainly when nobody is left to match, and offers nothing empty."""

import re

import pytest
from django.urls import reverse

from peerpath.mentoring import services
from peerpath.mentoring.models import Application, MatchRun

from .factories import make_application

pytestmark = pytest.mark.django_db

MENTEE, MENTOR = Application.Role.MENTEE, Application.Role.MENTOR
NOBODY_LEFT = "Nobody is left to match"
RUN_BUTTON = 'name="action" value="run"'


def _page(client, cohort) -> str:
    return client.get(reverse("mentoring:matching", args=[cohort.pk])).text


def test_with_people_waiting_the_page_offers_to_propose_and_to_pair_by_hand(
    cohort, bob, client_for
):
    make_application(cohort, MENTEE)
    make_application(cohort, MENTOR)

    page = _page(client_for(bob), cohort)

    assert RUN_BUTTON in page and "Pair two people yourself" in page
    assert NOBODY_LEFT not in page


def test_after_publishing_the_page_says_nobody_is_left_and_offers_no_empty_forms(
    cohort, bob, client_for
):
    make_application(cohort, MENTEE)
    make_application(cohort, MENTOR, capacity=1)
    services.match_run(cohort=cohort, by=bob)
    services.drafts_publish(cohort=cohort, by=bob)

    page = _page(client_for(bob), cohort)

    assert "Nobody is left to match: no mentee is waiting for a pair." in page
    assert RUN_BUTTON not in page
    assert "Pair two people yourself" not in page
    assert "0 mentees and 0 mentors" not in page


def test_when_every_mentee_is_in_a_draft_pair_the_page_says_so(cohort, bob, client_for):
    make_application(cohort, MENTEE)
    make_application(cohort, MENTOR)
    make_application(cohort, MENTOR)
    services.match_run(cohort=cohort, by=bob)

    page = _page(client_for(bob), cohort)

    assert "every mentee who can be matched is in a draft pair below" in page
    assert RUN_BUTTON not in page
    assert "Pair two people yourself" not in page
    assert "Publish the pairs" in page


def test_proposing_with_nobody_waiting_says_nothing_was_proposed(cohort, bob, client_for):
    make_application(cohort, MENTEE)
    make_application(cohort, MENTOR, capacity=1)
    services.match_run(cohort=cohort, by=bob)
    services.drafts_publish(cohort=cohort, by=bob)
    proposed_at = MatchRun.objects.get(cohort=cohort).run_at

    response = client_for(bob).post(
        reverse("mentoring:matching", args=[cohort.pk]), {"action": "run"}, follow=True
    )

    assert "Nothing was proposed: nobody is waiting to be matched." in response.text
    assert "The optimiser has proposed pairs" not in response.text
    assert MatchRun.objects.get(cohort=cohort).run_at == proposed_at


def test_saving_weights_with_nobody_to_match_saves_them_and_proposes_nothing(
    cohort, bob, client_for
):
    response = client_for(bob).post(
        reverse("mentoring:matching", args=[cohort.pk]),
        {
            "action": "weights",
            "weight_topics": "2",
            "weight_capabilities": "1",
            "weight_region": "0",
            "weight_availability": "1",
        },
        follow=True,
    )

    assert "Weights saved. Nothing was proposed: nobody is waiting to be matched." in response.text
    cohort.refresh_from_db()
    assert cohort.weight_topics == 2
    assert not MatchRun.objects.filter(cohort=cohort).exists()


def test_the_draft_pairs_heading_keeps_the_count_apart_from_the_score(cohort, bob, client_for):
    make_application(cohort, MENTEE)
    make_application(cohort, MENTOR)
    services.match_run(cohort=cohort, by=bob)

    page = _page(client_for(bob), cohort)

    heading = re.search(r"<h2 [^>]*>([^<]*draft pair[^<]*)</h2>\s*<p [^>]*>([^<]*)</p>", page)
    assert heading and heading.group(1) == "1 draft pair"
    assert heading.group(2).startswith("Total score ")
    caption = re.search(r"<caption[^>]*>(.*?)</caption>", page, re.S)
    assert caption.group(1) == "1 draft pair"
