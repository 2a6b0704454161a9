"""The dense reference: SciPy's `linear_sum_assignment` on every pair at once.

Mentors are repeated once per place of capacity; pairs that are not eligible weigh 0 and so
mean "unmatched". It uses the same preparation, rules, scores and integer weights as the
exact solver, so both must reach the same total weight. Memory grows with
mentees x total capacity: for tests and benchmarks, not for production.
"""

import numpy as np
from scipy.optimize import linear_sum_assignment

from .flow import ObjectiveWeights
from .prepare import Prepared
from .rules import quantised_scores

ROW_CHUNK = 512


def dense_weights(prep: Prepared, weights: ObjectiveWeights) -> np.ndarray:
    """Integer objective weights (as float64, exact below 2**53) for rows x cols."""
    out = np.zeros((len(prep.rows), len(prep.cols)))
    for s in range(0, len(prep.rows), ROW_CHUNK):
        r = prep.rows[s : s + ROW_CHUNK]
        scores = prep.model.dense_rows(r)
        q = quantised_scores(prep.model, scores[:, prep.cols])
        ok = prep.rules.allowed_rows(r, scores)[:, prep.cols] & (q >= prep.rules.floor)
        out[s : s + len(r)] = np.where(ok, weights.of(q), 0)
    return out


def solve_dense(prep: Prepared) -> np.ndarray:
    """Mentor (global index) per mentee in `prep.rows`, -1 when unmatched."""
    mentor_of = np.full(len(prep.rows), -1, dtype=np.int64)
    if not len(prep.rows) or not len(prep.cols):
        return mentor_of
    scheme = prep.problem.scheme
    weights = ObjectiveWeights.for_objective(
        scheme.objective, len(prep.rows), prep.model.upper_bound
    )
    expanded = np.repeat(dense_weights(prep, weights), prep.capacity, axis=1)
    owner = np.repeat(prep.cols, prep.capacity)
    r, c = linear_sum_assignment(expanded, maximize=True)
    made = expanded[r, c] > 0
    mentor_of[r[made]] = owner[c[made]]
    return mentor_of
