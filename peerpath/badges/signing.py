"""Signing with an issuer's active keys: Ed25519 for the embedded proof, RSA for the JWT."""

from django.utils import timezone

from .crypto import integrity, keys, vcjwt
from .documents import timestamp
from .models import Issuer, IssuerKey


def active_key(issuer: Issuer, algorithm: str) -> IssuerKey:
    """The issuer's active key for `algorithm`, made on first use."""
    key = issuer.keys.active().filter(algorithm=algorithm).first()
    if key is None:
        key = new_key(issuer, algorithm)
    return key


def new_key(issuer: Issuer, algorithm: str) -> IssuerKey:
    material = keys.generate(algorithm)
    key = IssuerKey(issuer=issuer, algorithm=algorithm)
    key.public_jwk = keys.public_jwk(material, kid=key.iri, algorithm=algorithm)
    key.sealed_private_key = keys.seal(material)
    key.save()
    return key


def with_proof(document: dict, issuer: Issuer) -> dict:
    """`document` with an eddsa-rdfc-2022 proof by the issuer's active Ed25519 key."""
    key = active_key(issuer, IssuerKey.Algorithm.EDDSA)
    return integrity.add_proof(
        document,
        private_key=keys.unseal(key.sealed_private_key),
        verification_method=key.iri,
        created=timestamp(timezone.now()),
    )


def as_jwt(credential: dict, issuer: Issuer) -> str:
    key = active_key(issuer, IssuerKey.Algorithm.RS256)
    return vcjwt.sign(
        credential, key=keys.unseal(key.sealed_private_key), kid=key.iri, algorithm=key.algorithm
    )
