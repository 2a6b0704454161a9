"""The JSON-LD documents Open Badges 3.0 defines, built from our models.

Nothing here signs or saves; services.py signs what these functions build. Every `id`
is a public address under SITE_URL, so a verifier can look each one up.
"""

import hashlib
import secrets
import uuid
from datetime import UTC, datetime

from django.conf import settings
from django.urls import reverse

from .crypto import keys, statuslist
from .crypto.jsonld import MULTIKEY_V1, OB_V3, VC_V2
from .models import Achievement, Credential, Issuer, IssuerKey, absolute

CONTEXT = [VC_V2, OB_V3]
SCHEMA_ID = (
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
)


def timestamp(moment: datetime) -> str:
    """XML Schema dateTime in UTC with a Z, to the second, as credentials use."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def status_list_url(issuer: Issuer) -> str:
    return absolute(reverse("badges:status-list", kwargs={"issuer_uuid": issuer.uuid}))


def issuer_summary(issuer: Issuer) -> dict:
    """The issuer as embedded in a credential."""
    return {"id": issuer.iri, "type": ["Profile"], "name": issuer.name, "url": settings.SITE_URL}


def issuer_profile(issuer: Issuer) -> dict:
    """The issuer's public Profile, with the keys it signs with (retired ones too)."""
    signing_keys = list(issuer.keys.all())
    return {
        "@context": CONTEXT,
        **issuer_summary(issuer),
        "description": f"Open Badges issued through {settings.SITE_NAME}.",
        "assertionMethod": [key.iri for key in signing_keys],
        "jwks": absolute(reverse("badges:issuer-jwks", kwargs={"issuer_uuid": issuer.uuid})),
    }


def jwks(issuer: Issuer) -> dict:
    return {"keys": [key.public_jwk for key in issuer.keys.all()]}


def key_document(key: IssuerKey) -> dict:
    """What a key's address answers: the JWK, and for Ed25519 a Multikey as well."""
    document = dict(key.public_jwk)
    if key.algorithm == IssuerKey.Algorithm.EDDSA:
        document = {
            "@context": MULTIKEY_V1,
            "id": key.iri,
            "type": "Multikey",
            "controller": key.issuer.iri,
            "publicKeyMultibase": keys.multikey(key.public_jwk),
            **({"revoked": timestamp(key.retired_at)} if key.retired_at else {}),
        }
    return document


def alignment(statement) -> dict:
    return {
        "type": ["Alignment"],
        "targetName": statement.text[:250],
        "targetUrl": absolute(statement.get_absolute_url()),
        "targetCode": statement.code,
        "targetFramework": statement.framework.name,
    }


def achievement_document(achievement: Achievement) -> dict:
    document = {
        "id": achievement.iri,
        "type": ["Achievement"],
        "achievementType": "Badge",
        "name": achievement.name,
        "description": achievement.description,
        "criteria": {"narrative": achievement.criteria},
        "image": {"id": achievement.image_iri, "type": "Image", "caption": achievement.name},
        "creator": issuer_summary(achievement.issuer),
    }
    statements = achievement.statements.select_related("framework").order_by("framework", "pk")
    if statements:
        document["alignment"] = [alignment(statement) for statement in statements]
    return document


def subject_id(user) -> str:
    """A stable, opaque id for a person: it names no one, but ties their badges together."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{settings.SITE_URL}/people/{user.pk}").urn


def identity_objects(user) -> list[dict]:
    salt = secrets.token_hex(8)
    digest = hashlib.sha256(f"{user.email}{salt}".encode()).hexdigest()
    return [
        {"type": "IdentityObject", "identityType": "name", "hashed": False,
         "identityHash": user.full_name},
        {"type": "IdentityObject", "identityType": "emailAddress", "hashed": True,
         "identityHash": f"sha256${digest}", "salt": salt},
    ]  # fmt: skip


def evidence(credential: Credential) -> list[dict]:
    if not (credential.evidence_url or credential.evidence_narrative):
        return []
    item: dict = {"type": ["Evidence"], "name": credential.achievement.name}
    if credential.evidence_url:
        item["id"] = credential.evidence_url
    if credential.evidence_narrative:
        item["narrative"] = credential.evidence_narrative
    return [item]


def credential_document(credential: Credential) -> dict:
    """The unsigned OpenBadgeCredential for a Credential row."""
    status_url = status_list_url(credential.issuer)
    document = {
        "@context": CONTEXT,
        "id": credential.iri,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": credential.achievement.name,
        "description": credential.achievement.description,
        "issuer": issuer_summary(credential.issuer),
        "validFrom": timestamp(credential.issued_at),
        "awardedDate": timestamp(credential.issued_at),
        "credentialSubject": {
            "id": subject_id(credential.recipient),
            "type": ["AchievementSubject"],
            "identifier": identity_objects(credential.recipient),
            "achievement": achievement_document(credential.achievement),
        },
        "credentialSchema": [{"id": SCHEMA_ID, "type": "1EdTechJsonSchemaValidator2019"}],
        "credentialStatus": {
            "id": f"{status_url}#{credential.status_index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(credential.status_index),
            "statusListCredential": status_url,
        },
    }
    if credential.valid_until:
        document["validUntil"] = timestamp(credential.valid_until)
    if items := evidence(credential):
        document["evidence"] = items
    return document


def status_list_document(issuer: Issuer, revoked_indexes, now: datetime) -> dict:
    url = status_list_url(issuer)
    return {
        "@context": [VC_V2],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer.iri,
        "validFrom": timestamp(now),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": statuslist.encode(revoked_indexes),
        },
    }
