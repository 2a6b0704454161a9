"""Pricing: find the pairs whose weight exceeds their dual prices, rescoring little.

Every pair is either *unknown*, and covered by a bound kept per (mentee, block of 128
mentors), or *known*: found ineligible, shortlisted (an arc of the flow), or watched
(eligible, seen but not shortlisted; its exact weight is stored and re-checked on every
pass, which costs nothing). A bitset records the known pairs.

The bound for a (mentee, block) cell is the largest approximate slack (score minus prices)
of its unknown pairs when last scanned, with the pass it was scanned at. Slack can only grow
by the mentee's price fall plus the block's largest mentor price fall since then, so a
cell is rescanned only if that could lift it above the safety margin. Prices settle
quickly, so after the first pass or two only a small fraction of pairs is rescored.
"""

from typing import TYPE_CHECKING

import numpy as np

from .flow import Prices
from .problem import Objective

if TYPE_CHECKING:
    from .optimal import OptimalSolver

ROW_CHUNK = 1024
BLOCK = 128  # a multiple of 8, so blocks start on bitset bytes
SHORTLIST = 16
SAMPLE = 1024
ADD_PER_MENTEE = 20
KEEP_PER_MENTEE = 8


def best_per_row(r: np.ndarray, value: np.ndarray, k: int) -> np.ndarray:
    """Indices of the k largest values for each row r (ties: lower index first)."""
    order = np.argsort(-value, kind="stable")  # two stable sorts beat one lexsort here
    order = order[np.argsort(r[order], kind="stable")]
    ranked = r[order]
    rank = np.arange(len(order)) - np.searchsorted(ranked, ranked)
    return order[rank < k]


class Pricer:
    def __init__(self, solver: "OptimalSolver") -> None:
        self.s = solver
        n, m = solver.n, solver.m
        f, g = solver.model.features()
        self.left = np.hstack([f[solver.rows], np.zeros((n, 2), np.float32)])
        self.right = np.hstack([g[solver.cols], np.zeros((m, 2), np.float32)])
        self.left[:, -1] = 1.0
        self.right[:, -2] = 1.0
        # Score-first prices are on the score's scale and fold into the float32 product;
        # matched-first prices carry a large per-pair constant, so subtract in float64.
        self.fold_prices = solver.problem.scheme.objective == Objective.SCORE_FIRST
        self.margin = 1e-4 * (solver.model.upper_bound + 1.0) + 1.0 / (1 << 15)
        self.starts = np.arange(0, m, BLOCK)
        self.known = np.zeros((n, (m + 7) // 8), np.uint8)
        self._know_forbidden()
        self.watch = (np.zeros(0, np.int64), np.zeros(0, np.int64))
        self.best = np.full((n, len(self.starts)), np.inf)
        self.seen_at = np.zeros((n, len(self.starts)), dtype=np.int32)
        self.u_hist: list[np.ndarray] = []
        self.v_hist: list[np.ndarray] = []

    # -- known pairs ---------------------------------------------------------------------------

    def _know(self, r: np.ndarray, c: np.ndarray) -> None:
        np.bitwise_or.at(self.known, (r, c >> 3), (1 << (c & 7)).astype(np.uint8))

    def _is_known(self, r: np.ndarray, c: np.ndarray) -> np.ndarray:
        return ((self.known[r, c >> 3] >> (c & 7).astype(np.uint8)) & 1).astype(bool)

    def _know_forbidden(self) -> None:
        s = self.s
        p = s.problem
        row_pos = np.full(p.n_mentees, -1)
        row_pos[s.rows] = np.arange(s.n)
        col_pos = np.full(p.n_mentors, -1)
        col_pos[s.cols] = np.arange(s.m)
        pairs = np.asarray(p.forbidden, dtype=np.int64).reshape(-1, 2)
        if p.peer_pool:
            both = np.intersect1d(s.rows, s.cols)
            pairs = np.vstack([pairs, np.column_stack([both, both])])
        r, c = row_pos[pairs[:, 0]], col_pos[pairs[:, 1]]
        keep = (r >= 0) & (c >= 0)
        self._know(r[keep], c[keep])

    # -- scanning ------------------------------------------------------------------------------

    def _slack(self, r: np.ndarray, c0: int, c1: int) -> np.ndarray:
        """Approximate slack (score minus prices, in score units), rows r x columns c0:c1."""
        d = self.left[r] @ self.right[c0:c1].T
        if not self.fold_prices:
            d = d.astype(np.float64) - self.u_now[r, None] - self.v_now[None, c0:c1]
        return d

    def _record(self, d: np.ndarray, r: np.ndarray, c0: int, stage: int) -> None:
        """Keep each cell's largest slack. Known pairs above the margin must already be -inf
        in d; known pairs below it may stay (they only make the bound looser)."""
        first = c0 // BLOCK
        blocks = np.arange(first, first + -(-d.shape[1] // BLOCK))
        self.best[r[:, None], blocks] = np.maximum.reduceat(d, np.arange(0, d.shape[1], BLOCK), 1)
        self.seen_at[r[:, None], blocks] = stage

    def _scan(self, r: np.ndarray, c0: int, c1: int, stage: int):
        """Unknown pairs above the margin in rows r x columns c0:c1, as (rows, cols, slack)."""
        d = self._slack(r, c0, c1)
        self.s.rescored += d.size
        rr, cc = np.nonzero(d > -self.margin)
        known = self._is_known(r[rr], cc + c0)
        d[rr[known], cc[known]] = -np.inf
        self._record(d, r, c0, stage)
        rr, cc = rr[~known], cc[~known]
        return r[rr], cc + c0, d[rr, cc]

    # -- shortlist (pass 0, all prices zero) ---------------------------------------------------

    def shortlist(self) -> None:
        """Each mentee's best few mentors, and each mentor's best mentee in every chunk."""
        s = self.s
        self._set_prices(Prices(np.zeros(s.n, np.int64), np.zeros(s.m, np.int64)))
        k = min(SHORTLIST, s.m)
        sample = np.linspace(0, s.m - 1, min(SAMPLE, s.m)).astype(np.int64)
        kth = min(len(sample) - 1, int(np.ceil(2 * k * len(sample) / s.m)))
        for r0 in range(0, s.n, ROW_CHUNK):
            r = np.arange(r0, min(r0 + ROW_CHUNK, s.n))
            d = self._slack(r, 0, s.m)
            cut = -np.partition(-d[:, sample], kth, axis=1)[:, kth]
            rr, cc = np.nonzero(d >= cut[:, None])
            pick = best_per_row(rr, d[rr, cc], k)
            top = np.argmax(d, axis=0)  # each mentor's best mentee in this chunk
            keys = np.unique(
                np.concatenate(
                    [(rr[pick] + r0) * s.m + cc[pick], (top + r0) * s.m + np.arange(s.m)]
                )
            )
            rr, cc = keys // s.m, keys % s.m
            rr, cc = rr[~self._is_known(rr, cc)], cc[~self._is_known(rr, cc)]
            s.arcs.add(*self._examine(rr, cc))
            d[rr - r0, cc] = -np.inf
            self._record(d, r, 0, stage=0)

    # -- pricing -------------------------------------------------------------------------------

    def price(self, prices: Prices) -> bool:
        """Rescore what may violate the new prices and shortlist the largest violators.
        True if some pair still may violate its prices (so the caller must re-solve).

        Per mentee only the best few apparent violators are checked exactly; the rest stay
        unknown, and their cells stay flagged for the next pass."""
        stage = self._set_prices(prices)
        flagged = self._flagged(stage)
        found = [
            self._scan(
                np.flatnonzero(flagged[:, b]), b * BLOCK, min((b + 1) * BLOCK, self.s.m), stage
            )
            for b in np.flatnonzero(flagged.any(axis=0))
        ]
        r = np.concatenate([np.zeros(0, np.int64), *(f[0] for f in found)])
        c = np.concatenate([np.zeros(0, np.int64), *(f[1] for f in found)])
        slack = np.concatenate([np.zeros(0), *(f[2] for f in found)])
        pick = best_per_row(r, slack, 2 * ADD_PER_MENTEE)
        keys, w = self._examine(r[pick], c[pick])
        violators = self._admit(
            np.concatenate([self.watch[0], keys]), np.concatenate([self.watch[1], w])
        )
        return violators > 0 or len(pick) < len(r)

    def prune(self, mentor_of: np.ndarray, prices: Prices) -> None:
        """Move arcs far from their prices to the watch list, keeping each mentee's matched
        arc and its KEEP_PER_MENTEE tightest: the flow's time grows with its arcs, and a
        watched pair that starts to violate comes back like any other violator."""
        arcs = self.s.arcs
        r, c = arcs.split()
        slack = (prices.mentee[r] + prices.mentor[c] - arcs.weights).astype(np.float64)
        keep = mentor_of[r] == c
        keep[best_per_row(r, -slack, KEEP_PER_MENTEE)] = True
        keys, w = arcs.keep(keep)
        self.watch = (np.concatenate([self.watch[0], keys]), np.concatenate([self.watch[1], w]))

    def _set_prices(self, prices: Prices) -> int:
        w = self.s.weights
        self.prices = prices
        self.u_now = w.score_units(prices.mentee, per_pair=True)
        self.v_now = w.score_units(prices.mentor, per_pair=False)
        if self.fold_prices:
            self.left[:, -2] = -self.u_now
            self.right[:, -1] = -self.v_now
        self.u_hist.append(self.u_now)
        self.v_hist.append(self.v_now)
        return len(self.u_hist) - 1

    def _flagged(self, stage: int) -> np.ndarray:
        """Cells whose recorded slack, moved by the price falls since it was measured, could
        now exceed the margin."""
        u_then = np.stack(self.u_hist)
        v_fall = np.stack([np.maximum.reduceat(v - self.v_now, self.starts) for v in self.v_hist])
        rows = np.arange(self.s.n)[:, None]
        bound = (
            self.best
            + (u_then[self.seen_at, rows] - self.u_now[:, None])
            + v_fall[self.seen_at, np.arange(len(self.starts))[None, :]]
        )
        return bound > -self.margin

    # -- exact decisions -----------------------------------------------------------------------

    def _examine(self, r: np.ndarray, c: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Exact check of newly seen pairs, which all become known; returns the eligible
        ones as (keys, weights)."""
        s = self.s
        ok, w = s.exact(r, c)
        self._know(r, c)
        return r[ok] * s.m + c[ok], w[ok]

    def _admit(self, keys: np.ndarray, w: np.ndarray) -> int:
        """Shortlist the largest violators (up to ADD_PER_MENTEE per mentee) and watch the
        other pairs. Returns the number of violators."""
        s = self.s
        r, c = keys // s.m, keys % s.m
        slack = (w - self.prices.mentee[r] - self.prices.mentor[c]).astype(np.float64)
        take = np.zeros(len(keys), dtype=bool)
        take[best_per_row(r, slack, ADD_PER_MENTEE)] = True
        take &= slack > 0
        s.arcs.add(keys[take], w[take])
        self.watch = (keys[~take], w[~take])
        return int((slack > 0).sum())
