"""Forms that render as GOV.UK Frontend components with Django's own form API.

`GovukFormRenderer` sends every field through templates/forms/govuk_field.html, and
`GovukFormMixin` gives widgets the GOV.UK classes and error states, so a view's template
is just `{{ form }}` plus a button, and error summaries come from one include.
"""

from django import forms
from django.forms.renderers import TemplatesSetting
from django.forms.utils import pretty_name
from django.utils.functional import lazy
from django.utils.translation import gettext

WIDGET_CLASSES = {
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.SelectMultiple: "govuk-select",
    forms.ClearableFileInput: "govuk-file-upload",
    forms.FileInput: "govuk-file-upload",
    forms.CheckboxSelectMultiple: "govuk-checkboxes__input",
    forms.RadioSelect: "govuk-radios__input",
    forms.CheckboxInput: "govuk-checkboxes__input",
}
ERROR_CLASSES = {
    "govuk-input": "govuk-input--error",
    "govuk-textarea": "govuk-textarea--error",
    "govuk-select": "govuk-select--error",
    "govuk-file-upload": "govuk-file-upload--error",
}


# Django says "This field is required." for every field, so a summary of several reads as
# the same line repeated; GOV.UK asks for messages that say which field is wrong.
DJANGO_REQUIRED = forms.Field.default_error_messages["required"]


def _required_message(field: forms.Field, name: str) -> str:
    # Read when shown, so a label a form changes after __init__ is the one named.
    label = pretty_name(name) if field.label is None else field.label
    kind = widget_kind(field.widget)
    if kind == "checkbox":
        return gettext("Tick “%(label)s”") % {"label": label}
    if isinstance(field, forms.ChoiceField) or kind in {"radios", "checkboxes"}:
        return gettext("Choose an answer for “%(label)s”") % {"label": label}
    return gettext("“%(label)s” is required") % {"label": label}


# Lazy, so the message is in the language of the request that shows it.
required_message = lazy(_required_message, str)


class GovukFormRenderer(TemplatesSetting):
    form_template_name = "forms/govuk_form.html"
    field_template_name = "forms/govuk_field.html"


def widget_kind(widget: forms.Widget) -> str:
    # CheckboxSelectMultiple is a subclass of RadioSelect, so it must be tested first.
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, (forms.FileInput, forms.ClearableFileInput)):
        return "file"
    return "input"


class GovukFormMixin:
    """Adds GOV.UK classes, error classes and aria-describedby to every widget.

    A widget is styled when the form is made and again, harmlessly, whenever its field is
    read, so fields a subclass adds (or widgets it replaces) in its own __init__ are
    styled too."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.fields:
            self._govuk_style(name)

    def __getitem__(self, name):
        bound = super().__getitem__(name)
        self._govuk_style(name)
        return bound

    def _govuk_style(self, name: str) -> None:
        field = self.fields[name]
        widget = field.widget
        css = next(
            (c for kind, c in WIDGET_CLASSES.items() if isinstance(widget, kind)),
            "govuk-input",
        )
        classes = widget.attrs.get("class", "").split()
        if css not in classes:
            widget.attrs["class"] = " ".join([css, *classes])
        if field.help_text and widget_kind(widget) in {"input", "file"}:
            ids = widget.attrs.get("aria-describedby", "").split()
            hint = f"{self.add_prefix(name)}-hint"
            if hint not in ids:
                widget.attrs["aria-describedby"] = " ".join([hint, *ids])
        if field.required:
            self._name_the_field_when_missing(name, field)
            if widget_kind(widget) == "radios":
                _drop_blank_choice(field)

    def _name_the_field_when_missing(self, name: str, field: forms.Field) -> None:
        """Replace Django's generic required message; a form's own message stays, and so
        does the generic one for a field without a label (there is nothing to name)."""
        if field.error_messages.get("required") is DJANGO_REQUIRED and field.label != "":
            field.error_messages["required"] = required_message(field, name)

    def full_clean(self):
        for name in self.fields:  # fields added after __init__ get the same treatment
            self._govuk_style(name)
        super().full_clean()
        # Mark invalid widgets only after validation, so subclasses can still change
        # fields and querysets in their own __init__.
        for name in self.errors:
            if name not in self.fields:
                continue
            self._govuk_style(name)
            widget = self.fields[name].widget
            css = widget.attrs["class"].split(" ")[0]
            if css in ERROR_CLASSES and ERROR_CLASSES[css] not in widget.attrs["class"]:
                widget.attrs["class"] += f" {ERROR_CLASSES[css]}"
            if widget_kind(widget) in {"input", "file"}:
                ids = widget.attrs.get("aria-describedby", "").split()
                widget.attrs["aria-describedby"] = " ".join(
                    [*ids, f"{self.add_prefix(name)}-error"]
                )

    def error_summary_items(self) -> list[tuple[str, str]]:
        """(anchor, message) pairs for the GOV.UK error summary, in field order."""
        items = [("", message) for message in self.non_field_errors()]
        for name in self.fields:
            for message in self.errors.get(name, []):
                field = self[name]
                anchor = field.auto_id
                if widget_kind(field.field.widget) in {"radios", "checkboxes"}:
                    anchor = f"{field.auto_id}_0"
                items.append((anchor, message))
        return items


def _drop_blank_choice(field: forms.Field) -> None:
    """A required radio group offers only real answers, never "- Select an option -"."""
    if isinstance(field, forms.ModelChoiceField):
        field.empty_label = None
    elif isinstance(field, forms.ChoiceField):
        choices = list(field.choices)
        if any(value in ("", None) for value, _label in choices):
            field.choices = [(v, label) for v, label in choices if v not in ("", None)]


class Form(GovukFormMixin, forms.Form):
    pass


class ModelForm(GovukFormMixin, forms.ModelForm):
    pass
