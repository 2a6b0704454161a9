"""The programme and pathway file formats (see docs/programmes-format.md).

Reading turns a JSON file into plain dataclasses and checks everything that can be
checked without the database; `ProgrammeFileError` carries every problem found, each
with where it is (a line for broken JSON, a field path otherwise), so a person can fix
a file in one go. Writing turns the dataclasses back into the same JSON.
"""

import json
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from peerpath.accounts.models import RoleLevel
from peerpath.lib.file_kinds import is_wrong_kind, json_reason

from .models.programmes import CODE_PATTERN, Programme
from .tools import KNOWN_TOOLS

PROGRAMME_FORMAT = "peerpath-programme/1"
PATHWAY_FORMAT = "peerpath-pathway/1"
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# A language tag as HTML takes it: "en", "cy", "en-GB".
LANGUAGE_PATTERN = r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$"
ROLE_LEVELS = {level.name.lower().replace("_", "-"): level.value for level in RoleLevel}


@dataclass(frozen=True)
class Problem:
    where: str
    message: str


class ProgrammeFileError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(f"{p.where}: {p.message}" for p in problems))


@dataclass
class SourceData:
    title: str = ""
    publisher: str = ""
    url: str = ""
    licence: str = ""
    licence_url: str = ""
    attribution: str = ""
    notes: str = ""


@dataclass
class ResourceData:
    title: str
    url: str = ""
    note: str = ""


@dataclass
class ActivityData:
    code: str
    title: str
    summary: str = ""
    steps: list[str] = field(default_factory=list)
    resources: list[ResourceData] = field(default_factory=list)
    capabilities: list[str] = field(default_factory=list)
    min_words: int = 0
    link_allowed: bool = True
    tool: str = ""
    hours: int | float | None = None
    badge_name: str = ""
    badge_criteria: str = ""

    def as_dict(self) -> dict:
        evidence = {"min_words": self.min_words, "link_allowed": self.link_allowed}
        if self.tool:
            evidence["tool"] = self.tool
        out = {
            "code": self.code,
            "title": self.title,
            "summary": self.summary,
            "steps": self.steps,
            "resources": [_without_empty(asdict(r)) for r in self.resources],
            "capabilities": self.capabilities,
            "evidence": evidence,
            "hours": self.hours,
            "badge": {"name": self.badge_name, "criteria": self.badge_criteria},
        }
        return _without_empty(out)


@dataclass
class ModuleData:
    title: str
    summary: str = ""
    accreditation: str = ""


@dataclass
class ProgrammeData:
    slug: str
    name: str
    kind: str
    summary: str = ""
    language: str = "en"
    audience: str = Programme.Audience.MEMBERS.value
    review: str = Programme.Review.AUTO.value
    activity_label: str = ""
    start_with: list[str] = field(default_factory=list)
    start_with_note: str = ""
    min_role_level: str = ""
    eligibility: str = ""
    completion_attendance: int = 0
    completion_activities: int = 0
    capabilities_framework: str = ""
    source: SourceData = field(default_factory=SourceData)
    modules: list[ModuleData] = field(default_factory=list)
    activities: list[ActivityData] = field(default_factory=list)

    def as_dict(self) -> dict:
        """The file's JSON shape (see docs/programmes-format.md); empty parts left out."""
        out = {
            "format": PROGRAMME_FORMAT,
            "slug": self.slug,
            "name": self.name,
            "kind": self.kind,
            "summary": self.summary,
            "language": self.language,
            "audience": self.audience,
            "review": self.review,
            "activity_label": self.activity_label,
            "start_with": {"activities": self.start_with, "note": self.start_with_note},
            "eligibility": {"min_role_level": self.min_role_level, "note": self.eligibility},
            "completion": {
                "attendance": self.completion_attendance,
                "activities": self.completion_activities,
            }
            if self.completion_attendance or self.completion_activities
            else {},
            "capabilities_framework": self.capabilities_framework,
            "source": asdict(self.source),
            "modules": [asdict(module) for module in self.modules],
            "activities": [activity.as_dict() for activity in self.activities],
        }
        return _without_empty(out)


@dataclass
class PathwayStepData:
    title: str
    summary: str = ""
    url: str = ""
    activity: str = ""  # "<programme slug>/<activity code>"
    capabilities: list[str] = field(default_factory=list)


@dataclass
class PathwayData:
    slug: str
    name: str
    role_level: str = ""
    summary: str = ""
    capabilities_framework: str = ""
    attribution: str = ""
    steps: list[PathwayStepData] = field(default_factory=list)

    def as_dict(self) -> dict:
        return _without_empty(
            {
                "format": PATHWAY_FORMAT,
                **asdict(self),
                "steps": [_without_empty(asdict(step)) for step in self.steps],
            }
        )


def _without_empty(value: dict) -> dict:
    """Leave out empty texts, lists, objects and nulls (but keep 0 and false)."""
    out = {}
    for key, item in value.items():
        if isinstance(item, dict):
            item = _without_empty(item)
        if item in ("", None, [], {}):
            continue
        out[key] = item
    return out


def load_json(content: bytes, *, max_bytes: int | None = None) -> dict:
    """The file's top-level object, or every reason it cannot be read."""
    if max_bytes is not None and len(content) > max_bytes:
        raise ProgrammeFileError(
            [
                Problem(
                    _("file"), _("The file is larger than %(kb)s KB.") % {"kb": max_bytes // 1024}
                )
            ]
        )
    if is_wrong_kind(content):
        raise _not_json()
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ProgrammeFileError(
            [Problem(_("file"), _("The file is not UTF-8 text. Save it as UTF-8 JSON."))]
        ) from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        if not text.lstrip().startswith(("{", "[")):
            raise _not_json() from None  # a CSV or plain text: not JSON at all
        where = _("line %(line)s, column %(column)s") % {
            "line": error.lineno,
            "column": error.colno,
        }
        raise ProgrammeFileError([Problem(where, json_reason(error))]) from None
    if not isinstance(raw, dict):
        raise ProgrammeFileError([Problem(_("file"), _("The file must hold one JSON object."))])
    return raw


def _not_json() -> ProgrammeFileError:
    """One plain message for a picture, a PDF, a web page or a CSV, not a list of parse errors."""
    return ProgrammeFileError(
        [
            Problem(
                _("file"),
                _("This file is not a JSON file. Choose the programme file saved as .json."),
            )
        ]
    )


def file_format(raw: dict) -> str:
    fmt = raw.get("format")
    if fmt not in (PROGRAMME_FORMAT, PATHWAY_FORMAT):
        raise ProgrammeFileError(
            [
                Problem(
                    "format",
                    _('Expected "%(programme)s" or "%(pathway)s".')
                    % {"programme": PROGRAMME_FORMAT, "pathway": PATHWAY_FORMAT},
                )
            ]
        )
    return fmt


def read_programme(raw: dict) -> ProgrammeData:
    """Check a decoded programme file; all problems at once, or the data."""
    from .format_checks import check_programme

    problems: list[Problem] = []
    data = check_programme(raw, problems)
    if problems:
        raise ProgrammeFileError(problems)
    return data


def read_pathway(raw: dict) -> PathwayData:
    from .format_checks import check_pathway

    problems: list[Problem] = []
    data = check_pathway(raw, problems)
    if problems:
        raise ProgrammeFileError(problems)
    return data


def dump(data: ProgrammeData | PathwayData) -> str:
    return json.dumps(data.as_dict(), indent=2, ensure_ascii=False) + "\n"


def is_url(value: str) -> bool:
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        return False
    return True


def as_hours(value) -> int | float | None:
    """A positive number of hours below 1000 as a JSON number (2, not 2.0), else None."""
    if isinstance(value, bool):
        return None
    try:
        hours = Decimal(str(value))
    except InvalidOperation:
        return None
    if not Decimal(0) < hours < Decimal(1000):
        return None
    return int(hours) if hours == hours.to_integral_value() else float(hours)


__all__ = [
    "CODE_PATTERN",
    "KNOWN_TOOLS",
    "PATHWAY_FORMAT",
    "PROGRAMME_FORMAT",
    "ROLE_LEVELS",
    "SLUG_PATTERN",
    "ActivityData",
    "ModuleData",
    "PathwayData",
    "PathwayStepData",
    "Problem",
    "ProgrammeData",
    "ProgrammeFileError",
    "ResourceData",
    "SourceData",
]
