"""The portfolio's tools for programme activities (see peerpath.programmes.tools).

Thing 11 of 23 Things ("turn feedback into a plan") completes once the person's development
plan has an item; Thing 23 ("keep a learning log") once they have written an entry of their
own with a reflection (entries a programme or mentoring session made for them do not count).
"""

from django.urls import reverse
from django.utils.translation import ngettext

from peerpath.programmes.tools import ProgrammeTool, ToolCompletion

from .models import LearningEntry, PlanItem


class DevelopmentPlanTool(ProgrammeTool):
    key = "development-plan"

    def start_url(self, user) -> str:
        return reverse("portfolio:plan")

    def completion(self, user, *, since=None) -> ToolCompletion | None:
        items = PlanItem.objects.filter(owner=user)
        if since is not None:
            items = items.filter(created_at__gte=since)
        count = items.count()
        if not count:
            return None
        latest = items.order_by("-created_at").first()
        return ToolCompletion(
            title=ngettext(
                "Development plan with %(count)s item",
                "Development plan with %(count)s items",
                count,
            )
            % {"count": count},
            url=reverse("portfolio:plan"),
            when=latest.created_at.date(),
        )


class LearningLogTool(ProgrammeTool):
    key = "learning-log"

    def start_url(self, user) -> str:
        return reverse("portfolio:log")

    def completion(self, user, *, since=None) -> ToolCompletion | None:
        entries = LearningEntry.objects.filter(owner=user, source_key="").exclude(reflection="")
        if since is not None:
            entries = entries.filter(created_at__gte=since)
        count = entries.count()
        if not count:
            return None
        latest = entries.order_by("-date", "-created_at").first()
        return ToolCompletion(
            title=ngettext(
                "Learning log with %(count)s reflective entry",
                "Learning log with %(count)s reflective entries",
                count,
            )
            % {"count": count},
            url=reverse("portfolio:log"),
            when=latest.date,
        )


TOOLS = [DevelopmentPlanTool(), LearningLogTool()]
