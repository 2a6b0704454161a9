"""Reading a portfolio file defensively: every problem is collected with where it is.

A `Checker` reads values out of the untrusted JSON, records a problem for each one that
is missing or of the wrong shape, and returns a harmless default so checking can go on
and report everything at once.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _


class PortfolioFileError(Exception):
    """A portfolio file that cannot be imported; nothing was written."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


class Checker:
    def __init__(self):
        self.problems: list[str] = []

    def problem(self, path: str, message: str) -> None:
        self.problems.append(f"{path}: {message}" if path else message)

    def mapping(self, obj: dict, key: str, path: str, *, optional=False) -> dict:
        value = obj.get(key)
        if value is None and optional:
            return {}
        if not isinstance(value, dict):
            self.problem(_join(path, key), _("must be an object"))
            return {}
        return value

    def items(self, obj: dict, key: str, path: str) -> list[dict]:
        value = obj.get(key, [])
        if not isinstance(value, list):
            self.problem(_join(path, key), _("must be a list"))
            return []
        good = []
        for index, item in enumerate(value):
            if isinstance(item, dict):
                good.append(item)
            else:
                self.problem(f"{_join(path, key)}[{index}]", _("must be an object"))
        return good

    def text(self, obj: dict, key: str, path: str, *, limit=100_000, required=False) -> str:
        value = obj.get(key, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.problem(_join(path, key), _("must be text"))
            return ""
        if required and not value.strip():
            self.problem(_join(path, key), _("is required"))
        if len(value) > limit:
            self.problem(
                _join(path, key), _("is longer than %(limit)s characters") % {"limit": f"{limit:,}"}
            )
        return value

    def choice(self, obj: dict, key: str, path: str, choices, *, blank_ok=False) -> str:
        value = self.text(obj, key, path, limit=100)
        allowed = {str(c) for c in choices}
        if value not in allowed and not (blank_ok and value == ""):
            self.problem(
                _join(path, key),
                _("must be one of %(choices)s") % {"choices": ", ".join(sorted(allowed))},
            )
            return next(iter(sorted(allowed)))
        return value

    def date(self, obj: dict, key: str, path: str, *, required=False) -> datetime.date | None:
        value = obj.get(key)
        if value is None:
            if required:
                self.problem(_join(path, key), _("is required"))
            return None
        try:
            return datetime.date.fromisoformat(value)
        except (TypeError, ValueError):
            self.problem(_join(path, key), _("must be a date like 2026-03-27"))
            return None

    def moment(self, obj: dict, key: str, path: str, *, required=True) -> datetime.datetime | None:
        value = obj.get(key)
        if value is None:
            if required:
                self.problem(_join(path, key), _("is required"))
            return None
        try:
            parsed = datetime.datetime.fromisoformat(value)
        except (TypeError, ValueError):
            self.problem(
                _join(path, key), _("must be a date and time like 2026-03-27T14:02:00+00:00")
            )
            return None
        if parsed.tzinfo is None:
            self.problem(_join(path, key), _("must include a time zone offset"))
            return None
        return parsed

    def hours(self, obj: dict, key: str, path: str) -> Decimal | None:
        value = obj.get(key)
        if value is None:
            return None
        try:
            hours = Decimal(str(value))
        except InvalidOperation:
            self.problem(_join(path, key), _("must be a number of hours like 1.5"))
            return None
        if not hours.is_finite() or hours < 0 or hours > 9999 or hours.as_tuple().exponent < -2:
            self.problem(_join(path, key), _("must be between 0 and 9999 with at most 2 decimals"))
            return None
        return hours

    def refs(self, obj: dict, key: str, path: str, known: set[str]) -> list[str]:
        value = obj.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(_join(path, key), _("must be a list of references"))
            return []
        for ref in value:
            if ref not in known:
                self.problem(
                    _join(path, key),
                    _('refers to "%(ref)s", which is not in the file') % {"ref": ref},
                )
        return [ref for ref in value if ref in known]


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key
