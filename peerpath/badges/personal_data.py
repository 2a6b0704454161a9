"""Badges' part of a person's data download and erasure.

The download holds every badge the person earned, with the signed credential exactly as
issued (so it can be verified elsewhere). Erasure revokes each credential on the issuer's
status list, so copies the person shared now fail verification, and removes the signed
document and evidence; the row stays only to keep its place on the status list.
"""

from django.utils import timezone

from .models import Credential

ERASED_REASON = "Withdrawn: the earner erased their Peerpath account."


def export(user) -> dict:
    credentials = Credential.objects.filter(recipient=user).select_related(
        "achievement", "issuer__organisation"
    )
    return {
        "badges": [
            {
                "badge": credential.achievement.name,
                "issuer": str(credential.issuer),
                "issued_at": credential.issued_at.isoformat(),
                "revoked_at": credential.revoked_at.isoformat() if credential.revoked_at else None,
                "revocation_reason": credential.revocation_reason,
                "evidence_url": credential.evidence_url,
                "evidence_narrative": credential.evidence_narrative,
                "share_link": credential.iri,
                "signed_credential": credential.signed_json,
                "signed_credential_jwt": credential.signed_jwt,
            }
            for credential in credentials
        ]
    }


def erase(user) -> None:
    now = timezone.now()
    mine = Credential.objects.filter(recipient=user)
    mine.filter(revoked_at__isnull=True).update(revoked_at=now, revocation_reason=ERASED_REASON)
    mine.update(signed_json={}, signed_jwt="", evidence_url="", evidence_narrative="")
