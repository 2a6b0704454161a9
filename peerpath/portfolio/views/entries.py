"""The learning log: search it, add and change entries, keep evidence with them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peerpath.accounts.access import signed_in

from .. import selectors, services
from ..capabilities import hours_by_kind
from ..forms import EntryForm, EvidenceFileForm, EvidenceLinkForm, LogFilterForm
from ..models import LearningEntry
from .common import discard_drafts, offer_drafts, owned

REFLECTION_FIELDS = ["reflection", "practice", "impact"]


@signed_in
def log(request):
    form = LogFilterForm(request.GET or None, user=request.user)
    wanted = form.wanted() if request.GET else selectors.LogFilter()
    entries = selectors.log_entries(request.user, wanted)
    _rows, total = hours_by_kind(entries)
    paginator = Paginator(selectors.for_log_page(entries), 25)
    paginator.count = total.entries  # already counted with the hours
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "portfolio/log.html",
        {
            "form": form,
            "page": page,
            "total": total,
            "filtered": wanted.is_active,
            "query": query.urlencode(),
        },
    )


def _entry_values(form: EntryForm) -> dict:
    data = form.cleaned_data
    return {
        "title": data["title"],
        "kind": data["kind"],
        "date": data["date"],
        "hours": data["hours"],
        "reflection": data["reflection"],
        "practice": data["practice"],
        "impact": data["impact"],
        "statements": data["statements"],
        "goals": data.get("goals", []),
    }


def _save_entry(request, form: EntryForm, entry: LearningEntry | None):
    """Save a valid form through the service; None (with the error on the form) if refused."""
    try:
        return services.learning_entry_save(owner=request.user, entry=entry, **_entry_values(form))
    except ValidationError as error:
        form.add_error("date" if error.code == "future" else None, error)
        return None


@signed_in
def entry_new(request):
    form = EntryForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_search:
        form.hold_errors()
    elif request.method == "POST" and form.is_valid():
        entry = _save_entry(request, form, None)
        if entry is not None:
            discard_drafts(request, "entry", None, REFLECTION_FIELDS)
            messages.success(request, _("Your entry has been saved."))
            return redirect(entry)
    elif request.method == "GET":
        offer_drafts(request, form, "entry", None, REFLECTION_FIELDS)
        if request.GET.get("goal", "").isdigit():
            form.initial["goals"] = [int(request.GET["goal"])]
        if request.GET.get("statement", "").isdigit():
            form.initial["statements"] = [int(request.GET["statement"])]
    return render(request, "portfolio/entry_form.html", {"form": form, "entry": None})


@signed_in
def entry_edit(request, entry_id):
    entry = owned(LearningEntry, request, entry_id)
    if request.method == "POST":
        form = EntryForm(request.POST, user=request.user, entry=entry)
        if form.is_search:
            form.hold_errors()
        elif form.is_valid() and _save_entry(request, form, entry) is not None:
            discard_drafts(request, "entry", entry, REFLECTION_FIELDS)
            messages.success(request, _("Your changes have been saved."))
            return redirect(entry)
    else:
        form = EntryForm(
            user=request.user,
            entry=entry,
            initial={
                "title": entry.title,
                "kind": entry.kind,
                "date": entry.date,
                "hours": entry.hours,
                "reflection": entry.reflection,
                "practice": entry.practice,
                "impact": entry.impact,
                "statements": [s.pk for s in entry.statements.all()],
                "goals": [g.pk for g in entry.goals.all()],
            },
        )
        offer_drafts(request, form, "entry", entry, REFLECTION_FIELDS)
    return render(request, "portfolio/entry_form.html", {"form": form, "entry": entry})


def _entry_page(request, entry, file_form=None, link_form=None, status=200):
    # Both evidence forms have a title: prefixes keep their fields' names and ids apart.
    return render(
        request,
        "portfolio/entry.html",
        {
            "entry": entry,
            "file_form": file_form or EvidenceFileForm(prefix="file"),
            "link_form": link_form or EvidenceLinkForm(prefix="link"),
            "claim_items": entry.claim_items.select_related("claim", "statement"),
        },
        status=status,
    )


@signed_in
def entry(request, entry_id):
    found = selectors.entry_of(request.user, entry_id)
    if found is None:
        raise Http404
    return _entry_page(request, found)


@signed_in
def entry_delete(request, entry_id):
    found = owned(LearningEntry, request, entry_id)
    if request.method == "POST":
        services.learning_entry_delete(entry=found)
        messages.success(request, _("The entry “%(title)s” was deleted.") % {"title": found.title})
        return redirect("portfolio:log")
    return render(request, "portfolio/entry_delete.html", {"entry": found})


@signed_in
@require_POST
def evidence_upload(request, entry_id):
    found = selectors.entry_of(request.user, entry_id)
    if found is None:
        raise Http404
    form = EvidenceFileForm(request.POST, request.FILES, prefix="file")
    if form.is_valid():
        try:
            services.evidence_add_file(
                entry=found, upload=form.cleaned_data["file"], title=form.cleaned_data["title"]
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(request, _("The file was added."))
            return redirect(found)
    return _entry_page(request, found, file_form=form, status=400)


@signed_in
@require_POST
def evidence_link(request, entry_id):
    found = selectors.entry_of(request.user, entry_id)
    if found is None:
        raise Http404
    form = EvidenceLinkForm(request.POST, prefix="link")
    if form.is_valid():
        try:
            services.evidence_add_link(
                entry=found, url=form.cleaned_data["url"], title=form.cleaned_data["title"]
            )
        except ValidationError as error:
            form.add_error("url", error)
        else:
            messages.success(request, _("The link was added."))
            return redirect(found)
    return _entry_page(request, found, link_form=form, status=400)


@signed_in
def evidence_download(request, entry_id, evidence_id):
    evidence = selectors.evidence_of(request.user, entry_id, evidence_id)
    if evidence is None or not evidence.file:
        raise Http404
    return evidence_file_response(evidence)


def evidence_file_response(evidence) -> FileResponse:
    """The stored file, always as a download with our own content type (never inline)."""
    response = FileResponse(
        evidence.file.open("rb"),
        as_attachment=True,
        filename=evidence.original_name,
        content_type=evidence.content_type or "application/octet-stream",
    )
    response["Cache-Control"] = "private, no-store"
    return response


@signed_in
@require_POST
def evidence_remove(request, entry_id, evidence_id):
    evidence = selectors.evidence_of(request.user, entry_id, evidence_id)
    if evidence is None:
        raise Http404
    services.evidence_remove(evidence=evidence)
    messages.success(request, _("“%(name)s” was removed.") % {"name": evidence.label})
    return redirect("portfolio:entry", entry_id=entry_id)


@signed_in
def statement_search(request):
    """The picker's results as an HTML fragment (fetched as the person types)."""
    query = request.GET.get("q", "").strip()[:200]
    framework = request.GET.get("framework", "")[:80]
    results, more = selectors.statement_search(request.user, query, framework)
    exclude = {int(v) for v in request.GET.get("exclude", "").split(",") if v.isdigit()}
    name = request.GET.get("name", "statements")
    if not name.replace("-", "").replace("_", "").isalnum():
        name = "statements"
    return render(
        request,
        "portfolio/_statement_results.html",
        {
            "results": [s for s in results if s.pk not in exclude],
            "more": more,
            "searched": bool(query or framework),
            "name": name,
        },
    )
