"""A whole portfolio as the documented JSON (docs/portfolio-format.md) and as a zip with
the evidence files beside it.

The output is deterministic for the same portfolio (apart from `exported_at`), which is
what lets the round-trip test compare an export with the export of its import.
"""

import json
import zipfile
from typing import IO

from django.conf import settings
from django.utils import timezone

from peerpath.frameworks.models import Domain, Framework, Statement
from peerpath.frameworks.selectors import framework_as_data

from ..models import Claim, Goal, LearningEntry, PlanComment, PlanItem

FORMAT = "peerpath-portfolio"
SCHEMA_VERSION = 1
JSON_NAME = "portfolio.json"


def _when(value) -> str | None:
    return value.isoformat() if value is not None else None


def statement_ref(statement: Statement) -> dict:
    return {
        "framework": statement.framework.slug,
        "version": statement.framework.version,
        "code": statement.code,
    }


def _domain_ref(domain: Domain) -> dict:
    return {
        "framework": domain.framework.slug,
        "version": domain.framework.version,
        "code": domain.code,
    }


def _statements(queryset) -> list[dict]:
    ordered = queryset.select_related("framework", "domain").order_by(
        "framework__slug", "framework__version", "domain__position", "position"
    )
    return [statement_ref(s) for s in ordered]


class _Refs:
    """Stable names ("entry-3") for rows, so the file never exposes database ids."""

    def __init__(self, prefix: str, rows):
        self.by_pk = {row.pk: f"{prefix}-{n}" for n, row in enumerate(rows, start=1)}

    def __getitem__(self, pk) -> str:
        return self.by_pk[pk]


def portfolio_as_dict(user, *, files: list | None = None) -> dict:
    """Everything in the person's portfolio as plain JSON-ready data.

    If `files` is a list, (zip path, Evidence) pairs are appended to it for the caller
    to copy into the archive.
    """
    goals = list(Goal.objects.filter(owner=user).order_by("created_at", "pk"))
    entries = list(LearningEntry.objects.filter(owner=user).order_by("date", "created_at", "pk"))
    plan = list(PlanItem.objects.filter(owner=user).order_by("created_at", "pk"))
    goal_refs, entry_refs = _Refs("goal", goals), _Refs("entry", entries)
    plan_refs = _Refs("plan", plan)
    files = files if files is not None else []
    return {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "exported_at": timezone.now().isoformat(),
        "exported_from": settings.SITE_URL,
        "person": {"full_name": user.full_name, "email": user.email},
        "frameworks": _frameworks_used(user),
        "goals": [_goal(goal, goal_refs) for goal in goals],
        "learning_entries": [_entry(e, entry_refs, goal_refs, files) for e in entries],
        "development_plan": {
            "items": [_plan_item(item, plan_refs) for item in plan],
            "comments": [_comment(c, user, plan_refs) for c in _comments(user)],
        },
        "claims": [_claim(claim, entry_refs) for claim in _claims(user)],
    }


def _frameworks_used(user) -> list[dict]:
    """The frameworks the portfolio refers to, whole, so another Peerpath can load them."""
    statement_ids = set(
        Statement.objects.filter(learning_entries__owner=user).values_list("pk", flat=True)
    )
    statement_ids |= set(Statement.objects.filter(goals__owner=user).values_list("pk", flat=True))
    framework_ids = set(
        Statement.objects.filter(pk__in=statement_ids).values_list("framework_id", flat=True)
    )
    framework_ids |= set(
        PlanItem.objects.filter(owner=user, domain__isnull=False).values_list(
            "domain__framework_id", flat=True
        )
    )
    framework_ids |= set(Claim.objects.filter(owner=user).values_list("framework_id", flat=True))
    frameworks = Framework.objects.filter(pk__in=framework_ids).order_by("slug", "version")
    return [framework_as_data(f).as_dict() for f in frameworks]


def _goal(goal: Goal, refs: _Refs) -> dict:
    return {
        "ref": refs[goal.pk],
        "title": goal.title,
        "why": goal.why,
        "status": goal.status,
        "target_date": _when(goal.target_date),
        "achieved_on": _when(goal.achieved_on),
        "organisational_objective": goal.objective_text,
        "statements": _statements(goal.statements.all()),
        "notes": [
            {"text": note.text, "written_at": _when(note.created_at)}
            for note in goal.notes.order_by("created_at", "pk")
        ],
        "created_at": _when(goal.created_at),
        "updated_at": _when(goal.updated_at),
    }


def _entry(entry: LearningEntry, refs: _Refs, goal_refs: _Refs, files: list) -> dict:
    ref = refs[entry.pk]
    evidence = []
    for number, item in enumerate(entry.evidence.order_by("created_at", "pk"), start=1):
        if item.file:
            path = f"evidence/{ref}/{number}-{item.original_name}"
            files.append((path, item))
            evidence.append(
                {
                    "type": "file",
                    "title": item.title,
                    "name": item.original_name,
                    "content_type": item.content_type,
                    "size": item.size,
                    "sha256": item.sha256,
                    "path": path,
                    "added_at": _when(item.created_at),
                }
            )
        else:
            evidence.append(
                {
                    "type": "link",
                    "title": item.title,
                    "url": item.url,
                    "added_at": _when(item.created_at),
                }
            )
    return {
        "ref": ref,
        "title": entry.title,
        "kind": entry.kind,
        "date": _when(entry.date),
        "hours": str(entry.hours) if entry.hours is not None else None,
        "reflection": entry.reflection,
        "practice": entry.practice,
        "impact": entry.impact,
        "statements": _statements(entry.statements.all()),
        "goals": sorted((goal_refs[g.pk] for g in entry.goals.all()), key=_ref_order),
        "evidence": evidence,
        "source_key": entry.source_key,
        "source_url": entry.source_url,
        "created_at": _when(entry.created_at),
        "updated_at": _when(entry.updated_at),
    }


def _ref_order(ref: str) -> int:
    return int(ref.rsplit("-", 1)[1])


def _plan_item(item: PlanItem, refs: _Refs) -> dict:
    capability = None
    if item.statement_id is None and item.domain_id is not None:
        capability = _domain_ref(item.domain)
    return {
        "ref": refs[item.pk],
        "action": item.action,
        "support_needed": item.support_needed,
        "target_date": _when(item.target_date),
        "status": item.status,
        "statement": statement_ref(item.statement) if item.statement_id else None,
        "capability": capability,
        "source": item.source,
        "source_url": item.source_url,
        "created_at": _when(item.created_at),
        "updated_at": _when(item.updated_at),
    }


def _comments(user):
    return PlanComment.objects.filter(plan_owner=user).order_by("created_at", "pk")


def _comment(comment: PlanComment, owner, refs: _Refs) -> dict:
    return {
        "author": comment.author_name,
        "by_owner": comment.author_id == owner.pk,
        "item": refs[comment.item_id] if comment.item_id else None,
        "text": comment.text,
        "written_at": _when(comment.created_at),
    }


def _claims(user):
    return Claim.objects.filter(owner=user).select_related("framework").order_by("created_at", "pk")


def _claim(claim: Claim, entry_refs: _Refs) -> dict:
    items = claim.items.select_related("statement__framework").order_by(
        "statement__domain__position", "statement__position"
    )
    return {
        "framework": {"slug": claim.framework.slug, "version": claim.framework.version},
        "status": claim.status,
        "note": claim.note,
        "assessor": {
            "name": claim.assessor_name,
            "email": claim.assessor_email,
            "role": claim.assessor_role,
        },
        "created_at": _when(claim.created_at),
        "submitted_at": _when(claim.submitted_at),
        "assessed_at": _when(claim.assessed_at),
        "items": [
            {
                "statement": statement_ref(item.statement),
                "note": item.note,
                "entries": sorted((entry_refs[e.pk] for e in item.entries.all()), key=_ref_order),
                "decision": item.decision,
                "comment": item.comment,
                "decided_at": _when(item.decided_at),
                "decided_by": item.decided_by,
            }
            for item in items
        ],
    }


def portfolio_json(user) -> str:
    return json.dumps(portfolio_as_dict(user), ensure_ascii=False, indent=2) + "\n"


def write_portfolio_zip(user, target: IO[bytes]) -> dict:
    """Write the portfolio zip (portfolio.json + evidence/…) to `target`; returns the data.

    Files are streamed from storage one at a time, so a large portfolio never sits in
    memory whole.
    """
    files: list = []
    data = portfolio_as_dict(user, files=files)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(JSON_NAME, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        archive.writestr("README.txt", _readme())
        for path, evidence in files:
            with evidence.file.open("rb") as source, archive.open(path, "w") as sink:
                for chunk in iter(lambda: source.read(1 << 16), b""):
                    sink.write(chunk)
    return data


def _readme() -> str:
    return (
        "This is a Peerpath professional development portfolio.\n\n"
        "portfolio.json holds goals, learning-log entries, the development plan and claims,\n"
        "in the format described in docs/portfolio-format.md of Peerpath (format\n"
        f'"{FORMAT}", schema version {SCHEMA_VERSION}). The evidence folder holds the files\n'
        "the entries refer to. Any Peerpath can import this file whole.\n"
    )
