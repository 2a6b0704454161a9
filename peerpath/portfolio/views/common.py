"""Small helpers the portfolio's views share."""

from django.contrib import messages
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from peerpath.drafts.selectors import draft_newer_than
from peerpath.drafts.services import draft_discard

from ..forms import draft_key


def owned(model, request, pk):
    """The signed-in person's own row, or 404: nobody learns that another's exists."""
    return get_object_or_404(model, pk=pk, owner=request.user)


def offer_drafts(request, form, kind: str, obj, fields: list[str]) -> None:
    """Put back autosaved text that is newer than what was saved (e.g. after a timeout)."""
    restored = False
    for name in fields:
        if name not in form.fields:
            continue
        saved_text = getattr(obj, name, "") if obj is not None else ""
        saved_at = getattr(obj, "updated_at", None) if obj is not None else None
        draft = draft_newer_than(request.user, draft_key(kind, obj, name), saved_at, saved_text)
        if draft is not None:
            form.initial[name] = draft.text
            restored = True
    if restored:
        messages.info(request, _("We put back the text you had not saved yet."))


def discard_drafts(request, kind: str, obj, fields: list[str], also_new: bool = False) -> None:
    """Forget drafts once their text is saved for real (and the "new" ones it started from)."""
    for name in fields:
        draft_discard(owner=request.user, key=draft_key(kind, obj, name))
        if also_new:
            draft_discard(owner=request.user, key=draft_key(kind, None, name))


def base_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")
