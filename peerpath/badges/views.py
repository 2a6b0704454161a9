import json

from django.contrib import messages
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from peerpath.accounts.access import public, signed_in

from . import baking, documents, images, selectors, services
from .access import can_manage, issuer_admin
from .forms import MAX_UPLOAD_BYTES, RevokeForm, VerifyForm
from .models import IssuerKey
from .verification import verify

JSON_LD = "application/ld+json"


def _wants_html(request) -> bool:
    """People get a page; verifiers and wallets that ask for JSON (or JSON-LD) get it."""
    accept = request.headers.get("Accept", "")
    return "text/html" in accept or "json" not in accept


def _json(document: dict, content_type: str = "application/json", **headers) -> HttpResponse:
    body = json.dumps(document, indent=2, ensure_ascii=False)
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8", headers=headers)
    response["Access-Control-Allow-Origin"] = "*"  # published for any verifier to read
    return response


def _download(body, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@signed_in
def home(request):
    credentials = selectors.credentials_of(request.user)
    return render(request, "badges/home.html", {"credentials": credentials})


@public
def credential(request, credential_uuid):
    credential = selectors.credential_public(credential_uuid)
    if not _wants_html(request):
        return _json(credential.signed_json, JSON_LD)
    return render(
        request,
        "badges/credential.html",
        {
            "credential": credential,
            "achievement": credential.achievement,
            "is_earner": request.user == credential.recipient,
            "can_revoke": request.user.is_authenticated
            and can_manage(request.user, credential.issuer),
            "share_url": credential.iri,
        },
    )


def _filename(credential, extension: str) -> str:
    return f"{slugify(credential.achievement.name)[:60] or 'badge'}.{extension}"


@public
def credential_download(request, credential_uuid, fmt):
    credential = selectors.credential_public(credential_uuid)
    colour = images.colour_for(credential.achievement.key)
    if fmt == "json":
        body = json.dumps(credential.signed_json, indent=2, ensure_ascii=False)
        return _download(body, "application/json; charset=utf-8", _filename(credential, "json"))
    if fmt == "jwt":
        return _download(
            credential.signed_jwt, "text/plain; charset=utf-8", _filename(credential, "jwt")
        )
    if fmt == "png":
        baked = baking.bake_png(images.badge_png(colour), credential.signed_jwt)
        return _download(baked, "image/png", _filename(credential, "png"))
    svg = images.badge_svg(credential.achievement.name, colour)
    baked = baking.bake_svg(svg, credential.signed_jwt)
    return _download(baked, "image/svg+xml; charset=utf-8", _filename(credential, "svg"))


@issuer_admin
def credential_revoke(request, credential):
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.credential_revoke(credential=credential, reason=form.cleaned_data["reason"])
        messages.success(request, _("The badge is revoked. It now fails verification everywhere."))
        return redirect(credential)
    return render(request, "badges/revoke.html", {"form": form, "credential": credential})


@public
def achievement(request, achievement_uuid):
    achievement = selectors.achievement_public(achievement_uuid)
    if not _wants_html(request):
        return _json(
            {"@context": documents.CONTEXT, **documents.achievement_document(achievement)}, JSON_LD
        )
    return render(request, "badges/achievement.html", {"achievement": achievement})


@public
def achievement_image(request, achievement_uuid, fmt):
    achievement = selectors.achievement_public(achievement_uuid)
    colour = images.colour_for(achievement.key)
    if fmt == "png":
        response = HttpResponse(images.badge_png(colour), content_type="image/png")
    else:
        svg = images.badge_svg(achievement.name, colour)
        response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    response["Cache-Control"] = "public, max-age=86400"
    return response


@public
def issuer(request, issuer_uuid):
    issuer = selectors.issuer_by_uuid(issuer_uuid)
    if not _wants_html(request):
        return _json(documents.issuer_profile(issuer), JSON_LD)
    return render(
        request,
        "badges/issuer.html",
        {
            "issuer": issuer,
            "keys": issuer.keys.all(),
            "achievements": issuer.achievements.all(),
            "can_manage": request.user.is_authenticated and can_manage(request.user, issuer),
        },
    )


@public
def issuer_jwks(request, issuer_uuid):
    return _json(documents.jwks(selectors.issuer_by_uuid(issuer_uuid)), "application/jwk-set+json")


@public
def issuer_key(request, issuer_uuid, key_uuid):
    key = (
        IssuerKey.objects.filter(uuid=key_uuid, issuer__uuid=issuer_uuid)
        .select_related("issuer")
        .first()
    )
    if key is None:
        raise Http404
    content_type = JSON_LD if key.algorithm == IssuerKey.Algorithm.EDDSA else "application/jwk+json"
    return _json(documents.key_document(key), content_type)


@public
def status_list(request, issuer_uuid):
    issuer = selectors.issuer_by_uuid(issuer_uuid)
    response = _json(selectors.status_list_credential(issuer), "application/vc+ld+json")
    response["Cache-Control"] = "no-cache"
    return response


@issuer_admin
def issuer_manage(request, issuer):
    credentials = issuer.credentials.select_related("achievement", "recipient")
    return render(request, "badges/manage.html", {"issuer": issuer, "credentials": credentials})


@issuer_admin
@require_POST
def issuer_rotate_keys(request, issuer):
    services.issuer_keys_rotate(issuer=issuer)
    messages.success(
        request,
        _("New signing keys are in use. Badges signed with the old keys still verify."),
    )
    return redirect("badges:issuer-manage", issuer_uuid=issuer.uuid)


@public
def verify_page(request):
    form = VerifyForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = verify(form.submitted())
    return render(request, "badges/verify.html", {"form": form, "result": result})


@csrf_exempt
@public
def verify_api(request):
    """POST a credential (raw body, a `credential` field or a `file` upload); get JSON."""
    if request.method != "POST":
        return JsonResponse({"error": _("POST a badge to this address to check it.")}, status=400)
    if request.content_type in ("multipart/form-data", "application/x-www-form-urlencoded"):
        upload = request.FILES.get("file")
        data = upload.read(MAX_UPLOAD_BYTES + 1) if upload else request.POST.get("credential", "")
    else:
        data = request.body
    if not data or not data.strip():
        return JsonResponse({"error": _("The request had no badge in it.")}, status=400)
    if len(data) > MAX_UPLOAD_BYTES:
        return JsonResponse({"error": _("A badge file must be smaller than 2 MB.")}, status=400)
    return _json(verify(data).as_json())
