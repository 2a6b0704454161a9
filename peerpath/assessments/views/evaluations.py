"""Self-evaluation pages: start, one page per domain, finish, results."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.functional import SimpleLazyObject
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from peerpath.accounts.access import signed_in
from peerpath.drafts.selectors import draft_newer_than
from peerpath.frameworks.models import Domain

from .. import selectors
from ..charts import bar_chart
from ..forms import RatingsForm, StartEvaluationForm, evidence_field
from ..models import DomainEvidence, SelfEvaluation
from ..selectors import evaluations as reads
from ..selectors.access import active_share, editable_evaluations
from ..services import evaluations as services

DEFAULT_EVIDENCE_PROMPT = gettext_lazy("How do I know? What evidence do I have?")


def editable(request, evaluation_id) -> SelfEvaluation:
    """The evaluation if this person may fill it in; 404 for everyone else."""
    return get_object_or_404(
        editable_evaluations(request.user).select_related("framework__rating_scale"),
        pk=evaluation_id,
    )


@signed_in
def home(request):
    evaluations = list(reads.personal_evaluations(request.user))
    return render(
        request,
        "assessments/home.html",
        {
            "frameworks": reads.frameworks_to_rate(request.user),
            "in_progress": [e for e in evaluations if not e.is_complete],
            "finished": [e for e in evaluations if e.is_complete],
            "admin_of": request.user.administered_for_pages,
            "shared_count": request.user.shares_received.filter(withdrawn_at__isnull=True).count(),
        },
    )


@signed_in
def start(request, slug):
    framework = get_object_or_404(reads.frameworks_to_rate(request.user), slug=slug)
    form = StartEvaluationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            evaluation = services.evaluation_start(
                owner=request.user, framework=framework, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            first = evaluation.framework.domains.order_by("position").first()
            return redirect("assessments:domain", evaluation_id=evaluation.pk, code=first.code)
    previous = reads.personal_evaluations(request.user).filter(framework__slug=slug)
    return render(
        request,
        "assessments/start.html",
        {"framework": framework, "form": form, "previous": previous},
    )


@signed_in
def evaluation(request, evaluation_id):
    """The task list: each domain with its progress, and where to carry on."""
    found = editable(request, evaluation_id)
    if found.is_complete:
        return redirect("assessments:result", evaluation_id=found.pk)
    progress = reads.progress_of(found)
    return render(
        request,
        "assessments/evaluation.html",
        {
            "evaluation": found,
            "progress": progress,
            "resume": reads.resume_domain(found, progress),
            "done": sum(1 for p in progress if p.status == "done"),
            "round": getattr(found, "feedback_round", None),
        },
    )


@signed_in
def domain(request, evaluation_id, code):
    """One domain's statements and evidence. Saves whatever was given, even partly."""
    found = editable(request, evaluation_id)
    if found.is_complete:
        return redirect("assessments:result", evaluation_id=found.pk)
    section = get_object_or_404(Domain.objects.filter(framework=found.framework), code=code)
    form = _ratings_form(request, found, section)
    if request.method == "POST" and form.is_valid():
        try:
            services.evaluation_save_domain(
                evaluation=found,
                domain=section,
                levels=form.chosen_levels(),
                evidence=form.cleaned_data.get("text"),
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if request.headers.get("X-Autosave"):
                return HttpResponse(status=204)
            return _after_saving(request, found, section)
    if request.method == "POST" and request.headers.get("X-Autosave"):
        return HttpResponse(status=400)
    sections = list(found.framework.domains.order_by("position"))
    return render(
        request,
        "assessments/domain.html",
        {
            "evaluation": found,
            "domain": section,
            "form": form,
            "position": sections.index(section) + 1,
            "count": len(sections),
            "stem": found.framework.statement_stem,
            "changed_by": _changed_by(found, section) if found.is_organisational else [],
        },
    )


def _changed_by(evaluation: SelfEvaluation, section: Domain) -> list[str]:
    """Who last changed the answers in a section of a shared (organisational) evaluation."""
    people = evaluation.ratings.filter(statement__domain=section).values_list(
        "rated_by__full_name", flat=True
    )
    writers = evaluation.evidence.filter(domain=section).values_list(
        "written_by__full_name", flat=True
    )
    return sorted({name for name in [*people, *writers] if name})


def _ratings_form(request, evaluation: SelfEvaluation, section: Domain) -> RatingsForm:
    levels = list(evaluation.framework.rating_scale.levels.all())
    saved = DomainEvidence.objects.filter(evaluation=evaluation, domain=section).first()
    key = services.evidence_draft_key(evaluation, section)
    text = evidence_field(
        key=key,
        prompt=section.evidence_prompt or DEFAULT_EVIDENCE_PROMPT,
        saved_at=saved.updated_at if saved else None,
    )
    if request.method == "POST":
        return RatingsForm(request.POST, domain=section, levels=levels, text_field=text)
    initial = {
        RatingsForm.field_name(r.statement): str(r.level.value)
        for r in evaluation.ratings.filter(statement__domain=section).select_related(
            "statement", "level"
        )
    }
    initial["text"] = saved.text if saved else ""
    draft = draft_newer_than(
        request.user, key, saved.updated_at if saved else None, initial["text"]
    )
    if draft is not None:
        initial["text"] = draft.text
        messages.info(request, _("We put back the evidence you had not saved yet."))
    return RatingsForm(initial=initial, domain=section, levels=levels, text_field=text)


def _after_saving(request, evaluation: SelfEvaluation, section: Domain):
    if "later" in request.POST:
        messages.success(
            request,
            _("Saved. You can come back to it at any time, on any device."),
        )
        return redirect("assessments:evaluation", evaluation_id=evaluation.pk)
    following = (
        evaluation.framework.domains.filter(position__gt=section.position)
        .order_by("position")
        .first()
    )
    if following is not None:
        return redirect("assessments:domain", evaluation_id=evaluation.pk, code=following.code)
    return redirect("assessments:finish", evaluation_id=evaluation.pk)


@signed_in
def finish(request, evaluation_id):
    found = editable(request, evaluation_id)
    if found.is_complete:
        return redirect("assessments:result", evaluation_id=found.pk)
    error = None
    if request.method == "POST":
        try:
            services.evaluation_complete(evaluation=found, by=request.user)
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            messages.success(request, _("Your self-evaluation is finished and saved."))
            round = getattr(found, "feedback_round", None)
            if round is not None:
                return redirect(round)
            return redirect("assessments:result", evaluation_id=found.pk)
    return render(
        request,
        "assessments/finish.html",
        {
            "evaluation": found,
            "progress": reads.progress_of(found),
            "missing": services.unrated_statements(found),
            "error": error,
        },
        status=400 if error else 200,
    )


@signed_in
def result(request, evaluation_id):
    """Results with the baseline and previous evaluation: chart, tables, derived lists."""
    found = get_object_or_404(
        SelfEvaluation.objects.select_related("framework", "owner", "organisation"),
        pk=evaluation_id,
    )
    if not selectors.can_view(request.user, found):
        raise Http404
    if not found.is_complete:
        if selectors.can_edit(request.user, found):
            return redirect("assessments:evaluation", evaluation_id=found.pk)
        raise Http404
    owner_view = selectors.can_edit(request.user, found)
    history = reads.history_of(found) if owner_view else []
    columns = (
        reads.comparison_columns(found, history) if owner_view else [reads.Column("this", found)]
    )
    # A finished evaluation never changes, nor does its framework version, so the
    # results part of the page is kept (templates/assessments/result.html) under what it
    # is made of; `outcome` and the charts are worked out only when it is not.
    outcome = SimpleLazyObject(lambda: reads.evaluation_result(found, compare=owner_view))
    share = None if owner_view else active_share(request.user, evaluation=found)
    return render(
        request,
        "assessments/result.html",
        {
            "evaluation": found,
            "result": outcome,
            "results_key": _results_key(columns, owner_view),
            "column_count": len(columns),
            "column_names": SimpleLazyObject(lambda: column_names(outcome.columns)),
            "domain_chart": SimpleLazyObject(lambda: _domain_chart(outcome)),
            "statement_charts": SimpleLazyObject(lambda: _statement_charts(outcome)),
            "history": history,
            "owner_view": owner_view,
            "share": share,
            "shares": found.shares.filter(withdrawn_at__isnull=True).select_related("shared_with")
            if owner_view
            else [],
        },
    )


def _results_key(columns, owner_view: bool) -> str:
    """What the results part of the page is made of: the evaluations compared (by id and
    finishing time) and whether the owner or someone it was shared with is looking."""
    parts = [f"{c.evaluation.pk}@{c.evaluation.completed_at.timestamp()}" for c in columns]
    return "-".join([*parts, "owner" if owner_view else "shared"])


def column_names(columns) -> list[str]:
    names = {
        "baseline": _("First (baseline)"),
        "previous": _("Previous"),
        "this": _("This one"),
    }
    return [
        f"{names[c.role]}, {date_format(localtime(c.evaluation.completed_at), 'j M Y')}"
        for c in columns
    ]


def _domain_chart(outcome):
    return bar_chart(
        title=_("Average rating in each area"),
        labels=[row.domain.name for row in outcome.domains],
        series=column_names(outcome.columns),
        values=[row.means for row in outcome.domains],
        scale_max=outcome.levels[-1].value,
    )


def _statement_charts(outcome) -> dict[int, object]:
    return {
        row.domain.pk: bar_chart(
            title=row.domain.name,
            labels=[s.statement.text for s in row.statements],
            series=column_names(outcome.columns),
            values=[s.values for s in row.statements],
            scale_max=outcome.levels[-1].value,
        )
        for row in outcome.domains
    }


@signed_in
def discard(request, evaluation_id):
    found = editable(request, evaluation_id)
    if request.method == "POST":
        try:
            services.evaluation_discard(evaluation=found)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(found)
        messages.success(request, _("The unfinished self-evaluation was deleted."))
        if found.organisation is not None:
            return redirect("assessments:organisation", org_slug=found.organisation.slug)
        return redirect("assessments:home")
    return render(request, "assessments/discard.html", {"evaluation": found})
