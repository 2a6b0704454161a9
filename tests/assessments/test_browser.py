"""Self-evaluation and 360° feedback in a real browser (Debian's Chromium, CSP on)."""

import re

import pytest
from playwright.sync_api import expect

from peerpath.assessments.models import FeedbackRound, SelfEvaluation

from . import builders

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def choose(fieldset, label):
    """Click a radio's label, as a person does (GOV.UK radios draw over the input)."""
    fieldset.locator("label").get_by_text(label, exact=True).click()


def rate_every_statement(page, label):
    """Choose `label` for each statement on the page, then let the page save them."""
    for fieldset in page.locator("fieldset").all():
        choose(fieldset, label)
    expect(page.get_by_text(re.compile("were saved at"))).to_be_visible()


def test_start_rate_leave_come_back_finish_and_see_the_chart(
    browser, live_server, alice, shipped_frameworks
):
    def sign_in(context):
        tab = context.new_page()
        tab.set_default_timeout(10_000)
        tab.goto(f"{live_server.url}/accounts/sign-in/")
        tab.get_by_label("Email address").fill(alice.email)
        tab.get_by_label("Password").fill(builders_password())
        tab.get_by_role("button", name="Sign in").click()
        tab.wait_for_url(lambda url: "/sign-in/" not in url)
        return tab

    laptop = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = sign_in(laptop)
    page.get_by_role("link", name="Self-evaluation").first.click()
    page.get_by_role("link", name="CLD peer support self-evaluation").click()
    page.get_by_role("button", name="Start now").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Leadership")
    rate_every_statement(page, "Confident")
    page.get_by_label("How do I know? What evidence do I have?").fill(
        "I led the library service review and my team gave me feedback."
    )
    page.keyboard.press("Tab")  # leaving the box saves the draft, as it does for people
    expect(page.get_by_text(re.compile(r"words\. Saved at"))).to_be_visible()
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Strategic thinking")
    choose(page.get_by_role("group", name="Assess policy options effectively"), "Quite confident")
    expect(page.get_by_text(re.compile("were saved at"))).to_be_visible()
    page.get_by_role("button", name="Save and come back later").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Saved.")
    laptop.close()

    phone = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = sign_in(phone)
    page.goto("/self-evaluation/")
    page.get_by_role("link", name="CLD peer support self-evaluation").first.click()
    expect(page.get_by_text("You have finished 1 of 8 sections")).to_be_visible()
    page.get_by_role("button", name=re.compile("Carry on")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Strategic thinking")
    expect(
        page.get_by_role("group", name="Assess policy options effectively").get_by_label(
            "Quite confident"
        )
    ).to_be_checked()
    while page.get_by_role("button", name="Save and continue").count():
        rate_every_statement(page, "Very confident")
        page.get_by_role("button", name="Save and continue").click()
    rate_every_statement(page, "Very confident")
    page.get_by_role("button", name="Save and check").click()
    expect(page.get_by_text("Every statement has a rating.")).to_be_visible()
    page.get_by_role("button", name="Finish and see my results").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your self-evaluation results")
    chart = page.get_by_role("img", name="Average rating in each area")
    expect(chart).to_be_visible()
    assert chart.locator("rect[data-value]").count() == 8
    leadership = page.get_by_role("row", name=re.compile("^Leadership"))
    expect(leadership).to_contain_text("3")
    expect(page.get_by_role("heading", name="Strengths")).to_be_visible()
    phone.close()
    assert SelfEvaluation.objects.get(owner=alice).is_complete


def builders_password():
    from tests.factories import TEST_PASSWORD

    return TEST_PASSWORD


def test_a_chosen_rating_is_kept_without_pressing_a_button(
    page, sign_in, alice, shipped_frameworks
):
    evaluation = SelfEvaluation.objects.create(
        owner=alice, framework=shipped_frameworks["cld-peer-self-evaluation"]
    )
    sign_in(alice)
    page.goto(f"/self-evaluation/{evaluation.pk}/sections/COMM/")
    choose(page.get_by_role("group", name="Negotiate effectively"), "Less confident")
    expect(page.get_by_text(re.compile("were saved at"))).to_be_visible()
    page.reload()
    expect(
        page.get_by_role("group", name="Negotiate effectively").get_by_label("Less confident")
    ).to_be_checked()


def test_a_rater_answers_from_the_link_without_an_account(page, alice, shipped_frameworks):
    round = builders.feedback_round(alice, shipped_frameworks["six-leadership-capabilities"])
    _rater, token = builders.rater(round, group="peer")
    page.goto(f"/feedback/respond/{token}/")
    expect(page.get_by_text("only if at least 3 people in it reply")).to_be_visible()
    page.get_by_role("button", name="Start now").click()
    while page.get_by_role("button", name="Save and continue").count():
        rate_every_statement(page, "Established")
        page.get_by_role("button", name="Save and continue").click()
    rate_every_statement(page, "I cannot say")
    page.get_by_role("button", name="Save and check").click()
    expect(page.get_by_text("You have rated 19 of 22 statements.")).to_be_visible()
    page.get_by_label("Anything else you would like to say? (optional)").fill("Thank you, Alice.")
    page.get_by_role("button", name="Send my feedback").click()
    expect(page.get_by_role("heading", name="Feedback sent")).to_be_visible()
    page.goto(f"/feedback/respond/{token}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("You have already sent your feedback")
    assert FeedbackRound.objects.get().responses.get().is_submitted
