"""Reads for badge pages, the published documents and the verifier."""

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from . import documents, signing
from .models import Achievement, Credential, Issuer


def issuer_by_uuid(issuer_uuid) -> Issuer:
    issuer = Issuer.objects.select_related("organisation").filter(uuid=issuer_uuid).first()
    if issuer is None:
        raise Http404
    return issuer


def credentials_of(user) -> QuerySet[Credential]:
    """A person's badges, newest first, revoked ones included (they are told why)."""
    return Credential.objects.filter(recipient=user).select_related(
        "achievement", "issuer__organisation"
    )


def credential_public(credential_uuid) -> Credential:
    """A credential by its unguessable address: the earner's public share link."""
    credential = (
        Credential.objects.select_related("achievement", "issuer__organisation", "recipient")
        .filter(uuid=credential_uuid)
        .first()
    )
    if credential is None or not credential.signed_json:
        raise Http404  # unknown, or its earner erased their account
    return credential


def achievement_public(achievement_uuid) -> Achievement:
    achievement = (
        Achievement.objects.select_related("issuer__organisation")
        .prefetch_related("statements__framework")
        .filter(uuid=achievement_uuid)
        .first()
    )
    if achievement is None:
        raise Http404
    return achievement


def revoked_indexes(issuer: Issuer) -> list[int]:
    return list(
        issuer.credentials.filter(revoked_at__isnull=False).values_list("status_index", flat=True)
    )


def revocation_reason(issuer: Issuer, index: int) -> str:
    credential = issuer.credentials.filter(status_index=index, revoked_at__isnull=False).first()
    return credential.revocation_reason if credential else ""


def status_list_credential(issuer: Issuer) -> dict:
    """The issuer's signed Bitstring Status List, as of now (a bit set = revoked)."""
    document = documents.status_list_document(issuer, revoked_indexes(issuer), timezone.now())
    return signing.with_proof(document, issuer)
