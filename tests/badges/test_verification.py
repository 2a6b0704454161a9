"""Each way a badge can fail is reported as such, with a reason a person can act on."""

import base64
import copy
import datetime
import json

import pytest
import time_machine
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa

from peerpath.badges import verification as v
from peerpath.badges.baking import bake_png, bake_svg
from peerpath.badges.crypto import integrity, vcjwt
from peerpath.badges.images import badge_png, badge_svg
from peerpath.badges.services import (
    credential_award,
    credential_revoke,
    issuer_keys_rotate,
)
from peerpath.badges.verification import verify


def edit_jwt_payload(token: str, change) -> str:
    head, body, signature = token.split(".")
    payload = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    change(payload)
    encoded = base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")
    return f"{head}.{encoded}.{signature}"


def test_a_genuine_badge_is_valid_as_jwt_json_png_and_svg(alices_badge):
    forms = {
        "jwt": alices_badge.signed_jwt,
        "json": json.dumps(alices_badge.signed_json),
        "png": bake_png(badge_png("#1d70b8"), alices_badge.signed_jwt),
        "svg": bake_svg(badge_svg("Thing 1", "#1d70b8"), alices_badge.signed_jwt),
    }
    for name, data in forms.items():
        result = verify(data)
        assert (result.outcome, result.format) == (v.VALID, name), result.reason
        assert "Peerpath issued it" in result.reason


def test_a_jwt_with_an_edited_name_is_reported_as_tampered(alices_badge):
    forged = edit_jwt_payload(alices_badge.signed_jwt, lambda p: p.update(name="PhD"))
    result = verify(forged)
    assert result.outcome == v.TAMPERED
    assert "name" in result.reason


def test_json_with_an_edited_recipient_is_reported_as_tampered(alices_badge):
    forged = copy.deepcopy(alices_badge.signed_json)
    forged["credentialSubject"]["identifier"][0]["identityHash"] = "Mallory"
    result = verify(json.dumps(forged))
    assert result.outcome == v.TAMPERED
    assert "credentialSubject" in result.reason


def test_a_badge_resigned_with_another_key_has_an_invalid_signature(alices_badge):
    kid = vcjwt.read(alices_badge.signed_jwt).header["kid"]
    impostor = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    credential = dict(vcjwt.read(alices_badge.signed_jwt).payload)
    for claim in v.JWT_CLAIMS:
        credential.pop(claim, None)
    resigned = vcjwt.sign(credential, key=impostor, kid=kid)
    result = verify(resigned)
    assert result.outcome == v.INVALID_SIGNATURE
    assert "not made with the issuer's published key" in result.reason


def test_an_embedded_proof_by_another_key_is_an_invalid_signature(alices_badge):
    proof = alices_badge.signed_json["proof"]
    resigned = integrity.add_proof(
        alices_badge.signed_json,
        private_key=ed25519.Ed25519PrivateKey.generate(),
        verification_method=proof["verificationMethod"],
        created=proof["created"],
    )
    assert verify(json.dumps(resigned)).outcome == v.INVALID_SIGNATURE


def test_a_badge_signed_with_another_issuers_key_is_refused(alices_badge, northfold_badge, bob):
    northfold = credential_award(achievement=northfold_badge, recipient=bob)
    their_kid = vcjwt.read(northfold.signed_jwt).header["kid"]
    token = alices_badge.signed_jwt
    head = (
        base64.urlsafe_b64encode(
            json.dumps({"alg": "RS256", "kid": their_kid, "typ": "JWT"}).encode()
        )
        .decode()
        .rstrip("=")
    )
    result = verify(f"{head}.{token.split('.', 1)[1]}")
    assert result.outcome == v.INVALID_SIGNATURE
    assert "another issuer" in result.reason


def test_a_revoked_badge_fails_with_the_reason(alices_badge):
    credential_revoke(credential=alices_badge, reason="The reflection was copied")
    for data in (alices_badge.signed_jwt, json.dumps(alices_badge.signed_json)):
        result = verify(data)
        assert result.outcome == v.REVOKED
        assert "The reflection was copied" in result.reason


def test_an_expired_badge_fails_as_expired(thing_one, bob):
    with time_machine.travel(datetime.datetime(2026, 1, 5, 9, tzinfo=datetime.UTC), tick=False):
        credential = credential_award(
            achievement=thing_one,
            recipient=bob,
            valid_until=datetime.datetime(2027, 1, 5, 9, tzinfo=datetime.UTC),
        )
        assert verify(credential.signed_jwt).outcome == v.VALID
    with time_machine.travel(datetime.datetime(2027, 3, 1, tzinfo=datetime.UTC)):
        result = verify(credential.signed_jwt)
    assert result.outcome == v.EXPIRED
    assert "5 January 2027" in result.reason


def test_badges_signed_before_a_key_rotation_still_verify(alices_badge, thing_one, bob):
    issuer_keys_rotate(issuer=alices_badge.issuer)
    later = credential_award(achievement=thing_one, recipient=bob)
    assert (
        vcjwt.read(later.signed_jwt).header["kid"]
        != vcjwt.read(alices_badge.signed_jwt).header["kid"]
    )
    assert verify(alices_badge.signed_jwt).is_valid
    assert verify(json.dumps(alices_badge.signed_json)).is_valid
    assert verify(later.signed_jwt).is_valid


@pytest.mark.parametrize(
    "data",
    [
        "",
        "hello",
        "{not json",
        "[1, 2]",
        "a.b.c",
        b"\x89PNG\r\n\x1a\nrubbish",
        "<svg></svg>",
        b"\xff\xfe",
    ],
)
def test_rubbish_is_unreadable_not_an_error(data, db):
    result = verify(data)
    assert result.outcome in {v.UNREADABLE, v.NOT_CONFORMANT}
    assert result.reason


def test_an_unsigned_credential_is_not_accepted(alices_badge):
    unsigned = {k: v for k, v in alices_badge.signed_json.items() if k != "proof"}
    assert verify(json.dumps(unsigned)).outcome == v.INVALID_SIGNATURE


def test_a_credential_missing_required_fields_is_not_conformant(alices_badge):
    broken = {k: v for k, v in alices_badge.signed_json.items() if k != "issuer"}
    result = verify(json.dumps(broken))
    assert result.outcome == v.NOT_CONFORMANT
    assert "issuer" in result.reason


def test_a_badge_from_another_site_is_reported_as_issued_elsewhere(alices_badge):
    elsewhere = json.loads(
        json.dumps(alices_badge.signed_json).replace(
            "http://127.0.0.1:8000", "https://badges.example"
        )
    )
    assert verify(json.dumps(elsewhere)).outcome == v.UNKNOWN_ISSUER
