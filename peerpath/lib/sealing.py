"""Encrypting small secrets at rest (e.g. two-step sign-in secrets) with Fernet.

The key is derived from SECRET_KEY and a purpose string, so a database copy alone does
not reveal the secrets, and each purpose gets its own key. Rotating SECRET_KEY makes
sealed values unreadable: people then set up two-step sign-in again.
"""

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings


def _fernet(purpose: str) -> Fernet:
    digest = hashlib.sha256(f"peerpath-seal:{purpose}:{settings.SECRET_KEY}".encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def seal(value: str, purpose: str) -> str:
    return _fernet(purpose).encrypt(value.encode()).decode()


def unseal(token: str, purpose: str) -> str | None:
    try:
        return _fernet(purpose).decrypt(token.encode()).decode()
    except InvalidToken:
        return None
