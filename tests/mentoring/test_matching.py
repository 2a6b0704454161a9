"""The matching engine, tested as arrays in and pairings out (no database involved)."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings

from peerpath.mentoring.matching import (
    InvalidProblem,
    Method,
    Objective,
    PairScores,
    People,
    Problem,
    Reason,
    Scheme,
    Weights,
    match,
)
from peerpath.mentoring.matching.dense import solve_dense
from peerpath.mentoring.matching.prepare import prepare
from peerpath.mentoring.matching.problem import SCORE_SCALE

from .matching_problems import problems, total_weight

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def mentor_of(problem: Problem, result) -> np.ndarray:
    out = np.full(problem.n_mentees, -1)
    for p in result.pairings:
        out[p.mentee] = p.mentor
    return out


@FAST
@given(problems())
def test_optimal_total_equals_the_dense_optimum(problem):
    result = match(problem)
    prep = prepare(problem)
    dense = prep.pinned_to.copy()
    dense[prep.rows] = solve_dense(prep)
    assert total_weight(problem, mentor_of(problem, result)) == total_weight(problem, dense)


@FAST
@given(problems())
def test_capacity_rules_floor_and_pins_are_respected(problem):
    result = match(problem)
    prep = prepare(problem)
    mentees = np.array([p.mentee for p in result.pairings], dtype=np.int64)
    mentors = np.array([p.mentor for p in result.pairings], dtype=np.int64)
    assert len(set(mentees.tolist())) == len(mentees)
    assert (np.bincount(mentors, minlength=problem.n_mentors) <= problem.capacity).all()
    assert prep.rules.allowed(mentees, mentors).all()
    pinned = {tuple(p) for p in problem.pinned.tolist()}
    assert pinned <= set(zip(mentees.tolist(), mentors.tolist(), strict=True))
    floor = problem.scheme.score_floor
    assert all(p.score >= floor for p in result.pairings if not p.explanation.pinned)


@FAST
@given(problems())
def test_explanations_add_up_to_each_score(problem):
    for pairing in match(problem).pairings:
        points = sum(c.points for c in pairing.explanation.components)
        assert points == pytest.approx(pairing.score, abs=1 / SCORE_SCALE)


@FAST
@given(problems())
def test_every_unmatched_mentee_has_a_reason(problem):
    result = match(problem)
    placed = {p.mentee for p in result.pairings}
    reasons = {u.index: u.reason for u in result.unmatched if u.side == "mentee"}
    assert set(reasons) == set(range(problem.n_mentees)) - placed


@settings(max_examples=25, deadline=None)
@given(problems())
def test_the_same_input_gives_the_same_result(problem):
    assert match(problem) == match(problem)


@FAST
@given(problems(method=Method.STABLE))
def test_stable_matching_has_no_blocking_pair(problem):
    assert match(problem).blocking_pairs == 0


@settings(max_examples=30, deadline=None)
@given(problems())
def test_gathered_and_whole_row_scores_are_bit_identical(problem):
    prep = prepare(problem)
    rows = np.arange(problem.n_mentees)
    whole = prep.model.dense_rows(rows)
    i, j = np.meshgrid(rows, np.arange(problem.n_mentors), indexing="ij")
    gathered = prep.model.scores(i.ravel(), j.ravel()).reshape(whole.shape)
    assert np.array_equal(whole, gathered)
    allowed = prep.rules.allowed(i.ravel(), j.ravel()).reshape(whole.shape)
    assert np.array_equal(prep.rules.allowed_rows(rows, whole), allowed)


def people(n, organisation=None, level=None, topics=None):
    blank = People.blank(n, organisation)
    return People(
        organisation=blank.organisation,
        region=blank.region,
        level=np.asarray(level if level is not None else np.ones(n), dtype=np.int64),
        topics=np.asarray(topics if topics is not None else np.zeros((n, 0)), dtype=bool),
        capabilities=np.zeros((n, 0), dtype=np.int8),
        availability=np.zeros((n, 0), dtype=bool),
    )


def hand_scored(scores, objective=Objective.SCORE_FIRST, capacity=None, **kw):
    scores = np.asarray(scores, dtype=float)
    i, j = np.nonzero(~np.isnan(scores))
    n, m = scores.shape
    return Problem(
        scheme=Scheme(objective=objective, **kw),
        mentees=People.blank(n),
        mentors=People.blank(m, organisation=np.arange(n, n + m)),
        capacity=np.ones(m, dtype=int) if capacity is None else np.asarray(capacity),
        pair_scores=PairScores(i, j, scores[i, j]),
    )


def test_score_first_prefers_one_great_pair_to_two_modest_ones():
    # Mentee 0 scores 10 with mentor 0; mentee 1 can only use mentor 0 (score 1), and
    # mentee 0 with mentor 1 scores 1. Score first: 10 beats 1 + 1.
    problem = hand_scored([[10, 1], [1, np.nan]])
    result = match(problem)
    assert [(p.mentee, p.mentor) for p in result.pairings] == [(0, 0)]
    assert result.total_score == 10


def test_matched_first_places_everyone_it_can_before_counting_score():
    problem = hand_scored([[10, 1], [1, np.nan]], objective=Objective.MATCHED_FIRST)
    result = match(problem)
    assert sorted((p.mentee, p.mentor) for p in result.pairings) == [(0, 1), (1, 0)]
    assert result.matched == 2


def test_equal_totals_are_broken_by_matching_more_people():
    problem = hand_scored([[2, 1], [1, np.nan]])  # 2 alone, or 1 + 1: both total 2
    assert match(problem).matched == 2


def test_the_score_floor_leaves_a_poor_pair_unmade_and_says_why():
    problem = hand_scored([[0.5]], score_floor=1.0)
    result = match(problem)
    assert result.pairings == ()
    assert result.unmatched[0].reason == Reason.BELOW_FLOOR


def test_unmatched_mentee_reasons_name_the_rules_that_blocked_them():
    problem = Problem(
        scheme=Scheme(),
        mentees=people(2, organisation=[0, 1], level=[3, 1]),
        mentors=people(1, organisation=[0], level=[2]),
        capacity=np.array([1]),
    )
    result = match(problem)
    first = next(u for u in result.unmatched if u.index == 0 and u.side == "mentee")
    assert first.reason == Reason.NO_ELIGIBLE_PARTNER
    assert first.blocked_by == {"same_organisation": 1, "role_level": 1}


def test_a_mentee_loses_out_only_when_capacity_is_exhausted():
    problem = hand_scored([[5], [4]])
    result = match(problem)
    lost = next(u for u in result.unmatched if u.side == "mentee")
    assert (lost.index, lost.reason) == (1, Reason.CAPACITY_EXHAUSTED)


def test_a_peer_pool_never_pairs_someone_with_themselves():
    topics = np.eye(3, dtype=bool)
    pool = people(3, organisation=[0, 1, 2], topics=topics)
    problem = Problem(
        scheme=Scheme(weights=Weights(topics=1, capabilities=0, region=0, availability=0)),
        mentees=pool,
        mentors=pool,
        capacity=np.ones(3, dtype=int),
        peer_pool=True,
    )
    assert all(p.mentee != p.mentor for p in match(problem).pairings)


def test_optimal_mode_reports_blocking_pairs_that_stable_mode_avoids():
    # Mentor 0 ranks mentee 1 first; the optimum still gives it to mentee 0.
    problem = hand_scored([[10, 1], [9, np.nan]])
    assert match(problem).blocking_pairs == 1
    stable = hand_scored([[10, 1], [9, np.nan]], method=Method.STABLE)
    assert match(stable).blocking_pairs == 0


def test_a_pinned_pair_that_breaks_a_rule_is_an_input_error():
    problem = Problem(
        scheme=Scheme(),
        mentees=people(1, organisation=[0]),
        mentors=people(1, organisation=[0]),
        capacity=np.array([1]),
        pinned=np.array([[0, 0]]),
    )
    with pytest.raises(InvalidProblem, match=r"pinned\[0\]: .*same organisation"):
        match(problem)


def test_pins_beyond_a_mentors_capacity_are_an_input_error():
    problem = hand_scored([[1], [1]])
    problem = Problem(**{**problem.__dict__, "pinned": np.array([[0, 0], [1, 0]])})
    with pytest.raises(InvalidProblem, match="capacity 1"):
        match(problem)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"capacity": np.array([-1])}, "capacity"),
        ({"scheme": Scheme(weights=Weights(topics=float("nan")))}, "weights"),
        ({"pinned": np.array([[0, 5]])}, "out of range"),
    ],
)
def test_bad_arrays_are_rejected_with_a_clear_error(change, message):
    base = hand_scored([[1.0]])
    with pytest.raises(ValueError, match=message):
        Problem(**{**base.__dict__, **change})


def test_empty_pools_are_rejected():
    with pytest.raises(ValueError, match="at least one"):
        hand_scored(np.zeros((0, 1)))
