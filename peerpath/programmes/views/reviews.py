"""Reviewers accept work or return it with feedback."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from peerpath.accounts.access import signed_in

from .. import services
from ..access import own_or_hidden
from ..forms import ReviewForm
from ..models import Submission
from ..selectors.reviews import may_review, submissions_waiting_for


@signed_in
def review_list(request):
    return render(
        request, "programmes/reviews.html", {"waiting": submissions_waiting_for(request.user)}
    )


@own_or_hidden("submission-reviewer")
def review(request, submission_id):
    submission = get_object_or_404(
        Submission.objects.select_related("activity__programme", "participant"), pk=submission_id
    )
    if not may_review(request.user, submission):
        raise Http404
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        decide = (
            services.submission_accept
            if form.cleaned_data["decision"] == ReviewForm.ACCEPT
            else services.submission_return
        )
        try:
            decide(
                submission=submission,
                reviewer=request.user,
                feedback=form.cleaned_data["feedback"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Thank you. %(name)s can see your decision.")
                % {"name": submission.participant.get_short_name()},
            )
            return redirect("programmes:reviews")
    return render(
        request,
        "programmes/review.html",
        {"submission": submission, "activity": submission.activity, "form": form},
    )
