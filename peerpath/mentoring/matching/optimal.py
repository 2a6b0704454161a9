"""The exact solver: min-cost flow on a shortlist, then pricing every pair until none improves.

1. Shortlist: score every pair once (float32 matrix products, mentee rows in chunks) and
   keep each mentee's best few mentors plus, in each group of mentees, each mentor's
   relatively best mentee, so popular mentors cannot crowd everyone else off the shortlists.
2. Solve the shortlist exactly (`flow.best_assignment`) and derive dual prices.
3. Price every eligible pair: any pair worth more than its mentee's surplus plus its mentor's
   price would improve the total, so the best of those join the shortlist; repeat.
4. Stop when no pair is worth more than its prices. Then the prices are feasible for every
   eligible pair and equal the assignment's total: the assignment is optimal over all pairs.

Pricing never scores a pair twice: the shortlist pass keeps a one-byte upper bound of every
pair's score, and later passes look only at pairs near their prices or whose prices fell
(see `pricing`). All decisions use exact integer weights; the float32 scores only decide
which pairs to look at, with a safety margin.
"""

from dataclasses import dataclass

import numpy as np

from .flow import ObjectiveWeights, Prices, best_assignment, prices_for
from .pricing import Pricer
from .problem import Problem
from .rules import Rules, quantised_scores
from .scoring import ScoreModel

MAX_PASSES = 100
PRUNED_PASSES = 2


@dataclass(frozen=True)
class Certificate:
    """Integer proof of optimality: `primal == dual` and no pair's weight exceeds its prices."""

    primal: int
    dual: int
    passes: int
    arcs: int
    pairs_rescored: int  # pairs scored by matrix products (each pair once)

    @property
    def holds(self) -> bool:
        return self.primal == self.dual


class _Arcs:
    """The shortlist in reduced indices, as (row * n_cols + col) keys with exact weights.
    Pairs are only ever added once (the pricer's `known` bitset sees to that)."""

    def __init__(self, n_cols: int) -> None:
        self.n_cols = n_cols
        self._keys: list[np.ndarray] = []
        self._weights: list[np.ndarray] = []
        self.keys = np.zeros(0, np.int64)
        self.weights = np.zeros(0, np.int64)

    def add(self, keys: np.ndarray, weights: np.ndarray) -> None:
        self._keys.append(keys)
        self._weights.append(weights)

    def keep(self, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Keep only the arcs where `mask` (in `split` order); return the others' keys and
        weights."""
        gone = (self.keys[~mask], self.weights[~mask])
        self.keys, self.weights = self.keys[mask], self.weights[mask]
        return gone

    def split(self) -> tuple[np.ndarray, np.ndarray]:
        """Rows and columns, sorted by key (so equal inputs build equal flow graphs)."""
        if self._keys:
            keys = np.concatenate([self.keys, *self._keys])
            weights = np.concatenate([self.weights, *self._weights])
            order = np.argsort(keys, kind="stable")
            self.keys, self.weights = keys[order], weights[order]
            self._keys, self._weights = [], []
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
        self.arcs = _Arcs(self.m)
        self.rescored = 0

    # -- exact checks ------------------------------------------------------------------------

    def exact(self, r: np.ndarray, c: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(eligible, weight) for reduced pairs."""
        gi, gj = self.rows[r], self.cols[c]
        q = quantised_scores(self.model, self.model.scores(gi, gj))
        return self.rules.eligible(gi, gj, q), self.weights.of(q)

    # -- solving -------------------------------------------------------------------------------

    def solve(self) -> tuple[np.ndarray, Certificate]:
        """Mentor (global index) per mentee in `rows` (-1 unmatched), with its certificate."""
        if self.problem.pair_scores is not None:
            return self._solve_hand_scored()
        pricer = Pricer(self)
        pricer.shortlist()
        for passes in range(1, MAX_PASSES + 1):
            mentor_of, prices = self._solve_arcs()
            if passes <= PRUNED_PASSES:  # later pruning could cycle: a pair in, out, in
                pricer.prune(mentor_of, prices)
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
        ok, w = self.exact(r, c)
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
