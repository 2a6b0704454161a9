"""Rater links: unguessable, derived from the site's secret, stored only as a hash.

A rater's token is an HMAC of a random per-rater salt under SECRET_KEY. The database
holds the salt and the SHA-256 of the token: enough to recognise a link, not to make
one. Deriving rather than storing means the invitation and every reminder carry the
same link, and no background task ever holds a token in its arguments.
"""

import base64
import hashlib
import secrets

from django.utils.crypto import salted_hmac

PURPOSE = "peerpath.assessments.rater-link"


def new_salt() -> str:
    return secrets.token_hex(16)


def token_for(salt: str) -> str:
    digest = salted_hmac(PURPOSE, salt, algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def hash_of(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
