"""Once a mentee has a pair in a round, the shortlist is no longer offered; its page
leads to the pairing instead."""

import pytest
from django.urls import reverse

from .factories import make_application, make_cohort

pytestmark = pytest.mark.django_db

CHOOSE = "Choose a mentor from your shortlist"


@pytest.fixture
def shortlist_round(scheme):
    return make_cohort(scheme, phase="active", allow_shortlist=True)


def test_an_accepted_mentee_without_a_pair_is_offered_the_shortlist(
    shortlist_round, alice, client_for
):
    make_application(shortlist_round, "mentee", user=alice)

    page = client_for(alice).get(reverse("mentoring:home")).text

    assert CHOOSE in page


def test_a_paired_mentee_is_not_offered_the_shortlist_for_that_round(
    shortlist_round, make_pair, alice, client_for
):
    make_pair(shortlist_round, alice)

    page = client_for(alice).get(reverse("mentoring:home")).text

    assert CHOOSE not in page


def test_a_pair_in_another_round_does_not_hide_this_rounds_shortlist(
    scheme, shortlist_round, make_pair, alice, client_for
):
    make_pair(make_cohort(scheme, name="First round", phase="active"), alice)
    make_application(shortlist_round, "mentee", user=alice)

    page = client_for(alice).get(reverse("mentoring:home")).text

    assert CHOOSE in page


def test_the_shortlist_page_of_a_paired_mentee_links_to_the_pairing_and_back(
    shortlist_round, make_pair, alice, client_for
):
    pairing = make_pair(shortlist_round, alice)

    page = client_for(alice).get(reverse("mentoring:shortlist", args=[shortlist_round.pk])).text

    assert "You have a mentor." in page
    assert f'href="{pairing.get_absolute_url()}">See your pairing</a>' in page
    assert "govuk-breadcrumbs" in page and f'href="{reverse("mentoring:home")}"' in page
