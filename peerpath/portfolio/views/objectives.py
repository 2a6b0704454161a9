"""Organisation admins say which objectives people can link their goals to (seed 003:
individual targets linked to the organisation's)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peerpath.accounts.access import org_admin

from .. import services
from ..forms import ObjectiveForm
from ..models import OrganisationObjective


@org_admin
def objectives(request, organisation):
    form = ObjectiveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.objective_add(organisation=organisation, **form.cleaned_data)
        except ValidationError as error:
            form.add_error("title", error)
        else:
            messages.success(request, _("The objective was added."))
            return redirect("portfolio:objectives", org_slug=organisation.slug)
    rows = organisation.objectives.order_by("-is_active", "title")
    return render(
        request,
        "portfolio/objectives.html",
        {"organisation": organisation, "form": form, "objectives": rows},
        status=400 if form.errors else 200,
    )


@org_admin
@require_POST
def objective_toggle(request, organisation, objective_id):
    objective = get_object_or_404(OrganisationObjective, pk=objective_id, organisation=organisation)
    services.objective_set_active(objective=objective, active=not objective.is_active)
    return redirect("portfolio:objectives", org_slug=organisation.slug)
