"""The training page: adding a session, with errors summarised at the top of the page."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _add(client, cohort, **fields):
    data = {
        "title": "Mentoring skills",
        "starts_at": "2026-03-02T10:00",
        "duration_minutes": "120",
        "where": "Online",
        **fields,
    }
    return client.post(reverse("mentoring:training", args=[cohort.pk]), data)


def test_a_training_session_is_added(cohort, bob, client_for):
    response = _add(client_for(bob), cohort)
    assert response.status_code == 302
    assert cohort.training_sessions.get().duration_minutes == 120


@pytest.mark.parametrize("minutes", ["0", "-5"])
def test_a_training_session_must_last_at_least_a_minute(cohort, bob, client_for, minutes):
    response = _add(client_for(bob), cohort, duration_minutes=minutes)

    assert response.status_code == 200
    assert response.context["form"].errors["duration_minutes"]
    assert not cohort.training_sessions.exists()


def test_errors_are_summarised_above_the_heading(cohort, bob, client_for):
    response = _add(client_for(bob), cohort, title="", duration_minutes="0")

    page = response.text
    assert "<title>Error:" in page
    summary = page.index("There is a problem")
    assert summary < page.index("<h1")
    assert page.index('href="#id_title"', summary) < page.index("<h1")
    assert "Enter a length of 1 minute or more." in page[summary : page.index("<h1")]
