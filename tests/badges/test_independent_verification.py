"""A verifier that shares no code with ours checks our badges, knowing only the credential
and what the issuer publishes at the addresses the credential names.

The VC-JWT is checked with PyJWT (we sign with `cryptography` and verify with jwcrypto);
the embedded proof with pyld and `cryptography` called directly; the status list by
decoding it by hand.
"""

import base64
import gzip
import hashlib
import json
from urllib.parse import urlsplit

import jwt
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.conf import settings
from pyld import jsonld

from peerpath.badges.services import credential_revoke

B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def fetch(client, url: str) -> dict:
    """GET one of the site's published documents, as a verifier on the internet would."""
    assert url.startswith(settings.SITE_URL)
    response = client.get(urlsplit(url).path, HTTP_ACCEPT="application/json")
    assert response.status_code == 200, url
    return json.loads(response.content)


def b58decode(text: str) -> bytes:
    number = 0
    for char in text:
        number = number * 58 + B58.index(char)
    return number.to_bytes((number.bit_length() + 7) // 8, "big")


def test_pyjwt_verifies_the_jwt_with_the_published_jwks(alices_badge, client):
    token = alices_badge.signed_jwt
    header = jwt.get_unverified_header(token)
    assert header["alg"] == "RS256"
    issuer_id = jwt.decode(token, options={"verify_signature": False})["iss"]
    profile = fetch(client, issuer_id)
    jwks = fetch(client, profile["jwks"])
    public_key = jwt.PyJWKSet.from_dict(jwks)[header["kid"]].key
    claims = jwt.decode(token, public_key, algorithms=["RS256"], options={"verify_aud": False})
    assert claims["jti"] == alices_badge.signed_json["id"]
    assert claims["sub"] == claims["credentialSubject"]["id"]
    assert claims["credentialSubject"]["achievement"]["name"] == "Thing 1: What is leadership?"


def test_the_kid_itself_answers_with_the_public_jwk(alices_badge, client):
    kid = jwt.get_unverified_header(alices_badge.signed_jwt)["kid"]
    public = jwt.PyJWK.from_dict(fetch(client, kid)).key
    jwt.decode(alices_badge.signed_jwt, public, algorithms=["RS256"])


def test_pyjwt_rejects_a_jwt_whose_payload_was_edited(alices_badge, client):
    head, body, signature = alices_badge.signed_jwt.split(".")
    claims = json.loads(base64.urlsafe_b64decode(body + "=="))
    claims["name"] = "Doctorate in Leadership"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    header = jwt.get_unverified_header(alices_badge.signed_jwt)
    public = jwt.PyJWK.from_dict(fetch(client, header["kid"])).key
    try:
        jwt.decode(f"{head}.{forged}.{signature}", public, algorithms=["RS256"])
    except jwt.InvalidSignatureError:
        return
    raise AssertionError("an edited JWT was accepted")


def local_contexts(url, options=None):
    # The verifier pins the contexts too; it reads the copies we ship in the repository.
    names = {
        "https://www.w3.org/ns/credentials/v2": "credentials-v2.jsonld",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": "ob-v3p0-context-3.0.3.json",
    }
    with open(f"peerpath/badges/data/contexts/{names[url]}") as handle:
        return {"contextUrl": None, "documentUrl": url, "document": json.load(handle)}


def canonical_hash(document: dict) -> bytes:
    nquads = jsonld.normalize(
        document,
        {
            "algorithm": "URDNA2015",
            "format": "application/n-quads",
            "documentLoader": local_contexts,
        },
    )
    return hashlib.sha256(nquads.encode()).digest()


def test_the_embedded_proof_verifies_with_the_published_multikey(alices_badge, client):
    credential = dict(alices_badge.signed_json)
    proof = dict(credential.pop("proof"))
    method = fetch(client, proof["verificationMethod"])
    assert method["type"] == "Multikey"
    assert method["controller"] == credential["issuer"]["id"]
    raw = b58decode(method["publicKeyMultibase"][1:])
    assert raw[:2] == b"\xed\x01"
    signature = b58decode(proof.pop("proofValue")[1:])
    signed = canonical_hash({**proof, "@context": credential["@context"]}) + canonical_hash(
        credential
    )
    Ed25519PublicKey.from_public_bytes(raw[2:]).verify(signature, signed)  # raises if forged


def revoked_bit(client, credential: dict) -> bool:
    status = credential["credentialStatus"]
    assert status["type"] == "BitstringStatusListEntry"
    listing = fetch(client, status["statusListCredential"])
    assert listing["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    encoded = listing["credentialSubject"]["encodedList"]
    assert encoded.startswith("u")
    bits = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4)))
    assert len(bits) >= 16 * 1024
    index = int(status["statusListIndex"])
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def test_the_published_status_list_shows_a_revocation(alices_badge, client):
    assert revoked_bit(client, alices_badge.signed_json) is False
    credential_revoke(credential=alices_badge, reason="Evidence was not her own")
    assert revoked_bit(client, alices_badge.signed_json) is True
