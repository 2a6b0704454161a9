"""Self-evaluations and 360° rounds in a person's download, and what erasure leaves."""

import pytest

from peerpath.assessments.models import (
    DomainEvidence,
    FeedbackResponse,
    FeedbackRound,
    Rater,
    SelfEvaluation,
    Share,
)
from peerpath.portfolio.privacy import person_erase, personal_data
from tests.assessments.builders import (
    feedback_round,
    finished_evaluation,
    level,
    organisation_framework,
    rater,
    submitted_answers,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def alices_records(alice, bob, org, cld, six):
    """Alice's own evaluation and round; her words in Northfold's; her feedback to Bob."""
    mine = finished_evaluation(alice, cld, {"LEAD.2": 4}, default=2)
    DomainEvidence.objects.create(
        evaluation=mine, domain=mine.ratings.first().statement.domain, text="My team's survey"
    )
    Share.objects.create(owner=alice, shared_with=bob, relationship="mentor", evaluation=mine)
    her_round = feedback_round(alice, six)
    rater(her_round, email="peer1@example.org", group="peer")
    submitted_answers(her_round, "peer", {"VIS.1": 3}, {None: "Alice listens well."})

    workplace = organisation_framework(org)
    ours = SelfEvaluation.objects.create(owner=alice, organisation=org, framework=workplace)
    ours.contributors.add(alice)
    DomainEvidence.objects.create(
        evaluation=ours,
        domain=workplace.domains.first(),
        text="Flexible hours are in place",
        written_by=alice,
    )

    bobs_round = feedback_round(bob, six)
    answered, _token = rater(bobs_round, email=alice.email, group="peer")
    submitted_answers(bobs_round, "peer", {"VIS.1": 2}, {None: "Bob could delegate more."})
    answered.submitted_at = answered.invited_at
    answered.save()
    return {"mine": mine, "her_round": her_round, "ours": ours, "bobs_round": bobs_round}


def test_the_download_has_her_evaluations_rounds_and_invitations(alice, alices_records):
    data = personal_data(alice)["apps"]["assessments"]
    [evaluation] = [e for e in data["self_evaluations"] if e["evidence"]]
    ratings = {rating["statement"]: rating["level"] for rating in evaluation["ratings"]}
    assert ratings["LEAD.2"] != ratings["LEAD.1"]
    assert ratings["LEAD.2"] == level(alices_records["mine"].framework, 4).label
    assert evaluation["evidence"][0]["text"] == "My team's survey"
    assert data["organisation_self_assessments_written"][0]["text"] == (
        "Flexible hours are in place"
    )
    [her_round] = data["feedback_rounds"]
    assert her_round["raters_invited"] == [{"email": "peer1@example.org", "group": "Peers"}]
    assert data["shared_by_you"][0]["person"] == "Bob Coordinator"
    assert data["invitations_to_give_feedback"][0]["for"] == "Bob Coordinator"
    # Nothing anyone said about her, rater by rater, is in her download.
    assert "Alice listens well." not in str(data)


def test_erasure_removes_hers_and_keeps_what_others_rely_on(alice, bob, alices_records):
    person_erase(user=alice)

    assert not SelfEvaluation.objects.filter(pk=alices_records["mine"].pk).exists()
    assert not FeedbackRound.objects.filter(pk=alices_records["her_round"].pk).exists()
    assert not Share.objects.filter(owner=alice).exists()
    # The organisation's self-assessment stays, without her name on her words.
    evidence = DomainEvidence.objects.get(evaluation=alices_records["ours"])
    assert evidence.text == "Flexible hours are in place"
    assert evidence.written_by is None
    assert not alices_records["ours"].contributors.filter(pk=alice.pk).exists()
    # Bob's report keeps her (already anonymous) feedback; her address is gone from it.
    bobs_round = alices_records["bobs_round"]
    assert FeedbackResponse.objects.filter(round=bobs_round, is_submitted=True).count() == 1
    assert not Rater.objects.filter(email__iexact="alice@example.org").exists()
    assert bobs_round.raters.get().has_submitted
