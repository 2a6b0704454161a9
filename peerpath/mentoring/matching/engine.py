"""The engine's front door: `match(problem)` returns pairings, reasons and the objective."""

import numpy as np

from . import explain
from .blocking import count_blocking_pairs
from .optimal import OptimalSolver
from .prepare import Prepared, prepare
from .problem import SCORE_SCALE, Method, Problem
from .result import Result
from .rules import quantised_scores
from .stable import solve_stable


def match(problem: Problem, blocking_pairs: bool = True) -> Result:
    """Solve `problem` with its scheme's method.

    Guarantees: capacities are respected, no pair breaks a rule or scores below the floor
    (pinned pairs excepted: they are always kept), and the same input gives the same output.
    The optimal method's result carries an integer certificate that no assignment of any
    eligible pairs does better; the stable method's result has no blocking pair.
    `blocking_pairs=False` skips counting blocking pairs (a pass over every pair).
    """
    prep = prepare(problem)
    certificate = None
    if problem.scheme.method == Method.STABLE:
        placed, better = solve_stable(prep)
    else:
        placed, certificate, better = _solve_optimal(prep)
    mentor_of = prep.pinned_to.copy()
    mentor_of[prep.rows] = placed
    pairs = explain.pairings(prep, mentor_of, better)
    q = sum(round(p.score * SCORE_SCALE) for p in pairs)
    return Result(
        pairings=pairs,
        unmatched=explain.unmatched(prep, mentor_of),
        total_score=q / SCORE_SCALE,
        matched=len(pairs),
        objective=str(problem.scheme.objective),
        method=str(problem.scheme.method),
        certificate=certificate,
        blocking_pairs=count_blocking_pairs(prep, placed) if blocking_pairs else None,
    )


def _solve_optimal(prep: Prepared):
    """Exact solution for the free mentees, its certificate, and for each placed mentee the
    shortlisted mentors that would have scored higher (all of them full, by optimality)."""
    if not len(prep.rows) or not len(prep.cols):
        return np.full(len(prep.rows), -1, dtype=np.int64), None, {}
    solver = OptimalSolver(
        prep.problem, prep.model, prep.rules, prep.rows, prep.cols, prep.capacity
    )
    placed, certificate = solver.solve()
    arc_r, arc_c = solver.arcs.split()
    mentees, mentors = solver.rows[arc_r], solver.cols[arc_c]
    mine = placed[arc_r]
    q = quantised_scores(prep.model, prep.model.scores(mentees, mentors))
    own = quantised_scores(prep.model, prep.model.scores(mentees, np.maximum(mine, 0)))
    better = (mine >= 0) & (q > own)
    order = np.lexsort((mentors[better], -q[better], mentees[better]))
    out: dict[int, list[int]] = {}
    for i, j in zip(mentees[better][order].tolist(), mentors[better][order].tolist(), strict=True):
        out.setdefault(i, []).append(j)
    return placed, certificate, out
