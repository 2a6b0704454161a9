"""Operations that change frameworks. Each is one transaction: all or nothing."""

import hashlib
import json
import uuid
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peerpath.accounts.audit import audit_record
from peerpath.accounts.models import Organisation, User

from .formats import FrameworkData, FrameworkFileError, Problem
from .formats.case_json import identifier
from .models import (
    Domain,
    Framework,
    ProgressionLevel,
    RatingScale,
    ScaleLevel,
    Statement,
    version_key,
)


def checksum(data: FrameworkData) -> str:
    canonical = json.dumps(data.as_dict(), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


@dataclass(frozen=True)
class ImportOutcome:
    framework: Framework
    created: bool


def framework_import(
    *,
    data: FrameworkData,
    owner: Organisation | None = None,
    publish: bool = True,
    created_by: User | None = None,
    imported_from: str = "json",
) -> ImportOutcome:
    """Store a validated framework version; nothing is written if anything is wrong.

    - The same slug and version with the same content is a no-op (re-running
      `load-frameworks` is safe).
    - The same slug and version with different content is refused: published versions are
      immutable so that ratings against them keep their meaning. A draft of the same
      owner is replaced instead.
    - A slug belongs to one owner; another organisation cannot add versions to it.
    """
    digest = checksum(data)
    with transaction.atomic():
        existing = Framework.objects.select_for_update().filter(slug=data.slug)
        other_owner = existing.exclude(owner=owner).first()
        if other_owner is not None:
            raise FrameworkFileError(
                [
                    Problem(
                        "slug",
                        _(
                            '"%(slug)s" is already used by another organisation\'s framework; '
                            "choose a different slug"
                        )
                        % {"slug": data.slug},
                    )
                ]
            )
        same_version = existing.filter(version=data.version).first()
        if same_version is not None:
            if same_version.checksum == digest:
                if publish and same_version.status == Framework.Status.DRAFT:
                    framework_publish(framework=same_version)
                return ImportOutcome(framework=same_version, created=False)
            if same_version.status == Framework.Status.PUBLISHED:
                raise FrameworkFileError(
                    [
                        Problem(
                            "version",
                            _(
                                "version %(version)s of %(slug)s is already published with "
                                "different content; give this file a new version number "
                                "(for example one higher)"
                            )
                            % {"version": data.version, "slug": data.slug},
                        )
                    ]
                )
            same_version.delete()
        framework = _create_rows(data, owner, created_by, imported_from, digest)
        if owner is not None:
            audit_record(
                actor=created_by,
                action="framework.uploaded",
                organisation=owner,
                obj=framework,
                summary=f"Uploaded {data.name} version {data.version}",
            )
        if publish:
            framework_publish(framework=framework, by=created_by)
    return ImportOutcome(framework=framework, created=True)


def _create_rows(data, owner, created_by, imported_from, digest) -> Framework:
    source = data.source
    framework = Framework.objects.create(
        uuid=uuid.UUID(identifier(data.slug, data.version)),
        slug=data.slug,
        version=data.version,
        name=data.name,
        language=data.language,
        kind=data.kind,
        subject=data.subject,
        description=data.description,
        statement_stem=data.statement_stem,
        source_title=source.title,
        source_publisher=source.publisher,
        source_url=source.url,
        licence=source.licence,
        licence_url=source.licence_url,
        attribution=source.attribution,
        source_notes=source.notes,
        owner=owner,
        created_by=created_by,
        imported_from=imported_from,
        checksum=digest,
        domain_count=len(data.domains),
        statement_count=data.statement_count,
    )
    if data.rating_scale:
        scale = RatingScale.objects.create(framework=framework, name=data.rating_scale.name)
        ScaleLevel.objects.bulk_create(
            ScaleLevel(
                scale=scale, value=level.value, label=level.label, description=level.description
            )
            for level in data.rating_scale.levels
        )
    ProgressionLevel.objects.bulk_create(
        ProgressionLevel(
            framework=framework,
            code=level.code,
            name=level.name,
            description=level.description,
            position=position,
        )
        for position, level in enumerate(data.progression_levels, start=1)
    )

    def item_uuid(code: str) -> uuid.UUID:
        return uuid.UUID(identifier(data.slug, data.version, code))

    domains = Domain.objects.bulk_create(
        Domain(
            framework=framework,
            uuid=item_uuid(d.code),
            code=d.code,
            name=d.name,
            description=d.description,
            evidence_prompt=d.evidence_prompt,
            position=position,
        )
        for position, d in enumerate(data.domains, start=1)
    )
    Statement.objects.bulk_create(
        Statement(
            framework=framework,
            domain=domain,
            uuid=item_uuid(s.code),
            code=s.code,
            text=s.text,
            description=s.description,
            position=position,
        )
        for domain, d in zip(domains, data.domains, strict=True)
        for position, s in enumerate(d.statements, start=1)
    )
    return framework


def framework_publish(*, framework: Framework, by: User | None = None) -> Framework:
    """Publish a version; it becomes current unless a higher version is already published."""
    with transaction.atomic():
        if framework.owner is not None:
            audit_record(
                actor=by,
                action="framework.published",
                organisation=framework.owner,
                obj=framework,
                summary=f"Published {framework.name} version {framework.version}",
            )
        current = (
            Framework.objects.select_for_update()
            .filter(slug=framework.slug, is_current=True)
            .first()
        )
        framework.status = Framework.Status.PUBLISHED
        framework.published_at = framework.published_at or timezone.now()
        becomes_current = current is None or version_key(framework.version) >= version_key(
            current.version
        )
        if becomes_current and current is not None and current.pk != framework.pk:
            current.is_current = False
            current.save(update_fields=["is_current"])
        framework.is_current = becomes_current or framework.is_current
        framework.save(update_fields=["status", "published_at", "is_current"])
    return framework


def framework_discard_draft(*, framework: Framework, by: User | None = None) -> None:
    """Delete an unpublished upload. Published versions are never deleted here."""
    if framework.status != Framework.Status.DRAFT:
        raise ValueError("Only drafts can be discarded")
    with transaction.atomic():
        if framework.owner is not None:
            audit_record(
                actor=by,
                action="framework.discarded",
                organisation=framework.owner,
                summary=f"Discarded the draft of {framework.name} version {framework.version}",
            )
        framework.delete()
