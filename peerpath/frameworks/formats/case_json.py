"""1EdTech CASE 1.0 packages (CFPackage JSON): the exchange format of standards bodies.

We write a CFDocument, one CFItem per domain and statement, `isChildOf` associations for
the tree, and the rating scale as a CFRubric. On reading, items that are children of the
document become domains and everything below them becomes their statements.
Identifiers are UUIDv5 derived from slug, version and code, so the same framework
exported twice (or by two Peerpath sites) carries the same identifiers.
"""

import json
import uuid
from datetime import UTC, datetime

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
from .places import scale_level

NAMESPACE = uuid.UUID("9a1c3f2e-52b4-4c8f-9f61-8f3f6f0d6c11")


def identifier(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def looks_like_case(raw: object) -> bool:
    return isinstance(raw, dict) and "CFDocument" in raw


def _node(title: str, ident: str, uri: str) -> dict:
    return {"title": title[:60], "identifier": ident, "uri": uri}


def dumps(data: FrameworkData, base_uri: str, changed: datetime | None = None) -> str:
    stamp = (changed or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")
    doc_id = identifier(data.slug, data.version)
    doc_uri = f"{base_uri}/frameworks/{data.slug}/{data.version}/"
    document = {
        "identifier": doc_id,
        "uri": doc_uri,
        "creator": data.source.publisher or "Peerpath",
        "title": data.name,
        "lastChangeDateTime": stamp,
        "officialSourceURL": data.source.url or doc_uri,
        "publisher": data.source.publisher,
        "description": data.description,
        "language": data.language,
        "version": data.version,
        "adoptionStatus": "Adopted",
        "notes": data.source.attribution,
        "CFPackageURI": _node(data.name, doc_id, doc_uri),
    }
    if data.source.licence:
        document["licenseURI"] = _node(
            data.source.licence,
            identifier(data.slug, data.version, "licence"),
            data.source.licence_url or doc_uri,
        )
    doc_ref = _node(data.name, doc_id, doc_uri)
    items, associations = [], []

    def add(code: str, statement: str, item_type: str, parent: dict, sequence: int, **extra):
        ident = identifier(data.slug, data.version, code)
        uri = f"{doc_uri}items/{code}/"
        items.append(
            {
                "identifier": ident,
                "uri": uri,
                "CFDocumentURI": doc_ref,
                "fullStatement": statement,
                "humanCodingScheme": code,
                "CFItemType": item_type,
                "language": data.language,
                "lastChangeDateTime": stamp,
                **{k: v for k, v in extra.items() if v},
            }
        )
        associations.append(
            {
                "identifier": identifier(data.slug, data.version, code, "isChildOf"),
                "uri": f"{uri}#isChildOf",
                "associationType": "isChildOf",
                "sequenceNumber": sequence,
                "CFDocumentURI": doc_ref,
                "originNodeURI": _node(statement, ident, uri),
                "destinationNodeURI": parent,
                "lastChangeDateTime": stamp,
            }
        )
        return _node(statement, ident, uri)

    for d_index, domain in enumerate(data.domains, start=1):
        domain_ref = add(
            domain.code,
            domain.name,
            "Domain",
            doc_ref,
            d_index,
            notes=domain.description,
            abbreviatedStatement=domain.name[:60],
        )
        for s_index, statement in enumerate(domain.statements, start=1):
            add(
                statement.code,
                statement.text,
                "Statement",
                domain_ref,
                s_index,
                notes=statement.description,
            )
    package = {"CFDocument": document, "CFItems": items, "CFAssociations": associations}
    if data.rating_scale:
        package["CFRubrics"] = [_rubric(data, doc_uri, stamp)]
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"


def _rubric(data: FrameworkData, doc_uri: str, stamp: str) -> dict:
    scale = data.rating_scale
    rubric_id = identifier(data.slug, data.version, "rubric")
    criterion_id = identifier(data.slug, data.version, "rubric", "criterion")
    return {
        "identifier": rubric_id,
        "uri": f"{doc_uri}#rubric",
        "title": scale.name,
        "lastChangeDateTime": stamp,
        "CFRubricCriteria": [
            {
                "identifier": criterion_id,
                "uri": f"{doc_uri}#rubric-criterion",
                "category": scale.name,
                "position": 1,
                "rubricId": rubric_id,
                "lastChangeDateTime": stamp,
                "CFRubricCriterionLevels": [
                    {
                        "identifier": identifier(
                            data.slug, data.version, "level", str(level.value)
                        ),
                        "uri": f"{doc_uri}#level-{level.value}",
                        "quality": level.label,
                        "description": level.description,
                        "score": level.value,
                        "position": level.value,
                        "rubricCriterionId": criterion_id,
                        "lastChangeDateTime": stamp,
                    }
                    for level in scale.levels
                ],
            }
        ],
    }


def from_dict(raw: dict, overrides: dict[str, str] | None = None) -> FrameworkData:
    overrides = overrides or {}
    problems: list[Problem] = []
    document = raw.get("CFDocument")
    if not isinstance(document, dict):
        raise FrameworkFileError([Problem("CFDocument", _("must be an object"))])
    items = raw.get("CFItems") or []
    associations = raw.get("CFAssociations") or []
    if not isinstance(items, list) or not isinstance(associations, list):
        raise FrameworkFileError(
            [Problem("CFItems", _("CFItems and CFAssociations must be lists"))]
        )
    by_id: dict[str, dict] = {}
    for index, item in enumerate(items):
        if not isinstance(item, dict) or not item.get("identifier"):
            problems.append(Problem(f"CFItems[{index}]", _("needs an identifier")))
            continue
        by_id[item["identifier"]] = {**item, "_origin": f"CFItems[{index}]"}
    parent_of: dict[str, tuple[str, float]] = {}
    for index, assoc in enumerate(associations):
        if not isinstance(assoc, dict) or assoc.get("associationType") != "isChildOf":
            continue
        try:
            child = assoc["originNodeURI"]["identifier"]
            parent = assoc["destinationNodeURI"]["identifier"]
        except (KeyError, TypeError):
            problems.append(
                Problem(f"CFAssociations[{index}]", _("needs origin and destination identifiers"))
            )
            continue
        if child not in by_id:
            problems.append(
                Problem(
                    f"CFAssociations[{index}].originNodeURI",
                    _("unknown item %(identifier)s") % {"identifier": child},
                )
            )
            continue
        parent_of[child] = (parent, float(assoc.get("sequenceNumber") or 0))
    if problems:
        raise FrameworkFileError(problems)

    doc_id = document.get("identifier")
    children: dict[str, list[tuple[float, int, str]]] = {}
    for order, (child, (parent, sequence)) in enumerate(parent_of.items()):
        children.setdefault(parent, []).append((sequence, order, child))

    def ordered(parent: str) -> list[str]:
        return [child for _s, _o, child in sorted(children.get(parent, []))]

    def code_for(item: dict) -> str:
        return (item.get("humanCodingScheme") or item["identifier"][:8]).strip()

    def descendants(parent: str, seen: set[str]) -> list[str]:
        found = []
        for child in ordered(parent):
            if child not in seen:
                seen.add(child)
                found += [child, *descendants(child, seen)]
        return found

    domains = []
    for domain_id in ordered(doc_id):
        item = by_id[domain_id]
        domains.append(
            DomainData(
                code=code_for(item),
                name=(item.get("abbreviatedStatement") or item.get("fullStatement") or "").strip(),
                description=(item.get("notes") or "").strip(),
                statements=[
                    StatementData(
                        code=code_for(by_id[child]),
                        text=(by_id[child].get("fullStatement") or "").strip(),
                        description=(by_id[child].get("notes") or "").strip(),
                        origin=by_id[child]["_origin"],
                    )
                    for child in descendants(domain_id, {domain_id})
                ],
                origin=item["_origin"],
            )
        )
    licence = document.get("licenseURI") or {}
    return FrameworkData(
        slug=overrides.get("slug") or "",
        name=overrides.get("name") or (document.get("title") or "").strip(),
        version=overrides.get("version") or (document.get("version") or "1").strip(),
        language=(document.get("language") or "en").strip(),
        kind=overrides.get("kind") or "capabilities",
        description=(document.get("description") or "").strip(),
        source=SourceData(
            title=(document.get("title") or "").strip(),
            publisher=(document.get("publisher") or document.get("creator") or "").strip(),
            url=(document.get("officialSourceURL") or "").strip(),
            licence=(licence.get("title") or "").strip() if isinstance(licence, dict) else "",
            licence_url=(licence.get("uri") or "").strip() if isinstance(licence, dict) else "",
            attribution=(document.get("notes") or "").strip(),
        ),
        rating_scale=_scale_from(raw.get("CFRubrics")),
        domains=domains,
    )


def _scale_from(rubrics) -> RatingScaleData | None:
    if not isinstance(rubrics, list) or not rubrics:
        return None
    try:
        criterion = rubrics[0]["CFRubricCriteria"][0]
        levels = sorted(criterion["CFRubricCriterionLevels"], key=lambda lv: lv.get("position", 0))
    except (KeyError, IndexError, TypeError):
        return None
    return RatingScaleData(
        name=(rubrics[0].get("title") or "Rating").strip(),
        levels=[
            ScaleLevelData(
                value=n,
                label=(level.get("quality") or "").strip(),
                description=(level.get("description") or "").strip(),
                origin=scale_level("CFRubrics[0]", n),
            )
            for n, level in enumerate(levels, start=1)
        ],
        origin="CFRubrics[0]",
    )
