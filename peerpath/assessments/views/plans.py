"""Turning results into a development plan, through the portfolio's plan_item_create."""

import contextlib

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from peerpath.accounts.access import signed_in
from peerpath.frameworks.models import Statement
from peerpath.portfolio.models import PlanItem
from peerpath.portfolio.services import plan_item_create

from ..forms import PlanItemForm
from ..models import FeedbackRound
from ..selectors import evaluations as reads
from ..selectors.reports import round_report
from .evaluations import editable
from .rounds import own_round


def _plan_page(request, *, framework, source, source_url, suggestions, back):
    chosen = request.GET.get("statement")
    initial = {}
    if chosen and chosen.isdigit():
        initial["statement"] = Statement.objects.filter(framework=framework, pk=chosen).first()
    form = PlanItemForm(
        request.POST if request.method == "POST" else None, framework=framework, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        plan_item_create(
            owner=request.user, source=source, source_url=source_url, **form.cleaned_data
        )
        messages.success(request, _("Added to your development plan. Add another, or go back."))
        return redirect(request.path)
    plan_url = None
    with contextlib.suppress(NoReverseMatch):
        plan_url = reverse("portfolio:plan")
    return render(
        request,
        "assessments/plan.html",
        {
            "form": form,
            "source": source,
            "suggestions": suggestions,
            "items": PlanItem.objects.filter(
                owner=request.user, source_url=source_url
            ).select_related("statement", "domain"),
            "back": back,
            "plan_url": plan_url,
        },
    )


@signed_in
def evaluation_plan(request, evaluation_id):
    found = editable(request, evaluation_id)
    if not found.is_complete or found.is_organisational:
        return redirect(found)
    outcome = reads.evaluation_result(found)
    url = reverse("assessments:result", kwargs={"evaluation_id": found.pk})
    return _plan_page(
        request,
        framework=found.framework,
        source=_("Self-evaluation: %(name)s, %(date)s")
        % {
            "name": found.framework.name,
            "date": date_format(localtime(found.completed_at), "j F Y"),
        },
        source_url=url,
        suggestions=[(row.statement, _("an area to develop")) for row in outcome.to_develop],
        back=url,
    )


@signed_in
def report_plan(request, round_id):
    found = own_round(request, round_id)
    if found.status != FeedbackRound.Status.CLOSED:
        return redirect(found)
    content = round_report(found)
    url = reverse("assessments:report", kwargs={"round_id": found.pk})
    suggestions = [(gap.key.statement, _("a blind spot")) for gap in content.blind_spots]
    return _plan_page(
        request,
        framework=found.framework,
        source=_("360° feedback: %(title)s") % {"title": found.title},
        source_url=url,
        suggestions=suggestions,
        back=url,
    )
