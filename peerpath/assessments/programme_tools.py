"""The assessments app's tools for programme activities (see peerpath.programmes.tools).

Thing 4 of 23 Things ("360° feedback") completes with a finished 360° round: the report is
the evidence. An activity may also embed a self-evaluation, completed by finishing one.
"""

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from peerpath.programmes.tools import ProgrammeTool, ToolCompletion

from .models import FeedbackRound, SelfEvaluation


class FeedbackRoundTool(ProgrammeTool):
    key = "feedback-360"

    def start_url(self, user) -> str:
        return reverse("assessments:rounds")

    def completion(self, user, *, since=None) -> ToolCompletion | None:
        rounds = FeedbackRound.objects.filter(subject=user, status=FeedbackRound.Status.CLOSED)
        if since is not None:
            rounds = rounds.filter(closed_at__gte=since)
        finished = rounds.order_by("-closed_at").first()
        if finished is None:
            return None
        return ToolCompletion(
            title=_("360° feedback report: %(title)s") % {"title": finished.title},
            url=reverse("assessments:report", kwargs={"round_id": finished.pk}),
            when=finished.closed_at.date(),
        )


class SelfEvaluationTool(ProgrammeTool):
    key = "self-evaluation"

    def start_url(self, user) -> str:
        return reverse("assessments:home")

    def completion(self, user, *, since=None) -> ToolCompletion | None:
        done = SelfEvaluation.objects.filter(
            owner=user, organisation__isnull=True, completed_at__isnull=False
        )
        if since is not None:
            done = done.filter(completed_at__gte=since)
        latest = done.select_related("framework").order_by("-completed_at").first()
        if latest is None:
            return None
        return ToolCompletion(
            title=_("%(framework)s self-evaluation, %(date)s")
            % {
                "framework": latest.framework.name,
                "date": formats.date_format(latest.completed_at, "j F Y"),
            },
            url=reverse("assessments:result", kwargs={"evaluation_id": latest.pk}),
            when=latest.completed_at.date(),
        )


TOOLS = [FeedbackRoundTool(), SelfEvaluationTool()]
