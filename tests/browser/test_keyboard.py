"""The main journeys with the keyboard alone: sign in, log a learning entry, rate a
self-evaluation, answer a 360° invitation, log a mentoring session. Tab to move, type,
Space and arrows to choose, Enter to press. If any control cannot be reached or used this
way, these fail.
"""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from peerpath.assessments.models import FeedbackRound, SelfEvaluation
from peerpath.portfolio.models import LearningEntry
from tests.assessments import builders
from tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def tab_to(page, locator, limit=200):
    """Press Tab until `locator` has the focus, as a keyboard user would."""
    handle = locator.element_handle()
    for _ in range(limit):
        if page.evaluate("(el) => document.activeElement === el", handle):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"could not reach {locator} with the Tab key")


def tab_and_type(page, locator, text):
    tab_to(page, locator)
    page.keyboard.type(text)


def tab_and_press(page, locator, key="Enter"):
    tab_to(page, locator)
    page.keyboard.press(key)


def sign_in_by_keyboard(page, user):
    page.goto("/accounts/sign-in/")
    tab_and_type(page, page.get_by_label("Email address"), user.email)
    tab_and_type(page, page.get_by_label("Password"), TEST_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/sign-in/" not in url)


def choose_in_each_group(page, steps_down: int):
    """In every radio group on the page: Tab in, Space to pick the first, arrows to move."""
    for group in page.locator("fieldset").all():
        first = group.locator("input[type=radio]").first
        tab_to(page, first)
        page.keyboard.press("Space")
        for _ in range(steps_down):
            page.keyboard.press("ArrowDown")


def test_signing_in_with_the_keyboard(page, alice):
    page.goto("/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    sign_in_by_keyboard(page, alice)
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, Alice")


def test_logging_a_learning_entry_with_the_keyboard(page, alice, shipped_frameworks):
    sign_in_by_keyboard(page, alice)
    page.goto("/portfolio/log/new/")
    tab_and_type(page, page.get_by_label("What did you do?"), "Read a book on coaching")
    tab_and_type(page, page.get_by_label("Type of learning"), "Reading")
    tab_and_type(page, page.get_by_label("Day"), "12")
    tab_and_type(page, page.get_by_label("Month"), "10")
    tab_and_type(page, page.get_by_label("Year"), "2026")
    tab_and_type(page, page.get_by_label("What did you learn?"), "Ask before telling.")
    tab_and_press(page, page.get_by_role("button", name="Save entry"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Read a book on coaching")
    entry = LearningEntry.objects.get(owner=alice)
    assert (entry.kind, str(entry.date)) == ("reading", "2026-10-12")


def test_enter_in_a_learning_entrys_box_saves_it(page, alice, shipped_frameworks):
    # The capability picker's Search button once caught Enter, so nothing happened.
    sign_in_by_keyboard(page, alice)
    page.goto("/portfolio/log/new/")
    page.get_by_label("Type of learning").select_option("reading")
    page.get_by_label("Day").fill("12")
    page.get_by_label("Month").fill("10")
    page.get_by_label("Year").fill("2026")
    page.get_by_label("What did you learn?").fill("Ask before telling.")
    page.get_by_label("What did you do?").fill("Read a book on coaching")
    page.get_by_label("What did you do?").press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Read a book on coaching")
    assert LearningEntry.objects.filter(owner=alice).count() == 1


def test_rating_a_self_evaluation_section_with_the_keyboard(page, alice, shipped_frameworks):
    sign_in_by_keyboard(page, alice)
    page.goto("/self-evaluation/start/cld-peer-self-evaluation/")
    tab_and_press(page, page.get_by_role("button", name="Start now"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Leadership")
    choose_in_each_group(page, steps_down=2)  # Less confident → Quite confident → Confident
    tab_and_press(page, page.get_by_role("button", name="Save and continue"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Strategic thinking")
    evaluation = SelfEvaluation.objects.get(owner=alice)
    assert evaluation.ratings.count() == 8
    assert set(evaluation.ratings.values_list("level__label", flat=True)) == {"Confident"}


def test_answering_a_360_invitation_with_the_keyboard(page, alice, shipped_frameworks):
    round = builders.feedback_round(alice, shipped_frameworks["six-leadership-capabilities"])
    _rater, token = builders.rater(round, group="peer")
    page.goto(f"/feedback/respond/{token}/")
    with page.expect_navigation():
        tab_and_press(page, page.get_by_role("button", name="Start now"))
    while page.get_by_role("button", name="Save and continue").count():
        choose_in_each_group(page, steps_down=3)
        with page.expect_navigation():
            tab_and_press(page, page.get_by_role("button", name="Save and continue"))
    choose_in_each_group(page, steps_down=3)
    tab_and_press(page, page.get_by_role("button", name="Save and check"))
    expect(page.get_by_text(re.compile(r"You have rated \d+ of 22 statements"))).to_be_visible()
    tab_and_press(page, page.get_by_role("button", name="Send my feedback"))
    expect(page.get_by_role("heading", name="Feedback sent")).to_be_visible()
    assert FeedbackRound.objects.get().responses.get().is_submitted


def test_logging_a_mentoring_session_with_the_keyboard(page, alice, bob, org, shipped_frameworks):
    from peerpath.mentoring.models import Session
    from tests.mentoring.factories import make_cohort, make_pair_in, make_scheme

    scheme = make_scheme(
        org,
        bob,
        kind="peer-support",
        name="CLD peer support",
        forbid_same_organisation=False,
        evaluation_framework=shipped_frameworks["cld-peer-self-evaluation"],
    )
    cohort = make_cohort(scheme, name="2026", phase="active", training_required=False)
    pairing = make_pair_in(cohort, alice)
    sign_in_by_keyboard(page, alice)
    page.goto(pairing.get_absolute_url())
    tab_and_press(page, page.get_by_role("link", name="Log a session"))
    page.wait_for_url(re.compile("/sessions/new/"))
    tab_to(page, page.get_by_label("Date"))
    # 3 March: the same keys whether this browser's date field puts the day or month first.
    page.keyboard.type("03032026")
    tab_to(page, page.get_by_label("Start time"))
    page.keyboard.type("1400")
    tab_and_type(page, page.get_by_label("Length in minutes"), "90")
    tab_and_press(page, page.get_by_label("Online"), "ArrowUp")  # the default; up to "In person"
    theme = page.get_by_label("Displaying confidence in my own judgement")
    tab_and_press(page, theme, "Space")
    tab_and_type(page, page.get_by_label("What evidence do I have?"), "Feedback from my team.")
    tab_and_type(page, page.get_by_label("Private notes"), "Talk to Sam about the rota.")
    tab_and_press(page, page.get_by_role("button", name="Save the session"))
    expect(page.locator(".govuk-notification-banner")).to_contain_text("saved")
    session = Session.objects.get(pairing=pairing)
    assert (session.duration_minutes, session.format) == (90, "in-person")
    assert [theme.text for theme in session.themes.all()] == [
        "Displaying confidence in my own judgement"
    ]
    assert timezone.localtime(session.starts_at).strftime("%Y-%m-%d %H:%M") == "2026-03-03 14:00"
