"""Periods people are asked about: the last year, a UK financial year, all time."""

import datetime

from django.utils.translation import gettext as _


def year_ago(today: datetime.date) -> datetime.date:
    """The first day of the 12 months that end today."""
    try:
        return today.replace(year=today.year - 1) + datetime.timedelta(days=1)
    except ValueError:  # 29 February
        return today.replace(year=today.year - 1, day=28) + datetime.timedelta(days=1)


def periods(today: datetime.date) -> list[tuple[str, datetime.date | None, datetime.date]]:
    """(label, start or None for all time, end) for the ready-made period links."""
    april = datetime.date(today.year if today.month >= 4 else today.year - 1, 4, 1)
    return [
        (_("Last 12 months"), year_ago(today), today),
        (_("This financial year"), april, today),
        (
            _("Last financial year"),
            april.replace(year=april.year - 1),
            april - datetime.timedelta(days=1),
        ),
        (_("This calendar year"), datetime.date(today.year, 1, 1), today),
        (_("All time"), None, today),
    ]


def period_query(start: datetime.date | None, end: datetime.date) -> str:
    """The query string the period fields read (day, month and year boxes)."""

    def boxes(prefix: str, day: datetime.date | None) -> list[str]:
        if day is None:
            return [f"{prefix}_0=", f"{prefix}_1=", f"{prefix}_2="]
        return [f"{prefix}_0={day.day}", f"{prefix}_1={day.month}", f"{prefix}_2={day.year}"]

    return "?" + "&".join(boxes("start", start) + boxes("end", end))
