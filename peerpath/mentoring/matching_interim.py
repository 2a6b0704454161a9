"""The optimiser used until the matching engine (`peerpath.mentoring.matching`) is installed.

Maximises the total score (then the number of pairs) with SciPy's assignment solver:
each mentor appears once per place left, each mentee may also stay unmatched at no cost,
and forbidden pairs are never chosen. Exact for the sizes a round has (hundreds).
"""

import numpy as np
from scipy.optimize import linear_sum_assignment

from .matching_adapter import (
    LeftOut,
    Pools,
    Proposal,
    ProposedPair,
    allowed_matrix,
    blocked_by_rule,
    components_of,
    score_matrix,
    weights_of,
)

SCALE = 1 << 16  # scores compared on the engine's grid
FORBIDDEN = 1 << 50


def solve(pools: Pools, pins: np.ndarray) -> Proposal:
    weighted = score_matrix(pools)
    scores = np.rint(weighted.sum(-1) * SCALE).astype(np.int64)
    allowed = allowed_matrix(pools)
    n, m = scores.shape
    mentor_of = np.full(n, -1)
    left = pools.capacity.copy()
    for i, j in pins:
        mentor_of[i] = j
        left[j] -= 1
    free = np.flatnonzero(mentor_of < 0)
    columns = np.repeat(np.arange(m), np.maximum(left, 0))
    if len(free) and len(columns):
        # Cost: higher score first, then one more pair; a dummy column per mentee = unmatched.
        cost = -(scores[np.ix_(free, columns)] * (n + 1) + 1)
        cost[~allowed[np.ix_(free, columns)]] = FORBIDDEN
        cost = np.hstack([cost, np.zeros((len(free), len(free)), dtype=np.int64)])
        rows, cols = linear_sum_assignment(cost)
        for r, c in zip(rows, cols, strict=True):
            if c < len(columns) and cost[r, c] < FORBIDDEN:
                mentor_of[free[r]] = columns[c]
    weights = weights_of(pools.cohort)
    pinned = {int(i) for i, _ in pins}
    pairs = tuple(
        ProposedPair(
            mentee_id=pools.mentees[i].pk,
            mentor_id=pools.mentors[j].pk,
            score=scores[i, j] / SCALE,
            components=components_of(weighted[i, j], weights),
            pinned=i in pinned,
        )
        for i, j in enumerate(mentor_of.tolist())
        if j >= 0
    )
    return Proposal(
        pairs=pairs,
        left_out=_left_out(pools, allowed, mentor_of),
        total_score=sum(p.score for p in pairs),
        engine="interim-assignment",
    )


def _left_out(pools: Pools, allowed: np.ndarray, mentor_of: np.ndarray) -> tuple[LeftOut, ...]:
    out = []
    rules = blocked_by_rule(pools)
    for i in np.flatnonzero(mentor_of < 0):
        if allowed[i].any():
            out.append(LeftOut(pools.mentees[i].pk, "capacity_exhausted"))
            continue
        counts = {rule: int(mask[i].sum()) for rule, mask in rules.items() if mask[i].any()}
        out.append(LeftOut(pools.mentees[i].pk, "no_eligible_partner", counts))
    used = set(mentor_of[mentor_of >= 0].tolist())
    for j in range(len(pools.mentors)):
        if j not in used:
            reason = "partners_matched_elsewhere" if allowed[:, j].any() else "no_eligible_partner"
            out.append(LeftOut(pools.mentors[j].pk, reason))
    return tuple(out)
