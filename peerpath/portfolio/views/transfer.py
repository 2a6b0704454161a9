"""Take the portfolio away (PDF, JSON + evidence zip), bring one in, and personal data."""

from django.contrib import messages
from django.contrib.auth import logout
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peerpath.accounts.access import signed_in
from peerpath.badges.models import Credential

from .. import services
from ..clr import NothingToVouchFor, clr_jwt
from ..forms import EraseForm, ImportForm
from ..models import PortfolioExport
from ..privacy import person_erase
from ..transfer.checking import PortfolioFileError
from ..transfer.exporting import portfolio_json
from ..transfer.importing import portfolio_import, portfolio_is_empty
from ..transfer.reading import read_portfolio


def _filename(user, what: str, extension: str) -> str:
    name = slugify(user.full_name) or "portfolio"
    return f"{what}-{name}-{timezone.localdate():%Y-%m-%d}.{extension}"


@signed_in
def export(request):
    return render(
        request,
        "portfolio/export.html",
        {
            "form": ImportForm(),
            "can_import": portfolio_is_empty(request.user),
            "has_badges": Credential.objects.current().filter(recipient=request.user).exists(),
            "exports": PortfolioExport.objects.filter(owner=request.user),
        },
    )


@signed_in
def export_json(request):
    response = HttpResponse(portfolio_json(request.user), content_type="application/json")
    filename = _filename(request.user, "portfolio", "json")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@signed_in
@require_POST
def export_make(request, kind):
    """Start making a PDF or zip in the background and show its progress."""
    if kind not in PortfolioExport.Kind.values:
        raise Http404
    export = services.portfolio_export_request(owner=request.user, kind=kind)
    return redirect(export)


def _export_of(request, export_id) -> PortfolioExport:
    return get_object_or_404(PortfolioExport, pk=export_id, owner=request.user)


@signed_in
def export_file(request, export_id):
    export = _export_of(request, export_id)
    return render(request, "portfolio/export_file.html", {"export": export})


@signed_in
def export_status(request, export_id):
    """For the page's script, which asks every few seconds until the file is ready."""
    export = _export_of(request, export_id)
    return JsonResponse(
        {
            "status": export.status,
            "stage": export.stage,
            "progress": export.progress,
            "finished": export.is_finished,
        }
    )


@signed_in
def export_download(request, export_id):
    export = _export_of(request, export_id)
    if export.status != PortfolioExport.Status.READY:
        return redirect(export)
    is_pdf = export.kind == PortfolioExport.Kind.PDF
    what = "personal-data" if export.kind == PortfolioExport.Kind.PERSONAL_DATA else "portfolio"
    response = FileResponse(
        export.file.open("rb"),
        as_attachment=True,
        filename=_filename(request.user, what, "pdf" if is_pdf else "zip"),
        content_type="application/pdf" if is_pdf else "application/zip",
    )
    response["Cache-Control"] = "private, no-store"
    return response


@signed_in
def export_clr(request):
    """The portfolio as a signed 1EdTech CLR 2.0 (badges and assessed achievements)."""
    try:
        token = clr_jwt(request.user)
    except NothingToVouchFor as error:
        messages.info(request, str(error))
        return redirect("portfolio:export")
    response = HttpResponse(token, content_type="application/vc+jwt")
    filename = _filename(request.user, "learner-record", "jwt")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@signed_in
@require_POST
def import_portfolio(request):
    """Bring in a portfolio exported from another Peerpath, all of it or none of it."""
    form = ImportForm(request.POST, request.FILES)
    problems: list[str] = []
    if form.is_valid():
        try:
            bundle = read_portfolio(form.cleaned_data["file"], may_install_frameworks=False)
            summary = portfolio_import(owner=request.user, bundle=bundle)
        except PortfolioFileError as error:
            problems = error.problems
            form.add_error("file", _("The file could not be imported; nothing was changed."))
        else:
            messages.success(
                request,
                _(
                    "Imported %(entries)s entries, %(goals)s goals, %(plan)s plan items and "
                    "%(files)s evidence files."
                )
                % {
                    "entries": summary.entries,
                    "goals": summary.goals,
                    "plan": summary.plan_items,
                    "files": summary.evidence_files,
                },
            )
            return redirect("portfolio:home")
    return render(
        request,
        "portfolio/export.html",
        {"form": form, "problems": problems[:200], "can_import": True},
        status=400,
    )


@signed_in
def personal_data(request):
    latest = PortfolioExport.objects.filter(
        owner=request.user, kind=PortfolioExport.Kind.PERSONAL_DATA
    ).first()
    return render(request, "portfolio/personal_data.html", {"latest": latest})


@signed_in
def erase(request):
    form = EraseForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        person_erase(user=request.user)
        logout(request)
        return render(request, "portfolio/erased.html")
    return render(request, "portfolio/erase.html", {"form": form})
