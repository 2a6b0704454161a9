"""The services the programmes app calls: achievements by key, one signed award each."""

import json
from pathlib import Path

import pytest
from django.db import connection
from django.test import override_settings
from jsonschema import Draft201909Validator

from peerpath.badges.crypto import keys
from peerpath.badges.documents import achievement_document
from peerpath.badges.models import Achievement, Credential, IssuerKey
from peerpath.badges.services import (
    BadgeError,
    achievement_ensure,
    credential_award,
    credential_revoke,
)
from peerpath.frameworks.models import Statement

SCHEMA = Path("peerpath/badges/data/schema/ob_v3p0_achievementcredential_schema.json")


def test_ensuring_an_achievement_twice_keeps_one(thing_one):
    again = achievement_ensure(
        key="23things.1",
        name="Thing 1: What is leadership?",
        description="Explored what leadership means in public service.",
        criteria="A reflective statement of at least 200 words.",
    )
    assert again.pk == thing_one.pk
    assert Achievement.objects.count() == 1


def test_ensuring_an_achievement_with_new_wording_updates_it(thing_one):
    achievement_ensure(key="23things.1", name="Thing 1", description="New", criteria="New")
    thing_one.refresh_from_db()
    assert (thing_one.name, thing_one.description) == ("Thing 1", "New")


def test_an_achievement_needs_a_name(db):
    with pytest.raises(BadgeError):
        achievement_ensure(key="x", name="  ", description="", criteria="")


def test_an_organisation_issues_its_own_badges(northfold_badge, org):
    assert northfold_badge.issuer.organisation == org
    assert northfold_badge.issuer.name == "Northfold Libraries"


def test_awarding_twice_gives_the_same_credential(alices_badge, thing_one, alice):
    again = credential_award(achievement=thing_one, recipient=alice)
    assert again.pk == alices_badge.pk
    assert Credential.objects.count() == 1


def test_a_revoked_badge_is_not_silently_reissued(alices_badge, thing_one, alice):
    credential_revoke(credential=alices_badge, reason="Awarded by mistake")
    again = credential_award(achievement=thing_one, recipient=alice)
    assert again.is_revoked


def test_each_award_gets_its_own_place_in_the_revocation_list(thing_one, alice, bob, carol):
    indexes = [
        credential_award(achievement=thing_one, recipient=p).status_index
        for p in (alice, bob, carol)
    ]
    assert indexes == [0, 1, 2]


def test_the_credential_follows_1edtechs_published_schema(alices_badge):
    validator = Draft201909Validator(json.loads(SCHEMA.read_text()))
    assert list(validator.iter_errors(alices_badge.signed_json)) == []


def test_the_credential_is_an_open_badge_with_both_proofs(alices_badge, alice):
    document = alices_badge.signed_json
    assert document["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert document["proof"]["cryptosuite"] == "eddsa-rdfc-2022"
    assert alices_badge.signed_jwt.count(".") == 2
    names = [i["identityHash"] for i in document["credentialSubject"]["identifier"]]
    assert "Alice Participant" in names
    assert alice.email not in json.dumps(document)  # the address is only there hashed


def test_alignments_point_at_the_framework_statements_public_pages(shipped_frameworks):
    statement = Statement.objects.get(framework__slug="six-leadership-capabilities", code="VIS.1")
    achievement = achievement_ensure(
        key="23things.2", name="Thing 2", description="d", criteria="c", statements=[statement]
    )
    alignment = achievement_document(achievement)["alignment"][0]
    assert alignment["targetUrl"].endswith(
        "/frameworks/six-leadership-capabilities/1.0/items/VIS.1/"
    )
    assert alignment["targetCode"] == "VIS.1"


def test_private_keys_are_stored_encrypted(alices_badge):
    stored = IssuerKey.objects.values_list("sealed_private_key", flat=True)
    assert stored and not any("PRIVATE KEY" in text for text in stored)
    with connection.cursor() as cursor:
        cursor.execute("SELECT sealed_private_key FROM badges_issuerkey")
        assert all(b"PRIVATE" not in row[0].encode() for row in cursor.fetchall())


def test_a_key_sealed_under_another_secret_cannot_be_used(alices_badge):
    key = IssuerKey.objects.first()
    keys.unseal.cache_clear()
    with (
        override_settings(BADGE_KEY_ENCRYPTION_KEY="a different secret"),
        pytest.raises(keys.KeyUnavailableError),
    ):
        keys.unseal(key.sealed_private_key)


def test_published_keys_never_include_private_parts(alices_badge):
    for key in IssuerKey.objects.all():
        assert not {"d", "p", "q", "dp", "dq", "qi"} & set(key.public_jwk)
