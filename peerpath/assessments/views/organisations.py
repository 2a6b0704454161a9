"""Organisational self-assessment: an organisation rates itself, run by its admins."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from peerpath.accounts.access import org_admin

from ..forms import StartEvaluationForm
from ..selectors import evaluations as reads
from ..services import evaluations as services


@org_admin
def organisation(request, organisation):
    evaluations = list(reads.organisation_evaluations(organisation))
    return render(
        request,
        "assessments/organisation.html",
        {
            "organisation": organisation,
            "frameworks": reads.frameworks_to_rate(request.user, organisational=True),
            "in_progress": [e for e in evaluations if not e.is_complete],
            "finished": [e for e in evaluations if e.is_complete],
        },
    )


@org_admin
def organisation_start(request, organisation, slug):
    framework = get_object_or_404(
        reads.frameworks_to_rate(request.user, organisational=True), slug=slug
    )
    form = StartEvaluationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            evaluation = services.evaluation_start(
                owner=request.user,
                framework=framework,
                organisation=organisation,
                name_on_record=form.cleaned_data["name_on_record"] or organisation.name,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("assessments:evaluation", evaluation_id=evaluation.pk)
    return render(
        request,
        "assessments/start.html",
        {"framework": framework, "form": form, "organisation": organisation, "previous": []},
    )
