"""Checks every format shares: what makes a framework importable."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from .data import FrameworkData, Problem
from .places import locate

CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
VERSION_RE = re.compile(r"^[0-9][0-9A-Za-z.-]{0,19}$")
KINDS = {"self-evaluation", "capabilities", "standard", "themes", "external"}
SUBJECTS = {"person", "organisation"}
MAX_LEVELS = 10


def _check_text(problems, origin, field, value, limit, *, required=True):
    if required and not value.strip():
        problems.append(Problem(locate(origin, field), _("is required and cannot be empty")))
    elif len(value) > limit:
        problems.append(
            Problem(
                locate(origin, field),
                _("is %(length)s characters; the limit is %(limit)s")
                % {"length": len(value), "limit": limit},
            )
        )


def validate(data: FrameworkData) -> list[Problem]:
    """Every problem with `data`, in file order. An empty list means it can be imported."""
    problems: list[Problem] = []
    if not SLUG_RE.match(data.slug):
        problems.append(
            Problem(
                "slug", _("use lower-case letters, digits and single hyphens, e.g. my-framework")
            )
        )
    elif len(data.slug) > 80:
        problems.append(Problem("slug", _("must be at most 80 characters")))
    if not VERSION_RE.match(data.version):
        problems.append(
            Problem("version", _("must start with a digit, e.g. 1.0 (up to 20 characters)"))
        )
    _check_text(problems, "", "name", data.name, 200)
    _check_text(problems, "", "statement_stem", data.statement_stem, 100, required=False)
    if data.kind not in KINDS:
        problems.append(
            Problem("kind", _("must be one of: %(kinds)s") % {"kinds": ", ".join(sorted(KINDS))})
        )
    if data.subject not in SUBJECTS:
        problems.append(Problem("subject", _("must be person or organisation")))
    for field in ("url", "licence_url"):
        value = getattr(data.source, field)
        if value:
            try:
                URLValidator(schemes=["http", "https"])(value)
            except ValidationError:
                problems.append(Problem(f"source.{field}", _("must be a web address (https://…)")))
    problems += _validate_scale(data)
    problems += _validate_items(data)
    return problems


def _validate_scale(data: FrameworkData) -> list[Problem]:
    problems: list[Problem] = []
    scale = data.rating_scale
    if scale is None:
        return problems
    _check_text(problems, scale.origin, "name", scale.name, 100)
    if not 2 <= len(scale.levels) <= MAX_LEVELS:
        problems.append(
            Problem(
                locate(scale.origin, "levels"),
                _("needs 2 to %(most)s levels") % {"most": MAX_LEVELS},
            )
        )
    seen_labels: set[str] = set()
    for expected, level in enumerate(scale.levels, start=1):
        if level.value != expected:
            problems.append(
                Problem(
                    locate(level.origin, "value"),
                    _(
                        "levels must be numbered 1, 2, 3… in order; "
                        "expected %(expected)s, found %(found)s"
                    )
                    % {"expected": expected, "found": level.value},
                )
            )
        _check_text(problems, level.origin, "label", level.label, 100)
        if level.label.casefold() in seen_labels:
            problems.append(
                Problem(
                    locate(level.origin, "label"),
                    _('"%(label)s" is repeated') % {"label": level.label},
                )
            )
        seen_labels.add(level.label.casefold())
        _check_text(problems, level.origin, "description", level.description, 300, required=False)
    return problems


def _validate_items(data: FrameworkData) -> list[Problem]:
    problems: list[Problem] = []
    if not data.domains:
        problems.append(Problem("domains", _("the framework has no domains or statements")))
    seen: dict[str, str] = {}

    def check_code(origin: str, code: str):
        if not CODE_RE.match(code):
            problems.append(
                Problem(
                    locate(origin, "code"),
                    _(
                        '"%(code)s" is not a usable code: up to 40 letters, digits, dots, '
                        "hyphens or underscores, starting with a letter or digit"
                    )
                    % {"code": code},
                )
            )
        elif code.casefold() in seen:
            problems.append(
                Problem(
                    locate(origin, "code"),
                    _('"%(code)s" is used twice (also at %(place)s)')
                    % {"code": code, "place": seen[code.casefold()]},
                )
            )
        else:
            seen[code.casefold()] = origin or code

    for level in data.progression_levels:
        check_code(level.origin, level.code)
        _check_text(problems, level.origin, "name", level.name, 200)
    for domain in data.domains:
        check_code(domain.origin, domain.code)
        _check_text(problems, domain.origin, "name", domain.name, 300)
        _check_text(
            problems, domain.origin, "evidence_prompt", domain.evidence_prompt, 300, required=False
        )
        for statement in domain.statements:
            check_code(statement.origin, statement.code)
            _check_text(problems, statement.origin, "text", statement.text, 2000)
    return problems
