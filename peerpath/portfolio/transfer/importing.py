"""Write a checked portfolio file into a person's portfolio: all of it, or none of it.

Timestamps (when an entry was written, a note added, a claim assessed) are kept as they
were, so the imported portfolio tells the same story over time. Claims still with an
assessor arrive without a working link (links belong to the Peerpath that sent them).
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _

from peerpath.frameworks.models import Domain, Framework, Statement
from peerpath.frameworks.services import framework_import

from ..models import (
    Claim,
    ClaimItem,
    Evidence,
    Goal,
    GoalNote,
    LearningEntry,
    PlanComment,
    PlanItem,
)
from ..services.evidence import evidence_add_bytes
from .checking import PortfolioFileError
from .reading import PortfolioBundle


@dataclass(frozen=True)
class ImportSummary:
    goals: int
    entries: int
    evidence_files: int
    plan_items: int
    claims: int
    frameworks_installed: list[str]


def portfolio_is_empty(owner) -> bool:
    return not (
        owner.learning_entries.exists()
        or owner.goals.exists()
        or owner.plan_items.exists()
        or owner.claims.exists()
    )


def portfolio_import(*, owner, bundle: PortfolioBundle, merge: bool = False) -> ImportSummary:
    """Import a checked bundle for `owner` in one transaction.

    Guarantees: nothing is written unless everything is (files written before a failure
    are deleted again); without `merge`, only into an empty portfolio, so importing the
    same file twice cannot double a person's log.
    """
    if not merge and not portfolio_is_empty(owner):
        raise PortfolioFileError(
            [_("Your portfolio already has content here; import only into an empty portfolio.")]
        )
    if merge:
        _refuse_clashing_sources(owner, bundle)
    written: list[str] = []
    try:
        with transaction.atomic():
            installed = _install_frameworks(bundle)
            writer = _Writer(owner, bundle, written)
            summary = writer.run(installed)
    except Exception:
        for name in written:
            default_storage.delete(name)
        raise
    return summary


def _refuse_clashing_sources(owner, bundle: PortfolioBundle) -> None:
    """Entries other apps made carry a source key; the same source cannot be logged twice."""
    keys = {e.get("source_key") for e in bundle.data.get("learning_entries", [])} - {"", None}
    clashes = owner.learning_entries.filter(source_key__in=keys)
    if clashes.exists():
        raise PortfolioFileError(
            [
                _("“%(title)s” is already in your log; it came from the same place.")
                % {"title": entry.title}
                for entry in clashes
            ]
        )


def _install_frameworks(bundle: PortfolioBundle) -> list[str]:
    installed = []
    for data in bundle.frameworks_to_install:
        outcome = framework_import(data=data, owner=None, publish=True, imported_from="portfolio")
        installed.append(f"{outcome.framework.slug} {outcome.framework.version}")
    return installed


def _moment(value: str | None) -> datetime.datetime | None:
    return datetime.datetime.fromisoformat(value) if value else None


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


class _Writer:
    def __init__(self, owner, bundle: PortfolioBundle, written: list[str]):
        self.owner = owner
        self.data = bundle.data
        self.archive = bundle.archive
        self.written = written
        self.goals: dict[str, Goal] = {}
        self.entries: dict[str, LearningEntry] = {}
        self.plan: dict[str, PlanItem] = {}
        self._frameworks: dict[tuple[str, str], Framework] = {}
        self.files = 0

    def framework(self, slug: str, version: str) -> Framework:
        key = (slug, version)
        if key not in self._frameworks:
            self._frameworks[key] = Framework.objects.get(slug=slug, version=version)
        return self._frameworks[key]

    def statement(self, ref: dict) -> Statement:
        framework = self.framework(ref["framework"], ref["version"])
        return Statement.objects.select_related("domain").get(framework=framework, code=ref["code"])

    def statements(self, refs: list[dict]) -> list[Statement]:
        return [self.statement(ref) for ref in refs]

    def run(self, installed: list[str]) -> ImportSummary:
        for raw in self.data.get("goals", []):
            self.goal(raw)
        for raw in self.data.get("learning_entries", []):
            self.entry(raw)
        plan = self.data.get("development_plan", {})
        for raw in plan.get("items", []):
            self.plan_item(raw)
        for raw in plan.get("comments", []):
            self.comment(raw)
        claims = self.data.get("claims", [])
        for raw in claims:
            self.claim(raw)
        return ImportSummary(
            goals=len(self.goals),
            entries=len(self.entries),
            evidence_files=self.files,
            plan_items=len(self.plan),
            claims=len(claims),
            frameworks_installed=installed,
        )

    def goal(self, raw: dict) -> None:
        goal = Goal.objects.create(
            owner=self.owner,
            title=raw["title"],
            why=raw.get("why", ""),
            status=raw["status"],
            target_date=_date(raw.get("target_date")),
            achieved_on=_date(raw.get("achieved_on")),
            objective_text=raw.get("organisational_objective", ""),
        )
        goal.statements.set(self.statements(raw.get("statements", [])))
        for note in raw.get("notes", []):
            GoalNote.objects.create(
                goal=goal, text=note["text"], created_at=_moment(note["written_at"])
            )
        Goal.objects.filter(pk=goal.pk).update(
            created_at=_moment(raw["created_at"]), updated_at=_moment(raw["updated_at"])
        )
        self.goals[raw["ref"]] = goal

    def entry(self, raw: dict) -> None:
        hours = raw.get("hours")
        entry = LearningEntry.objects.create(
            owner=self.owner,
            title=raw["title"],
            kind=raw["kind"],
            date=_date(raw["date"]),
            hours=Decimal(str(hours)) if hours is not None else None,
            reflection=raw.get("reflection", ""),
            practice=raw.get("practice", ""),
            impact=raw.get("impact", ""),
            source_key=raw.get("source_key", ""),
            source_url=raw.get("source_url", ""),
        )
        entry.statements.set(self.statements(raw.get("statements", [])))
        entry.goals.set([self.goals[ref] for ref in raw.get("goals", [])])
        for item in raw.get("evidence", []):
            self.evidence(entry, item)
        LearningEntry.objects.filter(pk=entry.pk).update(
            created_at=_moment(raw["created_at"]), updated_at=_moment(raw["updated_at"])
        )
        self.entries[raw["ref"]] = entry

    def evidence(self, entry: LearningEntry, raw: dict) -> None:
        if raw["type"] == "link":
            evidence = Evidence.objects.create(
                entry=entry, url=raw["url"], title=raw.get("title", "")
            )
        else:
            content = self.archive.read(raw["path"])
            evidence = evidence_add_bytes(
                entry=entry, name=raw["name"], content=content, title=raw.get("title", "")
            )
            self.written.append(evidence.file.name)
            self.files += 1
        Evidence.objects.filter(pk=evidence.pk).update(created_at=_moment(raw["added_at"]))

    def plan_item(self, raw: dict) -> None:
        statement = self.statement(raw["statement"]) if raw.get("statement") else None
        domain = statement.domain if statement else None
        if raw.get("capability"):
            ref = raw["capability"]
            domain = Domain.objects.get(
                framework=self.framework(ref["framework"], ref["version"]), code=ref["code"]
            )
        item = PlanItem.objects.create(
            owner=self.owner,
            action=raw["action"],
            support_needed=raw.get("support_needed", ""),
            target_date=_date(raw.get("target_date")),
            status=raw["status"],
            statement=statement,
            domain=domain,
            source=raw.get("source", ""),
            source_url=raw.get("source_url", ""),
        )
        PlanItem.objects.filter(pk=item.pk).update(
            created_at=_moment(raw["created_at"]), updated_at=_moment(raw["updated_at"])
        )
        self.plan[raw["ref"]] = item

    def comment(self, raw: dict) -> None:
        PlanComment.objects.create(
            plan_owner=self.owner,
            author=self.owner if raw.get("by_owner") else None,
            author_name=raw.get("author", "")[:150],
            item=self.plan[raw["item"]] if raw.get("item") else None,
            text=raw["text"],
            created_at=_moment(raw["written_at"]),
        )

    def claim(self, raw: dict) -> None:
        assessor = raw.get("assessor", {})
        claim = Claim.objects.create(
            owner=self.owner,
            framework=self.framework(raw["framework"]["slug"], raw["framework"]["version"]),
            note=raw.get("note", ""),
            status=raw["status"],
            assessor_name=assessor.get("name", ""),
            assessor_email=assessor.get("email", ""),
            assessor_role=assessor.get("role", ""),
            submitted_at=_moment(raw.get("submitted_at")),
            assessed_at=_moment(raw.get("assessed_at")),
        )
        Claim.objects.filter(pk=claim.pk).update(created_at=_moment(raw["created_at"]))
        for item in raw.get("items", []):
            row = ClaimItem.objects.create(
                claim=claim,
                statement=self.statement(item["statement"]),
                note=item.get("note", ""),
                decision=item["decision"],
                comment=item.get("comment", ""),
                decided_at=_moment(item.get("decided_at")),
                decided_by=item.get("decided_by", ""),
            )
            row.entries.set([self.entries[ref] for ref in item.get("entries", [])])
