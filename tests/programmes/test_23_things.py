"""The 23 Things programme as shipped: all 23 activities, their rules and their source."""

import re

from django.core.management import call_command

from peerpath.programmes.models import Pathway, Programme
from peerpath.programmes.shipped import load_shipped_programmes
from peerpath.programmes.tools import KNOWN_TOOLS


def test_all_23_things_ship_in_order_with_their_word_minimums(twenty_three_things):
    activities = list(twenty_three_things.activities.order_by("position"))
    assert [a.code for a in activities] == [str(n) for n in range(1, 24)]
    minimums = {a.code: a.min_words for a in activities}
    assert minimums.pop("21") == minimums.pop("22") == 400
    assert set(minimums.values()) == {200}
    assert all(a.summary and a.steps and a.earns_badge for a in activities)


def test_things_1_to_4_are_recommended_first_but_nothing_is_locked(twenty_three_things, thing):
    first = twenty_three_things.activities.filter(recommended_first=True)
    assert sorted(first.values_list("code", flat=True)) == ["1", "2", "3", "4"]
    assert "any order" in twenty_three_things.start_with_note


def test_things_4_11_and_23_embed_the_360_plan_and_learning_log_tools(twenty_three_things):
    tools = dict(twenty_three_things.activities.exclude(tool="").values_list("code", "tool"))
    assert tools == {"4": "feedback-360", "11": "development-plan", "23": "learning-log"}
    assert set(tools.values()) <= set(KNOWN_TOOLS)


def test_every_thing_develops_capabilities_of_the_six_leadership_capabilities(
    twenty_three_things,
):
    for activity in twenty_three_things.activities.prefetch_related("statements__framework"):
        slugs = {s.framework.slug for s in activity.statements.all()}
        assert slugs == {"six-leadership-capabilities"}, activity.label
    assert (
        twenty_three_things.activities.get(code="5")
        .statements.filter(code__startswith="VIS.")
        .count()
        == 4
    )


def test_the_programme_credits_the_sssc_under_cc_by_and_says_it_was_changed(
    twenty_three_things,
):
    assert twenty_three_things.licence.startswith("Creative Commons Attribution 4.0")
    assert twenty_three_things.licence_url == "https://creativecommons.org/licenses/by/4.0/"
    assert twenty_three_things.attribution.startswith(
        "This is work based on 23 Things ELC Leadership in early learning and childcare "
        "services by the Scottish Social Services Council – https://23elcleadership.sssc.uk.com/"
    )
    assert "changed" in twenty_three_things.attribution
    assert "Changes made by Peerpath" in twenty_three_things.source_notes


def test_resource_links_point_only_at_addresses_the_source_gives(twenty_three_things):
    given = {"https://23elcleadership.sssc.uk.com/", "https://www.stepintoleadership.info/"}
    urls = {r["url"] for a in twenty_three_things.activities.all() for r in a.resources}
    assert urls == given


def test_loading_the_shipped_programmes_again_changes_nothing(twenty_three_things, capsys):
    before = list(twenty_three_things.activities.values_list("pk", "code", "position"))
    outcomes = load_shipped_programmes()
    assert [o.changed for o in outcomes] == [False] * len(outcomes)
    assert list(twenty_three_things.activities.values_list("pk", "code", "position")) == before
    call_command("load_programmes")
    assert re.findall(r"^(\w+):", capsys.readouterr().out, re.M) == ["unchanged"] * 5
    assert Programme.objects.count() == 1
    assert Pathway.objects.count() == 4
