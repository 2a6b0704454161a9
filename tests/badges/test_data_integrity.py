"""Our eddsa-rdfc-2022 implementation against the W3C specification's own test vector."""

import copy
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from peerpath.badges.crypto import integrity, jsonld, multibase

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def vector():
    jsonld.add_context(
        "https://www.w3.org/ns/credentials/examples/v2",
        json.loads((DATA / "w3c-credentials-examples-v2.jsonld").read_text()),
    )
    signed = json.loads((DATA / "w3c-eddsa-rdfc-2022-signed.json").read_text())
    pair = json.loads((DATA / "w3c-key-pair.json").read_text())
    secret = multibase.decode(pair["privateKeyMultibase"])[2:]  # after the ed25519-priv codec
    public = multibase.ed25519_from_multikey(pair["publicKeyMultibase"])
    return (
        signed,
        Ed25519PrivateKey.from_private_bytes(secret),
        Ed25519PublicKey.from_public_bytes(public),
    )


def test_signing_the_w3c_example_gives_the_w3c_signature(vector):
    signed, private, _public = vector
    proof = signed["proof"]
    ours = integrity.add_proof(
        signed,
        private_key=private,
        verification_method=proof["verificationMethod"],
        created=proof["created"],
    )
    assert ours["proof"]["proofValue"] == proof["proofValue"]


def test_the_w3c_example_verifies(vector):
    signed, _private, public = vector
    assert integrity.verify_proof(signed, public).valid


def test_changing_one_word_of_the_w3c_example_breaks_its_proof(vector):
    signed, _private, public = vector
    changed = copy.deepcopy(signed)
    changed["credentialSubject"]["alumniOf"] = "The School of Forgeries"
    assert not integrity.verify_proof(changed, public).valid


def test_a_context_we_do_not_ship_is_refused_rather_than_fetched(vector):
    signed, _private, public = vector
    foreign = {**signed, "@context": [*signed["@context"], "https://evil.example/context"]}
    with pytest.raises(jsonld.UnknownContextError):
        integrity.verify_proof(foreign, public)
