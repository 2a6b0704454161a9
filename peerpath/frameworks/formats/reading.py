"""Turn an uploaded or shipped file into validated `FrameworkData`, whatever its format."""

import json
from dataclasses import dataclass

from django.utils.text import slugify
from django.utils.translation import gettext as _

from peerpath.lib.file_kinds import is_wrong_kind

from . import case_json, moodle_csv, peerpath_csv, peerpath_json
from .data import FrameworkData, FrameworkFileError, Problem
from .places import WordedPlace, line
from .validation import validate


@dataclass(frozen=True)
class Format:
    key: str
    label: str
    extension: str
    content_type: str


FORMATS = {
    "json": Format("json", "Peerpath JSON", "json", "application/json"),
    "csv": Format("csv", "Peerpath CSV (spreadsheet)", "csv", "text/csv"),
    "moodle": Format("moodle", "Moodle competency framework CSV", "csv", "text/csv"),
    "case": Format("case", "1EdTech CASE 1.0 JSON", "json", "application/json"),
}


def human_size(size: int) -> str:
    if size >= 1_048_576:
        return f"{size / 1_048_576:.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


def decode(content: bytes) -> str:
    """UTF-8 text (a byte-order mark is fine); anything else gets a message saying how to fix it."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line_number = content[: error.start].count(b"\n") + 1
        raise FrameworkFileError(
            [
                Problem(
                    line(line_number),
                    _(
                        "the file is not UTF-8 text (byte %(byte)s at position %(position)s). "
                        "Save it as UTF-8, e.g. in Excel choose 'CSV UTF-8 (Comma delimited)'."
                    )
                    % {"byte": f"0x{content[error.start]:02x}", "position": error.start},
                )
            ]
        ) from None
    if "\x00" in text:
        raise FrameworkFileError([Problem("", _("the file contains binary data, not text"))])
    return text


def detect_format(filename: str, text: str) -> str:
    name = filename.lower()
    stripped = text.lstrip()
    if name.endswith(".json") or stripped.startswith("{"):
        try:
            raw = json.loads(text)
        except json.JSONDecodeError:
            return "json"  # let the JSON reader report where the syntax breaks
        return "case" if case_json.looks_like_case(raw) else "json"
    first_line = next(
        (line for line in text.splitlines() if line.strip() and not line.startswith("#")), ""
    )
    return "moodle" if moodle_csv.looks_like_moodle(first_line) else "csv"


def parse(text: str, fmt: str, overrides: dict[str, str]) -> FrameworkData:
    if fmt == "json":
        data = peerpath_json.loads(text)
        for key in ("slug", "name", "version"):
            if overrides.get(key):
                setattr(data, key, overrides[key])
        return data
    if fmt == "case":
        return case_json.from_dict(json.loads(text), overrides)
    if fmt == "moodle":
        return moodle_csv.loads(text, overrides)
    if fmt == "csv":
        return peerpath_csv.loads(text, overrides)
    raise FrameworkFileError([Problem("", f"unknown format {fmt!r}")])


def read_framework_file(
    filename: str,
    content: bytes,
    *,
    overrides: dict[str, str] | None = None,
    fmt: str | None = None,
    max_bytes: int | None = None,
    size: int | None = None,
) -> tuple[FrameworkData, str]:
    """Parse and validate a framework file. Raises FrameworkFileError listing every problem.

    `overrides` (slug, name, version, rating_scale…) fill in what a format cannot carry,
    such as the version of a Moodle export, and win over what the file says.
    """
    size = len(content) if size is None else size
    if max_bytes is not None and size > max_bytes:
        raise FrameworkFileError(
            [
                Problem(
                    "",
                    _(
                        "the file is %(size)s; the limit is %(limit)s. "
                        "Frameworks are small: check it is the right file."
                    )
                    % {"size": human_size(size), "limit": human_size(max_bytes)},
                )
            ]
        )
    if not content.strip():
        raise FrameworkFileError([Problem("", _("the file is empty"))])
    if is_wrong_kind(content):
        raise FrameworkFileError(
            [
                Problem(
                    "",
                    _(
                        "This file is not a JSON or CSV file. "
                        "Choose the framework file saved as .json or .csv."
                    ),
                )
            ]
        )
    overrides = {k: v.strip() for k, v in (overrides or {}).items() if v and v.strip()}
    text = decode(content)
    fmt = fmt or detect_format(filename, text)
    data = parse(text, fmt, overrides)
    if overrides.get("rating_scale") and fmt != "csv":
        data.rating_scale = peerpath_csv.parse_scale(
            overrides["rating_scale"], WordedPlace("rating_scale")
        )
    if not data.slug and data.name:
        data.slug = slugify(data.name)[:80].strip("-")
    problems = validate(data)
    if problems:
        raise FrameworkFileError(problems)
    return data, fmt


def dump_framework(data: FrameworkData, fmt: str, *, base_uri: str = "") -> str:
    if fmt == "json":
        return peerpath_json.dumps(data)
    if fmt == "csv":
        return peerpath_csv.dumps(data)
    if fmt == "moodle":
        return moodle_csv.dumps(data)
    if fmt == "case":
        return case_json.dumps(data, base_uri)
    raise ValueError(f"unknown format {fmt!r}")
