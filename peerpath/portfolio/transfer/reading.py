"""Open a portfolio zip and check all of it before anything is written.

`read_portfolio` returns a `PortfolioBundle` only when the whole file is good: the format
and schema version match, every field has the right shape, every framework statement it
refers to exists here (or travels in the file and may be installed), and every evidence
file is present, intact (SHA-256) and within this Peerpath's size and type limits.
"""

import hashlib
import json
import zipfile
from dataclasses import dataclass, field
from typing import IO

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from peerpath.frameworks.formats import FrameworkData, FrameworkFileError
from peerpath.frameworks.formats.peerpath_json import from_dict as framework_from_dict
from peerpath.frameworks.formats.validation import validate as validate_framework
from peerpath.frameworks.models import Domain, Framework, Statement

from ..evidence_files import check_evidence_file
from ..models import Claim, ClaimItem, Goal, LearningEntry, PlanItem
from .checking import Checker, PortfolioFileError
from .exporting import FORMAT, JSON_NAME, SCHEMA_VERSION

MAX_JSON_BYTES = 50 * 1024 * 1024
MAX_MEMBERS = 20_000
MAX_TOTAL_BYTES = 4 * 1024 * 1024 * 1024


@dataclass
class PortfolioBundle:
    """A checked portfolio file, ready to import."""

    data: dict
    archive: zipfile.ZipFile
    frameworks_to_install: list[FrameworkData] = field(default_factory=list)

    @property
    def person_name(self) -> str:
        return self.data.get("person", {}).get("full_name", "")


def read_portfolio(source: IO[bytes], *, may_install_frameworks: bool) -> PortfolioBundle:
    """Check the file completely; PortfolioFileError lists every problem found."""
    archive = _open_zip(source)
    data = _load_json(archive)
    checker = Checker()
    embedded = _embedded_frameworks(checker, data)
    index = _FrameworkIndex(embedded, may_install_frameworks)
    _check_document(checker, data, index, archive)
    if checker.problems:
        raise PortfolioFileError(checker.problems)
    return PortfolioBundle(data, archive, index.to_install())


def _open_zip(source: IO[bytes]) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(source)
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError):
        raise PortfolioFileError(
            [_("This is not a Peerpath portfolio export: choose the .zip file you downloaded.")]
        ) from None
    if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_TOTAL_BYTES:
        raise PortfolioFileError([_("The file is too large to import.")])
    return archive


def _load_json(archive: zipfile.ZipFile) -> dict:
    try:
        info = archive.getinfo(JSON_NAME)
    except KeyError:
        raise PortfolioFileError(
            [
                _("The zip has no %(name)s: it is not a Peerpath portfolio export.")
                % {"name": JSON_NAME}
            ]
        ) from None
    if info.file_size > MAX_JSON_BYTES:
        raise PortfolioFileError([_("%(name)s is too large to import.") % {"name": JSON_NAME}])
    try:
        data = json.loads(archive.read(info).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, zipfile.BadZipFile, OSError) as error:
        raise PortfolioFileError(
            [
                _("%(name)s is damaged and cannot be read (%(error)s).")
                % {"name": JSON_NAME, "error": error}
            ]
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise PortfolioFileError([_("%(name)s is not a Peerpath portfolio.") % {"name": JSON_NAME}])
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        raise PortfolioFileError(
            [
                _(
                    "This file uses version %(found)s of the portfolio format, and this "
                    "Peerpath reads version %(ours)s. Export it again from a Peerpath that "
                    "matches, or update this one."
                )
                % {"found": json.dumps(version), "ours": SCHEMA_VERSION}
            ]
        )
    return data


def _embedded_frameworks(checker: Checker, data: dict) -> dict[tuple[str, str], FrameworkData]:
    embedded = {}
    for index, raw in enumerate(checker.items(data, "frameworks", "")):
        path = f"frameworks[{index}]"
        try:
            framework = framework_from_dict(raw)
        except FrameworkFileError as error:
            for problem in error.problems:
                checker.problem(path, str(problem))
            continue
        for problem in validate_framework(framework):
            checker.problem(path, str(problem))
        embedded[(framework.slug, framework.version)] = framework
    return embedded


class _FrameworkIndex:
    """Which framework items a reference can point to: those here, or those the file brings."""

    def __init__(self, embedded: dict, may_install: bool):
        self.embedded = embedded
        self.may_install = may_install
        self.needed: set[tuple[str, str]] = set()
        self.reported: set[tuple[str, str]] = set()
        self._codes: dict[tuple[str, str], tuple[set[str], set[str]] | None] = {}

    def _codes_for(self, key) -> tuple[set[str], set[str]] | None:
        if key not in self._codes:
            framework = Framework.objects.filter(slug=key[0], version=key[1]).first()
            if framework is not None:
                self._codes[key] = (
                    set(
                        Statement.objects.filter(framework=framework).values_list("code", flat=True)
                    ),
                    set(Domain.objects.filter(framework=framework).values_list("code", flat=True)),
                )
            elif key in self.embedded:
                data = self.embedded[key]
                self._codes[key] = (
                    {s.code for d in data.domains for s in d.statements},
                    {d.code for d in data.domains},
                )
                self.needed.add(key)
            else:
                self._codes[key] = None
        return self._codes[key]

    def check_framework(self, checker: Checker, key: tuple, path: str) -> bool:
        """True if the framework is here or may be installed from the file.

        A missing framework is reported once, at its first use, not at every reference.
        """
        codes = self._codes_for(key)
        if key in self.reported:
            return codes is not None
        if codes is None:
            self.reported.add(key)
            checker.problem(
                path,
                _("%(slug)s version %(version)s is neither on this Peerpath nor in the file")
                % {"slug": key[0], "version": key[1]},
            )
            return False
        if key in self.needed and not self.may_install:
            self.reported.add(key)
            checker.problem(
                path,
                _(
                    "%(slug)s version %(version)s is not on this Peerpath yet; ask a site admin "
                    "to load it (the command peerpath import-portfolio can install it from "
                    "this file)"
                )
                % {"slug": key[0], "version": key[1]},
            )
        return True

    def check(self, checker: Checker, ref, path: str, *, domain=False) -> None:
        if not isinstance(ref, dict) or not all(
            isinstance(ref.get(k), str) for k in ("framework", "version", "code")
        ):
            checker.problem(path, _("must name a framework, version and code"))
            return
        key = (ref["framework"], ref["version"])
        if self.check_framework(checker, key, path):
            codes = self._codes_for(key)
            if ref["code"] not in codes[1 if domain else 0]:
                checker.problem(
                    path,
                    _("%(slug)s %(version)s has no item %(code)s")
                    % {"slug": key[0], "version": key[1], "code": ref["code"]},
                )

    def to_install(self) -> list[FrameworkData]:
        return [self.embedded[key] for key in sorted(self.needed)]


def _check_document(checker: Checker, data: dict, index: _FrameworkIndex, archive) -> None:
    checker.mapping(data, "person", "")
    goals = checker.items(data, "goals", "")
    goal_refs = _check_refs(checker, goals, "goals")
    for n, goal in enumerate(goals):
        _check_goal(checker, goal, f"goals[{n}]", index)
    entries = checker.items(data, "learning_entries", "")
    entry_refs = _check_refs(checker, entries, "learning_entries")
    for n, entry in enumerate(entries):
        _check_entry(checker, entry, f"learning_entries[{n}]", index, goal_refs, archive)
    plan = checker.mapping(data, "development_plan", "")
    items = checker.items(plan, "items", "development_plan")
    plan_refs = _check_refs(checker, items, "development_plan.items")
    for n, item in enumerate(items):
        _check_plan_item(checker, item, f"development_plan.items[{n}]", index)
    for n, comment in enumerate(checker.items(plan, "comments", "development_plan")):
        path = f"development_plan.comments[{n}]"
        checker.text(comment, "author", path, limit=150)
        checker.text(comment, "text", path, limit=5000, required=True)
        checker.moment(comment, "written_at", path)
        if comment.get("item") is not None and comment.get("item") not in plan_refs:
            checker.problem(f"{path}.item", _("refers to a plan item that is not in the file"))
    for n, claim in enumerate(checker.items(data, "claims", "")):
        _check_claim(checker, claim, f"claims[{n}]", index, entry_refs)


def _check_refs(checker: Checker, rows: list[dict], path: str) -> set[str]:
    refs = set()
    for n, row in enumerate(rows):
        ref = checker.text(row, "ref", f"{path}[{n}]", limit=40, required=True)
        if ref in refs:
            checker.problem(f"{path}[{n}].ref", _('"%(ref)s" is used twice') % {"ref": ref})
        refs.add(ref)
    return refs


def _check_statements(checker, obj, path, index) -> None:
    value = obj.get("statements", [])
    if not isinstance(value, list):
        checker.problem(f"{path}.statements", _("must be a list"))
        return
    for n, ref in enumerate(value):
        index.check(checker, ref, f"{path}.statements[{n}]")


def _check_goal(checker, goal, path, index) -> None:
    checker.text(goal, "title", path, limit=200, required=True)
    checker.text(goal, "why", path)
    checker.choice(goal, "status", path, Goal.Status.values)
    checker.date(goal, "target_date", path)
    checker.date(goal, "achieved_on", path)
    checker.text(goal, "organisational_objective", path, limit=300)
    _check_statements(checker, goal, path, index)
    for n, note in enumerate(checker.items(goal, "notes", path)):
        checker.text(note, "text", f"{path}.notes[{n}]", required=True)
        checker.moment(note, "written_at", f"{path}.notes[{n}]")
    checker.moment(goal, "created_at", path)
    checker.moment(goal, "updated_at", path)


def _check_entry(checker, entry, path, index, goal_refs, archive) -> None:
    checker.text(entry, "title", path, limit=200, required=True)
    checker.choice(entry, "kind", path, LearningEntry.Kind.values)
    day = checker.date(entry, "date", path, required=True)
    if day is not None and day > timezone.localdate():
        checker.problem(f"{path}.date", _("is in the future; the log is for learning already done"))
    checker.hours(entry, "hours", path)
    for name in ("reflection", "practice", "impact"):
        checker.text(entry, name, path)
    for name in ("source_key", "source_url"):
        checker.text(entry, name, path, limit=500 if name == "source_url" else 200)
    _check_statements(checker, entry, path, index)
    checker.refs(entry, "goals", path, goal_refs)
    for n, evidence in enumerate(checker.items(entry, "evidence", path)):
        _check_evidence(checker, evidence, f"{path}.evidence[{n}]", archive)
    checker.moment(entry, "created_at", path)
    checker.moment(entry, "updated_at", path)


def _check_evidence(checker, evidence, path, archive) -> None:
    checker.text(evidence, "title", path, limit=200)
    checker.moment(evidence, "added_at", path)
    kind = checker.choice(evidence, "type", path, ["file", "link"])
    if kind == "link":
        url = checker.text(evidence, "url", path, limit=500, required=True)
        if url and not url.startswith(("https://", "http://")):
            checker.problem(f"{path}.url", _("must start with https:// or http://"))
        return
    name = checker.text(evidence, "name", path, limit=200, required=True)
    member = checker.text(evidence, "path", path, limit=500, required=True)
    expected = checker.text(evidence, "sha256", path, limit=64, required=True)
    try:
        info = archive.getinfo(member)
    except KeyError:
        checker.problem(f"{path}.path", _("%(file)s is missing from the zip") % {"file": member})
        return
    try:
        content = archive.read(info)
    except (zipfile.BadZipFile, OSError):
        checker.problem(f"{path}.path", _("%(file)s is damaged in the zip") % {"file": member})
        return
    if hashlib.sha256(content).hexdigest() != expected:
        checker.problem(
            f"{path}.path",
            _("%(file)s has been changed or damaged (its checksum differs)") % {"file": member},
        )
    try:
        check_evidence_file(name, len(content), content[:2048])
    except ValidationError as error:
        checker.problem(f"{path}.name", " ".join(error.messages))


def _check_plan_item(checker, item, path, index) -> None:
    checker.text(item, "action", path, limit=5000, required=True)
    checker.text(item, "support_needed", path, limit=5000)
    checker.date(item, "target_date", path)
    checker.choice(item, "status", path, PlanItem.Status.values)
    checker.text(item, "source", path, limit=200)
    checker.text(item, "source_url", path, limit=500)
    if item.get("statement") is not None:
        index.check(checker, item["statement"], f"{path}.statement")
    if item.get("capability") is not None:
        index.check(checker, item["capability"], f"{path}.capability", domain=True)
    checker.moment(item, "created_at", path)
    checker.moment(item, "updated_at", path)


def _check_claim(checker, claim, path, index, entry_refs) -> None:
    framework = checker.mapping(claim, "framework", path)
    index.check_framework(
        checker, (str(framework.get("slug")), str(framework.get("version"))), f"{path}.framework"
    )
    checker.choice(claim, "status", path, Claim.Status.values)
    checker.text(claim, "note", path)
    assessor = checker.mapping(claim, "assessor", path)
    checker.text(assessor, "name", f"{path}.assessor", limit=150)
    checker.text(assessor, "email", f"{path}.assessor", limit=254)
    checker.choice(assessor, "role", f"{path}.assessor", Claim.AssessorRole.values, blank_ok=True)
    for name in ("submitted_at", "assessed_at"):
        checker.moment(claim, name, path, required=False)
    checker.moment(claim, "created_at", path)
    for n, item in enumerate(checker.items(claim, "items", path)):
        item_path = f"{path}.items[{n}]"
        ref = item.get("statement")
        index.check(checker, ref, f"{item_path}.statement")
        if isinstance(ref, dict) and (ref.get("framework"), ref.get("version")) != (
            framework.get("slug"),
            framework.get("version"),
        ):
            checker.problem(f"{item_path}.statement", _("is not in the claim's framework"))
        checker.text(item, "note", item_path)
        checker.refs(item, "entries", item_path, entry_refs)
        checker.choice(item, "decision", item_path, ClaimItem.Decision.values)
        checker.text(item, "comment", item_path)
        checker.moment(item, "decided_at", item_path, required=False)
        checker.text(item, "decided_by", item_path, limit=300)
