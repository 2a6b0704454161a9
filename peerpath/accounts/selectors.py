"""Reads about people and organisations that pages share."""

from collections import defaultdict

from django.core.paginator import Page, Paginator

from .models import AuditEvent, Organisation, Profile, User


def profile_of(user: User) -> Profile:
    """The user's profile, created empty if an older account has none."""
    profile, _created = Profile.objects.get_or_create(user=user)
    return profile


def members_of(organisation: Organisation) -> list[dict]:
    """One row per person with all their roles, sorted by name; two queries in total."""
    rows: dict[int, dict] = {}
    roles = defaultdict(list)
    for membership in organisation.memberships.select_related("user", "user__profile"):
        rows.setdefault(
            membership.user_id, {"user": membership.user, "roles": roles[membership.user_id]}
        )
        roles[membership.user_id].append(membership)
    return sorted(rows.values(), key=lambda row: row["user"].full_name.casefold())


def audit_events_for(organisation: Organisation, page: str | None = None) -> Page:
    """Newest first, 50 a page; one query for the page and one for the count."""
    events = AuditEvent.objects.filter(organisation=organisation).order_by("-at", "-pk")
    return Paginator(events, 50).get_page(page)
