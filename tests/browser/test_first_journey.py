"""A first journey in a real browser: sign in, browse a framework, open a statement."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_participant_signs_in_and_browses_the_self_evaluation(
    page, sign_in, alice, shipped_frameworks
):
    sign_in(alice)
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, Alice")
    page.get_by_role("link", name="CLD peer support self-evaluation").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("CLD peer support self-evaluation")
    expect(page.get_by_role("heading", name="Rating scale: Confidence")).to_be_visible()
    page.get_by_role("link", name="Manage change effectively").click()
    expect(page).to_have_url(
        re.compile(r"/frameworks/cld-peer-self-evaluation/1\.0/items/LEAD\.2/$")
    )
    expect(page.get_by_role("heading", level=1)).to_contain_text("Manage change effectively")


def test_a_wrong_password_shows_an_error_summary_and_keeps_the_email(page, alice):
    page.goto("/accounts/sign-in/")
    page.get_by_label("Email address").fill("Alice@Example.org")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Enter a correct email address and password")
    expect(page.get_by_label("Email address")).to_have_value("Alice@Example.org")
    assert page.title().startswith("Error:")


def test_the_welsh_link_switches_the_interface_language(page):
    page.goto("/")
    page.get_by_role("link", name="Cymraeg").click()
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.get_by_role("link", name="Hafan")).to_be_visible()
