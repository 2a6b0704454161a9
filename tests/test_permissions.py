"""Every URL, every role: who gets the page, who is sent to sign in, who is refused.

A new URL pattern must be added to ACCESS or `test_every_url_is_in_the_access_table`
fails. Outcomes: "ok" 200, "login" redirect to sign in, "redirect" any other redirect,
"forbidden" 403, "hidden" 404 (we do not admit that a private thing exists).
"""

import importlib

import pytest
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.conftest import ROLES
from tests.page_structure import structure_problems

OK, LOGIN, REDIRECT, FORBIDDEN, HIDDEN = "ok", "login", "redirect", "forbidden", "hidden"
UNAUTHORISED, BAD_REQUEST = "unauthorised", "bad-request"
STATUS = {
    OK: 200,
    LOGIN: 302,
    REDIRECT: 302,
    FORBIDDEN: 403,
    HIDDEN: 404,
    UNAUTHORISED: 401,
    BAD_REQUEST: 400,
}
EVERYONE = dict.fromkeys(ROLES, OK)
EVERYONE_REDIRECT = dict.fromkeys(ROLES, REDIRECT)
SIGNED_IN = {**dict.fromkeys(ROLES, OK), "anonymous": LOGIN}
ORG_ADMINS = {
    "anonymous": LOGIN,
    "participant": FORBIDDEN,
    "coordinator": FORBIDDEN,
    "org_admin": OK,
    "other_org_admin": FORBIDDEN,
    "site_admin": OK,
}
ORG_ADMIN_ACTIONS = {**ORG_ADMINS, "org_admin": REDIRECT, "site_admin": REDIRECT}
DRAFT_OWNERS = {
    "anonymous": LOGIN,
    "participant": HIDDEN,
    "coordinator": HIDDEN,
    "org_admin": REDIRECT,
    "other_org_admin": HIDDEN,
    "site_admin": REDIRECT,
}
PUBLISHED = {"slug": "six-leadership-capabilities", "version": "1.0"}
DRAFT = {"slug": "northfold-values", "version": "1"}

# url name: (method, kwargs, {role: outcome})
ACCESS = {
    "home": ("get", {}, EVERYONE),
    "set-language": ("get", {"code": "cy"}, EVERYONE_REDIRECT),
    "healthz": ("get", {}, EVERYONE),
    "robots": ("get", {}, EVERYONE),
    "accounts:login": ("get", {}, {**dict.fromkeys(ROLES, REDIRECT), "anonymous": OK}),
    "accounts:logout": ("post", {}, EVERYONE_REDIRECT),
    "accounts:sign-in-code": ("get", {}, dict.fromkeys(ROLES, LOGIN)),  # nobody half-way in
    "accounts:two-factor": ("get", {}, SIGNED_IN),
    "accounts:password-reset": ("get", {}, EVERYONE),
    "accounts:password-reset-sent": ("get", {}, EVERYONE),
    "accounts:password-reset-confirm": ("get", {"uidb64": "MQ", "token": "x-y"}, EVERYONE),
    "accounts:password-reset-complete": ("get", {}, EVERYONE),
    "accounts:password-change": ("get", {}, SIGNED_IN),
    "accounts:profile": ("get", {}, SIGNED_IN),
    "accounts:profile-edit": ("get", {}, SIGNED_IN),
    "accounts:invitation": ("get", {"token": "PENDING"}, EVERYONE),
    "orgs:organisation": ("get", {"org_slug": "northfold"}, ORG_ADMINS),
    "orgs:audit-log": ("get", {"org_slug": "northfold"}, ORG_ADMINS),
    "orgs:invitation-revoke": (
        "post",
        {"org_slug": "northfold", "invitation_id": "INVITATION"},
        ORG_ADMIN_ACTIONS,
    ),
    "orgs:membership-remove": (
        "post",
        {"org_slug": "northfold", "membership_id": "MEMBERSHIP"},
        ORG_ADMIN_ACTIONS,
    ),
    "framework-upload": ("get", {"org_slug": "northfold"}, ORG_ADMINS),
    "frameworks:list": ("get", {}, EVERYONE),
    "frameworks:current": ("get", {"slug": PUBLISHED["slug"]}, EVERYONE_REDIRECT),
    "frameworks:item-latest": (
        "get",
        {"slug": PUBLISHED["slug"], "code": "VIS.1"},
        EVERYONE_REDIRECT,
    ),
    "frameworks:version": ("get", PUBLISHED, EVERYONE),
    "frameworks:export": ("get", {**PUBLISHED, "fmt": "case"}, EVERYONE),
    "frameworks:item": ("get", {**PUBLISHED, "code": "VIS.1"}, EVERYONE),
    "frameworks:publish": ("post", DRAFT, DRAFT_OWNERS),
    "frameworks:discard": ("post", DRAFT, DRAFT_OWNERS),
    # Script endpoint: signed-out gets 401 (not a redirect); an empty key is refused.
    "accounts:api-tokens": ("get", {}, SIGNED_IN),
    "accounts:api-token-revoke": (
        "post",
        {"token_id": "TOKEN"},
        {**dict.fromkeys(ROLES, HIDDEN), "anonymous": LOGIN, "participant": REDIRECT},
    ),
    "drafts:save": ("post", {}, {**dict.fromkeys(ROLES, BAD_REQUEST), "anonymous": UNAUTHORISED}),
    "admin:index": ("get", {}, {**dict.fromkeys(ROLES, REDIRECT), "site_admin": OK}),
}
# Each app keeps its own rows in tests/<app>/access_table.py, so adding an app's URLs
# never means editing this file.
APP_TABLES = [
    importlib.import_module(f"tests.{app}.access_table")
    for app in ["assessments", "portfolio", "programmes", "badges", "mentoring"]
]
for _table in APP_TABLES:
    overlap = set(_table.ACCESS) & set(ACCESS)
    assert not overlap, f"{_table.__name__} repeats {overlap}"
    ACCESS.update(_table.ACCESS)

# Django's own admin checks its permissions itself; we test its front door only.
# The API's operations are checked by tests/test_api.py instead.
NOT_WALKED_NAMESPACES = {"admin", "api"}


def all_url_names(resolver=None, namespace="") -> set[str]:
    names = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            if pattern.namespace in NOT_WALKED_NAMESPACES:
                continue
            names |= all_url_names(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


def view_functions(resolver=None):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace not in NOT_WALKED_NAMESPACES:
                yield from view_functions(pattern)
        elif isinstance(pattern, URLPattern):
            yield pattern


def test_every_url_is_in_the_access_table():
    walked = all_url_names()
    assert walked - set(ACCESS) == set(), "add these URLs to ACCESS"
    assert set(ACCESS) - walked - {"admin:index"} == set(), "ACCESS names URLs that are gone"


def test_every_view_declares_who_may_use_it():
    undeclared = [p.name for p in view_functions() if not hasattr(p.callback, "access_rule")]
    assert undeclared == []


def outcome_problem(name, role, url, response, outcome) -> str | None:
    if response.status_code != STATUS[outcome]:
        return f"{role} on {url}: {response.status_code}, expected {outcome}"
    location = response.get("Location", "")
    if outcome == LOGIN and not location.startswith(reverse("accounts:login")):
        return f"{role} on {url}: sent to {location}, not to sign in"
    to_sign_in = location.startswith(reverse("accounts:login"))
    if outcome == REDIRECT and to_sign_in and not name.startswith("admin:"):
        return f"{role} on {url}: sent to sign in, expected another redirect"
    return None


@pytest.mark.parametrize("name", sorted(ACCESS))
def test_each_role_gets_what_the_table_says(name, people, world, client_for):
    """One URL, all six roles; each request's changes are rolled back before the next."""
    method, kwargs, expected = ACCESS[name]
    kwargs = {k: world.get(v, v) if isinstance(v, str) else v for k, v in kwargs.items()}
    url = reverse(name, kwargs=kwargs)
    problems = []
    for role in ROLES:
        with transaction.atomic():
            response = getattr(client_for(people[role]), method)(url)
            transaction.set_rollback(True)
        problem = outcome_problem(name, role, url, response, expected[role])
        if problem:
            problems.append(problem)
        elif response.status_code == 200 and "html" in response.get("Content-Type", ""):
            problems += [f"{role} on {url}: {p}" for p in structure_problems(response.text)]
    assert problems == []
