"""Data Integrity proofs with the `eddsa-rdfc-2022` cryptosuite (W3C VC-DI-EDDSA).

The document and the proof options are each canonicalised (RDFC-1.0), hashed with
SHA-256, and the two hashes, options first, are signed with Ed25519. This is the one
embedded proof the 1EdTech conformance suite accepts for Open Badges 3.0.
"""

import copy
import hashlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from . import multibase
from .jsonld import canonize

PROOF_TYPE = "DataIntegrityProof"
CRYPTOSUITE = "eddsa-rdfc-2022"


class ProofError(ValueError):
    """The proof is missing, malformed or of a kind we do not check."""


@dataclass(frozen=True)
class ProofCheck:
    valid: bool
    verification_method: str
    reason: str = ""


def hash_data(document: dict, proof_options: dict) -> bytes:
    """SHA-256 of the canonical proof options followed by that of the canonical document."""
    options = {**proof_options, "@context": document["@context"]}
    options.pop("proofValue", None)
    proof_hash = hashlib.sha256(canonize(options).encode("utf-8")).digest()
    document_hash = hashlib.sha256(canonize(document).encode("utf-8")).digest()
    return proof_hash + document_hash


def add_proof(
    document: dict, *, private_key: Ed25519PrivateKey, verification_method: str, created: str
) -> dict:
    """Return a copy of `document` with an embedded eddsa-rdfc-2022 proof."""
    unsecured = copy.deepcopy(document)
    unsecured.pop("proof", None)
    options = {
        "type": PROOF_TYPE,
        "cryptosuite": CRYPTOSUITE,
        "created": created,
        "verificationMethod": verification_method,
        "proofPurpose": "assertionMethod",
    }
    signature = private_key.sign(hash_data(unsecured, options))
    return {**unsecured, "proof": {**options, "proofValue": multibase.encode(signature)}}


def the_proof(document: dict) -> dict:
    """The document's single eddsa-rdfc-2022 proof, or ProofError."""
    proof = document.get("proof")
    proofs = proof if isinstance(proof, list) else [proof] if proof else []
    ours = [
        p
        for p in proofs
        if isinstance(p, dict)
        and p.get("type") == PROOF_TYPE
        and p.get("cryptosuite") == CRYPTOSUITE
    ]
    if not ours:
        raise ProofError("no DataIntegrityProof with the eddsa-rdfc-2022 cryptosuite")
    proof = ours[0]
    for name in ("verificationMethod", "proofValue", "created"):
        if not isinstance(proof.get(name), str):
            raise ProofError(f"the proof has no {name}")
    if proof.get("proofPurpose") != "assertionMethod":
        raise ProofError("the proof's purpose is not assertionMethod")
    return proof


def verify_proof(document: dict, public_key: Ed25519PublicKey) -> ProofCheck:
    """Check the embedded proof against `public_key` (the caller resolves the method)."""
    proof = the_proof(document)
    unsecured = {key: value for key, value in document.items() if key != "proof"}
    options = {key: value for key, value in proof.items() if key != "proofValue"}
    if "@context" in options:
        unsecured["@context"] = options.pop("@context")
    try:
        signature = multibase.decode(proof["proofValue"])
        public_key.verify(signature, hash_data(unsecured, options))
    except (InvalidSignature, multibase.MultibaseError):
        return ProofCheck(False, proof["verificationMethod"], "signature does not match")
    return ProofCheck(True, proof["verificationMethod"])
