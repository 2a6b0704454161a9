"""Logging or planning a session before both have signed: the page says so before any form."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from peerpath.mentoring import services
from peerpath.mentoring.models import Pairing, Session

pytestmark = pytest.mark.django_db

FORM_FIELD = 'name="duration_minutes"'
WAIT = "You can log and plan sessions once you have both signed your agreement."


@pytest.mark.parametrize("page", ["mentoring:session-new", "mentoring:session-plan"])
def test_before_anyone_signs_the_page_links_to_the_agreement_instead_of_a_form(
    cohort, make_pair, alice, client_for, page
):
    pairing = make_pair(cohort, alice, signed=False)

    html = client_for(alice).get(reverse(page, args=[pairing.pk])).text

    assert WAIT in html and "You have not signed it yet." in html
    assert f'href="{reverse("mentoring:agreement", args=[pairing.pk])}"' in html
    assert FORM_FIELD not in html


def test_after_signing_alone_the_page_says_the_partner_has_not_signed(
    cohort, make_pair, alice, client_for
):
    pairing = make_pair(cohort, alice, signed=False)
    agreement = pairing.agreement
    agreement.frequency = "Monthly"
    agreement.commit_professional_learning = agreement.commit_self_care = True
    services.agreement_save(agreement=agreement, by=alice, sign=True)
    partner = pairing.mentor.get_short_name()

    html = client_for(alice).get(reverse("mentoring:session-new", args=[pairing.pk])).text

    assert f"You have signed; {partner} has not signed yet." in html
    assert FORM_FIELD not in html


def test_a_session_posted_before_both_signed_is_still_refused(cohort, make_pair, alice, client_for):
    pairing = make_pair(cohort, alice, signed=False)
    yesterday = timezone.localtime() - timedelta(days=1)

    response = client_for(alice).post(
        reverse("mentoring:session-new", args=[pairing.pk]),
        {
            "date": yesterday.date().isoformat(),
            "time": "10:00",
            "duration_minutes": "60",
            "format": "online",
            "actions": "Draft the timeline.",
        },
    )

    assert response.status_code == 200
    assert WAIT in response.text
    assert not Session.objects.filter(pairing=pairing).exists()


def test_an_ended_pairing_says_sessions_can_no_longer_be_logged(
    cohort, make_pair, alice, client_for
):
    pairing = make_pair(cohort, alice)
    Pairing.objects.filter(pk=pairing.pk).update(status=Pairing.Status.ENDED_EARLY)

    html = client_for(alice).get(reverse("mentoring:session-new", args=[pairing.pk])).text

    assert "This pairing has ended" in html and FORM_FIELD not in html
