"""Exact assignment on a candidate graph (min-cost flow) and the dual prices that certify it.

Every pair carries an integer objective weight `w = a * q + b` (see `ObjectiveWeights`), so
"total score, then number matched" (or the reverse) is one sum of integers, and optimality
can be checked with integer arithmetic: no tolerance anywhere.
"""

from dataclasses import dataclass

import numpy as np
from ortools.graph.python import min_cost_flow

from .problem import SCORE_SCALE, Objective

INT_LIMIT = 1 << 62


@dataclass(frozen=True)
class ObjectiveWeights:
    """w = a * q + b for a pair with quantised score q.

    Score first: a = (mentees + 1), b = 1, so one unit of score outweighs any number of
    extra pairs, and among equal totals more pairs win. Matched first: a = 1 and
    b = mentees * max_q + 1, so one extra pair outweighs any total score.
    """

    a: int
    b: int

    @classmethod
    def for_objective(
        cls, objective: Objective, mentees: int, max_score: float
    ) -> "ObjectiveWeights":
        max_q = int(np.ceil(max_score * SCORE_SCALE)) + 1
        if objective == Objective.SCORE_FIRST:
            weights = cls(a=mentees + 1, b=1)
        else:
            weights = cls(a=1, b=mentees * max_q + 1)
        if weights.of(np.int64(max_q)) * (mentees + 2) * 4 >= INT_LIMIT:
            raise ValueError("problem too large for exact integer objective weights")
        return weights

    def of(self, q: np.ndarray) -> np.ndarray:
        return self.a * np.asarray(q, dtype=np.int64) + self.b

    def score_units(self, price: np.ndarray, per_pair: bool) -> np.ndarray:
        """A price in weight units as score units (for the float pre-filter)."""
        shift = self.b if per_pair else 0
        return (np.asarray(price, dtype=np.float64) - shift) / (self.a * SCORE_SCALE)


def best_assignment(
    capacity: np.ndarray, arc_i: np.ndarray, arc_j: np.ndarray, arc_w: np.ndarray, n: int
) -> np.ndarray:
    """Maximum-weight assignment over the arcs: mentor index per mentee, -1 if unmatched.

    Arcs must be sorted by (mentee, mentor) so that equal inputs give equal outputs.
    """
    m = len(capacity)
    source, sink = n + m, n + m + 1
    flow = min_cost_flow.SimpleMinCostFlow()
    mentees = np.arange(n, dtype=np.int32)
    mentors = np.arange(n, n + m, dtype=np.int32)
    flow.add_arcs_with_capacity_and_unit_cost(
        np.full(n, source, np.int32), mentees, np.ones(n, np.int64), np.zeros(n, np.int64)
    )
    pair_arcs = flow.add_arcs_with_capacity_and_unit_cost(
        arc_i.astype(np.int32),
        (arc_j + n).astype(np.int32),
        np.ones(len(arc_i), np.int64),
        -np.asarray(arc_w, dtype=np.int64),
    )
    flow.add_arcs_with_capacity_and_unit_cost(
        mentors, np.full(m, sink, np.int32), capacity.astype(np.int64), np.zeros(m, np.int64)
    )
    flow.add_arc_with_capacity_and_unit_cost(source, sink, n, 0)
    flow.set_node_supply(source, n)
    flow.set_node_supply(sink, -n)
    status = flow.solve()
    if status != flow.OPTIMAL:
        raise RuntimeError(f"min-cost flow failed: {status}")
    used = np.asarray(flow.flows(np.asarray(pair_arcs, dtype=np.int32))) > 0
    mentor_of = np.full(n, -1, dtype=np.int64)
    mentor_of[arc_i[used]] = arc_j[used]
    return mentor_of


@dataclass(frozen=True)
class Prices:
    """Dual solution: mentee surplus u and mentor price v, in weight units.

    Feasible for a pair when u[i] + v[j] >= w(i, j). If feasible for every eligible pair and
    sum(u) + sum(capacity * v) equals the assignment's total weight, no assignment of any
    pairs can do better (LP duality for b-matching): that is the optimality certificate.
    """

    mentee: np.ndarray
    mentor: np.ndarray

    def bound(self, capacity: np.ndarray) -> int:
        return int(self.mentee.sum()) + int((capacity * self.mentor).sum())


def prices_for(
    capacity: np.ndarray,
    mentor_of: np.ndarray,
    arc_i: np.ndarray,
    arc_j: np.ndarray,
    arc_w: np.ndarray,
) -> Prices:
    """The least mentor prices consistent with the assignment being optimal on the arcs.

    A longest-path (Bellman-Ford) pass over mentors, vectorised over arcs: a mentee holding
    mentor j0 and able to take j means v[j] >= v[j0] + w(i, j) - w(i, j0); an unmatched
    mentee means v[j] >= w(i, j). Raises if the assignment is not optimal on the arcs.
    """
    m = len(capacity)
    matched_w = np.zeros(len(mentor_of), dtype=np.int64)
    is_match = mentor_of[arc_i] == arc_j
    matched_w[arc_i[is_match]] = arc_w[is_match]
    held = mentor_of[arc_i]
    free = held < 0
    price = np.zeros(m, dtype=np.int64)
    np.maximum.at(price, arc_j[free], arc_w[free])
    moves = ~free & ~is_match
    price = _longest_paths(price, held[moves], arc_j[moves], arc_w[moves] - matched_w[arc_i[moves]])
    surplus = np.zeros(len(mentor_of), dtype=np.int64)
    matched = mentor_of >= 0
    surplus[matched] = matched_w[matched] - price[mentor_of[matched]]
    load = np.bincount(mentor_of[matched], minlength=m)
    if (surplus < 0).any() or (price[load < capacity] != 0).any():
        raise RuntimeError("assignment is not optimal on its arcs (improving path)")
    return Prices(mentee=surplus, mentor=price)


def _longest_paths(
    price: np.ndarray, src: np.ndarray, dst: np.ndarray, gain: np.ndarray
) -> np.ndarray:
    """Raise price[dst] to price[src] + gain until nothing changes.

    Only arcs leaving a mentor whose price rose in the last round are relaxed, so the work
    follows the few long chains rather than re-reading every arc on every round."""
    order = np.argsort(src, kind="stable")
    src, dst, gain = src[order], dst[order], gain[order]
    start = np.searchsorted(src, np.arange(len(price) + 1))  # mentor k's arcs: start[k]:
    active = np.arange(len(price))
    for _ in range(len(price) + 1):
        first, count = start[active], start[active + 1] - start[active]
        if not count.sum():
            return price
        # The ranges first[k] : first[k] + count[k], concatenated.
        arcs = np.repeat(first - np.cumsum(count) + count, count) + np.arange(count.sum())
        offer = price[src[arcs]] + gain[arcs]
        rises = offer > price[dst[arcs]]
        if not rises.any():
            return price
        raised = dst[arcs[rises]]
        np.maximum.at(price, raised, offer[rises])
        active = np.flatnonzero(np.bincount(raised, minlength=len(price)))
    raise RuntimeError("assignment is not optimal on its arcs (positive cycle)")
