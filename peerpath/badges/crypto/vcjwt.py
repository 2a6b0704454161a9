"""VC-JWT: an Open Badge credential signed as a compact JWS (1EdTech OB 3.0, §8.2).

The payload is the credential itself plus the registered claims iss, jti, nbf, sub (and
exp when it expires). The header names the public key by `kid`, a URL that answers
with the JWK; only alg, kid and typ appear in it, as the specification requires.
"""

import base64
import json
from dataclasses import dataclass
from datetime import datetime

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ed25519, padding, rsa
from jwcrypto import jwk, jws
from jwcrypto.common import JWException

from .keys import EDDSA, RS256, PrivateKey


class JwtFormatError(ValueError):
    """Not a compact JWS we can read."""


@dataclass(frozen=True)
class JwtParts:
    header: dict
    payload: dict


def _numeric_date(value: str) -> int:
    return int(datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp())


def claims_for(credential: dict) -> dict:
    """The registered claims a credential's JWT must carry, taken from the credential."""
    claims = {
        "iss": credential["issuer"]["id"],
        "jti": credential["id"],
        "nbf": _numeric_date(credential["validFrom"]),
        "sub": credential["credentialSubject"]["id"],
    }
    if credential.get("validUntil"):
        claims["exp"] = _numeric_date(credential["validUntil"])
    return claims


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def sign(credential: dict, *, key: PrivateKey, kid: str, algorithm: str = RS256) -> str:
    """The compact JWS of `credential` (RS256 with an RSA key, EdDSA with Ed25519)."""
    header = {"alg": algorithm, "kid": kid, "typ": "JWT"}
    payload = {**credential, **claims_for(credential)}
    signing_input = ".".join(
        _b64(json.dumps(part, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        for part in (header, payload)
    ).encode("ascii")
    if algorithm == RS256 and isinstance(key, rsa.RSAPrivateKey):
        signature = key.sign(signing_input, padding.PKCS1v15(), hashes.SHA256())
    elif algorithm == EDDSA and isinstance(key, ed25519.Ed25519PrivateKey):
        signature = key.sign(signing_input)
    else:
        raise ValueError(f"a {type(key).__name__} cannot sign {algorithm}")
    return f"{signing_input.decode('ascii')}.{_b64(signature)}"


def _segment(text: str) -> dict:
    try:
        value = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
    except ValueError:
        raise JwtFormatError("a part of the token is not base64url-encoded JSON") from None
    if not isinstance(value, dict):
        raise JwtFormatError("a part of the token is not a JSON object")
    return value


def read(token: str) -> JwtParts:
    """Header and payload, unverified: a verifier needs the kid before it can check."""
    parts = token.strip().split(".")
    if len(parts) != 3:
        raise JwtFormatError("a compact JWS has three parts separated by dots")
    return JwtParts(header=_segment(parts[0]), payload=_segment(parts[1]))


def signature_is_valid(token: str, public: dict) -> bool:
    """True when the token was signed by the private half of the public JWK `public`."""
    algorithm = public.get("alg")
    if algorithm not in (RS256, EDDSA):
        return False
    try:
        checker = jws.JWS()
        checker.deserialize(token.strip())
        checker.verify(jwk.JWK(**public), alg=algorithm)
    except (JWException, ValueError):
        return False
    return True


def claim_mismatches(payload: dict) -> list[str]:
    """Registered claims that disagree with the credential they wrap (empty if none)."""
    try:
        expected = claims_for(payload)
    except (KeyError, TypeError, ValueError):
        return ["the credential lacks an issuer, id, validFrom or subject id"]
    return [name for name, value in expected.items() if payload.get(name) != value] + (
        ["exp"] if "exp" in payload and "exp" not in expected else []
    )
