"""Every change to badges. The programmes app calls achievement_ensure and
credential_award; admins call credential_revoke and issuer_keys_rotate."""

import datetime
from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from peerpath.accounts.models import Organisation
from peerpath.frameworks.models import Statement

from . import documents, signing
from .models import Achievement, Credential, Issuer, IssuerKey


class BadgeError(ValueError):
    """A request the badges app refuses; the message can be shown to the person."""


def issuer_ensure(*, organisation: Organisation | None = None) -> Issuer:
    """The Issuer for `organisation` (None: the site itself), created once, race-safe."""
    lookup = {"organisation": organisation} if organisation else {"is_site": True}
    issuer = Issuer.objects.filter(**lookup).first()
    if issuer is None:
        try:
            with transaction.atomic():
                issuer = Issuer.objects.create(
                    organisation=organisation, is_site=organisation is None
                )
        except IntegrityError:
            issuer = Issuer.objects.get(**lookup)
    return issuer


def achievement_ensure(
    *,
    key: str,
    name: str,
    description: str,
    criteria: str,
    issuer: Organisation | None = None,
    statements: Iterable[Statement] = (),
    image: str | None = None,
) -> Achievement:
    """The achievement named `key`, created or brought up to date; calling it twice with
    the same arguments changes nothing. `issuer` is the awarding organisation (None for
    the site); `image` is an image's absolute URL, or None for a generated one.
    Credentials already issued keep the wording they were signed with."""
    if not key or not name.strip():
        raise BadgeError(_("An achievement needs a key and a name."))
    values = {
        "issuer": issuer_ensure(organisation=issuer),
        "name": name.strip()[:200],
        "description": description.strip() or name.strip(),
        "criteria": criteria.strip() or description.strip() or name.strip(),
        "image_url": image or "",
    }
    with transaction.atomic():
        achievement, created = Achievement.objects.get_or_create(key=key, defaults=values)
        changed = [field for field, value in values.items() if getattr(achievement, field) != value]
        if changed:
            for field in changed:
                setattr(achievement, field, values[field])
            achievement.save(update_fields=[*changed, "updated_at"])
        wanted = {statement.pk for statement in statements}
        if created or wanted != set(achievement.statements.values_list("pk", flat=True)):
            achievement.statements.set(wanted)
    return achievement


def credential_award(
    *,
    achievement: Achievement,
    recipient,
    evidence_url: str = "",
    evidence_narrative: str = "",
    valid_until: datetime.datetime | None = None,
) -> Credential:
    """Award `achievement` to `recipient`: a signed OpenBadgeCredential (an embedded
    eddsa-rdfc-2022 proof, then a VC-JWT around it). One per achievement and person:
    awarding again returns the existing credential unchanged, even a revoked one."""
    existing = Credential.objects.filter(achievement=achievement, recipient=recipient).first()
    if existing is not None:
        return existing
    with transaction.atomic():
        # Lock the issuer so status indexes are handed out one at a time.
        issuer = Issuer.objects.select_for_update().get(pk=achievement.issuer_id)
        existing = Credential.objects.filter(achievement=achievement, recipient=recipient).first()
        if existing is not None:
            return existing
        highest = issuer.credentials.aggregate(highest=Max("status_index"))["highest"]
        credential = Credential(
            achievement=achievement,
            recipient=recipient,
            issuer=issuer,
            status_index=0 if highest is None else highest + 1,
            issued_at=timezone.now().replace(microsecond=0),
            valid_until=valid_until,
            evidence_url=evidence_url,
            evidence_narrative=evidence_narrative,
        )
        signed = signing.with_proof(documents.credential_document(credential), issuer)
        credential.signed_json = signed
        credential.signed_jwt = signing.as_jwt(signed, issuer)
        credential.save()
    return credential


def credential_revoke(*, credential: Credential, reason: str) -> Credential:
    """Revoke with a reason people will read; the issuer's status list shows it at once.
    Revoking twice keeps the first date and reason."""
    reason = reason.strip()
    if not reason:
        raise BadgeError(_("Give a reason: the earner and anyone checking the badge will see it."))
    with transaction.atomic():
        credential = Credential.objects.select_for_update().get(pk=credential.pk)
        if credential.revoked_at is None:
            credential.revoked_at = timezone.now()
            credential.revocation_reason = reason[:500]
            credential.save(update_fields=["revoked_at", "revocation_reason"])
    return credential


def issuer_keys_rotate(*, issuer: Issuer) -> list[IssuerKey]:
    """Retire the issuer's active keys and make new ones. Retired keys stay published,
    so every credential signed before keeps verifying; new awards use the new keys."""
    with transaction.atomic():
        issuer = Issuer.objects.select_for_update().get(pk=issuer.pk)
        issuer.keys.active().update(retired_at=timezone.now())
        return [signing.new_key(issuer, algorithm) for algorithm in IssuerKey.Algorithm.values]
