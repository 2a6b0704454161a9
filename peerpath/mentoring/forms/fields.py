"""Small field helpers shared by the mentoring forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from peerpath.frameworks.models import Framework


class LinesField(forms.CharField):
    """A text box with one item per line, cleaned to a list without blanks or repeats."""

    widget = forms.Textarea(attrs={"rows": 6})

    def __init__(self, *, max_items: int = 30, **kwargs):
        self.max_items = max_items
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def clean(self, value):
        text = super().clean(value) or ""
        items = []
        for line in text.splitlines():
            item = " ".join(line.split())[:120]
            if item and item not in items:
                items.append(item)
        if len(items) > self.max_items:
            raise forms.ValidationError(
                _("Give at most %(n)s, one per line.") % {"n": self.max_items}
            )
        return items


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(
            attrs={"class": "govuk-input--width-10", **(attrs or {})}, format="%Y-%m-%d"
        )


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs={"class": "govuk-input--width-5", **(attrs or {})}, format="%H:%M")


def rated_frameworks():
    return (
        Framework.objects.published()
        .current()
        .filter(rating_scale__isnull=False)
        .exclude(kind=Framework.Kind.THEMES)
        .order_by("name")
    )


def confidence_fields(framework: Framework | None, *, required: bool) -> dict[str, forms.Field]:
    """One radio question per capability of `framework`, named conf_<domain code>."""
    if framework is None or not framework.is_rated:
        return {}
    levels = [(str(level.value), level.label) for level in framework.rating_scale.levels.all()]
    return {
        f"conf_{domain.code}": forms.ChoiceField(
            label=domain.name,
            choices=levels,
            widget=forms.RadioSelect,
            required=required,
            error_messages={
                "required": _("Choose how confident you feel about “%(name)s”.")
                % {"name": domain.name}
            },
        )
        for domain in framework.domains.order_by("position")
    }


def confidence_from(cleaned: dict) -> dict[str, int]:
    return {
        name.removeprefix("conf_"): int(value)
        for name, value in cleaned.items()
        if name.startswith("conf_") and value
    }
