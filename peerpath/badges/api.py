"""Badges over the JSON API. Checking a badge needs no account: see /badges/verify.json."""

from datetime import datetime

from ninja import Router, Schema

from . import selectors

router = Router(tags=["badges"])


class Badge(Schema):
    name: str
    issuer: str
    issued_at: datetime
    revoked: bool
    revocation_reason: str
    share_url: str
    credential_jwt: str
    credential_json: dict


@router.get("/mine/", response=list[Badge])
def my_badges(request):
    """The signed-in person's badges with their signed credentials, newest first."""
    return [
        Badge(
            name=credential.achievement.name,
            issuer=credential.issuer.name,
            issued_at=credential.issued_at,
            revoked=credential.is_revoked,
            revocation_reason=credential.revocation_reason,
            share_url=credential.iri,
            credential_jwt=credential.signed_jwt,
            credential_json=credential.signed_json,
        )
        for credential in selectors.credentials_of(request.auth)
    ]
