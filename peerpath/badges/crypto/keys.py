"""Issuer key material: made here, stored only encrypted, published only in public form.

Private keys are PKCS#8 PEM, encrypted with Fernet (AES-128-CBC + HMAC-SHA256) under a
key derived with HKDF from BADGE_KEY_ENCRYPTION_KEY, or from SECRET_KEY when that is
unset. A copy of the database alone therefore cannot sign a badge.
"""

import base64
import json
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from jwcrypto import jwk

from . import multibase

RS256 = "RS256"
EDDSA = "EdDSA"
RSA_BITS = 3072  # NIST's recommendation for keys in use beyond 2030

PrivateKey = rsa.RSAPrivateKey | ed25519.Ed25519PrivateKey


class KeyUnavailableError(RuntimeError):
    """A private key cannot be decrypted: the encryption secret has changed."""


def _fernet() -> Fernet:
    secret = settings.BADGE_KEY_ENCRYPTION_KEY or settings.SECRET_KEY
    derived = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"peerpath badge issuer keys"
    ).derive(secret.encode("utf-8"))
    return Fernet(base64.urlsafe_b64encode(derived))


def generate(algorithm: str) -> PrivateKey:
    if algorithm == RS256:
        return rsa.generate_private_key(public_exponent=65537, key_size=RSA_BITS)
    if algorithm == EDDSA:
        return ed25519.Ed25519PrivateKey.generate()
    raise ValueError(f"unknown algorithm {algorithm!r}")


def seal(key: PrivateKey) -> str:
    """The private key, encrypted for storage."""
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return _fernet().encrypt(pem).decode("ascii")


@lru_cache(maxsize=256)
def unseal(sealed: str) -> PrivateKey:
    """The private key from its sealed form (kept in memory: loading RSA keys is slow)."""
    try:
        pem = _fernet().decrypt(sealed.encode("ascii"))
    except InvalidToken:
        raise KeyUnavailableError(
            "An issuer's private key cannot be decrypted. BADGE_KEY_ENCRYPTION_KEY (or "
            "SECRET_KEY) differs from the one used when the key was made."
        ) from None
    # Fernet has authenticated the bytes and we made the key, so its mathematical
    # self-check (a fifth of a second for RSA) can be skipped.
    key = serialization.load_pem_private_key(
        pem, password=None, unsafe_skip_rsa_key_validation=True
    )
    assert isinstance(key, rsa.RSAPrivateKey | ed25519.Ed25519PrivateKey)
    return key


def public_jwk(key: PrivateKey, *, kid: str, algorithm: str) -> dict:
    """The public half as a JWK dict; never contains "d" or other private members."""
    public = json.loads(jwk.JWK.from_pyca(key.public_key()).export_public())
    public.update({"kid": kid, "alg": algorithm, "use": "sig"})
    assert "d" not in public
    return public


def ed25519_public_from_jwk(public: dict) -> ed25519.Ed25519PublicKey:
    raw = base64.urlsafe_b64decode(public["x"] + "=" * (-len(public["x"]) % 4))
    return ed25519.Ed25519PublicKey.from_public_bytes(raw)


def multikey(public: dict) -> str:
    """`publicKeyMultibase` for an Ed25519 public JWK."""
    raw = ed25519_public_from_jwk(public).public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return multibase.ed25519_multikey(raw)
