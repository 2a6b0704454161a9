"""Journeys in a real browser: 23 Things for a participant, a masterclass for a coordinator."""

import datetime
import re

import pytest
import time_machine
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from peerpath.assessments.models import FeedbackRound
from peerpath.frameworks.models import Framework
from peerpath.portfolio.models import LearningEntry
from peerpath.programmes.models import Enrolment, Event, Programme
from tests.assessments.builders import feedback_round

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def reflection(n: int) -> str:
    sentence = "In my nursery I noticed how small acts of leadership change a child's day. "
    text = (sentence * (n // 14 + 1)).split()
    return " ".join(text[:n])


def write(page, text: str):
    """Type a statement and leave the box, as people do; wait until the draft is saved.

    (Waiting also keeps the draft's save and the hand-in from writing at the same moment:
    the test database, unlike a real one, refuses rather than queues the second writer.)
    """
    box = page.get_by_label(re.compile("Your reflective statement"))
    box.fill(text)
    box.blur()
    expect(page.locator(".pp-autosave-status")).to_contain_text("Saved at")


def hand_in(page, activity_link: str, text: str):
    page.get_by_role("link", name=re.compile(activity_link)).click()
    write(page, text)
    page.get_by_role("button", name="Hand in").click()


def test_a_participant_completes_things_1_to_4_and_11_and_earns_five_badges_that_verify(
    page, sign_in, alice, twenty_three_things
):
    sign_in(alice)
    page.get_by_role("link", name="Programmes", exact=True).click()
    page.get_by_role("link", name="23 Things ELC Leadership").click()
    expect(page.get_by_text("Things 1 to 4 give a good foundation")).to_be_visible()

    page.get_by_role("link", name=re.compile("Thing 1: Why is everyday leadership")).click()
    write(page, reflection(150))
    expect(page.get_by_text("150 words (at least 200 needed)")).to_be_visible()
    page.get_by_role("button", name="Hand in").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Your statement has 150 words. Write at least 200 words."
    )
    assert page.title().startswith("Error:")
    write(page, reflection(210))
    page.get_by_role("button", name="Hand in").click()
    expect(page.get_by_text("Thing 1 is done. It is now in your learning log.")).to_be_visible()

    for code, title in [
        ("2", "Leadership and management"),
        ("3", "What's my leadership style"),
    ]:
        page.get_by_role("link", name="23 Things ELC Leadership").first.click()
        hand_in(page, f"Thing {code}: {title}", reflection(200))
        expect(page.get_by_text(f"Thing {code} is done.")).to_be_visible()

    # Thing 4 completes with Peerpath's own 360° feedback: writing alone is not enough.
    page.get_by_role("link", name="23 Things ELC Leadership").first.click()
    page.get_by_role("link", name=re.compile("Thing 4: What do others say")).click()
    page.get_by_label("Your reflection (optional)").fill("My team were kinder than I was.")
    page.get_by_role("button", name="Hand in").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Use a 360° feedback round first")
    expect(page.get_by_role("link", name="Start a 360° feedback round")).to_be_visible()
    finished = feedback_round(alice, six_capabilities(), status=FeedbackRound.Status.CLOSED)
    page.goto(page.url)  # a fresh GET: reloading would send the refused form again
    expect(page.get_by_role("link", name=f"360° feedback report: {finished.title}")).to_be_visible()
    page.get_by_role("button", name="Hand in").click()
    expect(page.get_by_text("Thing 4 is done.")).to_be_visible()

    # Thing 11 completes once the development plan has an item, made here in the browser.
    page.get_by_role("link", name="23 Things ELC Leadership").first.click()
    page.get_by_role("link", name=re.compile("Thing 11: The six leadership capabilities")).click()
    page.get_by_role("link", name="Start your development plan").click()
    page.get_by_role("link", name="Add an item").click()
    action = "Ask my manager to shadow a budget meeting"
    page.get_by_label("What will you do?").fill(action)
    page.get_by_role("button", name=re.compile("^Save")).click()
    expect(page.get_by_role("cell", name=action)).to_be_visible()
    page.get_by_role("link", name="Programmes", exact=True).click()
    page.get_by_role("link", name="23 Things ELC Leadership").click()
    page.get_by_role("link", name=re.compile("Thing 11: The six leadership capabilities")).click()
    expect(page.get_by_role("link", name="Development plan with 1 item")).to_be_visible()
    page.get_by_role("button", name="Hand in").click()
    expect(page.get_by_text("Thing 11 is done.")).to_be_visible()

    page.get_by_role("link", name="23 Things ELC Leadership").first.click()
    expect(progress_row(page, "Done")).to_have_text("5")
    expect(progress_row(page, "Not started")).to_have_text("18")
    expect(progress_row(page, "Badges earned")).to_have_text(re.compile(r"^5\b"))
    assert (
        LearningEntry.objects.filter(owner=alice, source_key__startswith="programmes").count() == 5
    )

    page.get_by_role("link", name="see your badges").click()
    badges = page.get_by_role("heading", level=2, name=re.compile("^23 Things ELC Leadership"))
    expect(badges).to_have_count(5)
    jwt_link = page.get_by_role("link", name="credential (JWT)").first
    token = page.request.get(jwt_link.get_attribute("href")).text()
    page.goto("/badges/verify/")
    page.get_by_label("Paste the badge").fill(token)
    page.get_by_role("button", name="Check the badge").click()
    expect(page.get_by_text("This badge is genuine")).to_be_visible()


def six_capabilities() -> Framework:
    return Framework.objects.get(slug="six-leadership-capabilities", is_current=True)


def progress_row(page, key: str):
    row = page.locator("#your-progress .govuk-summary-list__row").filter(
        has=page.locator("dt", has_text=re.compile(f"^{key}$"))
    )
    return row.locator("dd")


def as_person(browser, live_server, user):
    """Another person's browser, signed in with a session as the sign-in form would make."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    return context.new_page()


def local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def test_a_coordinator_runs_a_masterclass_with_a_waiting_list_and_a_register(
    page, sign_in, browser, live_server, bob, alice, carol, shipped_frameworks
):
    starts = (timezone.now() + datetime.timedelta(hours=2)).replace(second=0, microsecond=0)
    sign_in(bob)
    page.goto("/programmes/")
    page.get_by_role("link", name="New programme for Northfold Libraries").click()
    page.get_by_label("Name", exact=True).fill("Leadership masterclasses 2027")
    page.get_by_label("Short name for web addresses").fill("masterclasses-2027")
    page.get_by_label("Events to attend to complete").fill("1")
    page.get_by_label(re.compile("Ask for a written reflection")).fill("0")
    page.get_by_role("button", name="Create the programme").click()
    expect(page.get_by_text("Created as a draft.")).to_be_visible()

    page.get_by_role("link", name="Add an event").click()
    page.get_by_label("Masterclass").check()
    page.get_by_label("Title", exact=True).fill("Leading through change")
    page.get_by_label("Starts", exact=True).fill(local(starts))
    page.get_by_label("Ends", exact=True).fill(local(starts + datetime.timedelta(hours=3)))
    page.get_by_label("Where", exact=True).fill("Northfold Central Library")
    page.get_by_label("Places", exact=True).fill("1")
    page.get_by_role("button", name="Save the event").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Leading through change")
    page.goto("/programmes/masterclasses-2027/manage/")
    page.get_by_label("Published").check()
    page.get_by_role("button", name="Save settings").click()
    expect(page.get_by_text("The programme's settings are saved.")).to_be_visible()

    event = Event.objects.get()
    for person, outcome in [(alice, "You have a place"), (carol, "on the waiting list")]:
        tab = as_person(browser, live_server, person)
        tab.goto(event.get_absolute_url())
        tab.get_by_role("button", name=re.compile("Sign up|Join the waiting list")).click()
        expect(tab.locator(".govuk-notification-banner")).to_contain_text(outcome)
        tab.context.close()

    with time_machine.travel(starts + datetime.timedelta(minutes=30), tick=True):
        page.goto(f"/programmes/masterclasses-2027/events/{event.pk}/attendance/")
        expect(page.get_by_role("table").first).to_contain_text("Alice Participant")
        page.get_by_label("Alice Participant").check()
        page.get_by_role("button", name="Save attendance").click()
        expect(page.get_by_text("Attendance saved: 1 of 1 attended.")).to_be_visible()
    assert Enrolment.objects.get(participant=alice).attended is True
    assert Enrolment.objects.get(participant=carol).status == Enrolment.Status.WAITLISTED
    programme = Programme.objects.get(slug="masterclasses-2027")
    assert programme.completions.get().participant == alice
