from datetime import datetime

from .models import Draft


def draft_newer_than(owner, key: str, saved_at: datetime | None, saved_text: str) -> Draft | None:
    """The server draft for this box if it holds text the saved record does not."""
    draft = Draft.objects.filter(owner=owner, key=key).first()
    if draft is None or draft.text == saved_text:
        return None
    if saved_at is not None and draft.updated_at <= saved_at:
        return None
    return draft
