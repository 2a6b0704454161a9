"""Who prefers whom, as sortable integer keys (smaller is better).

A mentee ranks mentors by: their own ranked list first (in order), then exact score
(higher first), then a seeded random tie-break; mentors rank mentees the same way. Only
eligible pairs are acceptable. Both the stable method and the blocking-pair count use these
keys, so "stable" means the same thing in both.
"""

import numpy as np

from .problem import Problem

UNLISTED = (1 << 14) - 1
Q_BITS, TIE_BITS = 26, 21
NOT_ACCEPTABLE = np.iinfo(np.int64).max


def _rank_lookup(triples: np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray]:
    t = np.asarray(triples, dtype=np.int64).reshape(-1, 3)
    keys = t[:, 0] * width + t[:, 1]
    order = np.argsort(keys, kind="stable")
    keys, ranks = keys[order], t[order, 2]
    first = np.unique(keys, return_index=True)[1]  # a repeated entry keeps its best rank
    return keys[first], ranks[first]


class Preferences:
    def __init__(self, problem: Problem) -> None:
        n, m = problem.n_mentees, problem.n_mentors
        if max(n, m) >= 1 << TIE_BITS:
            raise ValueError("too many people for stable matching keys")
        self.n, self.m = n, m
        rng = np.random.default_rng(problem.scheme.seed)
        self.mentee_tie = rng.permutation(n).astype(np.int64)
        self.mentor_tie = rng.permutation(m).astype(np.int64)
        self.by_mentee = _rank_lookup(problem.mentee_preferences, m)
        self.by_mentor = _rank_lookup(problem.mentor_preferences, n)

    @staticmethod
    def _rank(lookup: tuple[np.ndarray, np.ndarray], keys: np.ndarray) -> np.ndarray:
        known, ranks = lookup
        if not len(known):
            return np.full(keys.shape, UNLISTED, dtype=np.int64)
        pos = np.searchsorted(known, keys).clip(max=len(known) - 1)
        return np.where(known[pos] == keys, np.minimum(ranks[pos], UNLISTED - 1), UNLISTED)

    def mentee_keys(self, i: np.ndarray, j: np.ndarray, q: np.ndarray) -> np.ndarray:
        """How mentee i ranks mentor j (broadcasts; q is the pair's quantised score)."""
        rank = self._rank(self.by_mentee, i * self.m + j)
        return self._key(rank, q, self.mentor_tie[j])

    def mentor_keys(self, i: np.ndarray, j: np.ndarray, q: np.ndarray) -> np.ndarray:
        """How mentor j ranks mentee i."""
        rank = self._rank(self.by_mentor, j * self.n + i)
        return self._key(rank, q, self.mentee_tie[i])

    @staticmethod
    def _key(rank: np.ndarray, q: np.ndarray, tie: np.ndarray) -> np.ndarray:
        q = np.clip(q, 0, (1 << Q_BITS) - 1)
        return (rank << (Q_BITS + TIE_BITS)) + ((((1 << Q_BITS) - 1) - q) << TIE_BITS) + tie
