"""Reads that pages, exports and commands share."""

from django.db.models import Prefetch, Q, QuerySet

from .formats import (
    DomainData,
    FrameworkData,
    ProgressionLevelData,
    RatingScaleData,
    ScaleLevelData,
    SourceData,
    StatementData,
)
from .models import Domain, Framework, Statement, version_key


def frameworks_for_listing(user) -> QuerySet[Framework]:
    """Current published frameworks (and the user's organisations' drafts), with counts."""
    return (
        Framework.objects.visible_to(user)
        .filter(Q(is_current=True) | Q(status=Framework.Status.DRAFT))
        .select_related("owner")
        .order_by("name", "slug")
    )


def framework_with_items(framework: Framework) -> Framework:
    """The framework with domains, statements and scale loaded in a fixed number of queries."""
    return (
        Framework.objects.select_related("rating_scale", "owner")
        .prefetch_related(
            Prefetch(
                "domains",
                queryset=Domain.objects.order_by("position").prefetch_related(
                    Prefetch(
                        "statements",
                        queryset=Statement.objects.select_related("framework").order_by("position"),
                    )
                ),
            ),
            "rating_scale__levels",
            "progression_levels",
        )
        .get(pk=framework.pk)
    )


def versions_of(slug: str, user) -> list[Framework]:
    versions = list(Framework.objects.visible_to(user).filter(slug=slug))
    return sorted(versions, key=lambda f: version_key(f.version), reverse=True)


def framework_as_data(framework: Framework) -> FrameworkData:
    """What an export writes: the stored framework back in file shape."""
    framework = framework_with_items(framework)
    scale = None
    if framework.is_rated:
        scale = RatingScaleData(
            name=framework.rating_scale.name,
            levels=[
                ScaleLevelData(value=level.value, label=level.label, description=level.description)
                for level in framework.rating_scale.levels.all()
            ],
        )
    return FrameworkData(
        slug=framework.slug,
        name=framework.name,
        version=framework.version,
        language=framework.language,
        subject=framework.subject,
        kind=framework.kind,
        description=framework.description,
        statement_stem=framework.statement_stem,
        source=SourceData(
            title=framework.source_title,
            publisher=framework.source_publisher,
            url=framework.source_url,
            licence=framework.licence,
            licence_url=framework.licence_url,
            attribution=framework.attribution,
            notes=framework.source_notes,
        ),
        rating_scale=scale,
        progression_levels=[
            ProgressionLevelData(code=level.code, name=level.name, description=level.description)
            for level in framework.progression_levels.all()
        ],
        domains=[
            DomainData(
                code=domain.code,
                name=domain.name,
                description=domain.description,
                evidence_prompt=domain.evidence_prompt,
                statements=[
                    StatementData(code=s.code, text=s.text, description=s.description)
                    for s in domain.statements.all()
                ],
            )
            for domain in framework.domains.all()
        ],
    )
