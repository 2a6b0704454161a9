"""Setting up a programme on the web (files go through services.loading instead)."""

from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Activity, Programme


def programme_create(*, programme: Programme, owner, reflection_words: int = 0) -> Programme:
    """Save a new structured programme of `owner` as a draft.

    With `reflection_words`, it asks for a written reflection of at least that many words,
    and completing it needs that reflection accepted.
    """
    with transaction.atomic():
        programme.owner = owner
        programme.kind = Programme.Kind.STRUCTURED
        programme.status = Programme.Status.DRAFT
        programme.completion_activities = 1 if reflection_words else 0
        programme.save()
        if reflection_words:
            Activity.objects.create(
                programme=programme,
                code="reflection",
                position=1,
                title=_("Reflection on the programme"),
                summary=_("Look back on what you learned and what you will do with it."),
                min_words=reflection_words,
            )
    return programme
