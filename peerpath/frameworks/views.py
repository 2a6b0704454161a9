from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from peerpath.accounts.access import org_admin, public, signed_in

from . import selectors, services
from .formats import FORMATS, FrameworkFileError, dump_framework, read_framework_file
from .forms import FrameworkUploadForm
from .models import Domain, Framework, Statement, version_key


def _visible_version(request, slug: str, version: str) -> Framework:
    return get_object_or_404(Framework.objects.visible_to(request.user), slug=slug, version=version)


def _can_manage(user, framework: Framework) -> bool:
    if not user.is_authenticated:
        return False
    if framework.owner is None:
        return user.is_superuser
    return user.is_org_admin_of(framework.owner)


@public
def framework_list(request):
    frameworks = selectors.frameworks_for_listing(request.user)
    published = [f for f in frameworks if f.status == Framework.Status.PUBLISHED]
    drafts = [f for f in frameworks if f.status == Framework.Status.DRAFT]
    return render(request, "frameworks/list.html", {"frameworks": published, "drafts": drafts})


@public
def framework_current(request, slug):
    versions = selectors.versions_of(slug, request.user)
    if not versions:
        raise Http404
    chosen = next((f for f in versions if f.is_current), versions[0])
    return redirect(chosen)


@public
def framework_version(request, slug, version):
    framework = _visible_version(request, slug, version)
    # A stored version never changes, so its scale, levels and items are rendered once per
    # language and kept in the cache; `items` loads them only when the cache misses.
    items = SimpleLazyObject(lambda: selectors.framework_with_items(framework))
    current = None
    if not framework.is_current:
        current = Framework.objects.filter(slug=slug, is_current=True).first()
    return render(
        request,
        "frameworks/detail.html",
        {
            "framework": framework,
            "items": items,
            "current": current,
            "versions": selectors.versions_of(slug, request.user),
            "formats": FORMATS.values(),
            "can_manage": _can_manage(request.user, framework),
        },
    )


@public
def framework_item(request, slug, version, code):
    framework = _visible_version(request, slug, version)
    domain = Domain.objects.filter(framework=framework, code=code).first()
    if domain is not None:
        return render(
            request,
            "frameworks/domain.html",
            {"framework": framework, "domain": domain, "statements": domain.statements.all()},
        )
    statement = get_object_or_404(
        Statement.objects.select_related("domain"), framework=framework, code=code
    )
    return render(
        request,
        "frameworks/statement.html",
        {"framework": framework, "statement": statement, "domain": statement.domain},
    )


@public
def framework_item_latest(request, slug, code):
    """A version-free address for an item: the newest visible version that has it."""
    candidates = (
        Framework.objects.visible_to(request.user)
        .filter(slug=slug)
        .filter(Q(domains__code=code) | Q(statements__code=code))
    )
    newest = max(candidates.distinct(), key=lambda f: version_key(f.version), default=None)
    if newest is None:
        raise Http404
    return redirect("frameworks:item", slug=slug, version=newest.version, code=code)


@public
def framework_export(request, slug, version, fmt):
    if fmt not in FORMATS:
        raise Http404
    framework = _visible_version(request, slug, version)
    data = selectors.framework_as_data(framework)
    body = dump_framework(data, fmt, base_uri=settings.SITE_URL)
    spec = FORMATS[fmt]
    suffix = "-moodle" if fmt == "moodle" else "-case" if fmt == "case" else ""
    response = HttpResponse(body, content_type=f"{spec.content_type}; charset=utf-8")
    filename = f"{framework.slug}-{framework.version}{suffix}.{spec.extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@org_admin
def framework_upload(request, organisation):
    problems = []
    if request.method == "POST":
        form = FrameworkUploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                content = upload.read(settings.FRAMEWORK_UPLOAD_MAX_BYTES + 1)
                data, fmt = read_framework_file(
                    upload.name,
                    content,
                    overrides=form.overrides(),
                    fmt=form.cleaned_data["file_format"] or None,
                    max_bytes=settings.FRAMEWORK_UPLOAD_MAX_BYTES,
                    size=upload.size,
                )
                outcome = services.framework_import(
                    data=data,
                    owner=organisation,
                    publish=False,
                    created_by=request.user,
                    imported_from=fmt,
                )
            except FrameworkFileError as error:
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
                framework = outcome.framework
                if framework.status == Framework.Status.PUBLISHED:
                    messages.info(request, _("That version is already published, unchanged."))
                else:
                    messages.success(
                        request,
                        _("Uploaded as a draft. Check it below, then publish it."),
                    )
                return redirect(framework)
    else:
        form = FrameworkUploadForm()
    return render(
        request,
        "frameworks/upload.html",
        {"form": form, "organisation": organisation, "problems": problems},
    )


def _managed_draft_action(view):
    """Drafts can be published or discarded only by admins of the owning organisation."""

    @signed_in
    @require_POST
    def wrapped(request, slug, version):
        framework = _visible_version(request, slug, version)
        if not _can_manage(request.user, framework):
            raise PermissionDenied
        return view(request, framework)

    wrapped.access_rule = "framework-owner"
    return wrapped


@_managed_draft_action
def framework_publish(request, framework):
    if framework.status == Framework.Status.PUBLISHED:
        messages.info(request, _("This version was already published."))
    else:
        services.framework_publish(framework=framework, by=request.user)
        messages.success(request, _("Published. Everyone can now see and use this framework."))
    return redirect(framework)


@_managed_draft_action
def framework_discard(request, framework):
    if framework.status != Framework.Status.DRAFT:
        raise PermissionDenied
    organisation = framework.owner
    services.framework_discard_draft(framework=framework, by=request.user)
    messages.success(request, _("The draft was discarded."))
    if organisation is not None:
        return redirect(organisation)
    return redirect("frameworks:list")
