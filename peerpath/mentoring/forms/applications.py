"""The application form a round asks, built from the round's own settings."""

from django import forms
from django.utils.translation import gettext_lazy as _

from peerpath.accounts.models import Nation
from peerpath.drafts.widgets import AutosaveTextarea
from peerpath.lib.forms import ModelForm

from ..models import Application
from .fields import confidence_fields, confidence_from

YES_NO = [("yes", _("Yes")), ("no", _("No"))]
REQUIRED = {
    "organisation": _("Choose the organisation you are applying from."),
    "role": _("Say whether you would like a mentor or would like to mentor."),
    "role_level": _("Choose your role level."),
    "nation": _("Choose the nation you work in."),
    "goals": _("Say what you hope to get from taking part."),
}


class ApplicationForm(ModelForm):
    """Every question is optional while saving a draft; eligibility and the required
    answers are checked when the person sends it (`submitting=True`)."""

    class Meta:
        model = Application
        fields = [
            "organisation",
            "role",
            "role_level",
            "nation",
            "region",
            "capacity",
            "goals",
            "line_manager_email",
            "conflicts",
        ]
        widgets = {
            "organisation": forms.RadioSelect,
            "role": forms.RadioSelect,
            "role_level": forms.RadioSelect,
            "nation": forms.RadioSelect,
            "conflicts": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, organisations, submitting: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        application = self.instance
        cohort = application.cohort
        scheme = cohort.scheme
        self.submitting = submitting
        self.fields["organisation"].queryset = organisations
        self.fields["organisation"].empty_label = None
        roles = [c for c in Application.Role.choices if (c[0] == "peer") == scheme.is_peer]
        self.fields["role"].choices = roles
        if scheme.is_peer:
            self.fields["role"].widget = forms.HiddenInput()
        for name in ["role_level", "nation"]:
            self.fields[name].choices = [c for c in self.fields[name].choices if c[0] != ""]
        self.fields["nation"].choices = Nation.choices
        self.fields["capacity"].label = _(
            "If you mentor or support others: how many people could you take on?"
        )
        self.fields["capacity"].widget.attrs.update({"min": 1, "max": cohort.max_capacity})
        self.fields["capacity"].widget.attrs["class"] += " govuk-input--width-2"
        self.fields["goals"].widget = AutosaveTextarea(
            key=application.draft_key, attrs={"rows": 6}, saved_at=application.updated_at
        )
        if cohort.emerging_leaders_welcome:
            self.fields["emerging_leader"] = forms.ChoiceField(
                label=_("Are you an emerging leader?"),
                help_text=Application._meta.get_field("emerging_leader").help_text,
                choices=YES_NO,
                widget=forms.RadioSelect,
                required=False,
                initial={True: "yes", False: "no"}.get(application.emerging_leader),
            )
        if cohort.topics:
            self.fields["topics"] = forms.MultipleChoiceField(
                label=_("Topics you would like help with, or can offer"),
                choices=[(t, t) for t in cohort.topics],
                widget=forms.CheckboxSelectMultiple,
                required=False,
                initial=application.topics,
            )
        if cohort.availability_options:
            self.fields["availability"] = forms.MultipleChoiceField(
                label=_("When and how you can meet"),
                choices=[(t, t) for t in cohort.availability_options],
                widget=forms.CheckboxSelectMultiple,
                required=False,
                initial=application.availability,
            )
        for number, question in enumerate(cohort.extra_questions, start=1):
            self.fields[f"question_{number}"] = forms.CharField(
                label=question,
                required=False,
                max_length=3000,
                widget=forms.Textarea(attrs={"rows": 4}),
                initial=application.answers.get(question, ""),
            )
        for name, field in confidence_fields(
            scheme.evaluation_framework, required=submitting
        ).items():
            field.initial = str(application.confidence.get(name.removeprefix("conf_"), ""))
            self.fields[name] = field
        for name, message in REQUIRED.items():
            self.fields[name].required = submitting
            self.fields[name].error_messages["required"] = message
        self.fields["capacity"].required = False
        self.order_fields(
            [
                "organisation",
                "role",
                "role_level",
                "emerging_leader",
                "nation",
                "region",
                "topics",
                "availability",
                "capacity",
                "goals",
            ]
        )

    @property
    def confidence_field_names(self) -> list[str]:
        return [name for name in self.fields if name.startswith("conf_")]

    def clean_capacity(self):
        capacity = self.cleaned_data.get("capacity") or 1
        if capacity < 1:
            raise forms.ValidationError(_("Enter a number of at least 1."))
        return capacity

    def save(self, commit=True):
        application = super().save(commit=False)
        cleaned = self.cleaned_data
        cohort = application.cohort
        if "emerging_leader" in cleaned:
            application.emerging_leader = {"yes": True, "no": False}.get(cleaned["emerging_leader"])
        application.topics = cleaned.get("topics", [])
        application.availability = cleaned.get("availability", [])
        application.answers = {
            question: cleaned.get(f"question_{n}", "")
            for n, question in enumerate(cohort.extra_questions, start=1)
        }
        application.confidence = confidence_from(cleaned)
        if application.role == Application.Role.MENTEE:
            application.capacity = 1
        return application
