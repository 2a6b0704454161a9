from django.utils import timezone
from ninja.security import HttpBearer, django_auth

from peerpath.accounts.models import ApiToken, hash_token


class TokenAuth(HttpBearer):
    """`Authorization: Bearer pp_…` with a personal token made on the API tokens page."""

    def authenticate(self, request, token):
        found = (
            ApiToken.objects.select_related("user")
            .filter(token_hash=hash_token(token), revoked_at__isnull=True, user__is_active=True)
            .first()
        )
        if found is None:
            return None
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        request.user = found.user
        return found.user


# A signed-in browser session also works (with Django's CSRF check for changes).
SIGNED_IN = [TokenAuth(), django_auth]
