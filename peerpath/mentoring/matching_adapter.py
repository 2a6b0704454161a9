"""Between the round's records and the matching engine: applications in, draft pairs out.

`propose_pairs(cohort)` is the one entry point the coordinator's matching page uses.
It reads who can be matched, turns them into the engine's arrays (topics, availability,
capability needs and strengths, region, organisation, role level, places left), adds the
pairs the scheme's rules forbid that the engine cannot know about (line managers,
declared conflicts, pairs the coordinator removed, pairs that ended early), keeps the
coordinator's pinned pairs, and returns proposed pairs with their score breakdown.

The engine is `peerpath.mentoring.matching` (a pure module built separately). Until it
is on main, `matching_interim` solves the same problem with SciPy's assignment solver,
using the same four score components.
"""

from dataclasses import dataclass, field

import numpy as np

from . import capabilities, selectors
from .eligibility import ended_pairs
from .models import Application, Cohort, MatchExclusion

COMPONENTS = ("topics", "capabilities", "region", "availability")


@dataclass(frozen=True)
class Component:
    name: str
    value: float  # 0..1: how far this part fits
    weight: float  # what the coordinator set
    points: float  # value × weight: its share of the score


@dataclass(frozen=True)
class ProposedPair:
    mentee_id: int
    mentor_id: int
    score: float
    components: tuple[Component, ...]
    pinned: bool = False


@dataclass(frozen=True)
class LeftOut:
    application_id: int
    reason: str  # no_eligible_partner, capacity_exhausted, partners_matched_elsewhere, …
    blocked_by: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Proposal:
    pairs: tuple[ProposedPair, ...]
    left_out: tuple[LeftOut, ...]
    total_score: float
    engine: str


@dataclass
class Pools:
    """The people and rules of one round, as arrays in application order."""

    cohort: Cohort
    mentees: list[Application]
    mentors: list[Application]
    capacity: np.ndarray
    forbidden: np.ndarray
    arrays: dict[str, dict[str, np.ndarray]]


def weights_of(cohort: Cohort) -> np.ndarray:
    return np.array(
        [
            cohort.weight_topics,
            cohort.weight_capabilities,
            cohort.weight_region,
            cohort.weight_availability,
        ],
        dtype=np.float64,
    )


def _people_arrays(apps: list[Application], cohort: Cohort, regions: dict[str, int]) -> dict:
    topics = list(cohort.topics)
    slots = list(cohort.availability_options)
    codes = capabilities.domain_codes(cohort.scheme.evaluation_framework)
    return {
        "organisation": np.array([a.organisation_id or -a.pk for a in apps], dtype=np.int64),
        "region": np.array(
            [regions.get(a.region.strip().casefold(), -1) for a in apps], dtype=np.int64
        ),
        "level": np.array([a.role_level or 0 for a in apps], dtype=np.int64),
        "topics": np.array([[t in a.topics for t in topics] for a in apps], dtype=bool).reshape(
            len(apps), len(topics)
        ),
        "capabilities": np.array(
            [capabilities.capability_row(a, codes) for a in apps], dtype=np.int8
        ).reshape(len(apps), len(codes)),
        "availability": np.array(
            [[s in a.availability for s in slots] for a in apps], dtype=bool
        ).reshape(len(apps), len(slots)),
    }


def _forbidden_pairs(cohort: Cohort, mentees: list, mentors: list) -> np.ndarray:
    """Pairs the engine cannot see for itself: line management, conflicts, removed, ended."""
    mentor_at = {a.pk: j for j, a in enumerate(mentors)}
    mentee_at = {a.pk: i for i, a in enumerate(mentees)}
    by_email = {a.applicant.email.lower(): j for j, a in enumerate(mentors)}
    pairs = set()
    for i, a in enumerate(mentees):
        for email in {a.line_manager_email.lower(), *a.conflict_emails()} - {""}:
            if email in by_email:
                pairs.add((i, by_email[email]))
    mentee_by_email = {a.applicant.email.lower(): i for i, a in enumerate(mentees)}
    for j, b in enumerate(mentors):
        for email in {b.line_manager_email.lower(), *b.conflict_emails()} - {""}:
            if email in mentee_by_email:
                pairs.add((mentee_by_email[email], j))
    removed = MatchExclusion.objects.filter(cohort=cohort).values_list("mentee_id", "mentor_id")
    for mentee_id, mentor_id in {*removed, *ended_pairs(cohort)}:
        if mentee_id in mentee_at and mentor_id in mentor_at:
            pairs.add((mentee_at[mentee_id], mentor_at[mentor_id]))
    return np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)


def pools_for(cohort: Cohort, mentees=None, mentors=None) -> Pools:
    """Who can be matched now: accepted, trained where the round requires it, with room."""
    if mentees is None or mentors is None:
        mentees, mentors = selectors.matchable(cohort)
    places = selectors.places_left(mentors)
    regions: dict[str, int] = {}
    for a in [*mentees, *mentors]:
        key = a.region.strip().casefold()
        if key:
            regions.setdefault(key, len(regions))
    return Pools(
        cohort=cohort,
        mentees=mentees,
        mentors=mentors,
        capacity=np.array([max(places[a.pk], 1) for a in mentors], dtype=np.int64),
        forbidden=_forbidden_pairs(cohort, mentees, mentors),
        arrays={
            "mentees": _people_arrays(mentees, cohort, regions),
            "mentors": _people_arrays(mentors, cohort, regions),
        },
    )


def score_matrix(pools: Pools) -> np.ndarray:
    """Weighted components for every (mentee, mentor): shape (mentees, mentors, 4).

    The same definitions as the engine: topics = share of the mentee's wanted topics the
    mentor offers; capabilities = the mentee's needs met by the mentor's strengths, as a
    share of the most they could be met; region = same region given by both; availability
    = share of the mentee's times the mentor also has.
    """
    a, b = pools.arrays["mentees"], pools.arrays["mentors"]

    def share(overlap: np.ndarray, total: np.ndarray) -> np.ndarray:
        out = np.zeros_like(overlap, dtype=np.float64)
        np.divide(overlap, total[:, None], out=out, where=total[:, None] > 0)
        return out

    topics = share(a["topics"].astype(float) @ b["topics"].T.astype(float), a["topics"].sum(1))
    needs = a["capabilities"].astype(float)
    caps = share(needs @ b["capabilities"].T.astype(float), capabilities.TOP * needs.sum(1))
    region = (a["region"][:, None] == b["region"][None, :]) & (a["region"][:, None] >= 0)
    slots = a["availability"].astype(float) @ b["availability"].T.astype(float)
    times = share(slots, a["availability"].sum(1))
    values = np.stack([topics, caps, region.astype(float), times], axis=-1)
    return values * weights_of(pools.cohort)


def blocked_by_rule(pools: Pools) -> dict[str, np.ndarray]:
    """For each hard rule, which (mentee, mentor) pairs it blocks."""
    a, b = pools.arrays["mentees"], pools.arrays["mentors"]
    scheme = pools.cohort.scheme
    shape = (len(pools.mentees), len(pools.mentors))
    same_person = np.array(
        [[x.applicant_id == y.applicant_id for y in pools.mentors] for x in pools.mentees],
        dtype=bool,
    ).reshape(shape)
    forbidden = np.zeros(shape, dtype=bool)
    forbidden[pools.forbidden[:, 0], pools.forbidden[:, 1]] = True
    none = np.zeros(shape, dtype=bool)
    return {
        "same_person": same_person,
        "same_organisation": (a["organisation"][:, None] == b["organisation"][None, :])
        if scheme.forbid_same_organisation
        else none,
        "role_level": (b["level"][None, :] < a["level"][:, None])
        if scheme.mentor_level_at_least_mentee and not scheme.is_peer
        else none,
        "forbidden": forbidden,
    }


def allowed_matrix(pools: Pools) -> np.ndarray:
    """Which (mentee, mentor) pairs the scheme's hard rules allow."""
    return ~np.logical_or.reduce(list(blocked_by_rule(pools).values()))


def components_of(weighted: np.ndarray, weights: np.ndarray) -> tuple[Component, ...]:
    return tuple(
        Component(name, float(p / w) if w else 0.0, float(w), float(p))
        for name, p, w in zip(COMPONENTS, weighted, weights, strict=True)
    )


def propose_pairs(cohort: Cohort, *, pinned: list[tuple[int, int]] = ()) -> Proposal:
    """The best set of pairs for the round under its rules and weights.

    Guarantees: no mentor gets more mentees than the places they have left; no pair
    breaks a hard rule; every pinned (mentee, mentor) pair is kept; everyone left out
    has a reason. Pinned pairs must be allowed (the drafting service checks this).
    """
    pools = pools_for(cohort)
    if not pools.mentees or not pools.mentors:
        left = [LeftOut(a.pk, "no_eligible_partner") for a in [*pools.mentees, *pools.mentors]]
        return Proposal((), tuple(left), 0.0, "none")
    mentee_at = {a.pk: i for i, a in enumerate(pools.mentees)}
    mentor_at = {a.pk: j for j, a in enumerate(pools.mentors)}
    pins = np.array(
        [(mentee_at[a], mentor_at[b]) for a, b in pinned if a in mentee_at and b in mentor_at],
        dtype=np.int64,
    ).reshape(-1, 2)
    from .matching_interim import solve

    return solve(pools, pins)


def score_against(mentee: Application, mentors: list[Application]) -> list[tuple[float, tuple]]:
    """(score, components) of one mentee with each of `mentors`, for shortlists and pairs
    the coordinator chooses by hand, with the same definitions as the optimiser."""
    if not mentors:
        return []
    pools = pools_for(mentee.cohort, [mentee], list(mentors))
    weighted = score_matrix(pools)[0]
    weights = weights_of(pools.cohort)
    return [(float(row.sum()), components_of(row, weights)) for row in weighted]
