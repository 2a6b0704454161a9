"""Which 360° figures may be shown. Pure functions of counts and ratings: no ORM.

The rules, in the words the report uses:

1. A rater group is shown only when at least its minimum number of people answered.
   For a statement, only people who rated it count ("I cannot say" does not), so one
   rating cannot hide behind two people who could not say.
2. "Everyone else" pools what may be shown: every rating from the groups shown, plus the
   ratings of the groups withheld only when, together, they reach the largest minimum
   among those groups. Subtracting the shown groups from "Everyone else" then reveals
   at most an average over that many people: never one withheld group's answers.
3. A capability's figure is the average of the statement figures shown, never of raw
   ratings, so it cannot be set against a statement figure to work back a rating.
4. Nothing here knows who gave a rating; the caller passes values grouped by rater group.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from statistics import fmean


@dataclass(frozen=True)
class Figure:
    """An average rating that may be shown, or a note that it is withheld."""

    mean: float | None = None
    count: int = 0

    @property
    def shown(self) -> bool:
        return self.mean is not None


WITHHELD = Figure()


@dataclass(frozen=True)
class Visibility:
    """Which groups are shown, and whether the withheld ones may be pooled into the rest."""

    shown: frozenset[str]
    withheld: frozenset[str]  # groups with at least one answer, under their minimum
    pool_withheld: bool

    @property
    def others_include_everyone(self) -> bool:
        return not self.withheld or self.pool_withheld


def visibility(counts: Mapping[str, int], minimums: Mapping[str, int]) -> Visibility:
    """Apply rules 1 and 2 to the number of answers per group."""
    shown = {g for g, n in counts.items() if n > 0 and n >= minimums[g]}
    withheld = {g for g, n in counts.items() if 0 < n < minimums[g]}
    pooled = sum(counts[g] for g in withheld)
    pool = bool(withheld) and pooled >= max(minimums[g] for g in withheld)
    return Visibility(frozenset(shown), frozenset(withheld), pool)


@dataclass(frozen=True)
class StatementFigures:
    by_group: dict[str, Figure]
    others: Figure
    others_include_everyone: bool


def statement_figures(
    ratings: Mapping[str, Sequence[int]], minimums: Mapping[str, int]
) -> StatementFigures:
    """Figures for one statement from the values each group gave (self excluded)."""
    rule = visibility({g: len(v) for g, v in ratings.items()}, minimums)
    by_group = {
        group: Figure(fmean(values), len(values)) if group in rule.shown else WITHHELD
        for group, values in ratings.items()
    }
    pooled = [v for g in rule.shown for v in ratings[g]]
    if rule.pool_withheld:
        pooled += [v for g in rule.withheld for v in ratings[g]]
    others = Figure(fmean(pooled), len(pooled)) if pooled else WITHHELD
    return StatementFigures(by_group, others, rule.others_include_everyone)


def average_of_shown(figures: Sequence[Figure]) -> Figure:
    """Rule 3: a capability figure from the statement figures shown (count = statements)."""
    means = [f.mean for f in figures if f.mean is not None]
    return Figure(fmean(means), len(means)) if means else WITHHELD


@dataclass(frozen=True)
class Gap:
    """Self minus everyone else, for one statement."""

    key: object
    self_value: float
    others: float
    difference: float = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "difference", round(self.self_value - self.others, 2))


GAP_WORTH_NOTING = 0.5
GAPS_LISTED = 5


def largest_gaps(gaps: Sequence[Gap]) -> tuple[list[Gap], list[Gap]]:
    """(blind spots, hidden strengths): the largest gaps of at least half a scale level.

    A blind spot is where you rated yourself higher than others did; a hidden strength
    is where others rated you higher than you did.
    """
    blind = sorted((g for g in gaps if g.difference >= GAP_WORTH_NOTING), key=_by_size)
    hidden = sorted((g for g in gaps if -g.difference >= GAP_WORTH_NOTING), key=_by_size)
    return blind[:GAPS_LISTED], hidden[:GAPS_LISTED]


def _by_size(gap: Gap) -> float:
    return -abs(gap.difference)
