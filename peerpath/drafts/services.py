"""Saving and discarding drafts."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import Draft

KEY_RE = re.compile(r"^[a-z0-9][a-z0-9._:-]{0,199}$")
MAX_CHARS = 100_000


def draft_save(*, owner, key: str, text: str) -> Draft:
    """Keep the latest text for (owner, key); one row per box, overwritten each time."""
    if not KEY_RE.match(key):
        raise ValidationError(_("That is not a draft key."))
    if len(text) > MAX_CHARS:
        raise ValidationError(
            _("Text is limited to %(limit)s characters.") % {"limit": f"{MAX_CHARS:,}"}
        )
    draft, _created = Draft.objects.update_or_create(owner=owner, key=key, defaults={"text": text})
    return draft


def draft_discard(*, owner, key: str) -> None:
    """Forget a draft once the text it protected has been saved for real."""
    Draft.objects.filter(owner=owner, key=key).delete()
