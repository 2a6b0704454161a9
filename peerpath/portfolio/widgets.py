"""Form pieces GOV.UK has a pattern for and Django has not: a date in three boxes, and a
search-as-you-type picker for framework statements (there may be hundreds)."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from peerpath.frameworks.models import Statement


class DayMonthYearWidget(forms.MultiWidget):
    template_name = "portfolio/widgets/date_input.html"

    def __init__(self, attrs=None):
        boxes = [forms.TextInput(attrs={"inputmode": "numeric"}) for _part in range(3)]
        super().__init__(boxes, attrs)

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        labels = [_("Day"), _("Month"), _("Year")]
        widths = ["govuk-input--width-2", "govuk-input--width-2", "govuk-input--width-4"]
        base_id = context["widget"]["attrs"].get("id", name)
        for index, sub in enumerate(context["widget"]["subwidgets"]):
            # The day box carries the field's own id, so error-summary links land on it.
            sub["attrs"]["id"] = base_id if index == 0 else f"{base_id}_{index}"
            sub["label"] = labels[index]
            sub["width"] = widths[index]
        return context

    def id_for_label(self, id_):
        return id_


FIELDSET_TEMPLATE = "portfolio/forms/fieldset_field.html"


class DayMonthYearField(forms.Field):
    """A date typed as day, month and year, with GOV.UK's error messages."""

    widget = DayMonthYearWidget

    def __init__(self, **kwargs):
        kwargs.setdefault("template_name", FIELDSET_TEMPLATE)  # legend, not label
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, datetime.date):
            return value
        parts = [str(part or "").strip() for part in (value or ["", "", ""])]
        if not any(parts):
            return None
        names = [_("day"), _("month"), _("year")]
        missing = [str(name) for name, part in zip(names, parts, strict=True) if not part]
        if missing:
            raise ValidationError(
                _("The date must include a %(part)s.") % {"part": _(" and a ").join(missing)},
                code="incomplete",
            )
        try:
            day, month, year = (int(part) for part in parts)
            if year < 1900 or year > 2200:
                raise ValueError
            return datetime.date(year, month, day)
        except ValueError:
            raise ValidationError(
                _("The date must be a real date, for example 27 3 2026."), code="invalid"
            ) from None


class StatementPicker(forms.CheckboxSelectMultiple):
    """The statements chosen so far as ticked boxes, plus a search that finds more.

    Without JavaScript the search is a submit button that shows results on the same form;
    with it (portfolio-picker.mjs) results appear as the person types.
    """

    template_name = "portfolio/widgets/statement_picker.html"

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.results: list[Statement] = []
        self.query = ""
        self.framework = ""
        self.framework_choices: list[tuple[str, str]] = []
        self.more = 0

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        chosen_ids = [int(v) for v in (value or []) if str(v).isdigit()]
        chosen = Statement.objects.filter(pk__in=chosen_ids).select_related("framework", "domain")
        context["widget"].update(
            {
                "chosen": sorted(chosen, key=lambda s: (s.framework.name, s.domain.position)),
                "results": [s for s in self.results if s.pk not in chosen_ids],
                "query": self.query,
                "framework": self.framework,
                "framework_choices": self.framework_choices,
                "more": self.more,
                "search_url": reverse("portfolio:statement-search"),
            }
        )
        return context

    def optgroups(self, name, value, attrs=None):
        return []  # never render every choice: there may be hundreds


class StatementsField(forms.ModelMultipleChoiceField):
    widget = StatementPicker

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("template_name", FIELDSET_TEMPLATE)
        super().__init__(queryset=Statement.objects.none(), **kwargs)
