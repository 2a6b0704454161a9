"""Setting up schemes and rounds, and running training."""

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from peerpath.accounts.models import Nation, Organisation, RoleLevel
from peerpath.frameworks.models import Framework
from peerpath.lib.forms import Form, ModelForm

from ..models import Application, Cohort, Scheme, SchemeStaff, TrainingSession
from .fields import DateInput, LinesField, rated_frameworks


class SchemeForm(ModelForm):
    class Meta:
        model = Scheme
        fields = [
            "name",
            "kind",
            "summary",
            "description",
            "open_to",
            "member_organisations",
            "theme_framework",
            "evaluation_framework",
            "forbid_same_organisation",
            "mentor_level_at_least_mentee",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "open_to": forms.RadioSelect,
            "member_organisations": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, owners=None, **kwargs):
        super().__init__(*args, **kwargs)
        if owners is not None:
            self.fields["owner"] = forms.ModelChoiceField(
                label=_("Organisation that runs the scheme"),
                queryset=owners,
                widget=forms.RadioSelect,
                empty_label=None,
            )
            self.order_fields(["owner"])
            self.fields["owner"].widget.attrs["class"] = "govuk-radios__input"
        themes = Framework.objects.published().current().filter(kind=Framework.Kind.THEMES)
        self.fields["theme_framework"].queryset = themes
        self.fields["theme_framework"].empty_label = _("No theme list")
        self.fields["evaluation_framework"].queryset = rated_frameworks()
        self.fields["evaluation_framework"].empty_label = _("Do not ask")
        self.fields["member_organisations"].queryset = Organisation.objects.order_by("name")
        self.fields["member_organisations"].help_text = _(
            "Only used when the scheme is for the organisations listed."
        )
        if self["open_to"].value() != Scheme.OpenTo.LISTED:
            # A checkbox for every organisation is most of the page, and unused unless the
            # scheme is for listed organisations: keep what is ticked, hidden. Choosing
            # "listed" and saving brings the checkboxes back, asking for a tick.
            self.fields["member_organisations"].widget = forms.MultipleHiddenInput()
        if self.instance.pk and self.instance.cohorts.exists():
            # Applications were made as mentors, mentees or peers: the kind stays.
            self.fields["kind"].disabled = True
            self.fields["kind"].help_text = _("The kind cannot change once a round exists.")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("open_to") == Scheme.OpenTo.LISTED and not cleaned.get(
            "member_organisations"
        ):
            self.add_error("member_organisations", _("Tick the organisations in the scheme."))
        return cleaned


class StaffForm(Form):
    email = forms.EmailField(label=_("Email address of the person"))
    role = forms.ChoiceField(
        label=_("Role"),
        choices=SchemeStaff.Role.choices,
        initial=SchemeStaff.Role.COORDINATOR,
        widget=forms.RadioSelect,
    )


class CohortForm(ModelForm):
    topics = LinesField(label=_("Topics people can ask for or offer"), help_text=_("One per line."))
    availability_options = LinesField(
        label=_("When and how people can meet"), help_text=_("One per line.")
    )
    extra_questions = LinesField(
        label=_("Your own questions (optional)"),
        help_text=_("One per line. People answer each in a few sentences."),
        max_items=5,
    )
    eligible_nations = forms.MultipleChoiceField(
        label=_("Nations people must work in"),
        help_text=_("Leave all unticked to accept any."),
        choices=Nation.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    min_role_level = forms.TypedChoiceField(
        label=_("Lowest role level that may apply"),
        choices=[("", _("Any level"))] + list(RoleLevel.choices),
        coerce=int,
        empty_value=None,
        required=False,
    )

    class Meta:
        model = Cohort
        fields = [
            "name",
            *Cohort.MILESTONES,
            "topics",
            "availability_options",
            "extra_questions",
            "eligible_nations",
            "min_role_level",
            "emerging_leaders_welcome",
            "auto_accept",
            "rolling_applications",
            "training_required",
            "allow_peer_choice",
            "allow_shortlist",
            "shortlist_size",
            "response_days",
            "max_capacity",
            "quiet_weeks",
        ]
        widgets = {name: DateInput() for name in Cohort.MILESTONES}

    def clean(self):
        cleaned = super().clean()
        self._check_milestone_order(cleaned)
        for name in ["shortlist_size", "response_days", "max_capacity", "quiet_weeks"]:
            if cleaned.get(name) is not None and not 1 <= cleaned[name] <= 52:
                self.add_error(name, _("Enter a whole number from 1 to 52."))
        return cleaned

    def _check_milestone_order(self, cleaned: dict) -> None:
        """No date in the timetable may come before the last one filled in above it:
        blank dates are skipped, and each date out of order gets its own message."""
        earlier = None
        for name in Cohort.MILESTONES:
            when = cleaned.get(name)
            if when is None:
                continue
            if earlier is None or when >= cleaned[earlier]:
                earlier = name
            elif name == "applications_close":
                self.add_error(name, _("Applications must close after they open."))
            else:
                self.add_error(
                    name,
                    _("“%(field)s” cannot be before “%(earlier)s” (%(date)s).")
                    % {
                        "field": self.fields[name].label,
                        "earlier": self.fields[earlier].label,
                        "date": date_format(cleaned[earlier], "j F Y"),
                    },
                )


class NextRoundForm(Form):
    name = forms.CharField(label=_("Name of the new round"), max_length=120)
    carry_waitlist = forms.BooleanField(
        label=_("Offer everyone on this round's waiting list an application in the new round"),
        required=False,
        initial=True,
    )


class DecisionForm(Form):
    decision = forms.ChoiceField(
        label=_("Your decision"),
        choices=[
            (Application.Status.ACCEPTED, _("Accept")),
            (Application.Status.WAITLISTED, _("Put on the waiting list")),
            (Application.Status.DECLINED, _("Decline")),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason (the applicant sees this)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed when you decline."),
    )


class TrainingSessionForm(ModelForm):
    starts_at = forms.DateTimeField(
        label=_("Date and time"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    class Meta:
        model = TrainingSession
        fields = ["title", "starts_at", "duration_minutes", "where"]

    def clean_duration_minutes(self):
        minutes = self.cleaned_data["duration_minutes"]
        if minutes is not None and minutes < 1:
            raise forms.ValidationError(_("Enter a length of 1 minute or more."))
        return minutes


class AttendanceForm(Form):
    attended = forms.ModelMultipleChoiceField(
        label=_("Who attended"),
        queryset=Application.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, cohort: Cohort, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["attended"]
        field.queryset = cohort.applications.filter(
            status=Application.Status.ACCEPTED
        ).select_related("applicant")
        field.label_from_instance = lambda a: a.applicant.full_name
