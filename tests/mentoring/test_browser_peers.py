"""In a real browser: two CLD peers choose each other, agree, and log dated themed sessions."""

import re

import pytest
from playwright.sync_api import expect

from peerpath.mentoring.models import Pairing
from peerpath.portfolio.models import LearningEntry

from .factories import make_application, make_person
from .test_browser_round import sign_in_as

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def agree_and_sign(page, pairing, *, first: bool):
    page.goto(pairing.get_absolute_url())
    page.get_by_role("link", name="Agree and sign").click()
    if first:
        page.get_by_label("How often you will meet").fill("Every four weeks, more if needed")
        page.get_by_label(re.compile("We will work reflectively")).check()
        page.get_by_label(re.compile("safety, health and wellbeing")).check()
    page.get_by_role("button", name="Save and sign").click()


def log_session(page, pairing, date, themes, note):
    page.goto(pairing.get_absolute_url())
    page.get_by_role("link", name="Log a session").click()
    page.get_by_label("Date").fill(date)
    page.get_by_label("Start time").fill("14:00")
    page.get_by_label("Length in minutes").fill("90")
    page.get_by_label("In person").check()
    for theme in themes:
        page.get_by_label(theme).check()
    page.get_by_label("What evidence do I have?").fill("Feedback from my team.")
    page.get_by_label("Private notes").fill(note)
    page.get_by_role("button", name="Save the session").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("saved")


def test_two_peers_choose_each_other_and_log_dated_themed_sessions(
    page, browser, live_server, alice, peer_cohort, shipped_frameworks
):
    peer_cohort.rolling_applications = peer_cohort.auto_accept = True
    peer_cohort.save()
    lowri = make_person(name="Lowri Morgan", email="lowri@example.org")
    make_application(peer_cohort, "peer", user=lowri)

    # alice applies (accepted at once) and invites Lowri from another authority.
    sign_in_as(page, alice)
    page.goto(f"/mentoring/rounds/{peer_cohort.pk}/apply/")
    page.get_by_label("Northfold Libraries").check()
    page.get_by_label("Middle manager").check()
    page.get_by_label("England").check()
    page.get_by_label("What you hope to get from it").fill("Support and challenge from a peer.")
    for group in page.get_by_role("group").filter(has_text="Less confident").all():
        group.get_by_text("Quite confident").click()
    page.get_by_role("button", name="Send application").click()
    expect(page.locator("main")).to_contain_text("Accepted")
    page.get_by_role("link", name="Invite a peer you choose").click()
    page.get_by_label("Email address of the peer").fill("Lowri@Example.org")
    page.get_by_label("A message to them").fill("Would you be my peer this year?")
    page.get_by_role("button", name="Send invitation").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("invited Lowri Morgan")

    # Lowri sees the invitation on her mentoring page and accepts.
    lowri_page = browser.new_context(base_url=live_server.url).new_page()
    sign_in_as(lowri_page, lowri)
    lowri_page.goto("/mentoring/")
    lowri_page.get_by_role("link", name=re.compile("would like you as their peer")).click()
    expect(lowri_page.locator(".govuk-inset-text")).to_have_text("Would you be my peer this year?")
    lowri_page.get_by_label("Yes, let's pair up").check()
    lowri_page.get_by_role("button", name="Send answer").click()
    expect(lowri_page.get_by_role("heading", level=1)).to_have_text("You and Alice Participant")
    pairing = Pairing.objects.get()

    agree_and_sign(page, pairing, first=True)
    agree_and_sign(lowri_page, pairing, first=False)
    expect(lowri_page.locator(".govuk-notification-banner")).to_contain_text("both signed")

    # Two sessions on themes they agreed, each dated; each confirmed by the other.
    log_session(
        lowri_page,
        pairing,
        "2026-02-10",
        ["Displaying confidence in my own judgement"],
        "Lowri's private worry about funding.",
    )
    log_session(
        page,
        pairing,
        "2026-03-10",
        ["Influencing others positively and effectively"],
        "Alice's note on her manager.",
    )
    for confirmer, date in [(page, "10 Feb 2026, 14:00"), (lowri_page, "10 Mar 2026, 14:00")]:
        confirmer.goto(pairing.get_absolute_url())
        confirmer.get_by_role("link", name=date).click()
        confirmer.get_by_role("button", name="Confirm this session").click()
        expect(confirmer.locator(".govuk-notification-banner")).to_contain_text("learning logs")

    page.goto(pairing.get_absolute_url())
    sessions = page.get_by_role("table")
    expect(sessions).to_contain_text("10 Feb 2026, 14:00")
    expect(sessions).to_contain_text("Displaying confidence in my own judgement")
    expect(sessions).to_contain_text("Influencing others positively and effectively")
    for person in (alice, lowri):
        assert LearningEntry.objects.filter(owner=person, kind="peer-session").count() == 2
