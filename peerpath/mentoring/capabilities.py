"""What a person is developing and what they are strong in, as numbers matching can use.

Today the numbers come from the confidence questions on the application (one rating per
capability of the scheme's evaluation framework). When the self-evaluation app can supply
a person's latest ratings, `confidence_of` is the one place to read them from instead.
"""

from peerpath.frameworks.models import Framework, ScaleLevel

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
