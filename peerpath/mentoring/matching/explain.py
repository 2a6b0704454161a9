"""Explanations: what each pair's score is made of, and why anyone is left unmatched."""

import numpy as np

from .prepare import Prepared
from .problem import COMPONENTS, SCORE_SCALE
from .result import Component, Explanation, Pairing, Reason, Unmatched
from .rules import RULES, quantised_scores

ROW_CHUNK = 512
IDLE_PAIRS = 1 << 20  # pairs scored at once when explaining idle mentors
HAND_SCORED = "coordinator_score"


def pairings(
    prep: Prepared, mentor_of: np.ndarray, better: dict[int, list[int]]
) -> tuple[Pairing, ...]:
    """One Pairing per matched mentee (all mentees: `mentor_of` is global, -1 unmatched).

    Arrays become Python lists once (`tolist`), so building 20,000 pairings costs little
    more than the objects themselves."""
    p, model = prep.problem, prep.model
    i = np.flatnonzero(mentor_of >= 0)
    j = mentor_of[i]
    score = (quantised_scores(model, model.scores(i, j)) / SCORE_SCALE).tolist()
    full = (np.bincount(j, minlength=p.n_mentors) >= p.capacity)[j].tolist()
    pinned = (prep.pinned_to[i] >= 0).tolist()
    parts = _components(prep, i, j)
    return tuple(
        Pairing(
            mentee=mentee,
            mentor=mentor,
            score=score[k],
            explanation=Explanation(
                components=parts[k],
                pinned=pinned[k],
                mentor_full=full[k],
                higher_scoring_mentors=tuple(better.get(mentee, ())[:3]),
            ),
        )
        for k, (mentee, mentor) in enumerate(zip(i.tolist(), j.tolist(), strict=True))
    )


def _components(prep: Prepared, i: np.ndarray, j: np.ndarray) -> list[tuple[Component, ...]]:
    model = prep.model
    if prep.problem.pair_scores is not None:
        s = model.scores(i, j).tolist()
        return [(Component(HAND_SCORED, 1.0, x, x),) for x in s]
    points = model.contributions(i, j).tolist()
    values = model.numerators(i, j) / np.where(model.denominators[i] > 0, model.denominators[i], 1)
    weights = prep.problem.scheme.weights.as_array().tolist()
    # Pairs share most component values, and a Component is immutable: build each once.
    made: dict[tuple[int, float, float], Component] = {}

    def component(c: int, value: float, point: float) -> Component:
        key = (c, value, point)
        if key not in made:
            made[key] = Component(COMPONENTS[c], value, weights[c], point)
        return made[key]

    which = range(len(COMPONENTS))
    return [
        tuple(map(component, which, row, pts))
        for row, pts in zip(values.tolist(), points, strict=True)
    ]


def unmatched(prep: Prepared, mentor_of: np.ndarray) -> tuple[Unmatched, ...]:
    """Reasons for mentees without a mentor and mentors without any mentee."""
    p = prep.problem
    out = []
    lonely = np.flatnonzero(mentor_of < 0)
    has_room = np.bincount(mentor_of[mentor_of >= 0], minlength=p.n_mentors) < p.capacity
    for s in range(0, len(lonely), ROW_CHUNK):
        rows = lonely[s : s + ROW_CHUNK]
        scores = prep.model.dense_rows(rows)
        allowed = prep.rules.allowed_rows(rows, scores)
        good = allowed & (quantised_scores(prep.model, scores) >= prep.rules.floor)
        for k, i in enumerate(rows):
            if not allowed[k].any():
                blocked = _blocked_counts(prep, np.full(p.n_mentors, i), np.arange(p.n_mentors))
                out.append(Unmatched("mentee", int(i), Reason.NO_ELIGIBLE_PARTNER, blocked))
            elif not good[k].any():
                out.append(Unmatched("mentee", int(i), Reason.BELOW_FLOOR))
            else:
                assert not (good[k] & has_room).any(), "an eligible mentor had room"
                out.append(Unmatched("mentee", int(i), Reason.CAPACITY_EXHAUSTED))
    idle = np.setdiff1d(np.arange(p.n_mentors), mentor_of)
    everyone = np.arange(p.n_mentees)
    step = max(1, IDLE_PAIRS // p.n_mentees)
    for s in range(0, len(idle), step):
        batch = idle[s : s + step]
        i, j = np.tile(everyone, len(batch)), np.repeat(batch, p.n_mentees)
        allowed = prep.rules.allowed(i, j).reshape(len(batch), -1)
        q = quantised_scores(prep.model, prep.model.scores(i, j)).reshape(len(batch), -1)
        good = allowed & (q >= prep.rules.floor)
        for k, mentor in enumerate(batch.tolist()):
            if not allowed[k].any():
                blocked = _blocked_counts(prep, everyone, np.full(p.n_mentees, mentor))
                out.append(Unmatched("mentor", mentor, Reason.NO_ELIGIBLE_PARTNER, blocked))
            elif not good[k].any():
                out.append(Unmatched("mentor", mentor, Reason.BELOW_FLOOR))
            else:
                out.append(Unmatched("mentor", mentor, Reason.PARTNERS_MATCHED_ELSEWHERE))
    return tuple(out)


def _blocked_counts(prep: Prepared, i: np.ndarray, j: np.ndarray) -> dict[str, int]:
    blocked = prep.rules.blocked(i, j)
    return {rule: int(blocked[rule].sum()) for rule in RULES if blocked[rule].any()}
