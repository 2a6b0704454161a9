"""The anonymity rules as pure functions: which figures may be shown, and why."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerpath.assessments.anonymity import (
    Figure,
    Gap,
    average_of_shown,
    largest_gaps,
    statement_figures,
    visibility,
)

DEFAULTS = {"line-manager": 1, "peer": 3, "direct-report": 3, "other": 3}


@pytest.mark.parametrize(
    ("answers", "shown"),
    [(1, False), (2, False), (3, True), (4, True)],
)
def test_peers_are_shown_from_their_minimum_of_three(answers, shown):
    figures = statement_figures({"peer": [2] * answers}, DEFAULTS)
    assert figures.by_group["peer"].shown is shown
    assert figures.others.shown is shown


@pytest.mark.parametrize("answers", [1, 2, 3, 4])
def test_a_line_manager_is_shown_from_one_answer(answers):
    figures = statement_figures({"line-manager": [3] * answers}, DEFAULTS)
    assert figures.by_group["line-manager"] == Figure(3, answers)


def test_the_subtraction_attack_learns_nothing_about_two_withheld_peers():
    """Manager (shown alone) plus two peers: "everyone else" must not include the peers,
    or everyone-else minus the manager would give the peers' average away."""
    figures = statement_figures({"line-manager": [4], "peer": [1, 2]}, DEFAULTS)
    assert figures.by_group["line-manager"] == Figure(4, 1)
    assert not figures.by_group["peer"].shown
    assert figures.others == Figure(4, 1)
    assert not figures.others_include_everyone


def test_withheld_groups_pool_into_everyone_else_once_together_they_reach_the_minimum():
    figures = statement_figures(
        {"line-manager": [4], "peer": [1, 2], "direct-report": [3]}, DEFAULTS
    )
    assert not figures.by_group["peer"].shown and not figures.by_group["direct-report"].shown
    assert figures.others == Figure((4 + 1 + 2 + 3) / 4, 4)
    assert figures.others_include_everyone


def test_the_pool_must_reach_the_largest_minimum_among_its_groups():
    minimums = {**DEFAULTS, "other": 5}
    figures = statement_figures({"peer": [1, 2], "other": [4, 4]}, minimums)
    assert not figures.others.shown  # 4 answers, but "others" promised 5


def test_a_capability_figure_is_built_only_from_statement_figures_shown():
    shown = Figure(3.0, 3)
    assert average_of_shown([shown, Figure(), Figure(2.0, 4)]) == Figure(2.5, 2)
    assert not average_of_shown([Figure(), Figure()]).shown


def test_blind_spots_and_hidden_strengths_are_the_largest_gaps_of_half_a_level():
    gaps = [
        Gap("a", 4, 2.0),
        Gap("b", 3, 2.6),
        Gap("c", 2, 3.5),
        Gap("d", 3, 3.0),
        Gap("e", 4, 3.4),
    ]
    blind, hidden = largest_gaps(gaps)
    assert [g.key for g in blind] == ["a", "e"]
    assert [g.key for g in hidden] == ["c"]


groups = st.sampled_from(["line-manager", "peer", "direct-report", "other"])
answers = st.dictionaries(groups, st.lists(st.integers(1, 4), max_size=6), min_size=1)
minimums = st.fixed_dictionaries({g: st.integers(1, 5) for g in DEFAULTS})


@given(answers, minimums)
def test_no_figure_ever_rests_on_fewer_people_than_a_minimum(ratings, minimum):
    """Whatever the answers, each shown group has reached its minimum, and subtracting
    every shown group from "everyone else" leaves either nobody or at least as many
    people as the largest minimum among the groups left."""
    figures = statement_figures(ratings, minimum)
    shown = {g for g, f in figures.by_group.items() if f.shown}
    for group in shown:
        assert len(ratings[group]) >= minimum[group]
    left = figures.others.count - sum(len(ratings[g]) for g in shown)
    withheld = [g for g in ratings if g not in shown and ratings[g]]
    assert left == 0 or left >= max(minimum[g] for g in withheld)
    assert left != 1  # one withheld person is never exposed on their own


@given(st.dictionaries(groups, st.integers(0, 6)), minimums)
def test_visibility_counts_only_groups_that_answered(counts, minimum):
    rule = visibility(counts, minimum)
    assert rule.shown.isdisjoint(rule.withheld)
    assert all(counts[g] > 0 for g in rule.shown | rule.withheld)
