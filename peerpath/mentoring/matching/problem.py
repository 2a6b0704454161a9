"""What the matching engine is asked to solve: a scheme and two pools of people, as arrays.

Everything here is plain NumPy so the engine never touches the ORM; the mentoring app (or
`matching_io` for a coordinator's JSON file) turns records into these arrays.
"""

from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np

#: Scores are compared on a grid of 2**-16 (about 0.000015). Dense and sparse solvers round
#: the same float64 score to the same integer, so "the optimum" is unambiguous.
SCORE_SCALE = 1 << 16
MAX_SCORE = 1000.0
CAPABILITY_LEVELS = 4  # needs and strengths are whole numbers from 0 to 4


class Objective(StrEnum):
    SCORE_FIRST = "score_first"  # maximise total score, then the number matched
    MATCHED_FIRST = "matched_first"  # maximise the number matched, then total score


class Method(StrEnum):
    OPTIMAL = "optimal"  # exact optimum of the objective
    STABLE = "stable"  # mentee-proposing deferred acceptance: no blocking pair


@dataclass(frozen=True)
class Weights:
    """How much each explainable component counts; each component lies in [0, 1]."""

    topics: float = 1.0
    capabilities: float = 1.0
    region: float = 0.5
    availability: float = 1.0

    def as_array(self) -> np.ndarray:
        return np.array([self.topics, self.capabilities, self.region, self.availability])


COMPONENTS = ("topics", "capabilities", "region", "availability")


@dataclass(frozen=True)
class Scheme:
    """A mentoring scheme's rules. `score_floor` is the fairness option: no pair scoring
    below it is made (pinned pairs excepted), so nobody gets a poor match to raise a total."""

    weights: Weights = field(default_factory=Weights)
    forbid_same_organisation: bool = True
    mentor_level_at_least_mentee: bool = True
    objective: Objective = Objective.SCORE_FIRST
    method: Method = Method.OPTIMAL
    score_floor: float = 0.0
    seed: int = 0


@dataclass(frozen=True)
class People:
    """One side of the match, one row per person.

    `topics` and `availability` are boolean (wanted by mentees, offered by mentors);
    `capabilities` are needs (mentees) or strengths (mentors), whole numbers 0..4.
    Equal `organisation` codes mean the same organisation; `region` -1 means not given.
    """

    organisation: np.ndarray
    region: np.ndarray
    level: np.ndarray
    topics: np.ndarray
    capabilities: np.ndarray
    availability: np.ndarray

    @property
    def size(self) -> int:
        return len(self.organisation)

    @classmethod
    def blank(cls, size: int, organisation: np.ndarray | None = None) -> "People":
        """People with no attributes beyond (optionally) organisation: for hand-scored pairs."""
        org = np.arange(size) if organisation is None else organisation
        return cls(
            organisation=np.asarray(org, dtype=np.int64),
            region=np.full(size, -1, dtype=np.int64),
            level=np.zeros(size, dtype=np.int64),
            topics=np.zeros((size, 0), dtype=bool),
            capabilities=np.zeros((size, 0), dtype=np.int8),
            availability=np.zeros((size, 0), dtype=bool),
        )


@dataclass(frozen=True)
class PairScores:
    """Scores a coordinator gave by hand; pairs not listed are not candidates."""

    mentee: np.ndarray
    mentor: np.ndarray
    score: np.ndarray


@dataclass(frozen=True)
class Problem:
    """A matching problem. Pairs are (mentee index, mentor index) rows of int arrays.

    In a peer pool (`peer_pool`), row k of mentees and of mentors is the same person, so
    (k, k) is never a pair. Preferences are (ranker index, ranked index, rank) triples,
    rank 0 first; they only matter to the stable method and the blocking-pair count.
    """

    scheme: Scheme
    mentees: People
    mentors: People
    capacity: np.ndarray
    forbidden: np.ndarray = field(default_factory=lambda: np.zeros((0, 2), dtype=np.int64))
    pinned: np.ndarray = field(default_factory=lambda: np.zeros((0, 2), dtype=np.int64))
    pair_scores: PairScores | None = None
    mentee_preferences: np.ndarray = field(default_factory=lambda: np.zeros((0, 3), dtype=np.int64))
    mentor_preferences: np.ndarray = field(default_factory=lambda: np.zeros((0, 3), dtype=np.int64))
    peer_pool: bool = False

    @property
    def n_mentees(self) -> int:
        return self.mentees.size

    @property
    def n_mentors(self) -> int:
        return self.mentors.size

    def __post_init__(self) -> None:
        check_problem(self)


def check_problem(problem: "Problem") -> None:
    """Reject inconsistent arrays early, with messages a developer can act on."""
    n, m = problem.n_mentees, problem.n_mentors
    if n == 0 or m == 0:
        raise ValueError("both pools must have at least one person")
    for side, people in (("mentees", problem.mentees), ("mentors", problem.mentors)):
        for name in ("region", "level", "topics", "capabilities", "availability"):
            if len(getattr(people, name)) != people.size:
                raise ValueError(f"{side}.{name}: expected {people.size} rows")
    for name in ("topics", "capabilities", "availability"):
        a, b = getattr(problem.mentees, name), getattr(problem.mentors, name)
        if a.shape[1] != b.shape[1]:
            raise ValueError(f"{name}: mentees and mentors have different numbers of columns")
    if problem.peer_pool and n != m:
        raise ValueError("a peer pool has the same people on both sides")
    caps = np.asarray(problem.capacity)
    if caps.shape != (m,) or (caps < 1).any():
        raise ValueError("capacity: one whole number of at least 1 per mentor")
    weights = problem.scheme.weights.as_array()
    if not np.isfinite(weights).all() or (weights < 0).any():
        raise ValueError("weights must be finite and not negative")
    if weights.sum() > MAX_SCORE or not 0 <= problem.scheme.score_floor <= MAX_SCORE:
        raise ValueError(f"scores must lie between 0 and {MAX_SCORE:g}")
    for name in ("forbidden", "pinned"):
        pairs = np.asarray(getattr(problem, name))
        if len(pairs) and ((pairs[:, 0] >= n) | (pairs[:, 1] >= m) | (pairs < 0).any(1)).any():
            raise ValueError(f"{name}: index out of range")
    if problem.pair_scores is not None:
        s = problem.pair_scores.score
        if not np.isfinite(s).all() or (s < 0).any() or (s > MAX_SCORE).any():
            raise ValueError(f"pair scores must lie between 0 and {MAX_SCORE:g}")
