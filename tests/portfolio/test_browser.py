"""Journeys in a real browser (Debian's Chromium): reflections are never lost, and
statements are found by typing rather than scrolling."""

import re

import pytest
from playwright.sync_api import expect

from peerpath.portfolio.models import LearningEntry

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REFLECTION = (
    "The masterclass changed how I introduce change. I used to announce the new rota; "
    "now I ask the team what would make it work first."
)


def test_a_draft_survives_a_forced_logout(page, sign_in, alice, shipped_frameworks):
    sign_in(alice)
    page.goto("/portfolio/log/new/")
    page.get_by_label("What did you learn?").fill(REFLECTION)
    expect(page.locator("#id_reflection-status")).to_contain_text("Saved at", timeout=15_000)

    # Forced logout: the session cookie is gone, and so is this browser's own copy, so
    # only the server can bring the text back.
    page.context.clear_cookies()
    page.evaluate("localStorage.clear()")
    page.goto("/portfolio/log/new/")
    expect(page).to_have_url(re.compile(r"/accounts/sign-in/"))

    sign_in(alice)
    page.goto("/portfolio/log/new/")
    expect(page.get_by_label("What did you learn?")).to_have_value(REFLECTION)
    expect(page.get_by_text("We put back the text you had not saved yet.")).to_be_visible()


def test_statements_are_found_by_typing_and_kept_across_searches(
    page, sign_in, alice, shipped_frameworks
):
    sign_in(alice)
    page.goto("/portfolio/log/new/")
    page.get_by_label("What did you do?").fill("Resilience workshop")
    page.get_by_label("Day").fill("2")
    page.get_by_label("Month").fill("3")
    page.get_by_label("Year").fill("2024")
    search = page.get_by_label("Find capabilities or standards by words or code")
    search.fill("promoting resilience")
    page.get_by_label("Demonstrating and promoting resilience").check()
    search.fill("KS.1")
    page.get_by_label("The professional role of the manager").check()
    expect(page.locator("[data-picker-chosen] input:checked")).to_have_count(2)
    page.get_by_role("button", name="Save entry").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Resilience workshop")
    entry = LearningEntry.objects.get(owner=alice)
    assert sorted(s.code for s in entry.statements.all()) == ["KS.1", "SELF.4"]
