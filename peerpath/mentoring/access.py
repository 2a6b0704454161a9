"""Who may use each mentoring view. Every view is wrapped by one of these (or by one of
accounts.access), which records the rule on the view for tests/test_permissions.py.

Scheme pages answer 404 to anyone who does not run the scheme, and a pair's pages answer
404 to anyone but the two people in it: coordinators and site admins included, because
a pair's sessions and private notes are theirs alone.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from . import selectors
from .models import Cohort, Pairing, Scheme, Session

SCHEME_STAFF = "mentoring-scheme-staff"
PAIR_MEMBERS = "mentoring-pair-members"
SCHEME_STARTERS = "mentoring-scheme-starters"


def _mark(view, rule: str):
    view.access_rule = rule
    return view


def scheme_staff(view):
    """Coordinators and lead coaches of the scheme named by `slug`, or of the scheme of the
    round named by `cohort_id` (and admins of the owning organisation). The view receives
    `scheme`, and `cohort` when the URL names a round."""

    @wraps(view)
    def wrapped(request, *args, slug=None, cohort_id=None, **kwargs):
        if cohort_id is not None:
            cohort = get_object_or_404(Cohort.objects.select_related("scheme"), pk=cohort_id)
            kwargs["cohort"], scheme = cohort, cohort.scheme
        else:
            scheme = get_object_or_404(Scheme, slug=slug)
        if not selectors.is_staff(request.user, scheme):
            raise Http404
        return view(request, *args, scheme=scheme, **kwargs)

    return _mark(login_required(wrapped), SCHEME_STAFF)


def pair_member(view):
    """Only the two people in the pairing named by `pairing_id`; with `session_id`, the
    session must belong to that pairing. The view receives `pairing` (and `session`)."""

    @wraps(view)
    def wrapped(request, *args, pairing_id, session_id=None, **kwargs):
        pairing = get_object_or_404(
            Pairing.objects.select_related("cohort__scheme", "mentor", "mentee"), pk=pairing_id
        )
        if not pairing.includes(request.user):
            raise Http404
        if session_id is not None:
            kwargs["session"] = get_object_or_404(Session, pk=session_id, pairing=pairing)
        return view(request, *args, pairing=pairing, **kwargs)

    return _mark(login_required(wrapped), PAIR_MEMBERS)


def scheme_starter(view):
    """People who are coordinators or admins in at least one organisation."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not selectors.organisations_that_can_start_schemes(request.user).exists():
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return _mark(login_required(wrapped), SCHEME_STARTERS)
