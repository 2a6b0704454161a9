"""Who may manage an issuer's badges: admins of its organisation, or site admins."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404

from .models import Issuer
from .selectors import credential_public, issuer_by_uuid

ISSUER_ADMIN = "badge-issuer-admin"


def can_manage(user, issuer: Issuer) -> bool:
    if user.is_superuser:
        return True
    return issuer.organisation is not None and user.is_org_admin_of(issuer.organisation)


def _refuse_unless_manager(user, issuer: Issuer) -> None:
    # 404, not 403: an issuer's management pages are not something to advertise.
    if not can_manage(user, issuer):
        raise Http404


def issuer_admin(view):
    """For views with an `issuer_uuid` (passed on as `issuer`) or a `credential_uuid`
    (passed on as `credential`): only people who manage that issuer."""

    @wraps(view)
    def wrapped(request, *args, issuer_uuid=None, credential_uuid=None, **kwargs):
        if credential_uuid is not None:
            credential = credential_public(credential_uuid)
            _refuse_unless_manager(request.user, credential.issuer)
            return view(request, *args, credential=credential, **kwargs)
        issuer = issuer_by_uuid(issuer_uuid)
        _refuse_unless_manager(request.user, issuer)
        return view(request, *args, issuer=issuer, **kwargs)

    wrapped = login_required(wrapped)
    wrapped.access_rule = ISSUER_ADMIN
    return wrapped
