"""The home-page card: how many badges the person holds, and the newest."""

from .selectors import credentials_of


def card(request) -> dict | None:
    credentials = credentials_of(request.user).filter(revoked_at__isnull=True)
    count = credentials.count()
    if not count:
        return None
    return {"count": count, "latest": credentials.first()}
