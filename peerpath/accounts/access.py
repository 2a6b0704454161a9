"""Who may use a view. Every view in Peerpath is wrapped by exactly one of these.

Each decorator records its rule on the view (`view.access_rule`), and
tests/test_permissions.py walks every URL to check the rule is there and enforced.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from .models import Organisation

PUBLIC = "public"
SIGNED_IN = "signed-in"
ORG_ADMIN = "org-admin"
SITE_ADMIN = "site-admin"


def _mark(view, rule: str):
    view.access_rule = rule
    return view


def public(view):
    """Anyone, signed in or not."""
    return _mark(view, PUBLIC)


def signed_in(view):
    """Anyone with an account; others are sent to sign in and brought back."""
    return _mark(login_required(view), SIGNED_IN)


def org_admin(view):
    """Admins of the organisation named by the URL's `org_slug` (and site admins).

    The organisation is passed to the view as `organisation`.
    """

    @wraps(view)
    def wrapped(request, org_slug, *args, **kwargs):
        organisation = get_object_or_404(Organisation, slug=org_slug)
        if not request.user.is_org_admin_of(organisation):
            raise PermissionDenied
        return view(request, *args, organisation=organisation, **kwargs)

    return _mark(login_required(wrapped), ORG_ADMIN)


def site_admin(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return _mark(login_required(wrapped), SITE_ADMIN)
