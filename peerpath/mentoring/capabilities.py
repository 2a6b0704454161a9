"""What a person is developing and what they are strong in, as numbers matching can use.

The numbers come from the confidence questions on the application (one rating per
capability of the scheme's evaluation framework). Someone who has finished a
self-evaluation of that framework finds the questions filled in from it
(`from_self_evaluation`), and can change them: the application stays the one source.
"""

from dataclasses import dataclass
from datetime import datetime

from peerpath.frameworks.models import Framework, ScaleLevel, Statement

from .models import Application

# The engine takes needs and strengths as whole numbers from 0 to this.
TOP = 4


def _scale_top(framework_id: int) -> int:
    values = ScaleLevel.objects.filter(scale__framework_id=framework_id).values_list(
        "value", flat=True
    )
    return max(values, default=TOP)


def domain_codes(framework: Framework | None) -> list[str]:
    """The capabilities (framework domains) in their framework order."""
    if framework is None:
        return []
    return list(framework.domains.order_by("position").values_list("code", flat=True))


def confidence_of(application: Application) -> dict[str, int]:
    """The person's confidence per capability (domain code → scale value) when they applied."""
    return {code: int(value) for code, value in (application.confidence or {}).items()}


def capability_row(application: Application, codes: list[str]) -> list[int]:
    """Needs for a mentee (the less confident, the greater the need) or strengths for a
    mentor or peer (the more confident, the stronger), each from 0 to TOP."""
    framework = application.cohort.scheme.evaluation_framework
    if framework is None:
        return [0] * len(codes)
    top = _scale_top(framework.pk)
    confidence = confidence_of(application)
    row = []
    for code in codes:
        level = confidence.get(code)
        if level is None:
            row.append(0)
        elif application.role == Application.Role.MENTEE:
            row.append(round(TOP * (top - level) / max(top - 1, 1)))
        else:
            row.append(round(TOP * level / top))
    return row


@dataclass(frozen=True)
class Prefill:
    confidence: dict[str, int]
    completed_at: datetime


def from_self_evaluation(user, framework: Framework | None, *, after=None) -> Prefill | None:
    """Per capability, the rounded mean of the person's ratings in their latest finished
    self-evaluation of `framework` (any version: codes are stable), finished after
    `after` if given; None when there is none."""
    from peerpath.assessments.selectors.evaluations import personal_evaluations, ratings_by_code

    if framework is None:
        return None
    finished = personal_evaluations(user).filter(
        framework__slug=framework.slug, completed_at__isnull=False
    )
    if after is not None:
        finished = finished.filter(completed_at__gt=after)
    latest = finished.order_by("-completed_at").first()
    if latest is None:
        return None
    domain_of = dict(
        Statement.objects.filter(framework=latest.framework).values_list("code", "domain__code")
    )
    by_domain: dict[str, list[int]] = {}
    for code, level in ratings_by_code(latest).items():
        if code in domain_of:
            by_domain.setdefault(domain_of[code], []).append(level.value)
    domains = set(domain_codes(framework))
    confidence = {
        code: round(sum(values) / len(values))
        for code, values in by_domain.items()
        if code in domains
    }
    return Prefill(confidence, latest.completed_at) if confidence else None
