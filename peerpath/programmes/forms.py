"""Forms for programme pages; all render as GOV.UK components (see peerpath.lib.forms)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from peerpath.drafts.widgets import AutosaveTextarea
from peerpath.frameworks.models import Framework, Statement
from peerpath.lib.forms import Form, ModelForm

from .models import Event, LearningSet, Module, Placement, Programme
from .services import placement_reflection_draft_key, statement_draft_key

RESERVED_SLUGS = {"reviews", "import", "organisations", "learning-sets", "placements", "pathways"}
UPLOAD_MAX_BYTES = 1024 * 1024
DATETIME = {"type": "datetime-local"}
DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class SubmissionForm(Form):
    statement = forms.CharField(label=_("Your reflective statement"), required=False)
    evidence_url = forms.URLField(
        label=_("Or a link to your blog or portfolio entry (optional)"),
        required=False,
        assume_scheme="https",
        help_text=_("A web page that holds your reflection, if you wrote it somewhere else."),
    )
    hours = forms.DecimalField(
        label=_("Hours spent (optional)"),
        required=False,
        min_value=0,
        max_value=999,
        decimal_places=2,
        help_text=_("Goes into your learning log. For example 2 or 1.5."),
    )

    def __init__(self, *args, activity, use_tool: bool, saved_at=None, **kwargs):
        super().__init__(*args, **kwargs)
        statement = self.fields["statement"]
        min_words = 0 if use_tool else activity.min_words
        statement.widget = AutosaveTextarea(
            key=statement_draft_key(activity), min_words=min_words, saved_at=saved_at
        )
        statement.widget.attrs["class"] = "govuk-textarea"
        if use_tool:
            statement.label = _("Your reflection (optional)")
        elif min_words:
            statement.help_text = _("Write at least %(n)s words. Markdown is allowed.") % {
                "n": min_words
            }
        if not activity.allow_link or use_tool:
            del self.fields["evidence_url"]
        if activity.hours is not None:
            self.fields["hours"].help_text = _(
                "Goes into your learning log. If you leave it empty we record %(hours)s, "
                "the usual time for this activity."
            ) % {"hours": format(activity.hours.normalize(), "f")}
        self.fields["hours"].widget.attrs["inputmode"] = "decimal"
        self.fields["hours"].widget.attrs["class"] += " govuk-input--width-4"


class ReviewForm(Form):
    ACCEPT, RETURN = "accept", "return"
    decision = forms.ChoiceField(
        label=_("Your decision"),
        widget=forms.RadioSelect,
        choices=[
            (ACCEPT, _("Accept: it meets what the activity asks for")),
            (RETURN, _("Return it with feedback: something needs to change")),
        ],
    )
    feedback = forms.CharField(
        label=_("Feedback for the participant"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Needed when you return work. Say what to change, kindly and clearly."),
    )


def _tidy_programme_fields(form) -> None:
    """Say "Anyone" rather than a blank choice, and size number boxes for their numbers."""
    if "min_role_level" in form.fields:
        field = form.fields["min_role_level"]
        field.choices = [("", _("Anyone, at any level")), *list(field.choices)[1:]]
    for name in ("completion_attendance", "completion_activities", "reflection_words"):
        if name in form.fields:
            form.fields[name].widget.attrs["class"] += " govuk-input--width-4"


class ProgrammeSettingsForm(ModelForm):
    class Meta:
        model = Programme
        fields = [
            "status",
            "audience",
            "review",
            "start_with_note",
            "min_role_level",
            "eligibility",
            "completion_attendance",
            "completion_activities",
        ]
        widgets = {
            "status": forms.RadioSelect,
            "audience": forms.RadioSelect,
            "review": forms.RadioSelect,
            "eligibility": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _tidy_programme_fields(self)


class ProgrammeCreateForm(ModelForm):
    reflection_words = forms.IntegerField(
        label=_("Ask for a written reflection at the end (minimum words)"),
        min_value=0,
        max_value=5000,
        initial=0,
        help_text=_("0 for no reflection. A reflection counts towards completion."),
    )

    class Meta:
        model = Programme
        fields = [
            "name",
            "slug",
            "summary",
            "audience",
            "min_role_level",
            "eligibility",
            "completion_attendance",
            "review",
        ]
        widgets = {
            "audience": forms.RadioSelect,
            "review": forms.RadioSelect,
            "summary": forms.Textarea(attrs={"rows": 4}),
            "eligibility": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"slug": _("Lower-case letters, digits and hyphens, e.g. masterclasses-2027.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _tidy_programme_fields(self)

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(_("That short name is taken by a page. Choose another."))
        return slug


class UploadForm(Form):
    file = forms.FileField(
        label=_("Programme or pathway file"),
        help_text=_("A peerpath-programme/1 or peerpath-pathway/1 JSON file of at most 1 MB."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > UPLOAD_MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 1 MB."))
        return upload


class ModuleForm(ModelForm):
    class Meta:
        model = Module
        fields = ["title", "summary", "accreditation"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3})}


class EventForm(ModelForm):
    class Meta:
        model = Event
        fields = [
            "kind",
            "module",
            "title",
            "summary",
            "starts_at",
            "ends_at",
            "venue",
            "online",
            "joining_details",
            "capacity",
            "enrolment_closes_at",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "summary": forms.Textarea(attrs={"rows": 4}),
            "joining_details": forms.Textarea(attrs={"rows": 3}),
            "starts_at": forms.DateTimeInput(attrs=DATETIME, format=DATETIME_FORMAT),
            "ends_at": forms.DateTimeInput(attrs=DATETIME, format=DATETIME_FORMAT),
            "enrolment_closes_at": forms.DateTimeInput(attrs=DATETIME, format=DATETIME_FORMAT),
        }

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["module"].queryset = programme.modules.all()
        self.fields["module"].required = False
        for name in ("starts_at", "ends_at", "enrolment_closes_at"):
            self.fields[name].help_text = _("UK time, for example 14/05/2027 09:30.")


class EnrolForm(Form):
    confirm = forms.BooleanField(label=_("This describes me"), required=False)


class AttendanceForm(Form):
    attended = forms.MultipleChoiceField(
        label=_("Who attended"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, enrolled, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attended"].choices = [
            (str(e.pk), e.participant.full_name or e.participant.email) for e in enrolled
        ]
        self.initial.setdefault("attended", [str(e.pk) for e in enrolled if e.attended])


class LearningSetForm(ModelForm):
    members = forms.ModelMultipleChoiceField(
        label=_("Members"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Up to 8 people, each bringing an issue of their own."),
    )

    class Meta:
        model = LearningSet
        fields = ["name", "theme", "facilitator", "programme"]

    def __init__(self, *args, people, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["facilitator"].queryset = people
        self.fields["members"].queryset = people
        self.fields["programme"].queryset = programmes
        self.fields["programme"].required = False


class AddMemberForm(Form):
    prefix = "member"
    person = forms.ModelChoiceField(label=_("Add a member"), queryset=None)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


class MeetingForm(Form):
    prefix = "meeting"
    starts_at = forms.DateTimeField(
        label=_("Date and time"),
        widget=forms.DateTimeInput(attrs=DATETIME, format=DATETIME_FORMAT),
    )
    place = forms.CharField(label=_("Where (optional)"), max_length=300, required=False)


class IssueForm(Form):
    prefix = "issue"
    title = forms.CharField(label=_("Your issue, in a sentence"), max_length=300)
    description = forms.CharField(
        label=_("More about it (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ActionForm(Form):
    prefix = "action"
    issue = forms.ModelChoiceField(label=_("For your issue"), queryset=None, empty_label=None)
    text = forms.CharField(label=_("Action"), max_length=500)
    due_on = forms.DateField(
        label=_("By when (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, issues, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issue"].queryset = issues


class NoteForm(Form):
    prefix = "note"
    text = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 4}))


class PlacementForm(ModelForm):
    class Meta:
        model = Placement
        fields = [
            "kind",
            "host",
            "country",
            "starts_on",
            "ends_on",
            "purpose",
            "reflection",
            "statements",
            "programme",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "statements": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reflection"].widget = AutosaveTextarea(
            key=placement_reflection_draft_key(self.instance),
            saved_at=self.instance.updated_at if self.instance.pk else None,
            attrs={"class": "govuk-textarea"},
        )
        self.fields["reflection"].help_text = _(
            "What you saw, what you learned, and what you will do differently."
        )
        self.fields["statements"].queryset = Statement.objects.filter(
            framework__is_current=True,
            framework__status=Framework.Status.PUBLISHED,
            framework__kind=Framework.Kind.CAPABILITIES,
        ).select_related("framework", "domain")
        self.fields["statements"].required = False
        self.fields["programme"].queryset = programmes
        self.fields["programme"].required = False
