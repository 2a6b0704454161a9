"""Hypothesis strategies for small matching problems, and the objective the solvers share."""

import numpy as np
from hypothesis import strategies as st

from peerpath.mentoring.matching import Method, Objective, People, Problem, Scheme, Weights
from peerpath.mentoring.matching.flow import ObjectiveWeights
from peerpath.mentoring.matching.prepare import prepare
from peerpath.mentoring.matching.rules import Rules, quantised_scores
from peerpath.mentoring.matching.scoring import ScoreModel


def _people(rng: np.random.Generator, n: int, orgs: int, levels: int) -> People:
    return People(
        organisation=rng.integers(0, orgs, n),
        region=rng.integers(-1, 3, n),
        level=rng.integers(1, levels + 1, n),
        topics=rng.random((n, 5)) < 0.4,
        capabilities=rng.integers(0, 5, (n, 3)).astype(np.int8),
        availability=rng.random((n, 4)) < 0.5,
    )


def _valid_pins(problem: Problem, rng: np.random.Generator, tries: int) -> np.ndarray:
    rules = Rules(problem, ScoreModel(problem))
    room = problem.capacity.copy()
    pins, pinned = [], set()
    for _ in range(tries):
        i, j = int(rng.integers(problem.n_mentees)), int(rng.integers(problem.n_mentors))
        if i not in pinned and room[j] > 0 and rules.allowed(np.array([i]), np.array([j]))[0]:
            pins.append((i, j))
            pinned.add(i)
            room[j] -= 1
    return np.array(pins, dtype=np.int64).reshape(-1, 2)


@st.composite
def problems(draw, method: Method = Method.OPTIMAL, max_mentees: int = 9, max_mentors: int = 6):
    """Small random problems: every rule, pins, forbidden pairs, floors, both objectives."""
    n = draw(st.integers(1, max_mentees))
    m = draw(st.integers(1, max_mentors))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    weights = Weights(*(float(x) for x in rng.choice([0, 0.5, 1, 2, 3], 4)))
    scheme = Scheme(
        weights=weights,
        forbid_same_organisation=draw(st.booleans()),
        mentor_level_at_least_mentee=draw(st.booleans()),
        objective=draw(st.sampled_from(list(Objective))),
        method=method,
        score_floor=draw(st.sampled_from([0.0, 0.0, 1.0, 2.5])),
        seed=draw(st.integers(0, 3)),
    )
    forbidden = np.column_stack([rng.integers(0, n, n // 2), rng.integers(0, m, n // 2)])
    prefs = [(i, j, r) for i in range(n) for r, j in enumerate(rng.permutation(m)[:2])]
    problem = Problem(
        scheme=scheme,
        mentees=_people(rng, n, orgs=3, levels=3),
        mentors=_people(rng, m, orgs=3, levels=3),
        capacity=rng.integers(1, 4, m),
        forbidden=forbidden,
        mentee_preferences=np.array(prefs, dtype=np.int64).reshape(-1, 3),
    )
    pins = _valid_pins(problem, rng, tries=draw(st.integers(0, 3)))
    return Problem(**{**problem.__dict__, "pinned": pins})


def total_weight(problem: Problem, mentor_of: np.ndarray) -> int:
    """The objective both solvers maximise, over the mentees they placed."""
    prep = prepare(problem)
    weights = ObjectiveWeights.for_objective(
        problem.scheme.objective, len(prep.rows), prep.model.upper_bound
    )
    placed = mentor_of[prep.rows]
    ok = placed >= 0
    q = quantised_scores(prep.model, prep.model.scores(prep.rows[ok], placed[ok]))
    return int(weights.of(q).sum())
