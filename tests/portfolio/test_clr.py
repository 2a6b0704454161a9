"""The portfolio as a 1EdTech CLR 2.0: a signed ClrCredential holding the person's badges,
assessed achievements and how they relate, checkable by anyone."""

import json

import pytest
from django.conf import settings
from django.urls import reverse
from jwcrypto import jwk, jws

from peerpath.badges.services import achievement_ensure, credential_award, credential_revoke
from peerpath.badges.verification import verify
from peerpath.frameworks.models import Framework
from peerpath.portfolio.services import (
    Decision,
    claim_assess,
    claim_item_add,
    claim_start,
    claim_submit,
)
from tests.badges.key_pool import pooled_keys

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_keys():
    with pooled_keys():
        yield


@pytest.fixture
def badges(alice, org, statement, today):
    thing_five = achievement_ensure(
        key="23things.5",
        name="Thing 5: Vision",
        description="Explored vision in leadership.",
        criteria="A reflective statement of at least 200 words.",
        statements=[statement("VIS.1")],
    )
    masterclass = achievement_ensure(
        key="northfold.masterclass.budgets",
        name="Budgets masterclass",
        description="Took part in Northfold's budgets masterclass.",
        criteria="Attended and reflected.",
        issuer=org,
        statements=[statement("KS.1", "cpd-standard-wales")],
    )
    return [
        credential_award(achievement=thing_five, recipient=alice),
        credential_award(achievement=masterclass, recipient=alice),
    ]


@pytest.fixture
def assessed_ks1(alice, statement, a_year_of_learning):
    claim = claim_start(owner=alice, framework=Framework.objects.get(slug="cpd-standard-wales"))
    claim_item_add(
        claim=claim,
        statement=statement("KS.1", "cpd-standard-wales"),
        entries=a_year_of_learning[:1],
    )
    claim_submit(
        claim=claim, assessor_name="R", assessor_email="r@uni.example", assessor_role="external"
    )
    claim_assess(
        claim=claim,
        assessor_name="Dr Rhian Evans",
        decisions={claim.items.get().pk: Decision("accepted")},
    )
    return claim


def download(client) -> str:
    response = client.get(reverse("portfolio:export-clr"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+jwt"
    return response.content.decode()


def checked_payload(client, token: str) -> dict:
    """Verify the JWT the way an outsider would: the key comes from the address in `kid`."""
    signed = jws.JWS()
    signed.deserialize(token)
    kid = signed.jose_header["kid"]
    assert kid.startswith(settings.SITE_URL)
    published = client.get(kid.removeprefix(settings.SITE_URL), HTTP_ACCEPT="application/json")
    signed.verify(jwk.JWK(**published.json()), alg="RS256")
    return json.loads(signed.payload)


def test_the_learner_record_holds_badges_assessed_achievements_and_associations(
    alice, client_for, badges, assessed_ks1
):
    client = client_for(alice)
    record = checked_payload(client, download(client))
    assert record["type"] == ["VerifiableCredential", "ClrCredential"]
    assert record["@context"][1] == "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json"
    subject = record["credentialSubject"]
    assert subject["type"] == ["ClrSubject"]
    assert subject["verifiableCredential"] == [c.signed_json for c in badges]
    for credential in subject["verifiableCredential"]:
        assert verify(json.dumps(credential)).is_valid, "each badge still checks on its own"

    by_name = {a["name"]: a for a in subject["achievement"]}
    assert {"Thing 5: Vision", "Budgets masterclass", "The professional role of the manager",
            "Knowledge and skills"} <= set(by_name)  # fmt: skip
    ks1 = by_name["The professional role of the manager"]
    assert ks1["achievementType"] == "Competency"
    assert "Accepted by Dr Rhian Evans (external assessor" in ks1["criteria"]["narrative"]
    links = {(a["associationType"], a["sourceId"], a["targetId"]) for a in subject["association"]}
    assert ("isChildOf", ks1["id"], by_name["Knowledge and skills"]["id"]) in links
    assert ("isRelatedTo", by_name["Budgets masterclass"]["id"], ks1["id"]) in links


def test_self_claimed_evidence_and_revoked_badges_are_left_out(
    alice, client_for, badges, a_year_of_learning
):
    credential_revoke(credential=badges[0], reason="Awarded by mistake")
    client = client_for(alice)
    subject = checked_payload(client, download(client))["credentialSubject"]
    names = {a["name"] for a in subject["achievement"]}
    assert names == {"Budgets masterclass"}
    assert len(subject["verifiableCredential"]) == 1


def test_a_changed_record_fails_the_signature_check(alice, client_for, badges):
    client = client_for(alice)
    header, payload, signature = download(client).split(".")
    forged = payload[:-4] + ("AAAA" if payload[-4:] != "AAAA" else "BBBB")
    with pytest.raises(jws.InvalidJWSSignature):
        checked_payload(client, f"{header}.{forged}.{signature}")


def test_without_a_badge_there_is_no_learner_record_and_the_page_says_so(alice, client_for):
    response = client_for(alice).get(reverse("portfolio:export-clr"), follow=True)
    assert "You have no badges yet, so there is no learner record." in response.content.decode()
    assert "Comprehensive Learner Record" not in response.content.decode()
