"""Hours by type and by capability over any period: what a re-registration asks for."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from peerpath.portfolio.capabilities import hours_by_capability, hours_by_kind
from peerpath.portfolio.models import LearningEntry
from peerpath.portfolio.selectors import LogFilter, log_entries

pytestmark = pytest.mark.django_db


def by_domain(rows, framework_slug):
    [framework] = [row for row in rows if row.framework.slug == framework_slug]
    return {d.domain.code: (d.tally.hours, d.tally.entries) for d in framework.domains}


def test_a_year_of_learning_adds_up_by_type(alice, a_year_of_learning):
    rows, total = hours_by_kind(log_entries(alice))
    assert (total.hours, total.entries) == (Decimal("56"), 8)
    assert [(row.label, row.tally.hours) for row in rows[:2]] == [
        ("Secondment", Decimal("35")),
        ("Course", Decimal("6")),
    ]


def test_hours_by_capability_count_an_entry_once_per_capability_and_show_every_capability(
    alice, a_year_of_learning
):
    rows = hours_by_capability(log_entries(alice))
    six = by_domain(rows, "six-leadership-capabilities")
    # The book evidences two Self-leadership elements: it counts once for Self-leadership.
    assert six["SELF"] == (Decimal("3.5") + Decimal("1.5") + Decimal("2"), 3)
    # The action learning set evidences two capabilities: it counts for both.
    assert six["COLLAB"] == (Decimal("38"), 2)
    assert six["EMP"] == (Decimal("3"), 1)
    assert six["MOT"] == (Decimal("0"), 0), "a capability with no learning is still listed"
    standard = by_domain(rows, "cpd-standard-wales")
    assert standard == {
        "KS": (Decimal("10"), 2),
        "PQV": (Decimal("5.5"), 2),
        "PC": (Decimal("35"), 1),
    }


def test_the_period_decides_what_counts(alice, a_year_of_learning):

    summer = LogFilter(start=datetime.date(2026, 6, 1), end=datetime.date(2026, 8, 31))
    _rows, total = hours_by_kind(log_entries(alice, summer))
    assert (total.hours, total.entries) == (Decimal("37"), 2)


def test_the_hours_page_shows_the_last_twelve_months_unless_asked_otherwise(
    alice, client_for, a_year_of_learning
):
    page = client_for(alice).get(reverse("portfolio:hours")).content.decode()
    assert "From 21 November 2025 to 20 November 2026" in page
    assert "56 hours over 8 entries" in page
    assert "Collaborating and influencing" in page and "Professional characteristics" in page

    query = "?start_0=1&start_1=4&start_2=2026&end_0=31&end_1=3&end_2=2027"
    financial = client_for(alice).get(reverse("portfolio:hours") + query).content.decode()
    assert "41 hours over 4 entries" in financial


def test_a_period_that_ends_before_it_starts_is_explained(alice, client_for, a_year_of_learning):
    query = "?start_0=1&start_1=4&start_2=2026&end_0=1&end_1=1&end_2=2026"
    page = client_for(alice).get(reverse("portfolio:hours") + query).content.decode()
    assert "The end date must be on or after the start date." in page


def test_the_ready_made_periods_include_the_uk_financial_year(alice, client_for, today):
    page = client_for(alice).get(reverse("portfolio:hours")).content.decode()
    assert "start_0=1&amp;start_1=4&amp;start_2=2026" in page  # this financial year
    assert "start_0=1&amp;start_1=4&amp;start_2=2025" in page  # last financial year


def test_sums_from_the_database_keep_the_decimal_places_of_adding_up_entries(alice, today):
    for hours in [None, Decimal("1.50"), Decimal("0.10"), Decimal("0.20")]:
        LearningEntry.objects.create(
            owner=alice, title="R", kind="reading", date=today, hours=hours
        )
    LearningEntry.objects.create(owner=alice, title="C", kind="course", date=today, hours=None)
    rows, total = hours_by_kind(log_entries(alice))
    assert [(row.kind, str(row.tally.hours), row.tally.entries) for row in rows] == [
        ("reading", "1.80", 4),
        ("course", "0", 1),
    ]
    assert (str(total.hours), total.entries) == ("1.80", 5)
