"""Pathways with the capabilities they cover and how far a person has got."""

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q

from peerpath.frameworks.models import Domain, Statement

from ..models import Pathway, PathwayFollow, PathwayStep, PathwayStepDone, Submission


@dataclass
class StepProgress:
    step: PathwayStep
    done: bool


@dataclass
class CapabilityCoverage:
    domain: Domain
    statements: list[Statement] = field(default_factory=list)
    covered: set[int] = field(default_factory=set)  # statement ids the person has done


def pathway_with_steps(pathway: Pathway) -> Pathway:
    return Pathway.objects.prefetch_related(
        Prefetch(
            "steps",
            queryset=PathwayStep.objects.select_related("activity__programme")
            .prefetch_related(
                Prefetch("statements", Statement.objects.select_related("domain", "framework"))
            )
            .order_by("position"),
        )
    ).get(pk=pathway.pk)


def steps_progress(pathway: Pathway, user) -> list[StepProgress]:
    """Each step with whether the person has done it (activities: accepted)."""
    steps = list(pathway.steps.all())
    ticked = set(
        PathwayStepDone.objects.filter(person=user, step__pathway=pathway).values_list(
            "step_id", flat=True
        )
    )
    accepted = set(
        Submission.objects.filter(
            participant=user,
            status=Submission.Status.ACCEPTED,
            activity__in=[s.activity_id for s in steps if s.activity_id],
        ).values_list("activity_id", flat=True)
    )
    return [
        StepProgress(step, step.pk in ticked or (step.activity_id in accepted)) for step in steps
    ]


def coverage(progress: list[StepProgress]) -> list[CapabilityCoverage]:
    """The capabilities the pathway develops, grouped by domain, marking those done."""
    by_domain: dict[int, CapabilityCoverage] = {}
    seen: set[int] = set()
    for item in progress:
        for statement in item.step.statements.all():
            entry = by_domain.setdefault(
                statement.domain_id, CapabilityCoverage(domain=statement.domain)
            )
            if statement.pk not in seen:
                entry.statements.append(statement)
                seen.add(statement.pk)
            if item.done:
                entry.covered.add(statement.pk)
    ordered = sorted(by_domain.values(), key=lambda c: c.domain.position)
    for entry in ordered:
        entry.statements.sort(key=lambda s: s.position)
    return ordered


def is_following(pathway: Pathway, user) -> bool:
    return PathwayFollow.objects.filter(pathway=pathway, person=user).exists()


def pathways_visible_to(user):
    """Shipped pathways, and those of organisations the person belongs to."""
    if user.is_superuser:
        return Pathway.objects.all()
    return Pathway.objects.filter(
        Q(owner__isnull=True) | Q(owner__memberships__user=user)
    ).distinct()


def pathways_for(user):
    """Pathways the person may follow, with the ones they follow first."""
    followed = set(PathwayFollow.objects.filter(person=user).values_list("pathway_id", flat=True))
    pathways = list(pathways_visible_to(user).order_by("role_level", "name"))
    return sorted(pathways, key=lambda p: p.pk not in followed), followed
