"""Where a problem is: a line of a CSV file, a line and column of broken JSON, or a field path.

Field paths (`domains[2].code`) are the file's own words and stay as they are; lines are
words of the page, so they are translated. A place written in words takes a field name
after a comma (`line 7, code`), a path after a dot (`domains[2].code`).
"""

from django.utils.translation import gettext as _


class WordedPlace(str):
    """A place named in words of the page's language, such as "line 7"."""


def line(number: int) -> WordedPlace:
    return WordedPlace(_("line %(line)s") % {"line": number})


def line_and_column(line_number: int, column: int) -> WordedPlace:
    return WordedPlace(
        _("line %(line)s, column %(column)s") % {"line": line_number, "column": column}
    )


def scale_level(scale: str, number: int) -> WordedPlace:
    """The n-th level of a rating scale that has no path of its own (`rating_scale, level 2`)."""
    return WordedPlace(_("%(scale)s, level %(number)s") % {"scale": scale, "number": number})


def locate(origin: str, field: str) -> str:
    """`domains[2]` + `code` → `domains[2].code`; `line 7` + `code` → `line 7, code`."""
    if not origin:
        return field
    if isinstance(origin, WordedPlace):
        return WordedPlace(f"{origin}, {field}")
    return f"{origin}.{field}"
