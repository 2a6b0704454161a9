"""Sharing an evaluation or a report with a named person; withdrawing; their comments."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peerpath.accounts.access import signed_in

from ..forms import ShareCommentForm, ShareForm
from ..models import FeedbackRound, Share
from ..services import sharing as services
from .evaluations import editable
from .rounds import own_round


def _share_page(request, *, evaluation=None, round=None, back):
    form = ShareForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            share = services.share_create(
                owner=request.user, evaluation=evaluation, round=round, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error("email", error)
        else:
            messages.success(
                request,
                _("Shared with %(name)s. You can stop sharing at any time.")
                % {"name": share.shared_with.full_name},
            )
            return redirect(back)
    shares = (evaluation or round).shares.select_related("shared_with").prefetch_related("comments")
    return render(
        request,
        "assessments/share.html",
        {"form": form, "evaluation": evaluation, "round": round, "shares": shares, "back": back},
    )


@signed_in
def share_evaluation(request, evaluation_id):
    found = editable(request, evaluation_id)
    return _share_page(request, evaluation=found, back=found.get_absolute_url())


@signed_in
def share_report(request, round_id):
    found = own_round(request, round_id)
    if found.status != FeedbackRound.Status.CLOSED:
        return redirect(found)
    return _share_page(request, round=found, back=found.get_absolute_url() + "report/")


@signed_in
@require_POST
def share_withdraw(request, share_id):
    share = get_object_or_404(Share, pk=share_id, owner=request.user)
    services.share_withdraw(share=share)
    messages.success(
        request,
        _("%(name)s can no longer see it.") % {"name": share.shared_with.full_name},
    )
    if share.evaluation_id:
        return redirect("assessments:share", evaluation_id=share.evaluation_id)
    return redirect("assessments:share-report", round_id=share.round_id)


@signed_in
@require_POST
def share_comment(request, share_id):
    share = get_object_or_404(
        Share, pk=share_id, shared_with=request.user, withdrawn_at__isnull=True
    )
    form = ShareCommentForm(request.POST)
    if form.is_valid():
        services.share_comment_add(share=share, author=request.user, text=form.cleaned_data["text"])
        messages.success(
            request,
            _("Your comment was sent to %(name)s.") % {"name": share.owner.full_name},
        )
    else:
        messages.error(request, _("Write a comment before you send it."))
    if share.evaluation_id:
        return redirect("assessments:result", evaluation_id=share.evaluation_id)
    return redirect("assessments:report", round_id=share.round_id)


@signed_in
def shared_with_me(request):
    shares = (
        Share.objects.filter(shared_with=request.user, withdrawn_at__isnull=True)
        .select_related("owner", "evaluation__framework", "round__framework")
        .order_by("-created_at")
    )
    return render(request, "assessments/shared_with_me.html", {"shares": shares})
