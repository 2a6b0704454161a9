"""Pair scores: exact (float64, identical on every path) and fast approximate (float32).

A pair's score is a weighted sum of four components, each in [0, 1]:

* topics: share of the mentee's wanted topics that the mentor offers;
* capabilities: the mentee's needs (0..4) met by the mentor's strengths (0..4), as a share
  of the most that those needs could be met;
* region: 1 when both give the same region;
* availability: share of the mentee's slots that the mentor also has.

Each component is a whole-number numerator over a per-mentee denominator, so the exact score
is `sum_k coef[i, k] * numerator_k(i, j)` evaluated in a fixed order. Gathering numerators for
a list of pairs and computing them for whole rows by matrix products give the same integers,
hence bit-identical scores: the sparse solver and the dense reference agree exactly.
"""

import numpy as np

from .problem import CAPABILITY_LEVELS, SCORE_SCALE, Problem

PAIR_CHUNK = 1 << 16
PENALTY = np.float32(1e30)  # finite, so 0 * PENALTY is 0 inside a matrix product


def quantise(score: np.ndarray) -> np.ndarray:
    """The integer score every solver optimises: the score in units of 2**-16."""
    return np.rint(np.asarray(score, dtype=np.float64) * SCORE_SCALE).astype(np.int64)


def _pack(bits: np.ndarray) -> np.ndarray:
    """Boolean rows as uint64 words, so overlaps are popcounts of ANDs."""
    n, width = bits.shape
    words = max(1, -(-width // 64))
    padded = np.zeros((n, words * 64), dtype=bool)
    padded[:, :width] = bits
    return np.packbits(padded, axis=1, bitorder="little").view(np.uint64)


def _share(weight: float, denominator: np.ndarray) -> np.ndarray:
    """weight / denominator, and 0 where the mentee gave nothing to share."""
    out = np.zeros(len(denominator))
    given = denominator > 0
    out[given] = weight / denominator[given]
    return out


class ScoreModel:
    """Precomputed per-problem arrays for scoring any set of pairs."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.n, self.m = problem.n_mentees, problem.n_mentors
        mentees, mentors = problem.mentees, problem.mentors
        w = problem.scheme.weights.as_array()
        needs = mentees.capabilities.astype(np.int64)
        self.coef = np.column_stack(
            [
                _share(w[0], mentees.topics.sum(1)),
                _share(w[1], CAPABILITY_LEVELS * needs.sum(1)),
                np.full(self.n, w[2]),
                _share(w[3], mentees.availability.sum(1)),
            ]
        )
        self.denominators = np.column_stack(
            [
                mentees.topics.sum(1),
                CAPABILITY_LEVELS * needs.sum(1),
                np.ones(self.n),
                mentees.availability.sum(1),
            ]
        ).astype(np.float64)
        self.topics = (_pack(mentees.topics), _pack(mentors.topics))
        self.slots = (_pack(mentees.availability), _pack(mentors.availability))
        self.caps = (mentees.capabilities.astype(np.int16), mentors.capabilities.astype(np.int16))
        self.region = (mentees.region, mentors.region)
        self.hand = problem.pair_scores
        if self.hand is not None:
            keys = self.hand.mentee.astype(np.int64) * self.m + self.hand.mentor
            order = np.argsort(keys, kind="stable")
            self.hand_keys, self.hand_scores = keys[order], self.hand.score[order]
        self.upper_bound = float(self.hand.score.max() if self.hand is not None else w.sum())

    # -- exact -----------------------------------------------------------------------------

    def numerators(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Whole-number numerators of the four components, shape (pairs, 4)."""
        out = np.empty((len(i), 4), dtype=np.float64)
        for s in range(0, len(i), PAIR_CHUNK):
            a, b = i[s : s + PAIR_CHUNK], j[s : s + PAIR_CHUNK]
            out[s : s + len(a), 0] = np.bitwise_count(self.topics[0][a] & self.topics[1][b]).sum(1)
            cap = (self.caps[0][a].astype(np.int32) * self.caps[1][b]).sum(1)
            out[s : s + len(a), 1] = cap
            out[s : s + len(a), 2] = (self.region[0][a] == self.region[1][b]) & (
                self.region[0][a] >= 0
            )
            out[s : s + len(a), 3] = np.bitwise_count(self.slots[0][a] & self.slots[1][b]).sum(1)
        return out

    def contributions(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Weighted component scores, shape (pairs, 4); their row sums are `scores`."""
        return self.coef[i] * self.numerators(i, j)

    def scores(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Exact float64 scores; NaN for pairs a coordinator did not score."""
        i, j = np.asarray(i, dtype=np.int64), np.asarray(j, dtype=np.int64)
        if self.hand is not None:
            return self._hand_scores(i * self.m + j)
        c = self.contributions(i, j)
        return ((c[:, 0] + c[:, 1]) + c[:, 2]) + c[:, 3]

    def _hand_scores(self, keys: np.ndarray) -> np.ndarray:
        pos = np.searchsorted(self.hand_keys, keys).clip(max=len(self.hand_keys) - 1)
        found = self.hand_keys[pos] == keys
        return np.where(found, self.hand_scores[pos], np.nan)

    def dense_rows(self, rows: np.ndarray) -> np.ndarray:
        """Exact scores of the given mentees against every mentor (NaN: not scored)."""
        rows = np.asarray(rows, dtype=np.int64)
        if self.hand is not None:
            keys = rows[:, None] * self.m + np.arange(self.m)[None, :]
            return self._hand_scores(keys.ravel()).reshape(len(rows), self.m)
        p = self.problem
        cols = []
        for people in (p.mentees, p.mentors):
            onehot = people.region[:, None] == np.arange(people.region.max(initial=-1) + 1)
            cols.append(onehot)
        regions = max(cols[0].shape[1], cols[1].shape[1])
        reg_a = np.zeros((len(rows), regions))
        reg_a[:, : cols[0].shape[1]] = cols[0][rows]
        reg_b = np.zeros((self.m, regions))
        reg_b[:, : cols[1].shape[1]] = cols[1]
        nums = (
            p.mentees.topics[rows].astype(np.float64) @ p.mentors.topics.T.astype(np.float64),
            p.mentees.capabilities[rows].astype(np.float64)
            @ p.mentors.capabilities.T.astype(np.float64),
            reg_a @ reg_b.T,
            p.mentees.availability[rows].astype(np.float64)
            @ p.mentors.availability.T.astype(np.float64),
        )
        coef = self.coef[rows]
        c = [coef[:, k : k + 1] * nums[k] for k in range(4)]
        return ((c[0] + c[1]) + c[2]) + c[3]

    # -- approximate -----------------------------------------------------------------------

    def features(self) -> tuple[np.ndarray, np.ndarray]:
        """float32 matrices F, G with F @ G.T close to the score (within ~1e-5 relative), and
        about -1e30 where the role-level rule bars the pair. Only a pre-filter: every
        decision is confirmed with exact scores. (The same-organisation rule is left to the
        caller: a block of columns per organisation is cheaper than a column per one.)"""
        p = self.problem
        regions = int(max(p.mentees.region.max(initial=-1), p.mentors.region.max(initial=-1))) + 1
        left = [
            self.coef[:, 0:1] * p.mentees.topics,
            self.coef[:, 1:2] * p.mentees.capabilities,
            self.coef[:, 2:3] * (p.mentees.region[:, None] == np.arange(regions)),
            self.coef[:, 3:4] * p.mentees.availability,
        ]
        right = [
            p.mentors.topics,
            p.mentors.capabilities,
            p.mentors.region[:, None] == np.arange(regions),
            p.mentors.availability,
        ]
        if p.scheme.mentor_level_at_least_mentee:
            levels = np.unique(np.concatenate([p.mentees.level, p.mentors.level]))
            rank_a = np.searchsorted(levels, p.mentees.level)
            rank_b = np.searchsorted(levels, p.mentors.level)
            left.append(-PENALTY * (rank_a[:, None] == np.arange(len(levels))))
            right.append(rank_b[:, None] < np.arange(len(levels)))
        f = np.hstack([np.asarray(x, dtype=np.float32) for x in left])
        g = np.hstack([np.asarray(x, dtype=np.float32) for x in right])
        return f, g
