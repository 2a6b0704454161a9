"""Take the portfolio away (PDF, JSON + evidence zip), bring one in, and personal data."""

import tempfile

from django.contrib import messages
from django.contrib.auth import logout
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peerpath.accounts.access import signed_in
from peerpath.badges.models import Credential

from ..clr import NothingToVouchFor, clr_jwt
from ..forms import EraseForm, ImportForm
from ..privacy import person_erase, write_personal_data_zip
from ..transfer.checking import PortfolioFileError
from ..transfer.exporting import portfolio_json, write_portfolio_zip
from ..transfer.importing import portfolio_import, portfolio_is_empty
from ..transfer.pdf import portfolio_pdf
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
        },
    )


def _zip_response(write, user, what: str) -> FileResponse:
    # A temporary file rather than memory: evidence can add up to hundreds of megabytes.
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it when sent
    write(user, spool)
    spool.seek(0)
    response = FileResponse(
        spool,
        as_attachment=True,
        filename=_filename(user, what, "zip"),
        content_type="application/zip",
    )
    response["Cache-Control"] = "private, no-store"
    return response


@signed_in
def export_zip(request):
    return _zip_response(write_portfolio_zip, request.user, "portfolio")


@signed_in
def export_json(request):
    response = HttpResponse(portfolio_json(request.user), content_type="application/json")
    filename = _filename(request.user, "portfolio", "json")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@signed_in
def export_pdf(request):
    response = HttpResponse(portfolio_pdf(request.user), content_type="application/pdf")
    filename = _filename(request.user, "portfolio", "pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
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
    return render(request, "portfolio/personal_data.html")


@signed_in
def personal_data_download(request):
    return _zip_response(write_personal_data_zip, request.user, "personal-data")


@signed_in
def erase(request):
    form = EraseForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        person_erase(user=request.user)
        logout(request)
        return render(request, "portfolio/erased.html")
    return render(request, "portfolio/erase.html", {"form": form})
