"""Programmes over the JSON API: only the caller's own view."""

from peerpath.programmes.services import submission_submit
from tests.programmes.conftest import words


def test_a_participant_reads_their_progress_over_the_api(thing, alice, client_for):
    submission_submit(activity=thing(1), participant=alice, statement=words(200))
    client = client_for(alice)
    slugs = [row["slug"] for row in client.get("/api/programmes/").json()]
    assert slugs == ["23-things-elc-leadership"]
    progress = client.get("/api/programmes/23-things-elc-leadership/progress/").json()
    assert (progress["done"], progress["not_started"]) == (1, 22)
    assert progress["activities"][0]["state"] == "done"


def test_a_programme_of_another_organisation_is_not_found(masterclasses, dan, client_for):
    client = client_for(dan)
    assert client.get("/api/programmes/masterclasses/progress/").status_code == 404
    assert client.get("/api/programmes/").json() == []


def test_the_programmes_api_needs_a_token_or_a_session(client, db):
    assert client.get("/api/programmes/").status_code == 401
