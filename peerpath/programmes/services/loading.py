"""Importing programme and pathway files. Each import is all or nothing."""

import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from peerpath.accounts.models import Organisation
from peerpath.frameworks.models import Framework, Statement

from ..formats import (
    ROLE_LEVELS,
    PathwayData,
    Problem,
    ProgrammeData,
    ProgrammeFileError,
)
from ..models import Activity, Module, Pathway, PathwayStep, Programme


@dataclass(frozen=True)
class ImportOutcome:
    thing: Programme | Pathway
    created: bool
    changed: bool


def checksum(data: ProgrammeData | PathwayData) -> str:
    canonical = json.dumps(data.as_dict(), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _statements(framework_slug: str, codes_by_path: dict[str, list[str]], problems) -> dict:
    """Statements of the framework's current version by code; unknown codes are problems."""
    if not framework_slug:
        return {}
    framework = Framework.objects.filter(slug=framework_slug, is_current=True).first()
    if framework is None:
        problems.append(
            Problem(
                "capabilities_framework",
                _("No framework “%s” is loaded. Load it first.") % framework_slug,
            )
        )
        return {}
    found = {s.code: s for s in Statement.objects.filter(framework=framework)}
    for path, codes in codes_by_path.items():
        for i, code in enumerate(codes):
            if code not in found:
                problems.append(
                    Problem(
                        f"{path}.capabilities[{i}]",
                        _("“%(code)s” is not a statement of %(framework)s.")
                        % {"code": code, "framework": framework.name},
                    )
                )
    return found


def _check_owner(model, slug: str, owner: Organisation | None, problems) -> None:
    existing = model.objects.filter(slug=slug).first()
    if existing is not None and existing.owner_id != (owner.pk if owner else None):
        problems.append(
            Problem("slug", _("“%s” is already used by someone else; choose another slug.") % slug)
        )


def programme_import(
    *, data: ProgrammeData, owner: Organisation | None = None, publish: bool = True
) -> ImportOutcome:
    """Create or update a programme from checked file data; nothing is saved on a problem.

    Guarantees: importing the same file twice changes nothing (the checksum matches);
    activities are matched by code, so people's submissions survive a re-import;
    an activity dropped from the file is retired (kept for past work) rather than deleted
    when anyone has submitted for it; a slug belongs to one owner.
    """
    problems: list[Problem] = []
    _check_owner(Programme, data.slug, owner, problems)
    statements = _statements(
        data.capabilities_framework,
        {f"activities[{i}]": a.capabilities for i, a in enumerate(data.activities)},
        problems,
    )
    if problems:
        raise ProgrammeFileError(problems)
    digest = checksum(data)
    with transaction.atomic():
        programme = Programme.objects.select_for_update().filter(slug=data.slug).first()
        if programme is not None and programme.checksum == digest:
            return ImportOutcome(programme, created=False, changed=False)
        created = programme is None
        if created:
            programme = Programme(slug=data.slug, owner=owner)
            programme.status = Programme.Status.PUBLISHED if publish else Programme.Status.DRAFT
        _set_programme_fields(programme, data, statements, digest)
        programme.save()
        _sync_modules(programme, data)
        _sync_activities(programme, data, statements)
    return ImportOutcome(programme, created=created, changed=True)


def _set_programme_fields(programme: Programme, data: ProgrammeData, statements, digest) -> None:
    framework = next(iter(statements.values())).framework if statements else None
    source = data.source
    values = {
        "name": data.name,
        "kind": data.kind,
        "summary": data.summary,
        "language": data.language,
        "audience": data.audience,
        "review": data.review,
        "activity_label": data.activity_label,
        "start_with_note": data.start_with_note,
        "min_role_level": ROLE_LEVELS.get(data.min_role_level),
        "eligibility": data.eligibility,
        "completion_attendance": data.completion_attendance,
        "completion_activities": data.completion_activities,
        "framework": framework,
        "source_title": source.title,
        "source_publisher": source.publisher,
        "source_url": source.url,
        "licence": source.licence,
        "licence_url": source.licence_url,
        "attribution": source.attribution,
        "source_notes": source.notes,
        "checksum": digest,
    }
    for name, value in values.items():
        setattr(programme, name, value)


def _sync_modules(programme: Programme, data: ProgrammeData) -> None:
    existing = list(programme.modules.order_by("position", "pk"))
    for position, module_data in enumerate(data.modules, start=1):
        module = (
            existing[position - 1] if position <= len(existing) else Module(programme=programme)
        )
        module.title = module_data.title
        module.summary = module_data.summary
        module.accreditation = module_data.accreditation
        module.position = position
        module.save()
    for extra in existing[len(data.modules) :]:
        if not extra.events.exists():
            extra.delete()


def _sync_activities(programme: Programme, data: ProgrammeData, statements: dict) -> None:
    existing = {activity.code: activity for activity in programme.activities.all()}
    for position, item in enumerate(data.activities, start=1):
        activity = existing.pop(item.code, None) or Activity(programme=programme, code=item.code)
        activity.position = position
        activity.title = item.title
        activity.summary = item.summary
        activity.steps = item.steps
        activity.resources = [
            {"title": r.title, "url": r.url, "note": r.note} for r in item.resources
        ]
        activity.tool = item.tool
        activity.min_words = item.min_words
        activity.allow_link = item.link_allowed
        activity.recommended_first = item.code in data.start_with
        activity.hours = None if item.hours is None else Decimal(str(item.hours))
        activity.badge_name = item.badge_name
        activity.badge_criteria = item.badge_criteria
        activity.retired = False
        activity.save()
        activity.statements.set([statements[code] for code in item.capabilities])
    gone_position = len(data.activities)
    for activity in existing.values():
        if activity.submissions.exists():
            gone_position += 1
            activity.retired = True
            activity.position = gone_position
            activity.save(update_fields=["retired", "position"])
        else:
            activity.delete()


def pathway_import(*, data: PathwayData, owner: Organisation | None = None) -> ImportOutcome:
    """Create or replace a pathway's steps from checked file data; all or nothing.

    Activity steps name "<programme slug>/<activity code>" and must exist already.
    People's ticks on resource steps survive when a step keeps its position and title.
    """
    problems: list[Problem] = []
    _check_owner(Pathway, data.slug, owner, problems)
    statements = _statements(
        data.capabilities_framework,
        {f"steps[{i}]": step.capabilities for i, step in enumerate(data.steps)},
        problems,
    )
    activities = _pathway_activities(data, problems)
    if problems:
        raise ProgrammeFileError(problems)
    digest = checksum(data)
    with transaction.atomic():
        pathway = Pathway.objects.select_for_update().filter(slug=data.slug).first()
        if pathway is not None and pathway.checksum == digest:
            return ImportOutcome(pathway, created=False, changed=False)
        created = pathway is None
        pathway = pathway or Pathway(slug=data.slug, owner=owner)
        pathway.name = data.name
        pathway.role_level = ROLE_LEVELS.get(data.role_level)
        pathway.summary = data.summary
        pathway.attribution = data.attribution
        pathway.checksum = digest
        pathway.save()
        _sync_steps(pathway, data, statements, activities)
    return ImportOutcome(pathway, created=created, changed=True)


def _pathway_activities(data: PathwayData, problems) -> dict[str, Activity]:
    wanted = {step.activity for step in data.steps if step.activity}
    found = {}
    for ref in wanted:
        slug, code = ref.split("/", 1)
        activity = Activity.objects.filter(programme__slug=slug, code=code, retired=False).first()
        if activity is None:
            problems.append(Problem("steps", _("No activity “%s” is loaded.") % ref))
        else:
            found[ref] = activity
    return found


def _sync_steps(pathway: Pathway, data: PathwayData, statements, activities) -> None:
    existing = {(s.position, s.title): s for s in pathway.steps.all()}
    keep = []
    for position, item in enumerate(data.steps, start=1):
        step = existing.pop((position, item.title), None) or PathwayStep(pathway=pathway)
        step.position = position
        step.title = item.title
        step.summary = item.summary
        step.url = item.url
        step.activity = activities.get(item.activity)
        step.save()
        if item.capabilities:
            step.statements.set([statements[code] for code in item.capabilities])
        elif step.activity is not None:  # an activity step develops what the activity does
            step.statements.set(step.activity.statements.all())
        else:
            step.statements.clear()
        keep.append(step.pk)
    pathway.steps.exclude(pk__in=keep).delete()
