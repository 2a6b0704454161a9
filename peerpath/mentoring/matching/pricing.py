"""Pricing: find the pairs whose weight exceeds their dual prices, scoring every pair once.

The shortlist pass scores every pair with float32 matrix products (mentee rows in chunks)
and keeps a one-byte upper bound per pair, in steps of upper_bound / 254:
`bound[i, j] * step >= score(i, j)`. Bound 0 means the pair needs no more looking at: a
hard rule bars it, or it has been checked exactly (it is then an arc of the flow or on the
watch list). n x m bytes (200 MB at 20,000 x 10,000) is a quarter of float32 scores, and
pricing passes read it instead of multiplying matrices again: the prototype spent most of
its time re-scoring pairs.

A pair can only violate its prices (weight > u_i + v_j) if `bound > row_i + col_j`, the
prices in steps less a margin for float32 rounding. Rather than compare all n x m bounds on
every pass, the pricer keeps per-mentee and per-mentor *references* a few steps (RESERVE)
below the prices, and a *near list* of the unseen pairs whose bound exceeds them. The
promise: every unseen pair off the list has `bound <= ref_row + ref_col`. While no price
falls below its reference, only the near list needs checking; rows and columns whose price
did fall are rescanned alone (or everything, early on, when most prices still move).

Near pairs close to their prices are checked exactly, and pairs within a few steps of
violating join the flow before they violate: each re-solve of the flow costs far more
than a few extra arcs, and prices move a little on every pass.
"""

from typing import TYPE_CHECKING

import numpy as np

from .flow import Prices
from .problem import SCORE_SCALE
from .selection import ColumnBest, best_per_row, distinct, split_at_multiples

if TYPE_CHECKING:
    from .optimal import OptimalSolver

CHUNK_CELLS = 1 << 22  # pairs per chunk of rows (16 MB of float32)
STEPS = 254  # bound levels above 0; 255 leaves headroom for float32 rounding
OFFSET = 1.01  # bound = floor(score / step + OFFSET) >= score / step, and >= 1 when allowed
SHORTLIST = 8  # each mentee's best mentors in the first flow
SAMPLE = 256  # columns sampled to set each row's cut-off for its SHORTLIST best
MENTOR_GROUPS = 16  # each mentor's relatively best mentee in each of this many row groups
RESERVE = 8  # steps between prices and references: prices may fall this far unnoticed
REBUILD_SHARE = 0.25  # rescan everything when this share of rows plus columns fell further
EXAMINE_WITHIN = 4  # steps: near pairs this close to violating are checked exactly
ADMIT_WITHIN = 8  # steps: checked pairs this close to violating join the flow
ADD_PER_MENTEE = 20
ROW_CAP = 4 * ADD_PER_MENTEE  # apparent violators a scan keeps per mentee
KEEP_PER_MENTEE = 8


class Pricer:
    """The bounds, the near list and the watch list of one `OptimalSolver`."""

    def __init__(self, solver: "OptimalSolver") -> None:
        self.s = solver
        n, m = solver.n, solver.m
        model = solver.model
        # A floor on the step keeps the role-level penalty finite once divided by it.
        self.step = max(model.upper_bound, 1e-3) / STEPS
        self.margin = 1e-4 * (model.upper_bound + 1.0) + 1.0 / (1 << 15)
        f, g = model.features()
        # The product gives scores in steps, plus OFFSET, ready to truncate.
        scaled = (f[solver.rows] / self.step).astype(np.float32)
        self.left = np.hstack([scaled, np.ones((n, 1), np.float32)])
        self.right = np.hstack([g[solver.cols], np.full((m, 1), OFFSET, np.float32)])
        self.rows_per_chunk = max(1, CHUNK_CELLS // m)
        self.same_org = self._same_organisation_columns()
        self.bound = np.empty((n, m), dtype=np.uint8)
        self.watch = (np.zeros(0, np.int64), np.zeros(0, np.int64))
        self.near = np.zeros(0, np.int64)
        self.ref_row = np.zeros(0)
        self.ref_col = np.zeros(0)
        # Score-first prices are on the score's scale; matched-first prices carry a large
        # per-pair constant that cancels between u and v, so add those in float64.
        self.price_dtype = np.float32 if solver.weights.b == 1 else np.float64

    # -- the one scoring pass ----------------------------------------------------------------

    def shortlist(self) -> None:
        """Score every pair once: fill the bounds, and shortlist each mentee's best few
        mentors and, in each of MENTOR_GROUPS groups of mentees, each mentor's relatively
        best mentee (so that unpopular mentors have candidates and the first flow can
        place everyone: a mentee left out would get price 0 and mislead the next pass)."""
        s = self.s
        picked = []
        scores = np.empty((self.rows_per_chunk, s.m), dtype=np.float32)
        relative = np.empty_like(scores)
        column_best = ColumnBest(s.m)
        group_rows = -(-s.n // MENTOR_GROUPS)
        for r0 in range(0, s.n, self.rows_per_chunk):
            r1 = min(r0 + self.rows_per_chunk, s.n)
            x = np.matmul(self.left[r0:r1], self.right.T, out=scores[: r1 - r0])
            self._bar_same_organisation(x, r0)
            best, kth_best = self._best_of_rows(x)
            picked.append(best + r0 * s.m)
            # Relative to the mentee's own shortlist: "about as good as her best few".
            np.subtract(x, kth_best[:, None], out=relative[: r1 - r0])
            for g0, g1 in split_at_multiples(r0, r1, group_rows):
                if g0 % group_rows == 0 and g0:
                    picked.append(column_best.flush())
                column_best.update(relative[g0 - r0 : g1 - r0], g0)
            np.clip(x, 0, STEPS + 1, out=x)
            self.bound[r0:r1] = x  # float to uint8 truncates: floor
        picked.append(column_best.flush())
        s.rescored += s.n * s.m
        self._rule_out_listed_pairs()
        keys = distinct(np.concatenate(picked))
        s.arcs.add(*self._examine(keys // s.m, keys % s.m))

    def _best_of_rows(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Flat indices into x of each row's SHORTLIST best, and each row's SHORTLIST-th
        best score (0 for a row without any allowed pair).

        A row's cut-off comes from a sample of its columns, set to let about twice as many
        pairs through as needed; flatnonzero finds them (2-D nonzero is ten times slower)."""
        m = x.shape[1]
        k = min(SHORTLIST, m)
        sample = x[:, :: max(1, m // SAMPLE)]  # a strided view: no gathering
        kth = min(sample.shape[1] - 1, int(np.ceil(2 * k * sample.shape[1] / m)))
        cut = np.maximum(-np.partition(-sample, kth, axis=1)[:, kth], 0)
        flat = np.flatnonzero(x >= cut[:, None])  # barred pairs are below 0
        pick = flat[best_per_row(flat // m, x.reshape(-1)[flat], k)]
        row = pick // m  # sorted, each row's best first
        last = np.ones(len(pick), dtype=bool)
        last[:-1] = row[1:] != row[:-1]
        kth_best = np.zeros(len(x), dtype=np.float32)
        kth_best[row[last]] = x.reshape(-1)[pick[last]]
        return pick, kth_best

    def _same_organisation_columns(self) -> tuple[np.ndarray, np.ndarray] | None:
        """For each mentee, the range of columns (sorted by organisation) in her
        organisation: blocking a range is cheaper than a product column per organisation."""
        p = self.s.problem
        if not p.scheme.forbid_same_organisation:
            return None
        col_org = p.mentors.organisation[self.s.cols]
        row_org = p.mentees.organisation[self.s.rows]
        return np.searchsorted(col_org, row_org, "left"), np.searchsorted(col_org, row_org, "right")

    def _bar_same_organisation(self, x: np.ndarray, r0: int) -> None:
        if self.same_org is None:
            return
        lo, hi = (a[r0 : r0 + len(x)] for a in self.same_org)
        for k in np.flatnonzero(hi > lo).tolist():
            x[k, lo[k] : hi[k]] = -np.inf

    def _rule_out_listed_pairs(self) -> None:
        """Forbidden pairs (and in a peer pool, each person with themselves) get bound 0."""
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
        self.bound[r[keep], c[keep]] = 0

    # -- pricing -----------------------------------------------------------------------------

    def price(self, prices: Prices) -> bool:
        """Check every pair against the new prices and shortlist the largest violators.
        True if some pair still may violate its prices (so the caller must re-solve).

        Per mentee only the best few apparent violators are checked exactly; the rest keep
        their bound and come up again on the next pass."""
        self.prices = prices
        row, col = self._terms(prices)
        self._refresh_near(row, col)
        r, c, slack = self._near_candidates(row, col)
        pick = best_per_row(r, slack, 2 * ADD_PER_MENTEE)
        left_over = int((slack > 0).sum() - (slack[pick] > 0).sum())
        keys, w = self._examine(r[pick], c[pick])
        violators = self._admit(
            np.concatenate([self.watch[0], keys]), np.concatenate([self.watch[1], w])
        )
        capped = bool(np.isinf(self.ref_row).any())
        return violators > 0 or left_over > 0 or capped

    def _terms(self, prices: Prices) -> tuple[np.ndarray, np.ndarray]:
        """Row and column terms in steps: a pair may violate only if bound > row + col."""
        w = self.s.weights
        row = (w.score_units(prices.mentee, per_pair=True) - self.margin) / self.step
        col = w.score_units(prices.mentor, per_pair=False) / self.step
        return row.astype(self.price_dtype), col.astype(self.price_dtype)

    def _refresh_near(self, row: np.ndarray, col: np.ndarray) -> None:
        """Make the near list's promise hold for the current terms: references at most the
        terms, and every unseen pair off the list with bound <= ref_row + ref_col."""
        s = self.s
        if len(self.ref_row):
            rows = np.flatnonzero(row < self.ref_row)
            cols = np.flatnonzero(col < self.ref_col)
            if len(rows) / s.n + len(cols) / s.m <= REBUILD_SHARE:
                self.ref_row[rows] = row[rows] - RESERVE
                self.ref_col[cols] = col[cols] - RESERVE
                found = [self.near]
                if len(rows):
                    found.append(self._scan(rows, np.arange(s.m), row, col))
                if len(cols):
                    found.append(self._scan(np.arange(s.n), cols, row, col))
                self.near = distinct(np.concatenate(found))
                return
        self.ref_row, self.ref_col = row - RESERVE, col - RESERVE
        self.near = self._scan(np.arange(s.n), np.arange(s.m), row, col)

    def _scan(
        self, rows: np.ndarray, cols: np.ndarray, row: np.ndarray, col: np.ndarray
    ) -> np.ndarray:
        """Sorted keys of unseen pairs in rows x cols with bound > ref_row + ref_col."""
        s = self.s
        every_col = len(cols) == s.m
        ref_col = self.ref_col if every_col else self.ref_col[cols]
        col = col if every_col else col[cols]
        per_chunk = max(1, CHUNK_CELLS // len(cols))
        buffer = np.empty((min(per_chunk, len(rows)), len(cols)), dtype=self.price_dtype)
        found = [np.zeros(0, np.int64)]
        for k in range(0, len(rows), per_chunk):
            r = rows[k : k + per_chunk]
            run = r[-1] - r[0] == len(r) - 1  # a run of rows: a view, no copy
            b = self.bound[r[0] : r[-1] + 1] if run else self.bound[r]
            b = b if every_col else b[:, cols]
            near = b > np.add(self.ref_row[r, None], ref_col, out=buffer[: len(r)])
            self._cap_crowded_rows(near, b, r, row[r], col)
            flat = np.flatnonzero(near)
            flat = flat[b.reshape(-1)[flat] > 0]  # references below 0 let seen pairs in
            found.append(r[flat // len(cols)] * s.m + cols[flat % len(cols)])
        return np.concatenate(found)

    def _cap_crowded_rows(
        self, near: np.ndarray, b: np.ndarray, r: np.ndarray, row: np.ndarray, col: np.ndarray
    ) -> None:
        """Cut rows of `near` (mentees r, whose terms are `row`) with more than ROW_CAP
        apparent violators (their price is far off, early on) to about ROW_CAP of their
        largest, and mark them for a rescan on the next pass (infinite reference): until
        then the promise does not hold for them.

        Only apparent violators count: a mentee whose price is right may have many unseen
        pairs just below it (equal scores), and capping her would never end."""
        suspects = np.flatnonzero(np.count_nonzero(near, axis=1) > ROW_CAP)
        if not len(suspects):
            return
        apparent = b[suspects] - col  # slack plus the row's term
        apparent[b[suspects] == 0] = -np.inf  # seen already
        crowded = np.count_nonzero(apparent > row[suspects, None], axis=1) > ROW_CAP
        if not crowded.any():
            return
        rows, apparent = suspects[crowded], apparent[crowded]
        self.ref_row[r[rows]] = np.inf
        sample = apparent[:, :: max(1, apparent.shape[1] // SAMPLE)]
        kth = min(sample.shape[1] - 1, int(np.ceil(ROW_CAP * sample.shape[1] / apparent.shape[1])))
        cut = np.maximum(np.partition(sample, -1 - kth, axis=1)[:, -1 - kth], row[rows])
        near[rows] = (apparent >= cut[:, None]) & (apparent > row[rows, None])

    def _near_candidates(
        self, row: np.ndarray, col: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Near pairs within EXAMINE_WITHIN steps of violating, with their apparent slack
        (bound - row - col, in steps). Pairs seen since leave the near list."""
        m = self.s.m
        b = self.bound.reshape(-1)[self.near]
        self.near, b = self.near[b > 0], b[b > 0]
        r, c = self.near // m, self.near % m
        slack = b - row[r].astype(np.float64) - col[c]
        hit = slack > -EXAMINE_WITHIN
        return r[hit], c[hit], slack[hit]

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

    # -- exact decisions -----------------------------------------------------------------------

    def _examine(self, r: np.ndarray, c: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Exact check of newly seen pairs, whose bound becomes 0; returns the eligible ones
        as (keys, weights)."""
        s = self.s
        ok, w = s.exact(r, c)
        self.bound[r, c] = 0
        return r[ok] * s.m + c[ok], w[ok]

    def _admit(self, keys: np.ndarray, w: np.ndarray) -> int:
        """Shortlist the violators and the pairs within ADMIT_WITHIN steps of violating (up
        to ADD_PER_MENTEE per mentee, largest first) and watch the other pairs. Returns the
        number of violators."""
        s = self.s
        r, c = keys // s.m, keys % s.m
        slack = w - self.prices.mentee[r] - self.prices.mentor[c]
        close = -ADMIT_WITHIN * self.step * s.weights.a * SCORE_SCALE
        hot = np.flatnonzero(slack > close)
        take = hot[best_per_row(r[hot], slack[hot].astype(np.float64), ADD_PER_MENTEE)]
        s.arcs.add(keys[take], w[take])
        rest = np.ones(len(keys), dtype=bool)
        rest[take] = False
        self.watch = (keys[rest], w[rest])
        return int((slack > 0).sum())
