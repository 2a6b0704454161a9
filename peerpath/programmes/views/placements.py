"""A person's own placements: exchanges, secondments and international visits."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peerpath.accounts.access import signed_in
from peerpath.drafts.selectors import draft_newer_than

from .. import services
from ..access import own_or_hidden
from ..forms import PlacementForm
from ..models import Placement, Programme


@signed_in
def placement_list(request):
    placements = Placement.objects.filter(person=request.user).prefetch_related("statements")
    return render(request, "programmes/placements.html", {"placements": placements})


def _placement_form(request, placement: Placement):
    programmes = Programme.objects.visible_to(request.user)
    form = PlacementForm(request.POST or None, instance=placement, programmes=programmes)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.placement_save(form=form, person=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your placement is saved. It shows in your portfolio."))
            return redirect(saved)
    elif request.method == "GET":
        draft = draft_newer_than(
            request.user,
            services.placement_reflection_draft_key(placement),
            placement.updated_at if placement.pk else None,
            placement.reflection,
        )
        if draft is not None:
            form.initial["reflection"] = draft.text
            messages.info(request, _("We put back the text you had not saved yet."))
    return render(request, "programmes/placement_form.html", {"form": form, "placement": placement})


@signed_in
def placement_create(request):
    return _placement_form(request, Placement())


@own_or_hidden("placement-owner")
def placement_edit(request, placement_id):
    placement = get_object_or_404(Placement, pk=placement_id, person=request.user)
    return _placement_form(request, placement)


@own_or_hidden("placement-owner")
@require_POST
def placement_delete(request, placement_id):
    placement = get_object_or_404(Placement, pk=placement_id, person=request.user)
    services.placement_delete(placement=placement)
    messages.success(request, _("The placement was deleted."))
    return redirect("programmes:placements")
