"""Claims against a Standard, and the assessor's page they reach by an emailed link."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peerpath.accounts.access import public, signed_in

from .. import selectors, services
from ..forms import AssessForm, ClaimItemForm, ClaimStartForm, ClaimSubmitForm
from ..models import Claim, ClaimItem, Evidence
from .common import base_url, discard_drafts, offer_drafts, owned
from .entries import evidence_file_response


@signed_in
def claims(request):
    return render(request, "portfolio/claims.html", {"claims": selectors.claims_of(request.user)})


@signed_in
def claim_new(request):
    form = ClaimStartForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        claim = services.claim_start(owner=request.user, framework=form.cleaned_data["framework"])
        return redirect(claim)
    return render(request, "portfolio/claim_new.html", {"form": form})


@signed_in
def claim(request, claim_id):
    found = owned(Claim, request, claim_id)
    form = None
    if found.is_editable:
        form = ClaimItemForm(request.POST or None, claim=found)
        if request.method == "POST" and form.is_search:
            form.hold_errors()
        elif request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            for statement in data["statements"]:
                services.claim_item_add(
                    claim=found, statement=statement, entries=data["entries"], note=data["note"]
                )
            messages.success(request, _("Added to your claim."))
            return redirect(found)
    elif request.method == "POST":
        raise Http404
    items = selectors.claim_items(found)
    return render(
        request,
        "portfolio/claim.html",
        {
            "claim": found,
            "items": items,
            "form": form,
            "has_returned": found.status == Claim.Status.ASSESSED
            and any(item.decision == ClaimItem.Decision.RETURNED for item in items),
        },
        status=400 if form is not None and form.errors else 200,
    )


@signed_in
@require_POST
def claim_item_remove(request, claim_id, item_id):
    item = get_object_or_404(ClaimItem, pk=item_id, claim_id=claim_id, claim__owner=request.user)
    try:
        services.claim_item_remove(item=item)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("portfolio:claim", claim_id=claim_id)


@signed_in
def claim_submit(request, claim_id):
    found = owned(Claim, request, claim_id)
    if not found.is_editable:
        return redirect(found)
    form = ClaimSubmitForm(request.POST or None, claim=found)
    if request.method == "POST" and form.is_valid():
        try:
            services.claim_submit(claim=found, base_url=base_url(request), **form.cleaned_data)
        except ValidationError as error:
            form.add_error("assessor_email" if error.code == "self" else None, error)
        else:
            discard_drafts(request, "claim", found, ["note"])
            messages.success(
                request,
                _("Your claim has been sent to %(name)s.") % {"name": found.assessor_name},
            )
            return redirect(found)
    elif request.method == "GET":
        form.initial["note"] = found.note
        offer_drafts(request, form, "claim", found, ["note"])
    return render(request, "portfolio/claim_submit.html", {"claim": found, "form": form})


@signed_in
@require_POST
def claim_withdraw(request, claim_id):
    found = owned(Claim, request, claim_id)
    try:
        services.claim_withdraw(claim=found)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your claim was withdrawn; its link no longer works."))
    return redirect(found)


@signed_in
@require_POST
def claim_again(request, claim_id):
    found = owned(Claim, request, claim_id)
    if found.status != Claim.Status.ASSESSED:
        raise Http404
    fresh = services.claim_start_from_returned(claim=found)
    messages.success(request, _("The returned items are in a new claim for you to improve."))
    return redirect(fresh)


def _claim_for_link(token: str) -> Claim:
    found = services.claim_for_token(token)
    if found is None:
        raise Http404
    return found


@public
def assess(request, token):
    """The assessor's page. No account needed: the link is the key, until it is used."""
    found = services.claim_for_token(token)
    if found is None:
        return render(request, "portfolio/assess_closed.html", status=404)
    items = selectors.claim_items(found)
    form = AssessForm(
        request.POST or None, items=items, initial={"assessor_name": found.assessor_name}
    )
    if request.method == "POST" and form.is_valid():
        decisions = {
            item.pk: services.Decision(
                form.cleaned_data[f"decision-{item.pk}"], form.cleaned_data[f"comment-{item.pk}"]
            )
            for item in form.items
        }
        try:
            services.claim_assess(
                claim=found, assessor_name=form.cleaned_data["assessor_name"], decisions=decisions
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return render(request, "portfolio/assess_done.html", {"claim": found})
    return render(
        request,
        "portfolio/assess.html",
        {"claim": found, "form": form, "token": token},
        status=400 if form.errors else 200,
    )


@public
def assess_evidence(request, token, evidence_id):
    """A file the claim relies on, for its assessor only, while the link works."""
    found = _claim_for_link(token)
    evidence = Evidence.objects.filter(
        pk=evidence_id, entry__claim_items__claim=found, file__gt=""
    ).first()
    if evidence is None:
        raise Http404
    return evidence_file_response(evidence)
