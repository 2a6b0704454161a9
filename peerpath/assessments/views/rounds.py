"""360° round pages for the subject: set up, send, follow counts, remind, close, report."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peerpath.accounts.access import org_admin, signed_in

from .. import selectors
from ..charts import bar_chart
from ..forms import AnonymityPolicyForm, LastDayForm, RatersForm, RoundForm
from ..models import FeedbackRound
from ..pdf import report_pdf_bytes
from ..selectors import evaluations as evaluation_reads
from ..selectors.access import active_share
from ..selectors.reports import group_summaries, round_report
from ..services import policy as policy_services
from ..services import rounds as services


def own_round(request, round_id) -> FeedbackRound:
    """A round of the signed-in person; 404 for anyone else, whatever their role."""
    return get_object_or_404(
        FeedbackRound.objects.select_related("framework", "self_evaluation"),
        pk=round_id,
        subject=request.user,
    )


@signed_in
def rounds(request):
    return render(
        request,
        "assessments/rounds.html",
        {"rounds": FeedbackRound.objects.filter(subject=request.user).select_related("framework")},
    )


@signed_in
def round_new(request):
    frameworks = evaluation_reads.frameworks_to_rate(request.user)
    form = RoundForm(request.POST if request.method == "POST" else None, frameworks=frameworks)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.round_create(subject=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error("closes_on", error)
        else:
            messages.success(request, _("Round created. Start with your self-assessment."))
            return redirect(created)
    return render(request, "assessments/round_new.html", {"form": form})


@signed_in
def round_detail(request, round_id):
    found = own_round(request, round_id)
    groups = group_summaries(found)
    evaluation = found.self_evaluation
    return render(
        request,
        "assessments/round.html",
        {
            "round": found,
            "groups": groups,
            "invited": sum(g.invited for g in groups),
            "answered": sum(g.answered for g in groups),
            "raters": found.raters.all(),
            "evaluation": evaluation,
            "progress": None
            if evaluation.is_complete
            else evaluation_reads.progress_of(evaluation),
        },
    )


@signed_in
def round_raters(request, round_id):
    found = own_round(request, round_id)
    if found.status == FeedbackRound.Status.CLOSED:
        raise Http404
    form = RatersForm(request.POST if request.method == "POST" else None)
    problems = []
    if request.method == "POST" and form.is_valid():
        try:
            added = services.round_add_raters(
                round=found, group=form.cleaned_data["group"], emails=form.email_lines()
            )
        except services.RaterListError as error:
            problems = error.problems
            form.add_error("emails", _("Nothing was added. Correct the addresses listed below."))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if found.status == FeedbackRound.Status.OPEN:
                note = _("%(count)s people added and invited by email.")
            else:
                note = _("%(count)s people added. They will be emailed when you send the round.")
            messages.success(request, note % {"count": len(added)})
            return redirect(found)
    return render(
        request,
        "assessments/round_raters.html",
        {
            "round": found,
            "form": form,
            "problems": problems,
            "minimums": {k.replace("-", "_"): v for k, v in found.minimums().items()},
        },
    )


def _round_action(service, success):
    """A POST button on the round page that calls one service and reports back."""

    @signed_in
    @require_POST
    def view(request, round_id):
        found = own_round(request, round_id)
        try:
            outcome = service(round=found)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, success(outcome))
        return redirect(found)

    return view


round_launch = _round_action(
    services.round_launch, lambda _round: _("Sent. Everyone you added has been emailed a link.")
)


def _reminder_message(outcome) -> str:
    if outcome.sent:
        return _("Reminders sent to %(count)s people who have not answered yet.") % {
            "count": outcome.sent
        }
    if outcome.next_possible:
        when = formats.date_format(timezone.localtime(outcome.next_possible), "j F \\a\\t H:i")
        return _("Nobody is due a reminder yet. You can send more from %(when)s.") % {"when": when}
    return _("Nobody is due a reminder: everyone has answered or had three reminders.")


round_remind = _round_action(services.round_send_reminders, _reminder_message)


@signed_in
def round_last_day(request, round_id):
    found = own_round(request, round_id)
    if found.status == FeedbackRound.Status.CLOSED:
        return redirect(found)
    form = LastDayForm(
        request.POST if request.method == "POST" else None,
        initial={"closes_on": f"{found.closes_on:%-d/%-m/%Y}"},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.round_change_last_day(round=found, **form.cleaned_data)
        except ValidationError as error:
            form.add_error("closes_on", error)
        else:
            messages.success(request, _("The last day for feedback has changed."))
            return redirect(found)
    return render(request, "assessments/round_last_day.html", {"round": found, "form": form})


@signed_in
def round_close(request, round_id):
    found = own_round(request, round_id)
    if request.method == "POST":
        try:
            services.round_close(round=found)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(found)
        messages.success(request, _("The round is closed and your report is ready."))
        return redirect("assessments:report", round_id=found.pk)
    return render(
        request, "assessments/round_close.html", {"round": found, "groups": group_summaries(found)}
    )


@signed_in
@require_POST
def round_discard(request, round_id):
    found = own_round(request, round_id)
    try:
        services.round_discard(round=found)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(found)
    messages.success(request, _("The round was deleted."))
    return redirect("assessments:rounds")


def visible_report(request, round_id) -> FeedbackRound:
    """A closed round's report for its subject or someone it is shared with; else 404."""
    found = get_object_or_404(
        FeedbackRound.objects.select_related("framework", "subject", "self_evaluation"),
        pk=round_id,
    )
    if not selectors.can_view_report(request.user, found):
        raise Http404
    return found


@signed_in
def report(request, round_id):
    found = visible_report(request, round_id)
    if found.status != FeedbackRound.Status.CLOSED:
        return redirect(found)
    # A closed round's answers never change, so the report's body is kept
    # (templates/assessments/report.html) under the round and when it closed; the
    # report is worked out only when it is not.
    content = SimpleLazyObject(lambda: round_report(found))
    is_subject = found.subject_id == request.user.pk
    return render(
        request,
        "assessments/report.html",
        {
            "report": content,
            "report_key": f"{found.pk}@{found.closed_at.timestamp()}",
            "round": found,
            "chart": SimpleLazyObject(lambda: report_chart(content)),
            "is_subject": is_subject,
            "share": None if is_subject else active_share(request.user, round=found),
            "shares": found.shares.filter(withdrawn_at__isnull=True).select_related("shared_with")
            if is_subject
            else [],
        },
    )


def report_chart(content):
    return bar_chart(
        title=_("Your view and everyone else's, by capability"),
        labels=[c.domain.name for c in content.capabilities],
        series=[_("Everyone else"), _("You")],
        values=[[c.others.mean, c.self_mean] for c in content.capabilities],
        scale_max=content.levels[-1].value,
    )


@signed_in
def report_pdf(request, round_id):
    found = visible_report(request, round_id)
    if found.status != FeedbackRound.Status.CLOSED:
        raise Http404
    content = round_report(found)
    response = HttpResponse(
        report_pdf_bytes(content, report_chart(content), request=request),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'attachment; filename="360-feedback-report-{found.pk}.pdf"'
    return response


@org_admin
def anonymity_policy(request, organisation):
    policy = policy_services.policy_for(organisation)
    form = AnonymityPolicyForm(request.POST if request.method == "POST" else None, policy=policy)
    if request.method == "POST" and form.is_valid():
        policy_services.policy_update(
            organisation=organisation, minimums=form.minimums(), by=request.user
        )
        messages.success(
            request,
            _(
                "Saved. Rounds sent from now on use these minimums; "
                "rounds already sent keep theirs."
            ),
        )
        return redirect("assessments:anonymity", org_slug=organisation.slug)
    return render(
        request,
        "assessments/anonymity_policy.html",
        {"organisation": organisation, "form": form},
    )
