"""Closing a round: final reviews against the same confidence questions, testimonials
with consent, and outcomes a funder would ask for."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from peerpath.mentoring import services
from peerpath.mentoring.models import Cohort, Pairing


def review(pairing, person, *, vision, consent=False, words=""):
    return services.closing_review_save(
        pairing=pairing,
        person=person,
        goals_met="yes",
        what_changed="I push back in budget meetings now.",
        confidence={"VIS": vision},
        testimonial=words,
        testimonial_consent=consent,
    )


@pytest.fixture
def closing(cohort):
    cohort.phase = Cohort.Phase.CLOSING
    cohort.save()
    return cohort


def test_final_reviews_open_at_the_closing_phase(cohort, make_pair, alice):
    pairing = make_pair(cohort, alice)
    with pytest.raises(ValidationError, match="closing phase"):
        review(pairing, alice, vision=3)


def test_both_reviews_finish_the_pairing_and_free_the_places(closing, make_pair, alice):
    pairing = make_pair(closing, alice, confidence={"VIS": 1})
    review(pairing, alice, vision=3)
    assert Pairing.objects.get(pk=pairing.pk).status == Pairing.Status.ACTIVE

    review(pairing, pairing.mentor, vision=4)

    pairing.refresh_from_db()
    assert pairing.status == Pairing.Status.CLOSED
    assert not pairing.places.exists()


def test_consent_without_words_is_refused(closing, make_pair, alice):
    pairing = make_pair(closing, alice)
    with pytest.raises(ValidationError, match="Write the testimonial"):
        review(pairing, alice, vision=3, consent=True)
    assert not pairing.reviews.exists()


def test_outcomes_show_confidence_change_and_only_consented_testimonials(
    closing, make_pair, alice, bob, client_for
):
    pairing = make_pair(closing, alice, confidence={"VIS": 1})
    review(pairing, alice, vision=3, consent=True, words="I found my voice.")
    review(pairing, pairing.mentor, vision=4, words="Not for publishing.")

    response = client_for(bob).get(reverse("mentoring:outcomes", args=[closing.pk]))

    [vision] = response.context["outcomes"]["confidence"]
    assert (vision["people"], vision["before"], vision["after"]) == (1, 1, 3)
    assert "I found my voice." in response.text
    assert "Not for publishing." not in response.text
    assert response.context["outcomes"]["goals_met"]["yes"] == 2
