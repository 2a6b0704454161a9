"""The round's spreadsheet of pairs (pairs.csv)."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from peerpath.mentoring.models import Pairing, Session

pytestmark = pytest.mark.django_db


def _rows(client, cohort) -> dict[str, dict[str, str]]:
    response = client.get(reverse("mentoring:export", args=[cohort.pk]))
    rows = csv.DictReader(io.StringIO(response.content.decode()))
    return {row["Mentee or peer"]: row for row in rows}


def test_weeks_since_last_session_is_empty_for_a_pair_that_has_never_met(
    cohort, make_pair, alice, bob, client_for
):
    never_met = make_pair(cohort, alice)
    Pairing.objects.filter(pk=never_met.pk).update(created_at=timezone.now() - timedelta(weeks=9))
    met = make_pair(cohort)
    Session.objects.create(
        pairing=met, starts_at=timezone.now() - timedelta(weeks=3, days=1), status="confirmed"
    )

    rows = _rows(client_for(bob), cohort)

    assert rows[alice.full_name]["Weeks since last session"] == ""
    assert rows[met.mentee.full_name]["Weeks since last session"] == "3"
