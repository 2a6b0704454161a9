"""Programme list and pages, and the activity page where people hand in work."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from peerpath.accounts.access import signed_in
from peerpath.drafts.selectors import draft_newer_than

from .. import services
from ..access import programme_visible
from ..certificates import certificate_pdf
from ..forms import SubmissionForm
from ..models import Programme, ProgrammeCompletion, Submission
from ..selectors import events as event_selectors
from ..selectors import progress as progress_selectors
from ..selectors.learning_sets import organisations_run_by
from ..selectors.reviews import reviews_anything, submissions_waiting_for
from ..services.awards import completion_criteria


@signed_in
def programme_list(request):
    programmes = list(progress_selectors.visible_programmes(request.user))
    return render(
        request,
        "programmes/list.html",
        {
            "self_paced": [p for p in programmes if p.kind == Programme.Kind.SELF_PACED],
            "structured": [p for p in programmes if p.kind == Programme.Kind.STRUCTURED],
            "upcoming": event_selectors.upcoming_events_for(request.user),
            "to_review": submissions_waiting_for(request.user).count()
            if reviews_anything(request.user)
            else 0,
            "runs": organisations_run_by(request.user),
        },
    )


@programme_visible
def programme_detail(request, programme):
    progress = progress_selectors.programme_progress(programme, request.user)
    context = {
        "programme": programme,
        "progress": progress,
        "can_manage": programme.is_managed_by(request.user),
    }
    if programme.kind == Programme.Kind.STRUCTURED or programme.events.exists():
        context.update(
            sections=event_selectors.events_by_module(programme),
            attendance=event_selectors.attendance_summary(programme, request.user),
            eligibility_problem=services.eligibility_problem(programme, request.user),
        )
    if programme.has_completion_rule:
        context["completion_rule"] = completion_criteria(programme)
    return render(request, "programmes/detail.html", context)


def _submission_form(request, activity, submission, use_tool):
    saved_at = submission.submitted_at if submission else None
    initial = {}
    if submission is not None:
        initial = {
            "statement": submission.statement,
            "evidence_url": submission.evidence_url,
            "hours": submission.hours,
        }
    form = SubmissionForm(
        request.POST or None,
        activity=activity,
        use_tool=use_tool,
        saved_at=saved_at,
        initial=initial,
    )
    if request.method == "GET" and not (submission and submission.is_accepted):
        saved_text = submission.statement if submission else ""
        draft = draft_newer_than(
            request.user, services.statement_draft_key(activity), saved_at, saved_text
        )
        if draft is not None:
            form.initial["statement"] = draft.text
            messages.info(request, _("We put back the text you had not handed in yet."))
    return form


@programme_visible
def activity_page(request, programme, code):
    activity = get_object_or_404(programme.activities, code=code)
    submission = progress_selectors.submission_for(activity, request.user)
    tool = progress_selectors.tool_state(activity, request.user)
    use_tool = bool(tool and tool.available)
    can_submit = (
        programme.status == Programme.Status.PUBLISHED
        and not activity.retired
        and not (submission and submission.is_accepted)
    )
    form = _submission_form(request, activity, submission, use_tool) if can_submit else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            submission = services.submission_submit(
                activity=activity,
                participant=request.user,
                statement=form.cleaned_data["statement"],
                evidence_url=form.cleaned_data.get("evidence_url", ""),
                hours=form.cleaned_data["hours"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if submission.is_accepted:
                messages.success(
                    request,
                    _("%(activity)s is done. It is now in your learning log.")
                    % {"activity": activity.label},
                )
            else:
                messages.success(request, _("Handed in. A reviewer will look at it soon."))
            return redirect(activity)
    previous, following = progress_selectors.other_activities(activity)
    return render(
        request,
        "programmes/activity.html",
        {
            "programme": programme,
            "activity": activity,
            "submission": submission,
            "statuses": Submission.Status,
            "tool": tool,
            "form": form,
            "previous": previous,
            "next": following,
            "capabilities": activity.statements.select_related("domain", "framework"),
        },
    )


@programme_visible
def certificate(request, programme):
    """The person's own certificate; 404 until they have completed the programme."""
    completion = get_object_or_404(
        ProgrammeCompletion.objects.select_related("participant", "programme__owner"),
        programme=programme,
        participant=request.user,
    )
    response = HttpResponse(certificate_pdf(completion), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{programme.slug}-certificate.pdf"'
    return response
