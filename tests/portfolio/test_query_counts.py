"""Pages cost the same number of queries for a month of learning as for a career."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from peerpath.portfolio.services import learning_entry_save

pytestmark = pytest.mark.django_db

PAGES = [
    reverse("portfolio:log"),
    reverse("portfolio:hours") + "?start_0=&start_1=&start_2=",
    reverse("portfolio:capabilities") + "?framework=six-leadership-capabilities",
    reverse("portfolio:timeline"),
]


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def add_learning(alice, statement, count: int, start: int) -> None:
    for n in range(start, start + count):
        learning_entry_save(
            owner=alice,
            title=f"Entry {n}",
            kind="reading",
            date=datetime.date(2026, 1, 1) + datetime.timedelta(days=n),
            statements=[statement("VIS.1"), statement("KS.1", "cpd-standard-wales")],
        )


@pytest.mark.parametrize("url", PAGES)
def test_a_page_does_not_slow_down_as_the_log_grows(alice, client_for, statement, today, url):
    client = client_for(alice)
    add_learning(alice, statement, 3, 0)
    few = queries_for(client, url)
    add_learning(alice, statement, 20, 3)
    assert queries_for(client, url) == few


def test_a_capability_page_does_not_slow_down_as_its_evidence_grows(
    alice, client_for, statement, today
):
    client = client_for(alice)
    url = reverse("portfolio:capability", args=[statement("VIS.1").pk])
    add_learning(alice, statement, 3, 0)
    few = queries_for(client, url)
    add_learning(alice, statement, 20, 3)
    assert queries_for(client, url) == few
