"""The home-page card: the person's badges, and for issuer admins where to manage theirs."""

from .models import Issuer
from .selectors import credentials_of


def card(request) -> dict | None:
    credentials = credentials_of(request.user).filter(revoked_at__isnull=True)
    count = credentials.count()
    managed = managed_issuers(request.user)
    if not count and not managed:
        return None
    return {"count": count, "latest": credentials.first(), "managed": managed}


def managed_issuers(user) -> list[Issuer]:
    """Issuers whose badges this person may revoke: their organisations' (and, for site
    admins, the site's). Only issuers that exist, i.e. have issued or defined badges."""
    issuers = Issuer.objects.select_related("organisation")
    if not user.administered_for_pages and not user.is_superuser:
        return []
    if user.is_superuser:
        return list(issuers.filter(is_site=True)) + list(
            issuers.filter(organisation__memberships__user=user).distinct()
        )
    return list(
        issuers.filter(
            organisation__memberships__user=user, organisation__memberships__role="org-admin"
        ).distinct()
    )
