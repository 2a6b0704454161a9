"""The agreement page: a planned end date cannot be in the past (in Europe/London)."""

import datetime

import pytest
import time_machine
from django.urls import reverse

pytestmark = pytest.mark.django_db

# Half past midnight on 1 June in London, still 31 May in UTC.
LONDON_1_JUNE = datetime.datetime(2026, 5, 31, 23, 30, tzinfo=datetime.UTC)


def _posted(**fields) -> dict:
    return {
        "frequency": "Once a month",
        "session_minutes": "60",
        "format": "online",
        "confidentiality": "",
        "boundaries": "",
        "goals": "Lead the restructure well.",
        **fields,
    }


@time_machine.travel(LONDON_1_JUNE)
@pytest.mark.parametrize("planned_end", ["2020-01-01", "2026-05-31"])
def test_a_planned_end_date_before_today_is_refused(
    cohort, make_pair, alice, client_for, planned_end
):
    pairing = make_pair(cohort, alice, signed=False)
    url = reverse("mentoring:agreement", kwargs={"pairing_id": pairing.pk})

    response = client_for(alice).post(url, _posted(planned_end=planned_end))

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "planned_end": ["The planned end date must be today or in the future."]
    }
    assert "There is a problem" in response.text
    pairing.agreement.refresh_from_db()
    assert pairing.agreement.planned_end is None


@time_machine.travel(LONDON_1_JUNE)
def test_a_planned_end_date_of_today_is_saved(cohort, make_pair, alice, client_for):
    pairing = make_pair(cohort, alice, signed=False)
    url = reverse("mentoring:agreement", kwargs={"pairing_id": pairing.pk})

    response = client_for(alice).post(url, _posted(planned_end="2026-06-01"))

    assert response.status_code == 302
    pairing.agreement.refresh_from_db()
    assert pairing.agreement.planned_end == datetime.date(2026, 6, 1)


def test_an_agreed_end_date_that_has_since_passed_does_not_stop_saving(
    cohort, make_pair, alice, client_for
):
    pairing = make_pair(cohort, alice, signed=False)
    pairing.agreement.planned_end = datetime.date(2020, 1, 1)
    pairing.agreement.save()
    url = reverse("mentoring:agreement", kwargs={"pairing_id": pairing.pk})

    response = client_for(alice).post(url, _posted(planned_end="2020-01-01"))

    assert response.status_code == 302
