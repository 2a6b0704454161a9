"""The exact solver: min-cost flow on a shortlist, then pricing every pair until none improves.

1. Shortlist: score mentees in row chunks (float32 matrix products) and keep each mentee's
   best few mentors plus each mentor's best mentee in every chunk, so popular mentors cannot
   crowd everyone else off the shortlists.
2. Solve the shortlist exactly (`flow.best_assignment`) and derive dual prices.
3. Price every eligible pair: any pair worth more than its mentee's surplus plus its mentor's
   price would improve the total, so the best of those join the shortlist; repeat.
4. Stop when no pair is worth more than its prices. Then the prices are feasible for every
   eligible pair and equal the assignment's total: the assignment is optimal over all pairs.

Pricing rescans only what could have changed: for each mentee and block of mentors it keeps
the largest (approximate) slack seen, with the prices it was seen at; prices rarely move, so
later passes rescore a small fraction of pairs. All decisions use exact integer weights; the
float32 scores only decide which pairs to look at, with a safety margin.
"""

from dataclasses import dataclass

import numpy as np

from .flow import ObjectiveWeights, Prices, best_assignment, prices_for
from .problem import Objective, Problem
from .rules import Rules, quantised_scores
from .scoring import ScoreModel

ROW_CHUNK = 1024
BLOCK = 128
SHORTLIST = 16
ADD_PER_MENTEE = 20
MAX_PASSES = 100


@dataclass(frozen=True)
class Certificate:
    """Integer proof of optimality: `primal == dual` and no pair's weight exceeds its prices."""

    primal: int
    dual: int
    passes: int
    arcs: int
    pairs_rescored: int

    @property
    def holds(self) -> bool:
        return self.primal == self.dual


@dataclass
class _Arcs:
    """The shortlist in reduced indices, kept as sorted unique keys (row * n_cols + col)."""

    n_cols: int
    keys: np.ndarray
    weights: np.ndarray

    def add(self, keys: np.ndarray, weights: np.ndarray) -> None:
        allk = np.concatenate([self.keys, keys])
        allw = np.concatenate([self.weights, weights])
        self.keys, first = np.unique(allk, return_index=True)
        self.weights = allw[first]

    def split(self) -> tuple[np.ndarray, np.ndarray]:
        return self.keys // self.n_cols, self.keys % self.n_cols


class OptimalSolver:
    """Exact optimum for mentees `rows` and mentors `cols` (with `capacity` left each)."""

    def __init__(
        self,
        problem: Problem,
        model: ScoreModel,
        rules: Rules,
        rows: np.ndarray,
        cols: np.ndarray,
        capacity: np.ndarray,
    ) -> None:
        self.problem, self.model, self.rules = problem, model, rules
        order = np.argsort(problem.mentors.organisation[cols], kind="stable")
        self.rows, self.cols, self.capacity = rows, cols[order], capacity[order]
        self.n, self.m = len(rows), len(self.cols)
        self.weights = ObjectiveWeights.for_objective(
            problem.scheme.objective, self.n, model.upper_bound
        )
        self.arcs = _Arcs(self.m, np.zeros(0, np.int64), np.zeros(0, np.int64))
        self.rescored = 0

    # -- exact checks ------------------------------------------------------------------------

    def _exact(self, r: np.ndarray, c: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(eligible, weight) for reduced pairs."""
        gi, gj = self.rows[r], self.cols[c]
        q = quantised_scores(self.model, self.model.scores(gi, gj))
        return self.rules.eligible(gi, gj, q), self.weights.of(q)

    # -- solving -------------------------------------------------------------------------------

    def solve(self) -> tuple[np.ndarray, Certificate]:
        """Mentor (global index) per mentee in `rows` (-1 unmatched), with its certificate."""
        if self.problem.pair_scores is not None:
            return self._solve_hand_scored()
        pricer = _Pricer(self)
        pricer.shortlist()
        for passes in range(1, MAX_PASSES + 1):
            mentor_of, prices = self._solve_arcs()
            if not pricer.price(prices):
                return self._finish(mentor_of, prices, passes)
        raise RuntimeError("pricing did not converge")

    def _solve_hand_scored(self) -> tuple[np.ndarray, Certificate]:
        ps = self.problem.pair_scores
        col_pos = np.full(self.problem.n_mentors, -1)
        col_pos[self.cols] = np.arange(self.m)
        row_pos = np.full(self.problem.n_mentees, -1)
        row_pos[self.rows] = np.arange(self.n)
        r, c = row_pos[ps.mentee], col_pos[ps.mentor]
        keep = (r >= 0) & (c >= 0)
        r, c = r[keep], c[keep]
        ok, w = self._exact(r, c)
        self.arcs.add(r[ok] * self.m + c[ok], w[ok])
        mentor_of, prices = self._solve_arcs()
        # Every scored pair is an arc, so feasibility on the arcs is feasibility everywhere.
        return self._finish(mentor_of, prices, passes=1)

    def _solve_arcs(self) -> tuple[np.ndarray, Prices]:
        arc_i, arc_j = self.arcs.split()
        mentor_of = best_assignment(self.capacity, arc_i, arc_j, self.arcs.weights, self.n)
        prices = prices_for(self.capacity, mentor_of, arc_i, arc_j, self.arcs.weights)
        return mentor_of, prices

    def _finish(
        self, mentor_of: np.ndarray, prices: Prices, passes: int
    ) -> tuple[np.ndarray, Certificate]:
        arc_i, arc_j = self.arcs.split()
        slack = prices.mentee[arc_i] + prices.mentor[arc_j] - self.arcs.weights
        if (slack < 0).any():
            raise RuntimeError("prices infeasible on the shortlist")
        matched = mentor_of >= 0
        is_match = mentor_of[arc_i] == arc_j
        primal = int(self.arcs.weights[is_match].sum())
        certificate = Certificate(
            primal=primal,
            dual=prices.bound(self.capacity),
            passes=passes,
            arcs=len(arc_i),
            pairs_rescored=self.rescored,
        )
        if not certificate.holds:
            raise RuntimeError("optimality certificate failed")
        result = np.full(self.n, -1, dtype=np.int64)
        result[matched] = self.cols[mentor_of[matched]]
        return result, certificate


class _Pricer:
    """Finds pairs whose weight exceeds their prices, rescoring as little as it can."""

    def __init__(self, solver: OptimalSolver) -> None:
        self.s = solver
        p, model = solver.problem, solver.model
        f, g = model.features()
        self.left = np.hstack([f[solver.rows], np.zeros((solver.n, 2), np.float32)])
        self.right = np.hstack([g[solver.cols], np.zeros((solver.m, 2), np.float32)])
        self.left[:, -1] = 1.0
        self.right[:, -2] = 1.0
        self.fold_prices = p.scheme.objective == Objective.SCORE_FIRST
        self.margin = 1e-4 * (model.upper_bound + 1.0) + 1.0 / (1 << 15)
        self.starts = np.arange(0, solver.m, BLOCK)
        self._prepare_masks()
        # Per (mentee, block): largest approximate slack outside the shortlist, and the pass
        # whose prices it was measured at (history of prices in score units below).
        self.best = np.full((solver.n, len(self.starts)), np.inf)
        self.seen_at = np.zeros((solver.n, len(self.starts)), dtype=np.int32)
        self.u_hist: list[np.ndarray] = []
        self.v_hist: list[np.ndarray] = []

    def _prepare_masks(self) -> None:
        """Same-organisation column ranges (mentors are sorted by organisation), and the
        reduced keys of pairs known to be ineligible (forbidden, self, found by exact check)."""
        s = self.s
        p = s.problem
        col_org = p.mentors.organisation[s.cols]
        self.orgs, self.org_start = np.unique(col_org, return_index=True)
        self.org_end = np.append(self.org_start[1:], s.m)
        self.row_org = np.searchsorted(self.orgs, p.mentees.organisation[s.rows])
        self.row_org_known = (self.row_org < len(self.orgs)) & (
            self.orgs[self.row_org.clip(max=len(self.orgs) - 1)]
            == p.mentees.organisation[s.rows]
        )
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
        self.masked = np.unique(r[keep] * s.m + c[keep])

    # -- scoring blocks ------------------------------------------------------------------------

    def _slack(self, r: np.ndarray, c0: int, c1: int) -> np.ndarray:
        """Approximate slack (score - prices, in score units) for rows r and columns c0:c1,
        with known-ineligible and shortlisted pairs set to -inf."""
        d = self.left[r] @ self.right[c0:c1].T
        if not self.fold_prices:
            d = d.astype(np.float64) - self.u_now[r, None] - self.v_now[None, c0:c1]
        self._mask(d, r, c0, c1)
        return d

    def _mask(self, d: np.ndarray, r: np.ndarray, c0: int, c1: int) -> None:
        if self.s.problem.scheme.forbid_same_organisation:
            orgs = self.row_org[r]
            for org in np.unique(orgs[self.row_org_known[r]]):
                lo, hi = max(self.org_start[org], c0), min(self.org_end[org], c1)
                if lo < hi:
                    d[np.flatnonzero(orgs == org), lo - c0 : hi - c0] = -np.inf
        for keys in (self.masked, self.s.arcs.keys):
            lo, hi = np.searchsorted(keys, [r.min() * self.s.m, (r.max() + 1) * self.s.m])
            kr, kc = keys[lo:hi] // self.s.m, keys[lo:hi] % self.s.m
            at = np.searchsorted(r, kr).clip(max=len(r) - 1)
            hit = (r[at] == kr) & (kc >= c0) & (kc < c1)
            d[at[hit], kc[hit] - c0] = -np.inf

    # -- shortlist (pass 0, all prices zero) ---------------------------------------------------

    def shortlist(self) -> None:
        s = self.s
        zero_u, zero_v = np.zeros(s.n, np.int64), np.zeros(s.m, np.int64)
        self._set_prices(Prices(zero_u, zero_v))
        for r0 in range(0, s.n, ROW_CHUNK):
            r = np.arange(r0, min(r0 + ROW_CHUNK, s.n))
            d = self._slack(r, 0, s.m)
            k = min(SHORTLIST, s.m)
            top = np.argpartition(d, s.m - k, axis=1)[:, s.m - k :]
            rr = np.repeat(r, k)
            cc = top.ravel()
            best_row = np.argmax(d, axis=0)
            rr = np.concatenate([rr, r[best_row]])
            cc = np.concatenate([cc, np.arange(s.m)])
            finite = d[rr - r0, cc] > -np.inf
            self._examine(rr[finite], cc[finite], add_all=True)
            d[rr - r0, cc] = -np.inf
            self._record(d, r, 0, s.m, stage=0)

    # -- pricing -----------------------------------------------------------------------------

    def price(self, prices: Prices) -> bool:
        """Rescore what may violate the new prices; add violators. True if any were found."""
        stage = self._set_prices(prices)
        flagged = self._flagged(stage)
        found = 0
        for b in np.flatnonzero(flagged.any(axis=0)):
            r = np.flatnonzero(flagged[:, b])
            c0, c1 = self.starts[b], min(self.starts[b] + BLOCK, self.s.m)
            d = self._slack(r, c0, c1)
            self.s.rescored += d.size
            rr, cc = np.nonzero(d > -self.margin)
            violators, gone = self._examine(r[rr], cc + c0, add_all=False)
            found += violators
            d[np.searchsorted(r, gone // self.s.m), gone % self.s.m - c0] = -np.inf
            self._record(d, r, c0, c1, stage=stage)
        return found > 0

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
        """(mentee, block) cells whose recorded slack, moved by the price changes since it was
        measured, could now exceed the margin."""
        u_then = np.stack(self.u_hist)  # stages x n
        v_drop = np.stack(
            [np.maximum.reduceat(v - self.v_now, self.starts) for v in self.v_hist]
        )  # stages x blocks
        rows = np.arange(self.s.n)[:, None]
        bound = (
            self.best
            + (u_then[self.seen_at, rows] - self.u_now[:, None])
            + v_drop[self.seen_at, np.arange(len(self.starts))[None, :]]
        )
        return bound > -self.margin

    def _record(self, d: np.ndarray, r: np.ndarray, c0: int, c1: int, stage: int) -> None:
        starts = self.starts[(self.starts >= c0) & (self.starts < c1)]
        blocks = np.arange(len(starts)) + np.searchsorted(self.starts, c0)
        self.best[r[:, None], blocks[None, :]] = np.maximum.reduceat(d, starts - c0, axis=1)
        self.seen_at[r[:, None], blocks[None, :]] = stage

    def _examine(self, r: np.ndarray, c: np.ndarray, add_all: bool) -> tuple[int, np.ndarray]:
        """Exact check of candidate pairs. Ineligible ones are masked for good; eligible ones
        join the shortlist (when pricing: the best few per mentee by exact slack, violators
        first). Returns the number of true violators and the keys now masked or shortlisted."""
        s = self.s
        ok, w = s._exact(r, c)
        keys = r * s.m + c
        self.masked = np.union1d(self.masked, keys[~ok])
        gone = [keys[~ok]]
        r, c, w, keys = r[ok], c[ok], w[ok], keys[ok]
        slack = w - self.prices.mentee[r] - self.prices.mentor[c]
        violators = int((slack > 0).sum())
        if not add_all and len(r):
            order = np.lexsort((c, -slack, r))
            r, keys, w = r[order], keys[order], w[order]
            keep = np.arange(len(r)) - np.searchsorted(r, r) < ADD_PER_MENTEE
            keys, w = keys[keep], w[keep]
        s.arcs.add(keys, w)
        gone.append(keys)
        return violators, np.concatenate(gone)
