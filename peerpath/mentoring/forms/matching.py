"""The coordinator's matching page: weights, hand-made pairs and swaps."""

from django import forms
from django.utils.translation import gettext_lazy as _

from peerpath.lib.forms import Form

from ..models import Application, Cohort, DraftPair


class WeightsForm(Form):
    weight_topics = forms.FloatField(label=_("Topics in common"), min_value=0, max_value=10)
    weight_capabilities = forms.FloatField(
        label=_("Development areas met by strengths"), min_value=0, max_value=10
    )
    weight_region = forms.FloatField(label=_("Same region"), min_value=0, max_value=10)
    weight_availability = forms.FloatField(
        label=_("Availability in common"), min_value=0, max_value=10
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs["step"] = "0.5"
            field.widget.attrs["class"] += " govuk-input--width-3"


def _name(application: Application) -> str:
    return f"{application.applicant.full_name} ({application.organisation})"


class ChooseForm(Form):
    mentee = forms.ModelChoiceField(label=_("Mentee"), queryset=Application.objects.none())
    mentor = forms.ModelChoiceField(label=_("Mentor"), queryset=Application.objects.none())

    def __init__(self, *args, mentees, mentors, **kwargs):
        super().__init__(*args, **kwargs)
        for name, people in (("mentee", mentees), ("mentor", mentors)):
            field = self.fields[name]
            field.queryset = Application.objects.filter(
                pk__in=[a.pk for a in people]
            ).select_related("applicant", "organisation")
            field.label_from_instance = _name


class SwapForm(Form):
    first = forms.ModelChoiceField(label=_("Swap the mentor of"), queryset=DraftPair.objects.none())
    second = forms.ModelChoiceField(
        label=_("with the mentor of"), queryset=DraftPair.objects.none()
    )

    def __init__(self, *args, cohort: Cohort, **kwargs):
        super().__init__(*args, **kwargs)
        drafts = cohort.draft_pairs.select_related("mentee__applicant")
        for name in ("first", "second"):
            self.fields[name].queryset = drafts
            self.fields[name].label_from_instance = lambda d: d.mentee.applicant.full_name

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("first") and cleaned.get("first") == cleaned.get("second"):
            raise forms.ValidationError(_("Choose two different pairs."))
        return cleaned
