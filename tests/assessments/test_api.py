"""Self-evaluations and 360° reports over the API follow the same rules as the pages."""

import pytest

from peerpath.accounts.services import api_token_create
from peerpath.assessments.models import FeedbackRound
from peerpath.assessments.services.sharing import share_create, share_withdraw

from . import builders

VIS = ["VIS.1", "VIS.2", "VIS.3", "VIS.4"]


def bearer(user) -> dict:
    _token, raw = api_token_create(user=user, name="Test")
    return {"Authorization": f"Bearer {raw}"}


@pytest.fixture
def closed(alice, six):
    round = builders.feedback_round(alice, six, status=FeedbackRound.Status.CLOSED)
    builders.submitted_answers(round, "line-manager", dict.fromkeys(VIS, 4), {"VIS": "Boss"})
    for value in [1, 2]:
        builders.submitted_answers(round, "peer", dict.fromkeys(VIS, value), {"VIS": "Peer"})
    return round


def report(client, round, user):
    return client.get(f"/api/assessments/rounds/{round.pk}/report/", headers=bearer(user))


def test_the_api_report_withholds_small_groups_and_resists_subtraction(client, alice, closed):
    body = report(client, closed, alice).json()
    vis_1 = body["capabilities"][0]["statements"][0]
    assert vis_1["groups"]["line-manager"] == {"average": 4.0, "ratings": 1}
    assert vis_1["groups"]["peer"] == {"average": None, "ratings": None}
    assert vis_1["everyone_else"] == {"average": 4.0, "ratings": 1}
    assert body["capabilities"][0]["comments"] == {"Line manager": ["Boss"]}
    assert {g["group"]: g["shown"] for g in body["groups"]}["peer"] is False


@pytest.mark.parametrize("role", ["bob", "carol", "erin"])
def test_nobody_else_gets_a_report_over_the_api(client, request, closed, role):
    assert report(client, closed, request.getfixturevalue(role)).status_code == 404


def test_a_manager_it_is_shared_with_gets_it_until_withdrawn(client, alice, bob, closed):
    share = share_create(owner=alice, email=bob.email, relationship="line-manager", round=closed)
    assert report(client, closed, bob).json() == report(client, closed, alice).json()
    share_withdraw(share=share)
    assert report(client, closed, bob).status_code == 404


def test_evaluations_over_the_api_are_the_owners(client, alice, bob, cld):
    evaluation = builders.finished_evaluation(alice, cld, {"LEAD.1": 4})
    listed = client.get("/api/assessments/evaluations/", headers=bearer(alice)).json()
    assert [e["id"] for e in listed] == [evaluation.pk]
    detail = client.get(f"/api/assessments/evaluations/{evaluation.pk}/", headers=bearer(alice))
    lead_1 = detail.json()["domains"][0]["statements"][0]
    assert lead_1 == {"code": "LEAD.1", "value": 4, "label": "Very confident"}
    assert detail.json()["strengths"] == ["LEAD.1"]
    other = client.get(f"/api/assessments/evaluations/{evaluation.pk}/", headers=bearer(bob))
    assert other.status_code == 404
