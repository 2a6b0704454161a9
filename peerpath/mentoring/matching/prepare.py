"""Shared first step of every solver: check pinned pairs and take them out of the problem."""

from dataclasses import dataclass

import numpy as np

from .problem import Problem
from .rules import Rules
from .scoring import ScoreModel


class InvalidProblem(ValueError):
    """The problem cannot be solved as given; `errors` lists every reason found."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class Prepared:
    """The problem with pinned pairs fixed: `rows` are the mentees still to place, `cols` the
    mentors with capacity left (`capacity` each), `pinned_to` the pinned mentor or -1."""

    problem: Problem
    model: ScoreModel
    rules: Rules
    pinned_to: np.ndarray
    rows: np.ndarray
    cols: np.ndarray
    capacity: np.ndarray


def prepare(problem: Problem) -> Prepared:
    model = ScoreModel(problem)
    rules = Rules(problem, model)
    pinned = np.asarray(problem.pinned, dtype=np.int64).reshape(-1, 2)
    errors = _pin_errors(problem, rules, pinned)
    if errors:
        raise InvalidProblem(errors)
    pinned_to = np.full(problem.n_mentees, -1, dtype=np.int64)
    pinned_to[pinned[:, 0]] = pinned[:, 1]
    left = problem.capacity - np.bincount(pinned[:, 1], minlength=problem.n_mentors)
    cols = np.flatnonzero(left > 0)
    return Prepared(
        problem=problem,
        model=model,
        rules=rules,
        pinned_to=pinned_to,
        rows=np.flatnonzero(pinned_to < 0),
        cols=cols,
        capacity=left[cols],
    )


def _pin_errors(problem: Problem, rules: Rules, pinned: np.ndarray) -> list[str]:
    errors = []
    blocked = rules.blocked(pinned[:, 0], pinned[:, 1])
    seen: set[int] = set()
    for k, i in enumerate(pinned[:, 0]):
        why = [name.replace("_", " ") for name, hit in blocked.items() if hit[k]]
        if why:
            errors.append(f"pinned[{k}]: this pair is not allowed ({', '.join(why)})")
        if i in seen:
            errors.append(f"pinned[{k}]: this mentee is already pinned to another mentor")
        seen.add(int(i))
    load = np.bincount(pinned[:, 1], minlength=problem.n_mentors)
    for j in np.flatnonzero(load > problem.capacity):
        k = int(np.flatnonzero(pinned[:, 1] == j)[-1])
        errors.append(
            f"pinned[{k}]: mentor has {load[j]} pinned mentees but capacity {problem.capacity[j]}"
        )
    return errors
