"""Pages a rater reaches from their emailed link. No account; the link is the key.

Forged, used, expired and closed links get a page that says so and change nothing.
Pages are never cached, so a shared computer does not keep someone's answers.
"""

from functools import wraps

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache

from peerpath.accounts.access import public
from peerpath.frameworks.models import Domain

from ..forms import OverallCommentForm, RatingsForm, rater_comment_field
from ..models import ResponseComment
from ..services.emails import anonymity_promise, asked_as
from ..services.responses import (
    rater_find,
    rater_link_problem,
    response_of,
    response_save_domain,
    response_save_overall_comment,
    response_submit,
)

PROBLEM_STATUS = {"forged": 404, "submitted": 410, "closed": 410, "expired": 410}


def rater_link(view):
    """Find the rater from the link's token, or show why the link does not work."""

    @wraps(view)
    def wrapped(request, token, *args, **kwargs):
        rater = rater_find(token)
        problem = rater_link_problem(rater)
        if problem is not None:
            return render(
                request,
                "assessments/respond_unusable.html",
                {"problem": problem, "rater": rater},
                status=PROBLEM_STATUS[problem],
            )
        return view(request, rater, token, *args, **kwargs)

    return public(never_cache(wrapped))


@rater_link
def respond(request, rater, token):
    round = rater.round
    response = response_of(rater)
    sections = list(round.framework.domains.order_by("position"))
    resume = response.last_domain if response and response.last_domain else None
    return render(
        request,
        "assessments/respond.html",
        {
            "rater": rater,
            "round": round,
            "token": token,
            "promise": anonymity_promise(round, rater.group),
            "asked_as": asked_as(rater.group),
            "first": sections[0],
            "resume": resume,
            "sections": sections,
        },
    )


@rater_link
def respond_section(request, rater, token, code):
    round = rater.round
    section = get_object_or_404(Domain.objects.filter(framework=round.framework), code=code)
    levels = list(round.framework.rating_scale.levels.all())
    comment = rater_comment_field(section)
    if request.method == "POST":
        form = RatingsForm(
            request.POST, domain=section, levels=levels, cannot_say=True, text_field=comment
        )
    else:
        form = RatingsForm(
            initial=_saved_answers(rater, section),
            domain=section,
            levels=levels,
            cannot_say=True,
            text_field=comment,
        )
    if request.method == "POST" and form.is_valid():
        try:
            response_save_domain(
                rater=rater,
                domain=section,
                levels=form.chosen_levels(),
                comment=form.cleaned_data.get("text"),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if request.headers.get("X-Autosave"):
                return HttpResponse(status=204)
            return _next_page(request, token, round, section)
    if request.method == "POST" and request.headers.get("X-Autosave"):
        return HttpResponse(status=400)
    sections = list(round.framework.domains.order_by("position"))
    return render(
        request,
        "assessments/respond_section.html",
        {
            "rater": rater,
            "round": round,
            "token": token,
            "domain": section,
            "form": form,
            "position": sections.index(section) + 1,
            "count": len(sections),
        },
    )


def _saved_answers(rater, section) -> dict:
    response = response_of(rater)
    if response is None:
        return {}
    initial = {
        RatingsForm.field_name(r.statement): str(r.level.value) if r.level else "cannot-say"
        for r in response.ratings.filter(statement__domain=section).select_related(
            "statement", "level"
        )
    }
    comment = ResponseComment.objects.filter(response=response, domain=section).first()
    initial["text"] = comment.text if comment else ""
    return initial


def _next_page(request, token, round, section):
    if "later" in request.POST:
        return render(request, "assessments/respond_saved.html", {"round": round, "token": token})
    following = (
        round.framework.domains.filter(position__gt=section.position).order_by("position").first()
    )
    if following is not None:
        return redirect("assessments:respond-section", token=token, code=following.code)
    return redirect("assessments:respond-finish", token=token)


@rater_link
def respond_finish(request, rater, token):
    """Check, add a last comment and send. Sending is final."""
    round = rater.round
    response = response_of(rater)
    overall = None
    if response is not None:
        overall = ResponseComment.objects.filter(response=response, domain__isnull=True).first()
    form = OverallCommentForm(
        request.POST if request.method == "POST" else None,
        initial={"text": overall.text if overall else ""},
    )
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            response_save_overall_comment(rater=rater, comment=form.cleaned_data["text"])
            if "send" in request.POST:
                response_submit(rater=rater)
                return render(request, "assessments/respond_thanks.html", {"round": round})
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            return render(
                request, "assessments/respond_saved.html", {"round": round, "token": token}
            )
    rated = response.ratings.filter(level__isnull=False).count() if response else 0
    return render(
        request,
        "assessments/respond_finish.html",
        {
            "rater": rater,
            "round": round,
            "token": token,
            "form": form,
            "error": error,
            "rated": rated,
            "total": round.framework.statements.count(),
            "sections": round.framework.domains.order_by("position"),
        },
        status=400 if error else 200,
    )
