"""Hard rules: which pairs may be made at all. One definition, used by every solver.

A pair is *allowed* when no rule blocks it, and *eligible* when it is allowed and its
quantised score reaches the scheme's floor. Pinned pairs must be allowed (an input error
otherwise) but are exempt from the floor.
"""

import numpy as np

from .problem import Problem
from .scoring import ScoreModel, quantise

RULES = ("same_organisation", "role_level", "forbidden", "same_person", "not_scored")


class Rules:
    def __init__(self, problem: Problem, model: ScoreModel) -> None:
        self.problem, self.model = problem, model
        self.m = problem.n_mentors
        forbidden = np.asarray(problem.forbidden, dtype=np.int64).reshape(-1, 2)
        self.forbidden_keys = np.unique(forbidden[:, 0] * self.m + forbidden[:, 1])
        self.floor = int(quantise(problem.scheme.score_floor))

    def blocked(self, i: np.ndarray, j: np.ndarray) -> dict[str, np.ndarray]:
        """For each rule, which of the pairs (i[k], j[k]) it blocks."""
        p = self.problem
        i, j = np.asarray(i, dtype=np.int64), np.asarray(j, dtype=np.int64)
        none = np.zeros(len(i), dtype=bool)
        keys = i * self.m + j
        pos = np.searchsorted(self.forbidden_keys, keys).clip(max=len(self.forbidden_keys) - 1)
        return {
            "same_organisation": (p.mentees.organisation[i] == p.mentors.organisation[j])
            if p.scheme.forbid_same_organisation
            else none,
            "role_level": (p.mentors.level[j] < p.mentees.level[i])
            if p.scheme.mentor_level_at_least_mentee
            else none,
            "forbidden": (self.forbidden_keys[pos] == keys) if len(self.forbidden_keys) else none,
            "same_person": (i == j) if p.peer_pool else none,
            "not_scored": np.isnan(self.model.scores(i, j)) if p.pair_scores is not None else none,
        }

    def allowed(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        blocked = self.blocked(i, j)
        return ~np.logical_or.reduce(list(blocked.values()))

    def eligible(self, i: np.ndarray, j: np.ndarray, q: np.ndarray) -> np.ndarray:
        """Allowed pairs whose quantised score `q` reaches the floor."""
        return self.allowed(i, j) & (q >= self.floor)

    def allowed_rows(self, rows: np.ndarray, scores: np.ndarray) -> np.ndarray:
        """`allowed` for every mentor against the given mentees, given their exact scores."""
        p = self.problem
        rows = np.asarray(rows, dtype=np.int64)
        ok = ~np.isnan(scores)
        if p.scheme.forbid_same_organisation:
            ok &= p.mentees.organisation[rows, None] != p.mentors.organisation[None, :]
        if p.scheme.mentor_level_at_least_mentee:
            ok &= p.mentors.level[None, :] >= p.mentees.level[rows, None]
        if p.peer_pool:
            ok &= rows[:, None] != np.arange(self.m)[None, :]
        lo, hi = np.searchsorted(
            self.forbidden_keys, [rows.min() * self.m, (rows.max() + 1) * self.m]
        )
        keys = self.forbidden_keys[lo:hi]
        where = np.searchsorted(rows, keys // self.m)
        hit = (where < len(rows)) & (rows[where.clip(max=len(rows) - 1)] == keys // self.m)
        ok[where[hit], keys[hit] % self.m] = False
        return ok


def quantised_scores(model: ScoreModel, scores: np.ndarray) -> np.ndarray:
    """Quantised scores with -1 for unscored pairs (never eligible: the floor is >= 0)."""
    out = np.full(scores.shape, -1, dtype=np.int64)
    given = ~np.isnan(scores)
    out[given] = quantise(scores[given])
    return out
