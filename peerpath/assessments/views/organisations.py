"""Organisational self-assessment: an organisation rates itself, run by its admins."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peerpath.accounts.access import org_admin, signed_in

from ..forms import ContributorForm, StartEvaluationForm
from ..selectors import evaluations as reads
from ..services import evaluations as services
from .evaluations import editable


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


@signed_in
@require_POST
def add_contributor(request, evaluation_id):
    """An organisation admin lets a colleague help fill in the organisation's assessment."""
    found = editable(request, evaluation_id)
    if not found.is_organisational or not request.user.is_org_admin_of(found.organisation):
        raise Http404
    form = ContributorForm(request.POST)
    if form.is_valid():
        try:
            colleague = services.evaluation_add_contributor(
                evaluation=found, email=form.cleaned_data["email"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("%(name)s can now help fill this in.") % {"name": colleague.full_name},
            )
    else:
        messages.error(request, _("Enter the colleague's email address."))
    return redirect("assessments:evaluation", evaluation_id=found.pk)
