"""Self-evaluations and 360° reports over the API: read-only, owner or share only.

The report is the same `round_report` the page and PDF render, so the API can show no
more than they do: withheld figures are null, and nothing names a rater.
"""

from datetime import datetime

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from .models import FeedbackRound, SelfEvaluation
from .selectors import can_view, can_view_report
from .selectors.evaluations import evaluation_result, personal_evaluations
from .selectors.reports import GroupSummary, group_summaries, group_summaries_of, round_report

router = Router(tags=["assessments"])


class EvaluationSummary(Schema):
    id: int
    framework: str
    framework_version: str
    started_at: datetime
    completed_at: datetime | None


class StatementRating(Schema):
    code: str
    value: int | None
    label: str


class DomainResult(Schema):
    code: str
    name: str
    average: float | None
    evidence: str
    statements: list[StatementRating]


class EvaluationDetail(EvaluationSummary):
    domains: list[DomainResult]
    strengths: list[str]
    areas_to_develop: list[str]


def _summary(evaluation: SelfEvaluation) -> dict:
    return {
        "id": evaluation.pk,
        "framework": evaluation.framework.slug,
        "framework_version": evaluation.framework.version,
        "started_at": evaluation.started_at,
        "completed_at": evaluation.completed_at,
    }


@router.get("/evaluations/", response=list[EvaluationSummary])
def list_evaluations(request):
    """Your own self-evaluations, newest first."""
    return [_summary(e) for e in personal_evaluations(request.user)]


@router.get("/evaluations/{evaluation_id}/", response=EvaluationDetail)
def get_evaluation(request, evaluation_id: int):
    """A finished self-evaluation you own or that is shared with you."""
    evaluation = get_object_or_404(
        SelfEvaluation.objects.select_related("framework"), pk=evaluation_id
    )
    if not can_view(request.user, evaluation) or not evaluation.is_complete:
        raise Http404
    result = evaluation_result(evaluation, compare=False)
    return {
        **_summary(evaluation),
        "domains": [
            {
                "code": row.domain.code,
                "name": row.domain.name,
                "average": row.means[-1],
                "evidence": row.evidence,
                "statements": [
                    {"code": s.statement.code, "value": s.latest, "label": s.labels[-1]}
                    for s in row.statements
                ],
            }
            for row in result.domains
        ],
        "strengths": [row.statement.code for row in result.strengths],
        "areas_to_develop": [row.statement.code for row in result.to_develop],
    }


class GroupCount(Schema):
    group: str
    asked: int
    answered: int
    minimum: int
    shown: bool


class RoundSummary(Schema):
    id: int
    title: str
    framework: str
    status: str
    closes_on: str
    groups: list[GroupCount]


def _groups(summaries: list[GroupSummary]) -> list[dict]:
    return [
        {
            "group": g.group,
            "asked": g.invited,
            "answered": g.answered,
            "minimum": g.minimum,
            "shown": g.shown,
        }
        for g in summaries
    ]


@router.get("/rounds/", response=list[RoundSummary])
def list_rounds(request):
    """Your 360° rounds, with answer counts per group (never who answered)."""
    rounds = list(FeedbackRound.objects.filter(subject=request.user).select_related("framework"))
    summaries = group_summaries_of(rounds)
    return [
        {
            "id": r.pk,
            "title": r.title,
            "framework": r.framework.slug,
            "status": r.status,
            "closes_on": r.closes_on.isoformat(),
            "groups": _groups(summaries[r.pk]),
        }
        for r in rounds
    ]


class FigureOut(Schema):
    average: float | None
    ratings: int | None


class StatementReportOut(Schema):
    code: str
    self_rating: int | None
    everyone_else: FigureOut
    groups: dict[str, FigureOut]


class CapabilityOut(Schema):
    code: str
    name: str
    self_average: float | None
    everyone_else: FigureOut
    statements: list[StatementReportOut]
    comments: dict[str, list[str]]


class ReportOut(Schema):
    id: int
    title: str
    groups: list[GroupCount]
    capabilities: list[CapabilityOut]
    blind_spots: list[str]
    hidden_strengths: list[str]


def _figure(figure) -> dict:
    if figure is None or not figure.shown:
        return {"average": None, "ratings": None}
    return {"average": round(figure.mean, 2), "ratings": figure.count}


@router.get("/rounds/{round_id}/report/", response=ReportOut)
def get_report(request, round_id: int):
    """A closed round's report, for its subject or someone it is shared with.

    Figures a group has too few answers for are null, exactly as on the page.
    """
    round = get_object_or_404(FeedbackRound.objects.select_related("framework"), pk=round_id)
    if not can_view_report(request.user, round) or round.status != FeedbackRound.Status.CLOSED:
        raise Http404
    report = round_report(round)
    columns = [g.group for g in report.columns]
    return {
        "id": round.pk,
        "title": round.title,
        "groups": _groups(group_summaries(round)),
        "capabilities": [
            {
                "code": c.domain.code,
                "name": c.domain.name,
                "self_average": c.self_mean,
                "everyone_else": _figure(c.others),
                "statements": [
                    {
                        "code": s.statement.code,
                        "self_rating": s.self_level.value if s.self_level else None,
                        "everyone_else": _figure(s.others),
                        "groups": {g: _figure(s.figures.by_group.get(g)) for g in columns},
                    }
                    for s in c.statements
                ],
                "comments": {block.label: block.texts for block in c.comments},
            }
            for c in report.capabilities
        ],
        "blind_spots": [gap.key.statement.code for gap in report.blind_spots],
        "hidden_strengths": [gap.key.statement.code for gap in report.hidden_strengths],
    }
