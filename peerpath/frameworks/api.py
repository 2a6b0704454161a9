"""Frameworks over the API: public, like their pages."""

from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from .models import Framework
from .selectors import framework_as_data

router = Router(tags=["frameworks"])


class FrameworkSummary(Schema):
    slug: str
    name: str
    version: str
    kind: str
    domains: int
    statements: int
    url: str


@router.get("/", response=list[FrameworkSummary], auth=None)
def list_frameworks(request):
    """Current published frameworks with their size."""
    frameworks = Framework.objects.published().current().order_by("slug")
    return [
        FrameworkSummary(
            slug=f.slug,
            name=f.name,
            version=f.version,
            kind=f.kind,
            domains=f.domain_count,
            statements=f.statement_count,
            url=request.build_absolute_uri(f.get_absolute_url()),
        )
        for f in frameworks
    ]


@router.get("/{slug}/{version}/", auth=None)
def get_framework(request, slug: str, version: str):
    """One published version in the Peerpath JSON format (docs/frameworks.md)."""
    framework = get_object_or_404(Framework.objects.published(), slug=slug, version=version)
    return framework_as_data(framework).as_dict()
