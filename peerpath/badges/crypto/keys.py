"""Issuer key material: made here, stored only encrypted, published only in public form.

Private keys are PEM, encrypted with Fernet (AES-128-CBC + HMAC-SHA256) under a key
derived with HKDF from BADGE_KEY_ENCRYPTION_KEY, or from SECRET_KEY when that is unset.
A copy of the database alone therefore cannot sign a badge.
"""

import base64
import json

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from jwcrypto import jwk

from . import multibase

RS256 = "RS256"
EDDSA = "EdDSA"
ALGORITHMS = (RS256, EDDSA)
RSA_BITS = 3072  # NIST's recommendation for keys used beyond 2030


class KeyUnavailableError(RuntimeError):
    """A private key cannot be decrypted: the encryption secret has changed."""


def _fernet() -> Fernet:
    secret = settings.BADGE_KEY_ENCRYPTION_KEY or settings.SECRET_KEY
    derived = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"peerpath badge issuer keys"
    ).derive(secret.encode("utf-8"))
    return Fernet(base64.urlsafe_b64encode(derived))


def generate(algorithm: str) -> jwk.JWK:
    if algorithm == RS256:
        return jwk.JWK.generate(kty="RSA", size=RSA_BITS)
    if algorithm == EDDSA:
        return jwk.JWK.generate(kty="OKP", crv="Ed25519")
    raise ValueError(f"unknown algorithm {algorithm!r}")


def seal(key: jwk.JWK) -> str:
    """The private key, encrypted for storage."""
    pem = key.export_to_pem(private_key=True, password=None)
    return _fernet().encrypt(pem).decode("ascii")


def unseal(sealed: str) -> jwk.JWK:
    try:
        pem = _fernet().decrypt(sealed.encode("ascii"))
    except InvalidToken:
        raise KeyUnavailableError(
            "An issuer's private key cannot be decrypted. BADGE_KEY_ENCRYPTION_KEY (or "
            "SECRET_KEY) differs from the one used when the key was made."
        ) from None
    return jwk.JWK.from_pem(pem)


def public_jwk(key: jwk.JWK, *, kid: str, algorithm: str) -> dict:
    """The public half as a JWK dict; never contains "d" or other private members."""
    public = json.loads(key.export_public())
    public.update({"kid": kid, "alg": algorithm, "use": "sig"})
    assert "d" not in public
    return public


def ed25519_public_from_jwk(public: dict) -> ed25519.Ed25519PublicKey:
    raw = base64.urlsafe_b64decode(public["x"] + "=" * (-len(public["x"]) % 4))
    return ed25519.Ed25519PublicKey.from_public_bytes(raw)


def ed25519_private(key: jwk.JWK) -> ed25519.Ed25519PrivateKey:
    pem = key.export_to_pem(private_key=True, password=None)
    private = serialization.load_pem_private_key(pem, password=None)
    assert isinstance(private, ed25519.Ed25519PrivateKey)
    return private


def multikey(public: dict) -> str:
    """`publicKeyMultibase` for an Ed25519 public JWK."""
    raw = ed25519_public_from_jwk(public).public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return multibase.ed25519_multikey(raw)
