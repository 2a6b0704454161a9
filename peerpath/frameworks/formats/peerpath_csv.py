"""Our spreadsheet format: one row per statement, framework details in `# key: value` lines.

Made for people who keep a framework in Excel: the rows are what they already have; the
details (slug, name, version, rating scale) can sit at the top as comment lines or be
typed into the upload form instead. Level descriptions do not travel in CSV; use JSON
when they matter.
"""

import csv
import io

from django.utils.translation import gettext as _

from .data import (
    DomainData,
    FrameworkData,
    FrameworkFileError,
    Problem,
    RatingScaleData,
    ScaleLevelData,
    SourceData,
    StatementData,
)
from .places import WordedPlace, line, locate, scale_level

REQUIRED_COLUMNS = ["domain_code", "domain_name", "statement_code", "statement_text"]
OPTIONAL_COLUMNS = ["statement_description", "domain_description", "evidence_prompt"]
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
METADATA_KEYS = [
    "slug",
    "name",
    "version",
    "language",
    "subject",
    "kind",
    "description",
    "statement_stem",
    "rating_scale",
    "source_title",
    "source_publisher",
    "source_url",
    "licence",
    "licence_url",
    "attribution",
    "source_notes",
]


def _split_metadata(text: str) -> tuple[dict[str, str], list[str], int]:
    """Leading `# key: value` lines → (metadata, remaining lines, first data line number)."""
    metadata: dict[str, str] = {}
    lines = text.splitlines()
    index = 0
    while index < len(lines) and (lines[index].startswith("#") or not lines[index].strip()):
        key, sep, value = lines[index].lstrip("#").partition(":")
        if sep and key.strip() in METADATA_KEYS:
            metadata[key.strip()] = value.strip()
        index += 1
    return metadata, lines[index:], index + 1


def parse_scale(value: str, origin: str) -> RatingScaleData | None:
    """`Confidence = Less confident | Confident | Very confident` → a rating scale."""
    if not value.strip():
        return None
    name, sep, labels = value.partition("=")
    if not sep:
        name, labels = "Rating", value
    levels = [
        ScaleLevelData(value=n, label=label.strip(), origin=scale_level(origin, n))
        for n, label in enumerate(labels.split("|"), start=1)
    ]
    return RatingScaleData(name=name.strip(), levels=levels, origin=origin)


def loads(text: str, overrides: dict[str, str] | None = None) -> FrameworkData:
    metadata, lines, first_line = _split_metadata(text)
    metadata.update({k: v for k, v in (overrides or {}).items() if v})
    rows = csv.reader(io.StringIO("\n".join(lines)))
    header = next(rows, None)
    if header is None:
        raise FrameworkFileError([Problem("", _("the file has no header row and no statements"))])
    header = [column.strip().lower() for column in header]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise FrameworkFileError(
            [
                Problem(
                    line(first_line),
                    _("the header row needs the columns %(columns)s; missing: %(missing)s")
                    % {"columns": ", ".join(REQUIRED_COLUMNS), "missing": ", ".join(missing)},
                )
            ]
        )
    problems: list[Problem] = []
    domains: dict[str, DomainData] = {}
    for offset, row in enumerate(rows, start=1):
        where = line(first_line + offset)
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            problems.append(
                Problem(
                    where,
                    _("has %(cells)s cells but the header has %(columns)s")
                    % {"cells": len(row), "columns": len(header)},
                )
            )
            continue
        cells = dict(zip(header, [cell.strip() for cell in row], strict=False))
        domain_code = cells.get("domain_code", "")
        domain = domains.get(domain_code.casefold())
        if domain is None:
            domain = DomainData(
                code=domain_code,
                name=cells.get("domain_name", ""),
                description=cells.get("domain_description", ""),
                evidence_prompt=cells.get("evidence_prompt", ""),
                origin=where,
            )
            domains[domain_code.casefold()] = domain
        elif cells.get("domain_name") and cells["domain_name"] != domain.name:
            problems.append(
                Problem(
                    locate(where, "domain_name"),
                    _(
                        'domain %(code)s is called "%(name)s" on %(place)s; '
                        "use the same name on every row"
                    )
                    % {"code": domain_code, "name": domain.name, "place": domain.origin},
                )
            )
        if cells.get("statement_code") or cells.get("statement_text"):
            domain.statements.append(
                StatementData(
                    code=cells.get("statement_code", ""),
                    text=cells.get("statement_text", ""),
                    description=cells.get("statement_description", ""),
                    origin=where,
                )
            )
    if problems:
        raise FrameworkFileError(problems)
    return FrameworkData(
        slug=metadata.get("slug", ""),
        name=metadata.get("name", ""),
        version=metadata.get("version", ""),
        language=metadata.get("language") or "en",
        subject=metadata.get("subject") or "person",
        kind=metadata.get("kind") or "capabilities",
        description=metadata.get("description", "").replace("\\n", "\n"),
        statement_stem=metadata.get("statement_stem", ""),
        source=SourceData(
            title=metadata.get("source_title", ""),
            publisher=metadata.get("source_publisher", ""),
            url=metadata.get("source_url", ""),
            licence=metadata.get("licence", ""),
            licence_url=metadata.get("licence_url", ""),
            attribution=metadata.get("attribution", "").replace("\\n", "\n"),
            notes=metadata.get("source_notes", "").replace("\\n", "\n"),
        ),
        rating_scale=parse_scale(metadata.get("rating_scale", ""), WordedPlace("rating_scale")),
        domains=list(domains.values()),
    )


def _one_line(value: str) -> str:
    return value.replace("\r\n", "\n").replace("\n", "\\n")


def dumps(data: FrameworkData) -> str:
    out = io.StringIO()
    source = data.source
    scale = ""
    if data.rating_scale:
        labels = " | ".join(level.label for level in data.rating_scale.levels)
        scale = f"{data.rating_scale.name} = {labels}"
    metadata = {
        "slug": data.slug,
        "name": data.name,
        "version": data.version,
        "language": data.language,
        "subject": data.subject,
        "kind": data.kind,
        "description": data.description,
        "statement_stem": data.statement_stem,
        "rating_scale": scale,
        "source_title": source.title,
        "source_publisher": source.publisher,
        "source_url": source.url,
        "licence": source.licence,
        "licence_url": source.licence_url,
        "attribution": source.attribution,
        "source_notes": source.notes,
    }
    for key, value in metadata.items():
        if value:
            out.write(f"# {key}: {_one_line(value)}\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for domain in data.domains:
        for statement in domain.statements or [StatementData(code="", text="")]:
            writer.writerow(
                [
                    domain.code,
                    domain.name,
                    statement.code,
                    statement.text,
                    statement.description,
                    domain.description,
                    domain.evidence_prompt,
                ]
            )
    return out.getvalue()
