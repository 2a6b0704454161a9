"""In a real browser: a coordinator runs a round like the libraries scheme's second round,
from applications to evaluation (22 applicants → 11 pairs)."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from peerpath.accounts.models import RoleLevel
from peerpath.mentoring import services
from peerpath.mentoring.models import Application, Cohort, Pairing
from tests.factories import TEST_PASSWORD, OrganisationFactory

from .factories import make_person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NATIONS = ["england", "wales", "northern-ireland"]
TOPICS = ["Capital projects", "Restructures", "Budgeting", "Working with elected members"]


def sign_in_as(page, user):
    page.goto("/accounts/sign-in/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/sign-in/" not in url)


def round_link(page, name):
    return page.get_by_role("navigation", name="This round").get_by_role("link", name=name)


def move_on(page, cohort_url, phase):
    page.goto(cohort_url)
    page.get_by_role("button", name=re.compile("Move to the next phase")).click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(phase)


def others_apply(cohort):
    """21 colleagues from other library services send their applications."""
    for n in range(21):
        role = "mentor" if n < 11 else "mentee"
        organisation = OrganisationFactory(nation=NATIONS[n % 3])
        application = Application(
            cohort=cohort,
            applicant=make_person(organisation=organisation, name=f"Applicant {n:02d}"),
            organisation=organisation,
            role=role,
            role_level=RoleLevel.HEAD_OF_SERVICE if role == "mentor" else RoleLevel.MIDDLE_MANAGER,
            emerging_leader=role == "mentee",
            nation=organisation.nation,
            topics=[TOPICS[n % 4], TOPICS[(n + 1) % 4]],
            goals="Grow as a leader.",
            confidence={"VIS": 2, "SELF": 3},
        )
        services.application_save(application=application, submit=True)


def alice_applies(page, org):
    page.get_by_role("link", name="Mentoring", exact=True).first.click()
    page.get_by_role("link", name="Apply Libraries peer mentoring").click()
    page.get_by_role("radio", name="Northfold Libraries").check()
    page.get_by_label("I would like a mentor").check()
    page.get_by_label("Middle manager").check()
    page.get_by_role("group", name="Are you an emerging leader?").get_by_text("Yes").click()
    page.get_by_label("Scotland").check()
    page.get_by_label("Budgeting").check()
    page.get_by_label("What you hope to get from it").fill("Confidence to lead a restructure.")
    for group in page.get_by_role("group").filter(has_text="An area to develop").all():
        group.get_by_text("Developing").click()
    page.get_by_role("button", name="Send application").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "This round is open to people working in England, Northern Ireland, Wales and Crown"
    )
    assert page.title().startswith("Error:")
    page.get_by_label("England").check()
    page.get_by_role("button", name="Send application").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("has been sent")


def test_a_coordinator_runs_a_round_from_applications_to_evaluation(
    page, browser, live_server, bob, alice, org, shipped_frameworks
):
    # The coordinator sets up the scheme and its round.
    sign_in_as(page, bob)
    page.get_by_role("link", name="Mentoring", exact=True).first.click()
    page.get_by_role("link", name="Start a scheme").click()
    page.get_by_role("radio", name="Northfold Libraries").check()
    page.get_by_label("Name of the scheme").fill("Libraries peer mentoring")
    page.get_by_label("Mentoring (a mentor and a mentee)").check()
    page.get_by_label("Summary").fill("Mentoring for heads of service and emerging leaders.")
    page.get_by_label("People from any organisation").check()
    page.get_by_label("Capabilities people rate their confidence in").select_option(
        label="Six leadership capabilities (version 1.0)"
    )
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_role("link", name="Add a round").click()
    page.get_by_label("Name of the round").fill("Second round")
    for nation in ["England", "Wales", "Northern Ireland", "Crown Dependencies"]:
        page.get_by_label(nation, exact=True).check()
    page.get_by_label("Lowest role level that may apply").select_option(label="Head of service")
    page.get_by_label("Emerging leaders below that level may apply").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Second round")
    cohort_url = page.url
    move_on(page, cohort_url, "Applications open")
    cohort = Cohort.objects.get(name="Second round")

    # 22 people apply: 21 colleagues elsewhere, and alice in the browser.
    others_apply(cohort)
    alice_page = browser.new_context(base_url=live_server.url).new_page()
    sign_in_as(alice_page, alice)
    alice_applies(alice_page, org)

    # The coordinator accepts them all at once, runs training and records attendance.
    page.goto(cohort_url)
    round_link(page, "Applications").click()
    expect(page.locator("caption")).to_have_text("22 applications")
    for box in page.get_by_role("checkbox").all():
        box.check()
    page.get_by_role("button", name="Accept the ticked applications").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("22 applications accepted")
    move_on(page, cohort_url, "Training")
    round_link(page, "Training").click()
    page.get_by_label("Title").fill("Mentoring skills")
    page.get_by_label("Date and time").fill("2026-03-02T10:00")
    page.get_by_role("button", name="Add the session").click()
    page.get_by_role("link", name=re.compile("Mentoring skills")).click()
    for box in page.get_by_role("checkbox").all():
        box.check()
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_role("table")).not_to_contain_text("No")

    # Matching: propose, read why, publish; everyone is told.
    move_on(page, cohort_url, "Matching")
    round_link(page, "Matching").click()
    page.get_by_role("button", name="Propose pairs").click()
    expect(page.locator("caption")).to_contain_text("11 draft pairs")
    expect(page.get_by_role("table")).to_contain_text("Topics in common")
    mail.outbox.clear()
    page.get_by_role("button", name="Publish the pairs").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("11 pairs are published")
    assert Pairing.objects.filter(cohort=cohort).count() == 11
    assert len([m for m in mail.outbox if m.subject.startswith("You have been paired")]) == 22
    move_on(page, cohort_url, "Pairs meeting")

    # alice and her mentor sign their agreement and record a session.
    pairing = Pairing.objects.get(mentee=alice)
    alice_page.goto(pairing.get_absolute_url())
    alice_page.get_by_role("link", name="Agree and sign").click()
    alice_page.get_by_label("How often you will meet").fill("Once a month")
    alice_page.get_by_label(re.compile("We will work reflectively")).check()
    alice_page.get_by_label(re.compile("safety, health and wellbeing")).check()
    alice_page.get_by_role("button", name="Save and sign").click()
    expect(alice_page.locator(".govuk-notification-banner")).to_contain_text("You have signed")
    mentor_page = browser.new_context(base_url=live_server.url).new_page()
    sign_in_as(mentor_page, pairing.mentor)
    mentor_page.goto(pairing.get_absolute_url())
    mentor_page.get_by_role("link", name="Agree and sign").click()
    mentor_page.get_by_role("button", name="Save and sign").click()
    expect(mentor_page.locator(".govuk-notification-banner")).to_contain_text("both signed")
    mentor_page.get_by_role("link", name="Log a session").click()
    mentor_page.get_by_label("Date").fill("2026-04-14")
    mentor_page.get_by_label("Start time").fill("10:00")
    mentor_page.get_by_label("Online").check()
    mentor_page.get_by_label("Displaying confidence in my own judgement").check()
    mentor_page.get_by_label("Actions agreed").fill("Draft the restructure timeline.")
    mentor_page.get_by_label("Private notes").fill("Talked about her manager.")
    mentor_page.get_by_role("button", name="Save the session").click()
    alice_page.goto(pairing.get_absolute_url())
    alice_page.get_by_role("link", name="14 Apr 2026, 10:00").click()
    alice_page.get_by_role("button", name="Confirm this session").click()
    expect(alice_page.locator(".govuk-notification-banner")).to_contain_text("learning logs")
    alice_page.get_by_role("link", name="Check in: how useful was it?").click()
    alice_page.get_by_label("5 – very useful").check()
    alice_page.get_by_role("button", name="Send").click()

    # Closing: alice's final review, with consent to publish her words.
    move_on(page, cohort_url, "Closing")
    alice_page.goto(pairing.get_absolute_url())
    alice_page.get_by_role("link", name="Write your final review").click()
    alice_page.get_by_role("group", name="Did you meet the goals you set?").get_by_text(
        "Yes", exact=True
    ).click()
    for group in alice_page.get_by_role("group").filter(has_text="An area to develop").all():
        group.get_by_text("Established").click()
    alice_page.get_by_label("A few words for others thinking of joining").fill(
        "I found my voice in budget meetings."
    )
    alice_page.get_by_label(re.compile("You may publish my words")).check()
    alice_page.get_by_role("button", name="Save my review").click()
    expect(alice_page.locator(".govuk-notification-banner")).to_contain_text("final review")

    # Evaluation: outcomes as evidence, with no private notes anywhere.
    move_on(page, cohort_url, "Evaluation")
    round_link(page, "Outcomes").click()
    outcomes = page.locator("main")
    expect(outcomes).to_contain_text("I found my voice in budget meetings.")
    expect(page.get_by_role("table")).to_contain_text("Vision")
    expect(outcomes).not_to_contain_text("Talked about her manager.")
    round_link(page, "Pair health").click()
    expect(page.locator("caption")).to_contain_text("11 pairs")
    expect(page.locator("main")).not_to_contain_text("Talked about her manager.")
