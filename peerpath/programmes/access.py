"""Who may use programme pages. Each decorator records its rule as `view.access_rule`.

Programmes a person may not see answer 404, as do learning sets they are not in and
other people's placements. People who can see a programme but do not run it get 403 on
its management pages.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from peerpath.accounts.models import Organisation

from .models import Programme
from .models.programmes import MANAGING_ROLES


def _mark(view, rule: str):
    view.access_rule = rule
    return view


def programme_visible(view):
    """Signed-in people the programme is open to; passes `programme` to the view."""

    @wraps(view)
    def wrapped(request, slug, *args, **kwargs):
        programme = get_object_or_404(Programme.objects.visible_to(request.user), slug=slug)
        return view(request, *args, programme=programme, **kwargs)

    return _mark(login_required(wrapped), "programme-visible")


def programme_manager(view):
    """Coordinators and admins of the programme's organisation, and site admins."""

    @wraps(view)
    def wrapped(request, slug, *args, **kwargs):
        programme = get_object_or_404(Programme.objects.visible_to(request.user), slug=slug)
        if not programme.is_managed_by(request.user):
            raise PermissionDenied
        return view(request, *args, programme=programme, **kwargs)

    return _mark(login_required(wrapped), "programme-manager")


def org_coordinator(view):
    """Coordinators and admins of the organisation named by `org_slug`, and site admins."""

    @wraps(view)
    def wrapped(request, org_slug, *args, **kwargs):
        organisation = get_object_or_404(Organisation, slug=org_slug)
        user = request.user
        if (
            not user.is_superuser
            and not user.memberships.filter(
                organisation=organisation, role__in=MANAGING_ROLES
            ).exists()
        ):
            raise PermissionDenied
        return view(request, *args, organisation=organisation, **kwargs)

    return _mark(login_required(wrapped), "org-coordinator")


def own_or_hidden(rule: str):
    """For views that load a private thing themselves and answer 404 to others."""

    def decorate(view):
        return _mark(login_required(view), rule)

    return decorate
