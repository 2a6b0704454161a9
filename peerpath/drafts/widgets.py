from django import forms
from django.urls import reverse


class AutosaveTextarea(forms.Textarea):
    """A textarea that saves itself as a draft while the person types.

    `key` names the draft (unique per person), e.g. "portfolio.entry.42.reflection".
    `min_words` shows a live count against a minimum (the server still checks it).
    `saved_at` is when the owning record was last saved, so the browser can tell whether
    its own copy is newer.
    """

    template_name = "forms/widgets/autosave_textarea.html"

    def __init__(self, *, key: str, min_words: int = 0, saved_at=None, attrs=None):
        super().__init__(attrs={"rows": 12, **(attrs or {})})
        self.key = key
        self.min_words = min_words
        self.saved_at = saved_at

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        attrs = context["widget"]["attrs"]
        attrs["data-autosave-key"] = self.key
        attrs["data-autosave-url"] = reverse("drafts:save")
        attrs["data-server-saved-at"] = self.saved_at.isoformat() if self.saved_at else ""
        if self.min_words:
            attrs["data-min-words"] = str(self.min_words)
        status_id = f"{attrs.get('id', name)}-status"
        attrs["aria-describedby"] = " ".join(
            filter(None, [status_id, attrs.get("aria-describedby", "")])
        )
        context["widget"]["status_id"] = status_id
        context["widget"]["min_words"] = self.min_words
        return context
