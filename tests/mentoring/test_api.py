"""Mentoring over the JSON API: own pairings and sessions, staff's pair health, no notes."""

import json
from datetime import timedelta

from django.utils import timezone

from peerpath.accounts.services import api_token_create
from peerpath.mentoring import services
from peerpath.mentoring.models import Session

NOTE = "PRIVATE note that must never reach the API"


def bearer(user) -> dict:
    _token, raw = api_token_create(user=user, name="Script")
    return {"Authorization": f"Bearer {raw}"}


def logged(pairing, by):
    return services.session_log(
        session=Session(
            pairing=pairing, starts_at=timezone.now() - timedelta(days=1), actions="Call the CEO"
        ),
        by=by,
        themes=[],
        notes=NOTE,
    )


def test_a_person_reads_their_pairings_and_sessions_without_the_notes(
    client, cohort, make_pair, alice
):
    pairing = make_pair(cohort, alice)
    logged(pairing, alice)
    headers = bearer(alice)

    [mine] = client.get("/api/mentoring/pairings/", headers=headers).json()
    sessions = client.get(f"/api/mentoring/pairings/{pairing.pk}/sessions/", headers=headers)

    assert mine["partner"] == pairing.mentor.full_name and mine["role"] == "mentee"
    assert mine["agreement_signed"] is True
    assert sessions.json()[0]["actions"] == "Call the CEO"
    assert NOTE not in sessions.content.decode()


def test_nobody_else_can_read_a_pairs_sessions(client, cohort, make_pair, alice, bob, erin):
    pairing = make_pair(cohort, alice)
    for person in (bob, erin):
        url = f"/api/mentoring/pairings/{pairing.pk}/sessions/"
        assert client.get(url, headers=bearer(person)).status_code == 404


def test_pair_health_is_for_the_schemes_staff_only(client, cohort, make_pair, alice, bob, dan):
    pairing = make_pair(cohort, alice)
    logged(pairing, alice)
    url = f"/api/mentoring/rounds/{cohort.pk}/pair-health/"

    [row] = client.get(url, headers=bearer(bob)).json()

    assert row["mentee"] == alice.full_name and row["status"] == "active"
    assert NOTE not in json.dumps(row)
    assert client.get(url, headers=bearer(alice)).status_code == 404
    assert client.get(url, headers=bearer(dan)).status_code == 404


def test_no_mentoring_schema_has_a_field_for_notes(client, db):
    schema = client.get("/api/openapi.json").json()
    mentoring = {
        name: body
        for name, body in schema["components"]["schemas"].items()
        if name in {"PairingOut", "SessionOut", "PairHealth", "Theme"}
    }
    assert len(mentoring) == 4
    assert not any("note" in field for body in mentoring.values() for field in body["properties"])
