"""Every page, for every role that may see it, passes axe-core's WCAG 2.2 A/AA rules, in
English and (for the participant and the coordinator) in Welsh.

The pages come from the permission table (tests/test_permissions.py and each app's
tests/<app>/access_table.py): any GET URL a role may open is checked in Debian's Chromium
as that role, with axe-core served by our own static files. The page's Content Security
Policy stays on, so a page that needs inline script fails here too.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.conftest import ROLES
from tests.test_permissions import ACCESS, APP_TABLES, OK

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Pages that only redirect or serve files are not pages to check.
# Apps name their own in NOT_PAGES in tests/<app>/access_table.py.
NOT_PAGES = {"frameworks:export", "healthz", "robots", "admin:index"}.union(
    *(getattr(table, "NOT_PAGES", set()) for table in APP_TABLES)
)


def pages_for(role: str, world: dict) -> list[str]:
    urls = []
    for name, (method, kwargs, expected) in sorted(ACCESS.items()):
        if method != "get" or expected[role] != OK or name in NOT_PAGES:
            continue
        resolved = {k: world.get(v, v) if isinstance(v, str) else v for k, v in kwargs.items()}
        urls.append(reverse(name, kwargs=resolved))
    return urls


def sign_in_context(context, user, base_url):
    if user is None:
        return
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": base_url}])


AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page, run_only: dict | None = None) -> list[str]:
    """axe-core's violations on the page: the WCAG 2.2 A/AA rules, or those in run_only
    (axe's own option, e.g. {"type": "rule", "values": [...]})."""
    # Served from the page's own origin by the browser itself, so the page's strict
    # Content Security Policy allows it and production never ships axe.
    page.route("**/__axe__.js", lambda route: route.fulfill(path=AXE))
    page.add_script_tag(url="/__axe__.js")
    result = page.evaluate(
        "async (runOnly) => (await axe.run(document, {runOnly}))"
        ".violations.map(v => `${v.id} (${v.impact}): ${v.help} — `"
        " + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))",
        run_only or {"type": "tag", "values": AXE_TAGS},
    )
    return result


# Every role in English; in Welsh, the two roles that between them see almost every page
# (Welsh text is longer, and English framework words sit in it with their own lang).
LANGUAGES = [(role, "en-GB") for role in ROLES] + [("participant", "cy"), ("coordinator", "cy")]


def in_language(page, locale: str) -> list[str]:
    """A complaint if the page did not come in the language the browser asked for."""
    served = page.locator("html").get_attribute("lang")
    return [] if served == locale else [f"served in {served}, not {locale}"]


@pytest.mark.parametrize(("role", "locale"), LANGUAGES)
def test_every_page_a_role_can_open_has_no_accessibility_violations(
    role, locale, browser, live_server, people, world
):
    context = browser.new_context(base_url=live_server.url, locale=locale)
    sign_in_context(context, people[role], live_server.url)
    page = context.new_page()
    csp_errors: list[str] = []
    page.on(
        "console",
        lambda message: (
            csp_errors.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    problems = {}
    try:
        for url in pages_for(role, world):
            page.goto(url)
            found = in_language(page, locale) + axe_violations(page)
            if found or csp_errors:
                problems[url] = found + csp_errors
                csp_errors.clear()
    finally:
        context.close()
    report = "\n".join(f"{url}:\n  " + "\n  ".join(found) for url, found in problems.items())
    assert not problems, f"as {role} in {locale}:\n{report}"
