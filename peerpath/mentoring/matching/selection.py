"""Picking the best entries per row or per column of large arrays, fast.

NumPy's general tools are slow here: `lexsort` and `np.unique` take seconds on the
millions of candidate pairs a large match produces, and `argmax` along columns is ten
times slower than a maximum. These helpers use one sort of packed int64 keys instead.
"""

from itertools import pairwise

import numpy as np


def best_per_row(r: np.ndarray, value: np.ndarray, k: int) -> np.ndarray:
    """Indices of the k largest values for each row r (ties: lower index first).

    One stable sort of int64 keys (row, then the value's rank on a 2**31 grid) rather
    than a lexsort; values closer than the grid count as ties."""
    if not len(r):
        return np.zeros(0, dtype=np.int64)
    value = np.asarray(value, dtype=np.float64)
    lo, hi = value.min(), value.max()
    scale = (2**31 - 1) / (hi - lo) if hi > lo else 0.0
    rank = ((hi - value) * scale).astype(np.int64)  # 0 for the largest value
    order = np.argsort((np.asarray(r, dtype=np.int64) << 32) | rank, kind="stable")
    ranked = r[order]
    position = np.arange(len(order))
    starts = np.ones(len(order), dtype=bool)
    starts[1:] = ranked[1:] != ranked[:-1]
    first = np.maximum.accumulate(np.where(starts, position, 0))  # where each row begins
    return order[position - first < k]


def distinct(keys: np.ndarray) -> np.ndarray:
    """Sorted distinct keys (np.unique is many times slower on large int64 arrays)."""
    keys = np.sort(keys, kind="stable")  # merges already sorted runs in linear time
    keep = np.ones(len(keys), dtype=bool)
    keep[1:] = keys[1:] != keys[:-1]
    return keys[keep]


def split_at_multiples(r0: int, r1: int, size: int) -> list[tuple[int, int]]:
    """The range r0:r1 cut where it crosses a multiple of size, as (start, stop) pairs."""
    cuts = [r0, *range((r0 // size + 1) * size, r1, size), r1]
    return list(pairwise(cuts))


class ColumnBest:
    """Each column's best row over the rows seen since the last flush.

    Values at or below BARRED mean "not allowed" and never count as best."""

    BARRED = -1e6

    def __init__(self, m: int) -> None:
        self.value = np.full(m, -np.inf, dtype=np.float32)
        self.row = np.full(m, -1, dtype=np.int64)

    def update(self, x: np.ndarray, r0: int) -> None:
        """Take in x, the values of rows r0, r0 + 1, ... (one row per mentee)."""
        m = x.shape[1]
        top = x.max(axis=0)
        better = (top > self.value) & (top > self.BARRED)
        top[~better] = np.inf  # equal to nothing: only improved columns are looked up
        flat = np.flatnonzero(x == top)
        flat = flat[np.argsort(flat % m, kind="stable")]
        first = np.ones(len(flat), dtype=bool)  # of tied rows, the first
        first[1:] = flat[1:] % m != flat[:-1] % m
        cols = flat[first] % m
        self.value[cols] = top[cols]
        self.row[cols] = flat[first] // m + r0

    def flush(self) -> np.ndarray:
        """Keys (row * m + column) of the best entries found; then start afresh."""
        cols = np.flatnonzero(self.row >= 0)
        keys = self.row[cols] * len(self.row) + cols
        self.value[:] = -np.inf
        self.row[:] = -1
        return keys
