"""The portfolio at a glance: a timeline of everything, and evidence per capability,
including what other parts of Peerpath contribute through their timeline hook."""

import datetime
import re
import sys
import types
from decimal import Decimal

import pytest
from django.urls import reverse

from peerpath.lib.timeline import TimelineItem
from peerpath.portfolio.services import goal_save, learning_entry_save, plan_item_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def a_badge_from_elsewhere(monkeypatch, statement):
    """What the badges app will contribute: a badge evidencing Vision (VIS.1)."""
    vision = statement("VIS.1")
    module = types.ModuleType("peerpath.badges.portfolio")

    def timeline_items(user, start, end, *, limit=None, statements=None, evidence=False):
        when = datetime.date(2026, 7, 1)
        if not start <= when <= end or limit == 0:
            return []
        if statements is not None and vision.pk not in statements:
            return []
        return [TimelineItem(when, "Badge", "Thing 5: Vision", "/badges/5/", (vision.pk,))]

    module.timeline_items = timeline_items
    monkeypatch.setitem(sys.modules, "peerpath.badges.portfolio", module)
    return vision


def test_the_timeline_shows_goals_learning_plans_and_other_records_by_month(
    alice, client_for, a_year_of_learning, a_badge_from_elsewhere
):
    goal_save(owner=alice, title="Chair the partnership board", status="achieved")
    plan_item_create(owner=alice, action="Ask for a mentor")
    page = client_for(alice).get(reverse("portfolio:timeline")).content.decode()
    for expected in [
        "November 2026",
        "Goal set",
        "Goal achieved",
        "Ask for a mentor",
        "July 2026",
        "Thing 5: Vision",
        "Secondment to the partnership board",
        "December 2025",
    ]:
        assert expected in page, expected
    assert page.index("November 2026") < page.index("July 2026") < page.index("December 2025")


def test_the_timeline_period_can_be_narrowed(alice, client_for, a_year_of_learning):
    query = "?start_0=1&start_1=1&start_2=2026&end_0=31&end_1=3&end_2=2026"
    page = client_for(alice).get(reverse("portfolio:timeline") + query).content.decode()
    assert "Masterclass: leading change" in page
    assert "Managing budgets in a small service" not in page
    assert "Coaching conversation" not in page


def test_the_capability_view_gathers_everything_that_evidences_each_capability(
    alice, client_for, a_year_of_learning, a_badge_from_elsewhere, statement
):
    goal_save(
        owner=alice, title="Set the library's five-year vision", statements=[statement("VIS.1")]
    )
    plan_item_create(
        owner=alice, action="Write a vision with the team", statement=statement("VIS.1")
    )
    url = reverse("portfolio:capabilities") + "?framework=six-leadership-capabilities"
    page = client_for(alice).get(url).content.decode()
    vision = page[page.index("VIS.1") : page.index("VIS.2")]
    assert "Thing 5: Vision" in vision, "a badge from the badges app"
    assert "Set the library&#x27;s five-year vision" in vision
    assert "Write a vision with the team" in vision
    resilience = page[page.index("SELF.4") : page.index("SELF.5")]
    assert re.search(
        r'<li><a class="govuk-link" href="/portfolio/log/\d+/">Peer session on resilience</a>'
        r" \(Feb 2026, 1.5 h\) – self-claimed</li>",
        resilience,
    )
    assert "You have evidence for 8 of 22 items." in page
    inspiring = page[page.index("MOT.1") : page.index("MOT.2")]
    assert "Nothing yet" in inspiring
    welsh = client_for(alice)
    welsh.cookies["django_language"] = "cy"
    page = welsh.get(url).content.decode()
    resilience = page[page.index("SELF.4") : page.index("SELF.5")]
    assert "1.5 awr) – wedi&#x27;i hawlio gennych chi</li>" in resilience


def test_each_capability_lists_its_three_newest_entries_and_links_to_all_of_them(
    alice, bob, client_for, statement, shipped_frameworks
):
    vision = statement("VIS.1")
    for month in range(1, 6):
        learning_entry_save(
            owner=alice,
            title=f"Vision workshop {month}",
            kind="course",
            date=datetime.date(2026, month, 10),
            hours=Decimal("2"),
            reflection="",
            statements=[vision],
        )
    learning_entry_save(
        owner=bob,
        title="Bob's own vision day",
        kind="course",
        date=datetime.date(2026, 6, 1),
        reflection="",
        statements=[vision],
    )
    overview = reverse("portfolio:capabilities") + "?framework=six-leadership-capabilities"
    page = client_for(alice).get(overview).content.decode()
    cell = page[page.index("VIS.1") : page.index("VIS.2")]
    assert re.findall(r"Vision workshop (\d)", cell) == ["5", "4", "3"]
    detail = reverse("portfolio:capability", args=[vision.pk])
    assert f'<a class="govuk-link" href="{detail}">See all 5 entries for VIS.1</a>' in cell
    vision_text = vision.text.replace("'", "&#x27;")
    assert f'VIS.1</span> <a class="govuk-link" href="{detail}">{vision_text}</a>' in cell
    other = statement("VIS.2")
    assert f'href="{reverse("portfolio:capability", args=[other.pk])}"' in page, "every capability"
    assert "See all" not in page[page.index("VIS.2") :], "no link where nothing is left out"

    page = client_for(alice).get(detail).content.decode()
    assert re.findall(r"Vision workshop (\d)", page) == ["5", "4", "3", "2", "1"]
    assert "(Jan 2026, 2 h) – self-claimed</li>" in page
    assert "Bob&#x27;s own vision day" not in page
    theirs = client_for(bob).get(detail).content.decode()
    assert "Bob&#x27;s own vision day" in theirs and "Vision workshop" not in theirs
    welsh = client_for(alice)
    welsh.cookies["django_language"] = "cy"
    page = welsh.get(overview).content.decode()
    assert "Gweld pob un o'r 5 cofnod ar gyfer VIS.1</a>" in page


def test_a_capability_of_an_unpublished_or_replaced_framework_is_not_found(
    alice, client_for, statement, org, shipped_frameworks
):
    vision = statement("VIS.1")
    vision.framework.is_current = False
    vision.framework.save(update_fields=["is_current"])
    response = client_for(alice).get(reverse("portfolio:capability", args=[vision.pk]))
    assert response.status_code == 404
    assert client_for(alice).get("/portfolio/capabilities/999999/").status_code == 404


def test_the_capability_view_opens_on_the_framework_with_most_evidence(
    alice, client_for, a_year_of_learning
):
    page = client_for(alice).get(reverse("portfolio:capabilities")).content.decode()
    assert '<option value="six-leadership-capabilities" selected>' in page


def test_the_home_page_sums_up_the_last_year(alice, client_for, a_year_of_learning):
    home = client_for(alice).get(reverse("home")).content.decode()
    assert "8 learning activities in the last 12 months (56 hours)." in home
    portfolio = client_for(alice).get(reverse("portfolio:home")).content.decode()
    assert "In the last 12 months you recorded 8 learning activities, 56 hours in all." in portfolio


def test_recording_learning_from_a_capability_page_starts_with_that_capability(
    alice, client_for, statement
):
    vision = statement("VIS.1")
    page = client_for(alice).get(reverse("portfolio:capability", args=[vision.pk]))
    new_entry = reverse("portfolio:entry-new") + f"?statement={vision.pk}"
    assert f'href="{new_entry}">Record some learning</a>' in page.content.decode()
    form = client_for(alice).get(new_entry).content.decode()
    assert re.search(rf'name="statements" type="checkbox" value="{vision.pk}" checked', form)
    # An id that is not a capability anyone can pick is left out, not an error.
    form = client_for(alice).get(reverse("portfolio:entry-new") + "?statement=999999")
    assert form.status_code == 200
    assert 'name="statements" type="checkbox"' not in form.content.decode()
