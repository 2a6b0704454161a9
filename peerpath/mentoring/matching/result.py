"""What the engine returns: pairings with explanations, the unmatched with reasons."""

from dataclasses import dataclass, field
from enum import StrEnum

from .optimal import Certificate


class Reason(StrEnum):
    NO_ELIGIBLE_PARTNER = "no_eligible_partner"  # every pair is blocked by a rule
    BELOW_FLOOR = "below_floor"  # allowed pairs exist, but all score below the floor
    CAPACITY_EXHAUSTED = "capacity_exhausted"  # eligible mentors are all full
    PARTNERS_MATCHED_ELSEWHERE = "partners_matched_elsewhere"  # (mentors) eligible mentees
    # are all paired with someone who added more to the objective


@dataclass(frozen=True)
class Component:
    """One part of a pair's score: `value` in [0, 1] times `weight` gives `points`."""

    name: str
    value: float
    weight: float
    points: float


@dataclass(frozen=True)
class Explanation:
    """Why a pair was made. `components` add up to the pair's score (to 2**-16).

    `mentor_full`: the mentor's capacity is used up, so that constraint binds.
    `higher_scoring_mentors`: shortlisted mentors who would have scored higher for this
    mentee but were full with pairings that did more for the objective.
    """

    components: tuple[Component, ...]
    pinned: bool = False
    mentor_full: bool = False
    higher_scoring_mentors: tuple[int, ...] = ()


@dataclass(frozen=True)
class Pairing:
    mentee: int
    mentor: int
    score: float
    explanation: Explanation


@dataclass(frozen=True)
class Unmatched:
    """A mentee left without a mentor, or a mentor left without any mentee.

    `blocked_by` counts, for a person with no eligible partner, how many partners each rule
    excluded (a partner may be excluded by several rules).
    """

    side: str
    index: int
    reason: Reason
    blocked_by: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Result:
    pairings: tuple[Pairing, ...]
    unmatched: tuple[Unmatched, ...]
    total_score: float
    matched: int
    objective: str
    method: str
    certificate: Certificate | None
    blocking_pairs: int | None = None
