"""The portfolio as a 1EdTech Comprehensive Learner Record 2.0: a `ClrCredential`.

It holds, for one person:

- every badge they earned and still hold, as the issuer signed it (each one checks on its
  own, with its own proof and revocation status);
- their achievements: each badge's achievement, and each framework item an assessor
  accepted in a claim against a standard (achievementType "Competency", aligned to the
  item's public page), grouped under its capability;
- associations: an assessed item `isChildOf` its capability; a badge `isRelatedTo` the
  assessed items and capabilities it is aligned to.

Peerpath signs the record as a VC-JWT (RS256) with the site's issuer key, published with
the badges' keys, so anyone can check it was not changed. Self-claimed evidence is not
in it: a CLR carries what an issuer or an assessor vouches for.
"""

import uuid

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from peerpath.badges.crypto.jsonld import OB_V3, VC_V2
from peerpath.badges.documents import identity_objects, issuer_summary, subject_id, timestamp
from peerpath.badges.models import Credential, absolute
from peerpath.badges.services import issuer_ensure
from peerpath.badges.signing import as_jwt

from .models import Claim, ClaimItem

CLR_CONTEXT = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json"
CLR_SCHEMA = (
    "https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json"
)


class NothingToVouchFor(ValueError):
    """A CLR needs at least one verifiable credential, and this person has none yet."""


def _association(kind: str, source: str, target: str) -> dict:
    return {
        "type": ["Association"],
        "associationType": kind,
        "sourceId": source,
        "targetId": target,
    }


def _assessed_items(user):
    return (
        ClaimItem.objects.filter(
            claim__owner=user,
            claim__status=Claim.Status.ASSESSED,
            decision=ClaimItem.Decision.ACCEPTED,
        )
        .select_related("claim", "statement__framework", "statement__domain")
        .order_by("decided_at", "pk")
    )


def _competency(item: ClaimItem) -> dict:
    statement = item.statement
    return {
        "id": absolute(statement.get_absolute_url()),
        "type": ["Achievement"],
        "achievementType": "Competency",
        "name": statement.text[:250],
        "description": f"{statement.framework.name}: {statement.domain.name}",
        "humanCode": statement.code,
        "criteria": {
            "narrative": _("Accepted by %(assessor)s (%(role)s) on %(date)s.")
            % {
                "assessor": item.claim.assessor_name,
                "role": item.claim.get_assessor_role_display().lower(),
                "date": timezone.localtime(item.decided_at).strftime("%d %B %Y"),
            }
        },
        "alignment": [
            {
                "type": ["Alignment"],
                "targetName": statement.text[:250],
                "targetUrl": absolute(statement.get_absolute_url()),
                "targetCode": statement.code,
                "targetFramework": statement.framework.name,
            }
        ],
    }


def _capability(domain) -> dict:
    return {
        "id": absolute(domain.get_absolute_url()),
        "type": ["Achievement"],
        "achievementType": "Competency",
        "name": domain.name,
        "description": domain.framework.name,
        "humanCode": domain.code,
        "criteria": {"narrative": _("The items of this capability listed with it.")},
    }


def clr_document(user) -> dict:
    """The unsigned ClrCredential for `user`; NothingToVouchFor if they hold no badge."""
    credentials = list(
        Credential.objects.current()
        .filter(recipient=user)
        .select_related("achievement")
        .prefetch_related("achievement__statements__domain__framework")
        .order_by("issued_at", "pk")
    )
    if not credentials:
        raise NothingToVouchFor(_("You have no badges yet, so there is no learner record."))
    achievements: dict[str, dict] = {}
    associations: list[dict] = []
    assessed_statements: dict[int, str] = {}
    capabilities: dict[int, str] = {}
    for item in _assessed_items(user):
        competency = _competency(item)
        achievements.setdefault(competency["id"], competency)
        assessed_statements[item.statement_id] = competency["id"]
        capability = _capability(item.statement.domain)
        achievements.setdefault(capability["id"], capability)
        capabilities[item.statement.domain_id] = capability["id"]
        associations.append(_association("isChildOf", competency["id"], capability["id"]))
    for credential in credentials:
        badge = credential.signed_json["credentialSubject"]["achievement"]
        achievements.setdefault(badge["id"], badge)
        related = set()
        for statement in credential.achievement.statements.all():
            for target in (
                assessed_statements.get(statement.pk),
                capabilities.get(statement.domain_id),
            ):
                if target and target not in related:
                    related.add(target)
                    associations.append(_association("isRelatedTo", badge["id"], target))
    issuer = issuer_ensure(organisation=None)
    now = timezone.now()
    return {
        "@context": [VC_V2, CLR_CONTEXT, OB_V3],
        "id": uuid.uuid4().urn,
        "type": ["VerifiableCredential", "ClrCredential"],
        "name": _("Comprehensive learner record of %(name)s") % {"name": user.full_name},
        "description": _("Badges and assessed achievements from %(site)s.")
        % {"site": settings.SITE_NAME},
        "issuer": issuer_summary(issuer),
        "validFrom": timestamp(now),
        "awardedDate": timestamp(now),
        "partial": False,
        "credentialSubject": {
            "id": subject_id(user),
            "type": ["ClrSubject"],
            "identifier": identity_objects(user),
            "achievement": list(achievements.values()),
            "verifiableCredential": [c.signed_json for c in credentials],
            "association": associations,
        },
        "credentialSchema": [{"id": CLR_SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}],
    }


def clr_jwt(user) -> str:
    """The learner record signed by the site's issuer key as a VC-JWT."""
    return as_jwt(clr_document(user), issuer_ensure(organisation=None))
