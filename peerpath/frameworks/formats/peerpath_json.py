"""Our own JSON format, `peerpath-framework/1`: lossless, documented in docs/frameworks.md."""

import json

from django.utils.translation import gettext as _

from peerpath.lib.file_kinds import json_reason

from .data import (
    DomainData,
    FrameworkData,
    FrameworkFileError,
    Problem,
    ProgressionLevelData,
    RatingScaleData,
    ScaleLevelData,
    SourceData,
    StatementData,
)
from .places import line_and_column

FORMAT_ID = "peerpath-framework/1"


class _Reader:
    """Pulls typed values out of parsed JSON, recording a problem for each wrong one."""

    def __init__(self):
        self.problems: list[Problem] = []

    def text(self, obj: dict, key: str, path: str, *, required: bool = False) -> str:
        value = obj.get(key, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.problems.append(Problem(f"{path}.{key}", _("must be text")))
            return ""
        if required and not value.strip():
            self.problems.append(Problem(f"{path}.{key}", _("is required and cannot be empty")))
        return value.strip()

    def mapping(self, obj: dict, key: str, path: str) -> dict | None:
        value = obj.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.problems.append(Problem(f"{path}.{key}", _("must be an object")))
            return None
        return value

    def items(self, obj: dict, key: str, path: str) -> list[dict]:
        value = obj.get(key, [])
        if value is None:
            return []
        if not isinstance(value, list):
            self.problems.append(Problem(f"{path}.{key}", _("must be a list")))
            return []
        good = []
        for index, item in enumerate(value):
            if isinstance(item, dict):
                good.append(item)
            else:
                self.problems.append(Problem(f"{path}.{key}[{index}]", _("must be an object")))
        return good


def loads(text: str) -> FrameworkData:
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        raise FrameworkFileError(
            [Problem(line_and_column(error.lineno, error.colno), json_reason(error))]
        ) from None
    if not isinstance(raw, dict):
        raise FrameworkFileError([Problem("", _("the file must contain one JSON object"))])
    return from_dict(raw)


def from_dict(raw: dict) -> FrameworkData:
    reader = _Reader()
    declared = raw.get("format")
    if declared != FORMAT_ID:
        reader.problems.append(
            Problem(
                "format",
                _('must be "%(expected)s" (found %(found)s)')
                % {"expected": FORMAT_ID, "found": json.dumps(declared)},
            )
        )
    source = reader.mapping(raw, "source", "") or {}
    scale = _read_scale(reader, raw)
    data = FrameworkData(
        slug=reader.text(raw, "slug", "", required=True),
        name=reader.text(raw, "name", "", required=True),
        version=reader.text(raw, "version", "", required=True),
        language=reader.text(raw, "language", "") or "en",
        subject=reader.text(raw, "subject", "") or "person",
        kind=reader.text(raw, "kind", "") or "capabilities",
        description=reader.text(raw, "description", ""),
        statement_stem=reader.text(raw, "statement_stem", ""),
        source=SourceData(
            **{key: reader.text(source, key, "source") for key in SourceData.__dataclass_fields__}
        ),
        rating_scale=scale,
        progression_levels=[
            ProgressionLevelData(
                code=reader.text(level, "code", path),
                name=reader.text(level, "name", path),
                description=reader.text(level, "description", path),
                origin=path,
            )
            for index, level in enumerate(reader.items(raw, "progression_levels", ""))
            for path in [f"progression_levels[{index}]"]
        ],
        domains=[
            _read_domain(reader, domain, f"domains[{index}]")
            for index, domain in enumerate(reader.items(raw, "domains", ""))
        ],
    )
    if reader.problems:
        raise FrameworkFileError([_tidy(p) for p in reader.problems])
    return data


def _tidy(problem: Problem) -> Problem:
    return Problem(problem.where.lstrip("."), problem.message)


def _read_scale(reader: _Reader, raw: dict) -> RatingScaleData | None:
    scale = reader.mapping(raw, "rating_scale", "")
    if scale is None:
        return None
    levels = []
    for index, level in enumerate(reader.items(scale, "levels", "rating_scale")):
        path = f"rating_scale.levels[{index}]"
        value = level.get("value")
        if isinstance(value, bool) or not isinstance(value, int):
            reader.problems.append(Problem(f"{path}.value", _("must be a whole number")))
            value = 0
        levels.append(
            ScaleLevelData(
                value=value,
                label=reader.text(level, "label", path),
                description=reader.text(level, "description", path),
                origin=path,
            )
        )
    return RatingScaleData(
        name=reader.text(scale, "name", "rating_scale"), levels=levels, origin="rating_scale"
    )


def _read_domain(reader: _Reader, domain: dict, path: str) -> DomainData:
    return DomainData(
        code=reader.text(domain, "code", path),
        name=reader.text(domain, "name", path),
        description=reader.text(domain, "description", path),
        evidence_prompt=reader.text(domain, "evidence_prompt", path),
        statements=[
            StatementData(
                code=reader.text(statement, "code", spath),
                text=reader.text(statement, "text", spath),
                description=reader.text(statement, "description", spath),
                origin=spath,
            )
            for index, statement in enumerate(reader.items(domain, "statements", path))
            for spath in [f"{path}.statements[{index}]"]
        ],
        origin=path,
    )


def dumps(data: FrameworkData) -> str:
    return json.dumps(data.as_dict(), ensure_ascii=False, indent=2) + "\n"
