"""Forms the two people in a pair use: agreement, sessions, check-ins, ending, closing."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from peerpath.drafts.widgets import AutosaveTextarea
from peerpath.frameworks.models import Statement
from peerpath.lib.forms import Form, ModelForm

from ..models import Agreement, ClosingReview, Pairing, Session
from .fields import DateInput, TimeInput, confidence_fields, confidence_from


class AgreementForm(ModelForm):
    class Meta:
        model = Agreement
        fields = [
            "frequency",
            "session_minutes",
            "format",
            "confidentiality",
            "boundaries",
            "commit_professional_learning",
            "commit_self_care",
            "goals",
            "planned_end",
        ]
        widgets = {
            "format": forms.RadioSelect,
            "confidentiality": forms.Textarea(attrs={"rows": 4}),
            "boundaries": forms.Textarea(attrs={"rows": 4}),
            "planned_end": DateInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goals"].widget = AutosaveTextarea(
            key=f"mentoring.pair.{self.instance.pairing_id}.goals",
            attrs={"rows": 6},
            saved_at=self.instance.updated_at,
        )
        self.fields["session_minutes"].widget.attrs["class"] += " govuk-input--width-3"

    def clean_planned_end(self):
        planned_end = self.cleaned_data["planned_end"]
        # A date already agreed may pass while the pair still meets: signing again
        # must not be refused for it, only a newly entered date in the past.
        unchanged = planned_end == self.initial.get("planned_end")
        if planned_end and not unchanged and planned_end < timezone.localdate():
            raise forms.ValidationError(_("The planned end date must be today or in the future."))
        return planned_end


class WhenForm(Form):
    """Date, time and length of a session, in the person's local time (Europe/London)."""

    date = forms.DateField(label=_("Date"), widget=DateInput())
    time = forms.TimeField(label=_("Start time"), widget=TimeInput())
    duration_minutes = forms.IntegerField(
        label=_("Length in minutes"),
        min_value=5,
        max_value=600,
        initial=60,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3"}),
    )
    format = forms.ChoiceField(
        label=_("How you meet"), choices=Agreement.Format.choices, widget=forms.RadioSelect
    )

    def starts_at(self) -> datetime.datetime:
        moment = datetime.datetime.combine(self.cleaned_data["date"], self.cleaned_data["time"])
        return timezone.make_aware(moment)


class SessionForm(WhenForm, ModelForm):
    """Log what happened: themes from the scheme's list and their own, actions, evidence,
    and private notes (a separate field: notes are saved apart from the session)."""

    notes = forms.CharField(
        label=_("Private notes"),
        help_text=_("Only the two of you can ever see these: not coordinators, not admins."),
        required=False,
        max_length=20_000,
    )

    class Meta:
        model = Session
        fields = ["themes", "own_themes", "actions", "evidence"]
        widgets = {"themes": forms.CheckboxSelectMultiple}

    def __init__(self, *args, theme_framework, draft_prefix: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = (
            theme_framework.statements.order_by("domain__position", "position")
            if theme_framework
            else Statement.objects.none()
        )
        # The themes are the framework's words: the page marks them as its language.
        self.fields["themes"].widget.options_lang = getattr(theme_framework, "language", "")
        self.fields["themes"].label = _("Themes you discussed")
        self.fields["themes"].required = False
        self.fields["own_themes"].help_text = _("Anything else you talked about.")
        for name, rows in [("actions", 4), ("evidence", 4), ("notes", 5)]:
            self.fields[name].widget = AutosaveTextarea(
                key=f"{draft_prefix}.{name}", attrs={"rows": rows}
            )
        self.fields["evidence"].help_text = _(
            "How do you know? What evidence do you have of what you discussed?"
        )
        self.order_fields(["date", "time", "duration_minutes", "format", "themes"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("date") and cleaned.get("time") and self.starts_at() > timezone.now():
            self.add_error("date", _("Log a session once it has happened; plan future ones."))
        return cleaned


class CheckInForm(Form):
    usefulness = forms.TypedChoiceField(
        label=_("How useful was this session?"),
        choices=[
            (5, _("5 – very useful")),
            (4, _("4")),
            (3, _("3")),
            (2, _("2")),
            (1, _("1 – not useful")),
        ],
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Anything the coordinator should know (optional)"),
        help_text=_("The coordinator sees your rating and this comment, never your notes."),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class EndForm(Form):
    reason = forms.ChoiceField(
        label=_("Why is the pairing ending?"),
        choices=Pairing.EndReason.choices,
        widget=forms.RadioSelect,
    )
    wants_rematch = forms.BooleanField(
        label=_("I would like to be matched with someone new"), required=False
    )


class ClosingReviewForm(ModelForm):
    class Meta:
        model = ClosingReview
        fields = ["goals_met", "what_changed", "testimonial", "testimonial_consent"]
        widgets = {
            "goals_met": forms.RadioSelect,
            "testimonial": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, framework, draft_key: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goals_met"].choices = ClosingReview.GoalsMet.choices
        self.fields["what_changed"].widget = AutosaveTextarea(key=draft_key, attrs={"rows": 6})
        for name, field in confidence_fields(framework, required=True).items():
            field.initial = str(self.instance.confidence.get(name.removeprefix("conf_"), ""))
            self.fields[name] = field
        self.fields["testimonial"].required = False
        self.order_fields(["goals_met", "what_changed"])

    @property
    def confidence_field_names(self) -> list[str]:
        return [name for name in self.fields if name.startswith("conf_")]

    def confidence(self) -> dict[str, int]:
        return confidence_from(self.cleaned_data)


class PeerInviteForm(Form):
    email = forms.EmailField(
        label=_("Email address of the peer you would like to invite"),
        help_text=_("They can be in your organisation or another one. They need an account."),
    )
    message = forms.CharField(
        label=_("A message to them (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class AnswerForm(Form):
    answer = forms.ChoiceField(
        label=_("Your answer"),
        choices=[("accept", _("Yes, let's pair up")), ("decline", _("No, thank you"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("A note with your answer (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
