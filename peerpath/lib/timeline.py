"""What apps contribute to a person's portfolio timeline and capability view.

Each app may have a module `peerpath/<app>/portfolio.py` with
`timeline_items(user, start, end) -> list[TimelineItem]`; the portfolio collects them, so
it never needs to know every app's models.
"""

import datetime
import importlib
from dataclasses import dataclass, field

CONTRIBUTING_APPS = ["portfolio", "assessments", "programmes", "badges", "mentoring"]


@dataclass(frozen=True)
class TimelineItem:
    when: datetime.date
    kind: str  # short label in the user's words: "Self-evaluation", "Badge", "Session"
    title: str
    url: str = ""
    statement_ids: tuple[int, ...] = field(default=())  # framework statements it evidences


def collect_timeline(user, start: datetime.date, end: datetime.date) -> list[TimelineItem]:
    items: list[TimelineItem] = []
    for app in CONTRIBUTING_APPS:
        try:
            module = importlib.import_module(f"peerpath.{app}.portfolio")
        except ModuleNotFoundError:
            continue
        items += module.timeline_items(user, start, end)
    return sorted(items, key=lambda item: item.when, reverse=True)
