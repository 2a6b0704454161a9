"""Site-wide pages: home, language choice, health check."""

import importlib

from django.conf import settings
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language

from peerpath.accounts.access import public
from peerpath.accounts.models import Membership
from peerpath.accounts.two_factor import two_factor_enabled
from peerpath.frameworks.models import Framework

# Apps that show a card on the signed-in home page. Each may have a `dashboard` module
# with `card(request) -> dict | None`; the dict is the context for
# templates/<app>/_home_card.html, and None hides the card.
DASHBOARD_APPS = ["mentoring", "portfolio", "assessments", "programmes", "badges"]


def dashboard_cards(request) -> list[dict]:
    cards = []
    for app in DASHBOARD_APPS:
        try:
            module = importlib.import_module(f"peerpath.{app}.dashboard")
        except ModuleNotFoundError:
            continue
        context = module.card(request)
        if context is not None:
            cards.append({"template": f"{app}/_home_card.html", **context})
    return cards


@public
def home(request):
    if not request.user.is_authenticated:
        return render(request, "home_public.html")
    memberships = request.user.memberships_for_pages
    can_see_others = request.user.is_staff or any(
        m.role in {Membership.Role.COORDINATOR, Membership.Role.ORG_ADMIN} for m in memberships
    )
    return render(
        request,
        "home.html",
        {
            "cards": dashboard_cards(request),
            "suggest_two_step": can_see_others and not two_factor_enabled(request.user),
            "memberships": memberships,
            "admin_of": request.user.administered_for_pages,
            "frameworks": Framework.objects.published().current().order_by("name"),
        },
    )


@public
def set_language(request, code):
    """Switch language with a plain link (the GOV.UK language navigation is links)."""
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = redirect(target)
    if code in dict(settings.LANGUAGES) and check_for_language(code):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            code,
            max_age=365 * 24 * 60 * 60,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response


@public
def healthz(request):
    """For load balancers: 200 when the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def robots(request):
    return HttpResponse("User-agent: *\nDisallow: /accounts/\n", content_type="text/plain")


robots = public(robots)


def bench_floor(request):
    """The benchmark's floor: a bare page, a 50-row table, one query (bench/bench_web.py)."""
    from peerpath.frameworks.models import Statement

    rows = Statement.objects.values_list("code", "text")[:50]
    return render(request, "bench_floor.html", {"rows": rows})


bench_floor.access_rule = "public"
