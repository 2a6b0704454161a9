"""A round's timetable: its dates must come in order, in settings and in a new round."""

import datetime

import pytest
from django.urls import reverse

from peerpath.mentoring.forms.schemes import CohortForm
from peerpath.mentoring.models import Cohort

pytestmark = pytest.mark.django_db

DATES = {
    "applications_open": "2026-03-02",
    "applications_close": "2026-03-30",
    "training_by": "2026-04-20",
    "matching_by": "2026-05-04",
    "planned_end": "2027-03-31",
    "evaluation_by": "2027-05-28",
}


def _posted(cohort, **dates) -> dict:
    """What the settings form sends for `cohort`, with the timetable's dates changed."""
    form = CohortForm(instance=cohort)
    data = {}
    for name, field in form.fields.items():
        value = field.prepare_value(form.initial.get(name))
        if isinstance(value, list) and name == "eligible_nations":
            data[name] = value
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        elif value is not None:
            data[name] = value
    return {**data, **DATES, **dates}


def test_a_round_with_its_dates_in_order_saves(cohort, bob, client_for):
    url = reverse("mentoring:cohort-settings", kwargs={"cohort_id": cohort.pk})
    response = client_for(bob).post(url, _posted(cohort, training_by="", evaluation_by=""))
    assert response.status_code == 302
    cohort.refresh_from_db()
    assert cohort.matching_by == datetime.date(2026, 5, 4) and cohort.training_by is None


@pytest.mark.parametrize(
    ("field", "value", "earlier"),
    [
        ("training_by", "2026-03-29", "Applications close"),
        ("matching_by", "2026-04-19", "Training done by"),
        ("planned_end", "2026-05-01", "Pairs announced by"),
        ("evaluation_by", "2027-03-30", "Pairs finish by"),
    ],
)
def test_settings_refuse_a_milestone_before_the_one_it_follows(
    cohort, bob, client_for, field, value, earlier
):
    url = reverse("mentoring:cohort-settings", kwargs={"cohort_id": cohort.pk})
    response = client_for(bob).post(url, _posted(cohort, **{field: value}))
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == [field]
    assert earlier in form.errors[field][0]
    assert "There is a problem" in response.text
    cohort.refresh_from_db()
    assert getattr(cohort, field) is None  # nothing saved


def test_a_blank_milestone_is_skipped_and_the_next_is_checked_against_the_one_before(
    cohort, bob, client_for
):
    url = reverse("mentoring:cohort-settings", kwargs={"cohort_id": cohort.pk})
    # Pairs announced before applications close, with no training date in between.
    response = client_for(bob).post(url, _posted(cohort, training_by="", matching_by="2026-03-15"))
    errors = response.context["form"].errors
    assert list(errors) == ["matching_by"]
    assert "Applications close" in errors["matching_by"][0]


def test_a_new_round_with_dates_out_of_order_is_not_created(scheme, cohort, bob, client_for):
    url = reverse("mentoring:cohort-new", kwargs={"slug": scheme.slug})
    data = _posted(cohort, name="Third round", planned_end="2026-03-01")
    response = client_for(bob).post(url, data)
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["planned_end"]
    assert not Cohort.objects.filter(name="Third round").exists()
