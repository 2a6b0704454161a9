"""What apps contribute to a person's portfolio timeline and capability view.

Each app may have a module `peerpath/<app>/portfolio.py` with

    timeline_items(user, start, end, *, limit=None, statements=None, evidence=False)
        -> list[TimelineItem]

and the portfolio collects them, so it never needs to know every app's models. The
keywords exist so a page asks the database only for what it shows:

- `limit`: only the app's `limit` latest items (the portfolio's home shows eight);
- `statements`: only items that evidence at least one of these framework statement ids
  (the capability view of one framework); items evidencing nothing are then left out;
- `evidence`: fill in each item's `statement_ids`. Without it (or `statements`) they may
  be left empty: the timeline itself never shows them.
"""

import datetime
import importlib
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse
from django.utils import timezone

CONTRIBUTING_APPS = ["portfolio", "assessments", "programmes", "badges", "mentoring"]


@dataclass(frozen=True)
class TimelineItem:
    when: datetime.date
    kind: str  # short label in the user's words: "Self-evaluation", "Badge", "Session"
    title: str
    url: str = ""
    statement_ids: tuple[int, ...] = field(default=())  # framework statements it evidences


def day_bounds(start: datetime.date, end: datetime.date):
    """From the start of `start` to the start of the day after `end`, in the site's time
    zone (Europe/London): comparing a datetime column itself lets the database use an
    index, where `__date__range` converts every row."""
    zone = timezone.get_current_timezone()
    first = datetime.datetime.combine(start, datetime.time.min, tzinfo=zone)
    after = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min, zone)
    return first, after


def url_maker(name: str, kwarg: str, **fixed) -> Callable[[object], str]:
    """A function giving `reverse(name, kwargs={kwarg: value})` for many values at the cost
    of one reverse(): a timeline of hundreds of items would otherwise spend longer
    reversing URLs than reading the database."""
    for sentinel in _SENTINELS:
        try:
            url = reverse(name, kwargs={**fixed, kwarg: sentinel})
        except NoReverseMatch:
            continue
        before, found, after = url.partition(sentinel)
        if found and sentinel not in after:
            return lambda value: f"{before}{value}{after}"
    return lambda value: reverse(name, kwargs={**fixed, kwarg: value})


# Values no real id takes, one for each kind of path converter an id goes through.
_SENTINELS = ["8374619250", "83746192-5083-4619-8374-619250837461"]


def latest(items: list[TimelineItem], limit: int | None = None) -> list[TimelineItem]:
    """Newest first (a stable sort, so items of one day keep their app's order), cut to `limit`."""
    items = sorted(items, key=lambda item: item.when, reverse=True)
    return items if limit is None else items[:limit]


def collect_timeline(
    user,
    start: datetime.date,
    end: datetime.date,
    *,
    limit: int | None = None,
    statements: Collection[int] | None = None,
    evidence: bool = False,
    apps: Collection[str] = CONTRIBUTING_APPS,
) -> list[TimelineItem]:
    """Every contributing app's items from start to end, both days included, newest first."""
    items: list[TimelineItem] = []
    for app in CONTRIBUTING_APPS:
        if app not in apps:
            continue
        name = f"peerpath.{app}.portfolio"
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
            continue
        items += module.timeline_items(
            user, start, end, limit=limit, statements=statements, evidence=evidence
        )
    return latest(items, limit)
