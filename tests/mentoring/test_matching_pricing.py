"""The exact solver's pricing, on pools large enough for its shortcuts to matter.

The hypothesis problems in test_matching.py are small enough that the first flow is
usually optimal; these pools make the pricer rescan rows and columns, rebuild its near
list and cap crowded mentees, and the result must still be the dense optimum.
"""

import numpy as np
import pytest

from peerpath.mentoring.matching import Objective, People, Problem, Scheme, Weights, match, pricing
from peerpath.mentoring.matching.dense import solve_dense
from peerpath.mentoring.matching.prepare import prepare

from .matching_problems import total_weight


def pool(seed: int, objective: Objective, floor: float = 0.0, peers: bool = False) -> Problem:
    """Mentees and mentors with popular topics, a few organisations and tight supply."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(120, 260))
    m = n if peers else int(rng.integers(n // 3, n // 2 + 20))
    popular = rng.random(8)

    def people(size: int) -> People:
        return People(
            organisation=rng.integers(0, 5, size),
            region=rng.integers(-1, 4, size),
            level=rng.integers(1, 4, size),
            topics=rng.random((size, 8)) < popular,
            capabilities=rng.integers(0, 5, (size, 4)).astype(np.int8),
            availability=rng.random((size, 6)) < 0.4,
        )

    mentees = people(n)
    return Problem(
        scheme=Scheme(
            weights=Weights(topics=2.0, capabilities=1.0, region=0.5, availability=1.0),
            objective=objective,
            score_floor=floor,
        ),
        mentees=mentees,
        mentors=mentees if peers else people(m),
        capacity=rng.integers(1, 4, m),
        forbidden=np.column_stack([rng.integers(0, n, n // 10), rng.integers(0, m, n // 10)]),
        peer_pool=peers,
    )


def assert_dense_optimum(problem: Problem) -> None:
    result = match(problem, blocking_pairs=False)
    assert result.certificate.holds
    ours = np.full(problem.n_mentees, -1)
    for p in result.pairings:
        ours[p.mentee] = p.mentor
    prep = prepare(problem)
    dense = prep.pinned_to.copy()
    dense[prep.rows] = solve_dense(prep)
    assert total_weight(problem, ours) == total_weight(problem, dense)


CASES = [
    (seed, objective, floor, peers)
    for seed, (objective, floor, peers) in enumerate(
        [
            (Objective.SCORE_FIRST, 0.0, False),
            (Objective.MATCHED_FIRST, 0.0, False),
            (Objective.SCORE_FIRST, 2.0, False),
            (Objective.SCORE_FIRST, 0.0, True),
            (Objective.MATCHED_FIRST, 1.0, True),
        ]
    )
]


@pytest.mark.parametrize(("seed", "objective", "floor", "peers"), CASES)
def test_larger_pools_reach_the_dense_optimum(seed, objective, floor, peers):
    assert_dense_optimum(pool(seed, objective, floor, peers))


@pytest.mark.parametrize(("seed", "objective", "floor", "peers"), CASES)
def test_the_optimum_survives_a_pricer_that_must_rescan_and_cap(
    monkeypatch, seed, objective, floor, peers
):
    # Tiny shortlists and reserves: prices fall past their references on most passes,
    # crowded mentees are capped, and the near list is rebuilt in small chunks.
    for name, value in {
        "SHORTLIST": 2,
        "MENTOR_GROUPS": 1,
        "RESERVE": 0.5,
        "EXAMINE_WITHIN": 0.3,
        "ADMIT_WITHIN": 0.2,
        "ADD_PER_MENTEE": 2,
        "ROW_CAP": 3,
        "KEEP_PER_MENTEE": 1,
        "CHUNK_CELLS": 1000,
        "REBUILD_SHARE": 0.5,
    }.items():
        monkeypatch.setattr(pricing, name, value)
    monkeypatch.setattr("peerpath.mentoring.matching.optimal.MAX_PASSES", 5000)
    assert_dense_optimum(pool(seed, objective, floor, peers))
