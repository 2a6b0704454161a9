"""The portfolio over the JSON API: one's own log, hours and export, nothing of others'."""

from datetime import timedelta

import pytest

from peerpath.accounts.services import api_token_create
from peerpath.portfolio.models import LearningEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client, alice):
    _token, raw = api_token_create(user=alice, name="My script")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    return client


def test_a_script_records_learning_linked_to_a_capability(api, alice, today, shipped_frameworks):
    response = api.post(
        "/api/portfolio/entries/",
        {
            "title": "Coaching session",
            "kind": "coaching",
            "date": "2026-11-19",
            "hours": "1.5",
            "statements": [
                {"framework": "six-leadership-capabilities", "version": "1.0", "code": "EMP.1"}
            ],
        },
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["statements"][0]["code"] == "EMP.1"
    assert LearningEntry.objects.get(owner=alice).hours == 1.5


def test_future_learning_and_unknown_items_are_refused_over_the_api(api, today, shipped_frameworks):
    future = {"title": "Later", "kind": "course", "date": "2026-12-01"}
    response = api.post("/api/portfolio/entries/", future, content_type="application/json")
    assert response.status_code == 422 and "today or in the past" in response.json()["detail"]
    unknown = {
        "title": "X",
        "kind": "course",
        "date": "2026-01-01",
        "statements": [{"framework": "nope", "version": "1", "code": "A"}],
    }
    response = api.post("/api/portfolio/entries/", unknown, content_type="application/json")
    assert response.status_code == 422
    assert not LearningEntry.objects.exists()


def test_hours_and_the_log_are_the_callers_own(api, bob, a_year_of_learning):
    LearningEntry.objects.create(
        owner=bob, title="Bob's", kind="course", date=a_year_of_learning[0].date, hours=99
    )
    hours = api.get("/api/portfolio/hours/", {"start": "2026-06-01", "end": "2026-08-31"}).json()
    assert (hours["total_hours"], hours["total_entries"]) == ("37.00", 2)
    collab = [row for row in hours["by_capability"] if row["code"] == "COLLAB"]
    assert collab[0]["hours"] == "35.00"
    log = api.get("/api/portfolio/entries/").json()
    titles = [row["title"] for row in log["items"]]
    assert len(titles) == log["count"] == 8 and "Bob's" not in titles


def test_the_log_comes_a_page_at_a_time_newest_first(api, alice, today, statement):
    for n in range(55):
        LearningEntry.objects.create(
            owner=alice, title=f"Entry {n}", kind="reading", date=today - timedelta(days=n)
        ).statements.add(statement("VIS.1"))

    first = api.get("/api/portfolio/entries/").json()
    assert first["count"] == 55 and len(first["items"]) == 50
    assert first["items"][0]["title"] == "Entry 0"
    assert first["items"][0]["statements"][0]["code"] == "VIS.1"
    rest = api.get("/api/portfolio/entries/", {"offset": 50}).json()
    assert [row["title"] for row in rest["items"]] == [f"Entry {n}" for n in range(50, 55)]
    some = api.get("/api/portfolio/entries/", {"limit": 2, "kind": "reading"}).json()
    assert [row["title"] for row in some["items"]] == ["Entry 0", "Entry 1"]
    assert api.get("/api/portfolio/entries/", {"limit": 501}).status_code == 422


def test_the_export_is_the_documented_format(api, a_year_of_learning):
    data = api.get("/api/portfolio/export/").json()
    assert (data["format"], data["schema_version"]) == ("peerpath-portfolio", 1)
    assert len(data["learning_entries"]) == 8


def test_without_a_token_there_is_no_portfolio(client, db):
    assert client.get("/api/portfolio/entries/").status_code == 401
