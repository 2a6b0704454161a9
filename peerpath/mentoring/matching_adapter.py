"""Between a round's records and the matching engine: applications in, draft pairs out.

`propose_pairs(cohort)` is the one entry point the coordinator's matching page uses. It
reads who can be matched, turns them into the engine's arrays (topics, availability,
capability needs and strengths, region, organisation, role level, places left), adds the
pairs the scheme forbids that the engine cannot see for itself (line managers, declared
conflicts, pairs the coordinator removed, pairs that ended early), keeps the
coordinator's pinned pairs, calls `matching.match`, and returns proposed pairs with the
engine's score breakdown and the reason anyone was left out.

`score_against(mentee, mentors)` scores one mentee against a few mentors with the same
engine, for shortlists and for pairs the coordinator makes by hand.
"""

from dataclasses import dataclass, field

import numpy as np
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from . import capabilities, matching, selectors
from .eligibility import ended_pairs
from .matching.scoring import ScoreModel
from .models import Application, Cohort, MatchExclusion


@dataclass(frozen=True)
class Component:
    name: str  # topics, capabilities, region or availability
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
    # Mentors who would have scored higher for this mentee but were full with pairs that
    # did more for the round as a whole.
    better_mentor_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class LeftOut:
    application_id: int
    reason: str  # the engine's Reason: no_eligible_partner, capacity_exhausted, …
    blocked_by: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Proposal:
    pairs: tuple[ProposedPair, ...]
    left_out: tuple[LeftOut, ...]
    total_score: float
    engine: str


@dataclass(frozen=True)
class Pools:
    """A round's people as the engine sees them, in application order."""

    cohort: Cohort
    mentees: list[Application]
    mentors: list[Application]
    problem_parts: dict


def _people(apps: list[Application], cohort: Cohort, regions: dict[str, int]) -> matching.People:
    topics, slots = list(cohort.topics), list(cohort.availability_options)
    codes = capabilities.domain_codes(cohort.scheme.evaluation_framework)
    n = len(apps)
    return matching.People(
        # An applicant with no organisation yet counts as an organisation of their own.
        organisation=np.array([a.organisation_id or -a.pk for a in apps], dtype=np.int64),
        region=np.array([regions.get(a.region.strip().casefold(), -1) for a in apps], np.int64),
        level=np.array([a.role_level or 0 for a in apps], dtype=np.int64),
        topics=np.array([[t in a.topics for t in topics] for a in apps], bool).reshape(n, -1),
        capabilities=np.array(
            [capabilities.capability_row(a, codes) for a in apps], dtype=np.int64
        ).reshape(n, len(codes)),
        availability=np.array([[s in a.availability for s in slots] for a in apps], bool).reshape(
            n, len(slots)
        ),
    )


def _forbidden(cohort: Cohort, mentees: list, mentors: list) -> np.ndarray:
    """Line management, declared conflicts, pairs removed by the coordinator, pairs that
    ended early: (mentee index, mentor index) rows."""
    mentee_at = {a.pk: i for i, a in enumerate(mentees)}
    mentor_at = {a.pk: j for j, a in enumerate(mentors)}
    mentor_by_email = {a.applicant.email.lower(): j for j, a in enumerate(mentors)}
    mentee_by_email = {a.applicant.email.lower(): i for i, a in enumerate(mentees)}
    pairs = set()
    for i, a in enumerate(mentees):
        for email in {a.line_manager_email.lower(), *a.conflict_emails()} & mentor_by_email.keys():
            pairs.add((i, mentor_by_email[email]))
    for j, b in enumerate(mentors):
        for email in {b.line_manager_email.lower(), *b.conflict_emails()} & mentee_by_email.keys():
            pairs.add((mentee_by_email[email], j))
    removed = MatchExclusion.objects.filter(cohort=cohort).values_list("mentee_id", "mentor_id")
    for mentee_id, mentor_id in {*removed, *ended_pairs(cohort)}:
        if mentee_id in mentee_at and mentor_id in mentor_at:
            pairs.add((mentee_at[mentee_id], mentor_at[mentor_id]))
    return np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)


def _problem(cohort: Cohort, mentees, mentors, pinned=()) -> matching.Problem:
    scheme = cohort.scheme
    regions: dict[str, int] = {}
    for a in [*mentees, *mentors]:
        if key := a.region.strip().casefold():
            regions.setdefault(key, len(regions))
    places = selectors.places_left(mentors)
    return matching.Problem(
        scheme=matching.Scheme(
            weights=matching.Weights(
                topics=cohort.weight_topics,
                capabilities=cohort.weight_capabilities,
                region=cohort.weight_region,
                availability=cohort.weight_availability,
            ),
            forbid_same_organisation=scheme.forbid_same_organisation,
            mentor_level_at_least_mentee=scheme.mentor_level_at_least_mentee and not scheme.is_peer,
        ),
        mentees=_people(mentees, cohort, regions),
        mentors=_people(mentors, cohort, regions),
        capacity=np.array([max(places[a.pk], 1) for a in mentors], dtype=np.int64),
        forbidden=_forbidden(cohort, mentees, mentors),
        pinned=np.array(pinned, dtype=np.int64).reshape(-1, 2),
    )


def _components(explanation: matching.Explanation) -> tuple[Component, ...]:
    return tuple(Component(c.name, c.value, c.weight, c.points) for c in explanation.components)


def propose_pairs(cohort: Cohort, *, pinned: list[tuple[int, int]] = ()) -> Proposal:
    """The best set of pairs for the round under its rules and weights (the engine's exact
    optimum: highest total score, then most pairs).

    Guarantees: no mentor gets more mentees than the places they have left; no pair breaks
    a hard rule; every pinned (mentee, mentor) pair is kept; everyone left out has a reason.
    A pinned pair the rules no longer allow raises ValidationError naming it.
    """
    mentees, mentors = selectors.matchable(cohort)
    if not mentees or not mentors:
        left = [LeftOut(a.pk, "no_eligible_partner") for a in [*mentees, *mentors]]
        return Proposal((), tuple(left), 0.0, "none")
    mentee_at = {a.pk: i for i, a in enumerate(mentees)}
    mentor_at = {a.pk: j for j, a in enumerate(mentors)}
    pins = [(mentee_at[a], mentor_at[b]) for a, b in pinned if a in mentee_at and b in mentor_at]
    try:
        result = matching.match(_problem(cohort, mentees, mentors, pins), blocking_pairs=False)
    except matching.InvalidProblem as error:
        raise ValidationError(
            _("A pinned pair can no longer be made: unpin or remove it. (%(why)s)")
            % {"why": "; ".join(error.errors)}
        ) from None
    pairs = tuple(
        ProposedPair(
            mentee_id=mentees[p.mentee].pk,
            mentor_id=mentors[p.mentor].pk,
            score=p.score,
            components=_components(p.explanation),
            pinned=p.explanation.pinned,
            better_mentor_ids=tuple(mentors[j].pk for j in p.explanation.higher_scoring_mentors),
        )
        for p in result.pairings
    )
    left_out = tuple(
        LeftOut(
            (mentees if u.side == "mentee" else mentors)[u.index].pk,
            str(u.reason),
            dict(u.blocked_by),
        )
        for u in result.unmatched
    )
    return Proposal(pairs, left_out, result.total_score, f"{result.method}/{result.objective}")


def score_against(mentee: Application, mentors: list[Application]) -> list[tuple[float, tuple]]:
    """(score, components) of one mentee with each of `mentors`, scored by the engine
    exactly as the optimiser scores them (rules are checked separately)."""
    if not mentors:
        return []
    mentors = list(mentors)
    problem = _problem(mentee.cohort, [mentee], mentors)
    model = ScoreModel(problem)
    i = np.zeros(len(mentors), dtype=np.int64)
    j = np.arange(len(mentors))
    points = model.contributions(i, j)
    values = model.numerators(i, j) / np.where(model.denominators[i] > 0, model.denominators[i], 1)
    weights = problem.scheme.weights.as_array()
    return [
        (
            float(points[k].sum()),
            tuple(
                Component(name, float(values[k, c]), float(weights[c]), float(points[k, c]))
                for c, name in enumerate(matching.COMPONENTS)
            ),
        )
        for k in range(len(mentors))
    ]
