"""Recording exchanges, secondments and international visits."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from peerpath.drafts.services import draft_discard

from ..models import Placement


def placement_reflection_draft_key(placement: Placement | None) -> str:
    return (
        f"programmes.placement.{placement.pk if placement and placement.pk else 'new'}.reflection"
    )


def placement_save(*, form, person) -> Placement:
    """Save a placement from a valid form; the reflection's draft is then spent."""
    placement = form.save(commit=False)
    if placement.ends_on < placement.starts_on:
        raise ValidationError({"ends_on": _("The end date must be on or after the start date.")})
    draft_key = placement_reflection_draft_key(placement)
    with transaction.atomic():
        placement.person = person
        placement.save()
        form.save_m2m()
        draft_discard(owner=person, key=draft_key)
    return placement


def placement_delete(*, placement: Placement) -> None:
    placement.delete()
