"""Running a programme: settings, new programmes, importing and exporting files."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from peerpath.accounts.access import site_admin

from .. import services
from ..access import org_coordinator, programme_manager
from ..formats import (
    PATHWAY_FORMAT,
    ProgrammeFileError,
    dump,
    file_format,
    load_json,
    read_pathway,
    read_programme,
)
from ..forms import (
    UPLOAD_MAX_BYTES,
    ModuleForm,
    ProgrammeCreateForm,
    ProgrammeSettingsForm,
    UploadForm,
)
from ..selectors import events as event_selectors
from ..selectors.exporting import programme_as_data
from ..selectors.management import activity_counts, programme_totals
from ..selectors.reviews import submissions_waiting_for


@programme_manager
def programme_manage(request, programme):
    form = ProgrammeSettingsForm(request.POST or None, instance=programme)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The programme's settings are saved."))
        return redirect("programmes:manage", slug=programme.slug)
    return render(
        request,
        "programmes/manage.html",
        {
            "programme": programme,
            "form": form,
            "counts": activity_counts(programme),
            "totals": programme_totals(programme),
            "waiting": submissions_waiting_for(request.user, programme),
            "events": event_selectors.events_of(programme),
            "modules": programme.modules.all(),
        },
    )


@programme_manager
def programme_export(request, programme):
    response = HttpResponse(
        dump(programme_as_data(programme)), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{programme.slug}.json"'
    return response


@org_coordinator
def programme_create(request, organisation):
    form = ProgrammeCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        programme = services.programme_create(
            programme=form.save(commit=False),
            owner=organisation,
            reflection_words=form.cleaned_data["reflection_words"],
        )
        messages.success(request, _("Created as a draft. Add modules and events, then publish it."))
        return redirect("programmes:manage", slug=programme.slug)
    return render(request, "programmes/create.html", {"form": form, "organisation": organisation})


def _import(request, owner):
    form = UploadForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        try:
            raw = load_json(form.cleaned_data["file"].read(), max_bytes=UPLOAD_MAX_BYTES)
            if file_format(raw) == PATHWAY_FORMAT:
                outcome = services.pathway_import(data=read_pathway(raw), owner=owner)
            else:
                outcome = services.programme_import(
                    data=read_programme(raw), owner=owner, publish=False
                )
        except ProgrammeFileError as error:
            problems = error.problems
            form.add_error(
                "file",
                ngettext(
                    "The file cannot be imported: %(count)s problem, listed below. "
                    "Nothing was saved.",
                    "The file cannot be imported: %(count)s problems, listed below. "
                    "Nothing was saved.",
                    len(problems),
                )
                % {"count": len(problems)},
            )
        else:
            if not outcome.changed:
                messages.info(request, _("That file is already imported, unchanged."))
            elif outcome.created:
                messages.success(request, _("Imported. Check it, then publish it."))
            else:
                messages.success(request, _("Updated from the file."))
            return redirect(outcome.thing)
    return render(
        request,
        "programmes/import.html",
        {"form": form, "problems": problems, "organisation": owner},
    )


@org_coordinator
def programme_import(request, organisation):
    return _import(request, organisation)


@site_admin
def programme_import_site(request):
    return _import(request, None)


@programme_manager
def module_create(request, programme):
    form = ModuleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.module_create(programme=programme, **form.cleaned_data)
        messages.success(request, _("Module added."))
        return redirect("programmes:manage", slug=programme.slug)
    return render(request, "programmes/module_form.html", {"programme": programme, "form": form})
