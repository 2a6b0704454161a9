"""The development plan, sharing it with a named person, and their comments."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peerpath.accounts.access import signed_in

from .. import selectors, services
from ..forms import PLAN_TEXT_FIELDS, CommentForm, PlanItemForm, ShareForm
from ..models import PlanItem, PlanShare
from .common import base_url, discard_drafts, offer_drafts, owned


def _plan_page(request, share_form=None, comment_form=None, status=200):
    owner = request.user
    return render(
        request,
        "portfolio/plan.html",
        {
            "items": selectors.plan_of(owner),
            "shares": selectors.active_shares_of(owner),
            "comments": selectors.plan_comments(owner),
            "share_form": share_form or ShareForm(),
            "comment_form": comment_form or CommentForm(plan_owner=owner),
        },
        status=status,
    )


@signed_in
def plan(request):
    return _plan_page(request)


def _item_form_page(request, form, item):
    return render(request, "portfolio/plan_item_form.html", {"form": form, "item": item})


@signed_in
def plan_item_new(request):
    form = PlanItemForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_search:
        form.hold_errors()
    elif request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        item = services.plan_item_create(
            owner=request.user,
            action=data["action"],
            statement=form.statement,
            support_needed=data["support_needed"],
            target_date=data["target_date"],
        )
        if data["status"] != item.status:
            services.plan_item_save(
                item=item,
                action=item.action,
                statement=item.statement,
                support_needed=item.support_needed,
                target_date=item.target_date,
                status=data["status"],
            )
        discard_drafts(request, "plan", None, PLAN_TEXT_FIELDS)
        messages.success(request, _("The item was added to your plan."))
        return redirect("portfolio:plan")
    elif request.method == "GET":
        offer_drafts(request, form, "plan", None, PLAN_TEXT_FIELDS)
    return _item_form_page(request, form, None)


@signed_in
def plan_item_edit(request, item_id):
    item = owned(PlanItem, request, item_id)
    if request.method == "POST":
        form = PlanItemForm(request.POST, user=request.user, item=item)
        if form.is_search:
            form.hold_errors()
        elif form.is_valid():
            data = form.cleaned_data
            services.plan_item_save(
                item=item,
                action=data["action"],
                statement=form.statement,
                support_needed=data["support_needed"],
                target_date=data["target_date"],
                status=data["status"],
            )
            discard_drafts(request, "plan", item, PLAN_TEXT_FIELDS)
            messages.success(request, _("Your changes have been saved."))
            return redirect("portfolio:plan")
    else:
        form = PlanItemForm(
            user=request.user,
            item=item,
            initial={
                "action": item.action,
                "statements": [item.statement_id] if item.statement_id else [],
                "support_needed": item.support_needed,
                "target_date": item.target_date,
                "status": item.status,
            },
        )
        offer_drafts(request, form, "plan", item, PLAN_TEXT_FIELDS)
    return _item_form_page(request, form, item)


@signed_in
def plan_item_delete(request, item_id):
    item = owned(PlanItem, request, item_id)
    if request.method == "POST":
        services.plan_item_delete(item=item)
        messages.success(request, _("The item was removed from your plan."))
        return redirect("portfolio:plan")
    return render(request, "portfolio/plan_item_delete.html", {"item": item})


@signed_in
@require_POST
def plan_share(request):
    form = ShareForm(request.POST)
    if form.is_valid():
        try:
            share = services.plan_share(
                owner=request.user, email=form.cleaned_data["email"], base_url=base_url(request)
            )
        except ValidationError as error:
            form.add_error("email", error)
        else:
            messages.success(
                request,
                _("Your plan is now shared with %(name)s. We have emailed them a link.")
                % {"name": share.viewer},
            )
            return redirect("portfolio:plan")
    return _plan_page(request, share_form=form, status=400)


@signed_in
@require_POST
def plan_share_withdraw(request, share_id):
    share = get_object_or_404(PlanShare.objects.active(), pk=share_id, owner=request.user)
    services.plan_share_withdraw(share=share)
    messages.success(
        request,
        _("%(name)s can no longer see your plan.") % {"name": share.viewer},
    )
    return redirect("portfolio:plan")


@signed_in
@require_POST
def plan_comment(request):
    """The owner adds to the conversation on their own plan."""
    form = CommentForm(request.POST, plan_owner=request.user)
    if form.is_valid():
        services.plan_comment_add(
            plan_owner=request.user,
            author=request.user,
            text=form.cleaned_data["text"],
            item=form.cleaned_data["item"],
        )
        messages.success(request, _("Your comment was added."))
        return redirect("portfolio:plan")
    return _plan_page(request, comment_form=form, status=400)


@signed_in
def shared_with_me(request):
    return render(
        request,
        "portfolio/shared_with_me.html",
        {"shares": selectors.plans_shared_with(request.user)},
    )


def _shared_plan_page(request, share, form, status=200):
    return render(
        request,
        "portfolio/shared_plan.html",
        {
            "share": share,
            "items": selectors.plan_of(share.owner),
            "comments": selectors.plan_comments(share.owner),
            "form": form,
        },
        status=status,
    )


@signed_in
def shared_plan(request, share_id):
    share = selectors.share_for_viewer(request.user, share_id)
    if share is None:
        raise Http404
    if request.method == "POST":
        form = CommentForm(request.POST, plan_owner=share.owner)
        if form.is_valid():
            try:
                services.plan_comment_add(
                    plan_owner=share.owner,
                    author=request.user,
                    text=form.cleaned_data["text"],
                    item=form.cleaned_data["item"],
                )
            except ValidationError as error:
                form.add_error("text", error)
            else:
                messages.success(request, _("Your comment was added."))
                return redirect("portfolio:shared-plan", share_id=share.pk)
        return _shared_plan_page(request, share, form, status=400)
    return _shared_plan_page(request, share, CommentForm(plan_owner=share.owner))
