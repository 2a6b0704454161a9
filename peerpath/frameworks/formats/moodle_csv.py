"""Moodle's competency framework CSV (the "Import competency framework" admin tool).

Moodle keeps one framework row ("Is framework" = 1) and a tree of competencies linked by
"Parent ID number". We read the first level as domains and everything below a domain as
its statements (deeper levels are flattened into their top-level domain, in file order).
Moodle has no version field, so the version comes from the upload form (default 1).
"""

import csv
import io
import json

from django.utils.translation import gettext as _

from .data import (
    DomainData,
    FrameworkData,
    FrameworkFileError,
    Problem,
    RatingScaleData,
    ScaleLevelData,
    StatementData,
)
from .places import WordedPlace, line, locate, scale_level

HEADER = [
    "Parent ID number",
    "ID number",
    "Short name",
    "Description",
    "Description format",
    "Scale values",
    "Scale configuration",
    "Rule type (optional)",
    "Rule outcome (optional)",
    "Rule config (optional)",
    "Cross-referenced competency ID numbers",
    "Exported ID (optional)",
    "Is framework",
    "Taxonomy",
]
REQUIRED = ["Parent ID number", "ID number", "Short name", "Is framework"]


def looks_like_moodle(header_line: str) -> bool:
    lowered = header_line.lower()
    return "parent id number" in lowered and "is framework" in lowered


def loads(text: str, overrides: dict[str, str] | None = None) -> FrameworkData:
    overrides = overrides or {}
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in reader.fieldnames or []]
    missing = [column for column in REQUIRED if column not in header]
    if missing:
        raise FrameworkFileError(
            [
                Problem(
                    line(1),
                    _("not a Moodle competency CSV: missing %(columns)s")
                    % {"columns": ", ".join(missing)},
                )
            ]
        )
    problems: list[Problem] = []
    framework_row: dict | None = None
    framework_line = 0
    rows: list[tuple[str, dict]] = []
    for number, raw in enumerate(reader, start=2):
        row = {(k or "").strip(): (v or "").strip() for k, v in raw.items()}
        if not any(row.values()):
            continue
        if row.get("Is framework") in {"1", "true", "True"}:
            if framework_row is not None:
                problems.append(
                    Problem(line(number), _("a second framework row; one file holds one framework"))
                )
            framework_row, framework_line = row, number
        else:
            rows.append((line(number), row))
    if framework_row is None:
        problems.append(Problem("", _('no row has "Is framework" set to 1')))
        raise FrameworkFileError(problems)

    domains: dict[str, DomainData] = {}
    top_of: dict[str, str] = {}
    for origin, row in rows:
        idnumber, parent = row.get("ID number", ""), row.get("Parent ID number", "")
        if not parent:
            domain = DomainData(
                code=idnumber,
                name=row.get("Short name", ""),
                description=row.get("Description", ""),
                origin=origin,
            )
            domains[idnumber] = domain
            top_of[idnumber] = idnumber
        elif parent in top_of:
            top_of[idnumber] = top_of[parent]
            domains[top_of[parent]].statements.append(
                StatementData(
                    code=idnumber,
                    text=row.get("Short name", ""),
                    description=row.get("Description", ""),
                    origin=origin,
                )
            )
        else:
            problems.append(
                Problem(
                    locate(origin, "Parent ID number"),
                    _('"%(parent)s" does not match the ID number of an earlier row')
                    % {"parent": parent},
                )
            )
    if problems:
        raise FrameworkFileError(problems)

    scale = None
    labels = [label.strip() for label in framework_row.get("Scale values", "").split(",")]
    if any(labels):
        scale_values = WordedPlace(locate(line(framework_line), "Scale values"))
        scale = RatingScaleData(
            name=overrides.get("scale_name") or "Rating",
            levels=[
                ScaleLevelData(value=n, label=label, origin=scale_level(scale_values, n))
                for n, label in enumerate(labels, start=1)
            ],
            origin=scale_values,
        )
    return FrameworkData(
        slug=overrides.get("slug") or framework_row.get("ID number", "").lower(),
        name=overrides.get("name") or framework_row.get("Short name", ""),
        version=overrides.get("version") or "1",
        kind=overrides.get("kind") or "capabilities",
        description=framework_row.get("Description", ""),
        rating_scale=scale,
        domains=list(domains.values()),
    )


def dumps(data: FrameworkData) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    scale_values = ""
    scale_config = ""
    if data.rating_scale:
        levels = data.rating_scale.levels
        scale_values = ",".join(level.label.replace(",", " ") for level in levels)
        # Moodle wants a default and a "proficient" level; we mark the top half proficient.
        config = [{"scaleid": ""}] + [
            {
                "id": level.value,
                "scaledefault": 1 if level.value == 1 else 0,
                "proficient": 1 if level.value > len(levels) / 2 else 0,
            }
            for level in levels
        ]
        scale_config = json.dumps(config, separators=(",", ":"))
    writer.writerow(
        ["", data.slug, data.name, data.description, "1", scale_values, scale_config]
        + ["", "", "", "", ""]
        + ["1", ",".join(["competency"] * 4)]
    )
    for domain in data.domains:
        writer.writerow(
            ["", domain.code, domain.name, domain.description, "1"] + [""] * 7 + ["0", ""]
        )
        for statement in domain.statements:
            writer.writerow(
                [domain.code, statement.code, statement.text, statement.description, "1"]
                + [""] * 7
                + ["0", ""]
            )
    return out.getvalue()
