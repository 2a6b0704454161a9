"""Portfolio forms. Long text autosaves as drafts; statements are picked by searching."""

from decimal import Decimal

from django import forms
from django.contrib.auth import authenticate
from django.db.models import Q
from django.forms.utils import ErrorDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from peerpath.drafts.widgets import AutosaveTextarea
from peerpath.frameworks.models import Framework, Statement
from peerpath.lib.forms import Form

from . import selectors
from .evidence_files import allowed_extensions, max_bytes
from .models import Claim, Goal, LearningEntry, OrganisationObjective, PlanItem
from .widgets import DayMonthYearField, StatementsField


def draft_key(kind: str, obj, field: str) -> str:
    """The autosave key of one text box: portfolio.entry.42.reflection, or .new. before saving."""
    return f"portfolio.{kind}.{obj.pk if obj is not None and obj.pk else 'new'}.{field}"


class PickerFormMixin:
    """Wires StatementsField to the person's frameworks and to an in-form search."""

    def setup_picker(self, name: str, user, data, frameworks=None) -> None:
        field = self.fields[name]
        frameworks = frameworks if frameworks is not None else selectors.pickable_frameworks(user)
        field.queryset = Statement.objects.filter(framework__in=frameworks)
        widget = field.widget
        widget.framework_choices = [(f.slug, f.name) for f in frameworks]
        prefix = self.add_prefix(name)
        if data is not None:
            widget.query = data.get(f"{prefix}-q", "").strip()[:200]
            widget.framework = data.get(f"{prefix}-framework", "")
            if data.get("find-statements") == prefix and (widget.query or widget.framework):
                slug = (
                    widget.framework if widget.framework in dict(widget.framework_choices) else ""
                )
                widget.results, widget.more = selectors.statement_search(user, widget.query, slug)

    @property
    def is_search(self) -> bool:
        """True when the person pressed a picker's Search button rather than Save."""
        return self.is_bound and "find-statements" in self.data

    def hold_errors(self) -> None:
        """Show the form again as typed, without complaining about fields not done yet."""
        self._errors = ErrorDict()


class EntryForm(PickerFormMixin, Form):
    title = forms.CharField(
        label=_("What did you do?"),
        max_length=200,
        help_text=_("For example: Masterclass on leading change, or Read 'Leaders eat last'."),
    )
    kind = forms.ChoiceField(label=_("Type of learning"), choices=LearningEntry.Kind.choices)
    date = DayMonthYearField(
        label=_("When did it happen?"),
        help_text=_("The day it finished, for example 27 3 2026."),
    )
    hours = forms.DecimalField(
        label=_("Hours (optional)"),
        required=False,
        min_value=Decimal("0"),
        max_value=Decimal("2000"),
        decimal_places=2,
        help_text=_("For example 1.5 for an hour and a half."),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-5"}),
    )
    reflection = forms.CharField(label=_("What did you learn?"), required=False, max_length=100_000)
    practice = forms.CharField(
        label=_("How do you use it in your practice?"), required=False, max_length=100_000
    )
    impact = forms.CharField(
        label=_("What difference does it make to the people who use your service?"),
        required=False,
        max_length=100_000,
    )
    statements = StatementsField(
        label=_("Capabilities and standards it evidences"),
        help_text=_(
            "For example the six leadership capabilities, the CPD Standard, or external "
            "standards such as NOS units, SCQF level descriptors or the CLF."
        ),
    )
    goals = forms.ModelMultipleChoiceField(
        label=_("Goals it helps with (optional)"),
        queryset=Goal.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, user, entry: LearningEntry | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        for name in ("reflection", "practice", "impact"):
            self.fields[name].widget = AutosaveTextarea(
                key=draft_key("entry", entry, name),
                saved_at=entry.updated_at if entry else None,
                attrs={"rows": 8, "class": "govuk-textarea"},
            )
        self.fields["reflection"].help_text = _(
            "Write as much as you like; it is saved as you type. You can use Markdown, "
            "e.g. *emphasis* and lists."
        )
        open_goals = Goal.objects.filter(owner=user).exclude(status=Goal.Status.DROPPED)
        self.fields["goals"].queryset = open_goals
        if not open_goals.exists():
            del self.fields["goals"]
        self.setup_picker("statements", user, self.data if self.is_bound else None)

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date and date > timezone.localdate():
            raise forms.ValidationError(
                _("The date must be today or in the past: the log is for learning you have done.")
            )
        return date


class EvidenceFileForm(Form):
    file = forms.FileField(label=_("Upload a file"))
    title = forms.CharField(label=_("Describe it (optional)"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Filled in here, not on the class: there it would be formatted once, at import,
        # in English.
        self.fields["file"].help_text = _("Up to %(mb)s MB. Accepted: %(types)s.") % {
            "mb": max_bytes() // 1_048_576,
            "types": allowed_extensions(),
        }


class EvidenceLinkForm(Form):
    url = forms.URLField(
        label=_("Web address"),
        max_length=500,
        assume_scheme="https",
        help_text=_("A blog post, an online certificate or a shared document."),
    )
    title = forms.CharField(label=_("Describe it (optional)"), max_length=200, required=False)


class LogFilterForm(Form):
    """Search and filter the log; every field is optional and kept in the address."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    kind = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("Any type")), *LearningEntry.Kind.choices],
    )
    start = DayMonthYearField(label=_("From"), required=False)
    end = DayMonthYearField(label=_("To"), required=False)
    framework = forms.ChoiceField(label=_("Linked to"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["framework"].choices = [
            ("", _("Anything")),
            *[(f.slug, f.name) for f in selectors.pickable_frameworks(user)],
        ]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            self.add_error("end", _("The end date must be on or after the start date."))
        return cleaned

    def wanted(self) -> selectors.LogFilter:
        if not self.is_valid():
            return selectors.LogFilter()
        data = self.cleaned_data
        return selectors.LogFilter(
            query=data["q"].strip(),
            kind=data["kind"],
            start=data["start"],
            end=data["end"],
            framework=data["framework"],
        )


class GoalForm(PickerFormMixin, Form):
    title = forms.CharField(label=_("Your goal"), max_length=200)
    why = forms.CharField(label=_("Why it matters"), required=False, max_length=100_000)
    statements = StatementsField(label=_("Capabilities it develops (optional)"))
    target_date = DayMonthYearField(label=_("Target date (optional)"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=Goal.Status.choices,
        initial=Goal.Status.NOT_STARTED,
        widget=forms.RadioSelect,
    )
    objective = forms.ModelChoiceField(
        label=_("Organisational objective it supports (optional)"),
        queryset=OrganisationObjective.objects.none(),
        required=False,
        help_text=_("Linking your goal to one of your organisation's objectives."),
    )

    def __init__(self, *args, user, goal: Goal | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["why"].widget = AutosaveTextarea(
            key=draft_key("goal", goal, "why"),
            saved_at=goal.updated_at if goal else None,
            attrs={"rows": 5, "class": "govuk-textarea"},
        )
        offered = Q(is_active=True, organisation__memberships__user=user)
        if goal is not None and goal.objective_id:
            offered |= Q(pk=goal.objective_id)  # keep a link to one no longer offered
        objectives = OrganisationObjective.objects.filter(offered).distinct()
        if objectives.exists():
            self.fields["objective"].queryset = objectives.select_related("organisation")
        else:
            del self.fields["objective"]
        self.setup_picker("statements", user, self.data if self.is_bound else None)


class GoalNoteForm(Form):
    text = forms.CharField(label=_("Add a note of your progress"), max_length=100_000)

    def __init__(self, *args, goal: Goal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].widget = AutosaveTextarea(
            key=draft_key("goal", goal, "note"), attrs={"rows": 4, "class": "govuk-textarea"}
        )


PLAN_TEXT_FIELDS = ["action", "support_needed"]


class PlanItemForm(PickerFormMixin, Form):
    action = forms.CharField(
        label=_("What will you do?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    statements = StatementsField(
        label=_("Capability it develops (optional)"),
        help_text=_("Choose at most one."),
    )
    support_needed = forms.CharField(
        label=_("Support you need (optional)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: time for a secondment, a mentor, funding for a course."),
    )
    target_date = DayMonthYearField(label=_("Target date (optional)"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=PlanItem.Status.choices,
        initial=PlanItem.Status.NOT_STARTED,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, user, item: PlanItem | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in PLAN_TEXT_FIELDS:
            self.fields[name].widget = AutosaveTextarea(
                key=draft_key("plan", item, name),
                saved_at=item.updated_at if item else None,
                attrs={"rows": 3, "class": "govuk-textarea"},
            )
        self.setup_picker("statements", user, self.data if self.is_bound else None)

    def clean_statements(self):
        chosen = self.cleaned_data["statements"]
        if len(chosen) > 1:
            raise forms.ValidationError(_("Choose one capability for this item, or none."))
        return chosen

    @property
    def statement(self) -> Statement | None:
        chosen = self.cleaned_data["statements"]
        return chosen[0] if chosen else None


class ShareForm(Form):
    email = forms.EmailField(
        label=_("Their email address"),
        help_text=_("They need a Peerpath account. They can read your plan and comment on it."),
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


class CommentForm(Form):
    text = forms.CharField(
        label=_("Your comment"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    item = forms.ModelChoiceField(
        label=_("About (optional)"),
        queryset=PlanItem.objects.none(),
        required=False,
        empty_label=_("The plan as a whole"),
    )

    def __init__(self, *args, plan_owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = PlanItem.objects.filter(owner=plan_owner)


class ClaimStartForm(Form):
    framework = forms.ModelChoiceField(
        label=_("Which standard or framework?"),
        queryset=Framework.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["framework"].queryset = selectors.pickable_frameworks(user)


class ClaimItemForm(PickerFormMixin, Form):
    statements = StatementsField(label=_("Items you claim"), required=True)
    entries = forms.ModelMultipleChoiceField(
        label=_("Entries that show it"),
        queryset=LearningEntry.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    note = forms.CharField(
        label=_("How these entries show it (optional)"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, claim: Claim, **kwargs):
        super().__init__(*args, **kwargs)
        frameworks = Framework.objects.filter(pk=claim.framework_id)
        self.setup_picker(
            "statements", claim.owner, self.data if self.is_bound else None, frameworks
        )
        self.fields["entries"].queryset = LearningEntry.objects.filter(owner=claim.owner)
        self.fields["entries"].label_from_instance = lambda entry: (
            f"{entry.title} ({entry.date:%d/%m/%Y})"
        )


class ClaimSubmitForm(Form):
    assessor_name = forms.CharField(label=_("Assessor's name"), max_length=150)
    assessor_email = forms.EmailField(
        label=_("Assessor's email address"),
        help_text=_("We email them a link. They do not need an account."),
    )
    assessor_role = forms.ChoiceField(
        label=_("Who are they?"), choices=Claim.AssessorRole.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(label=_("A note for them (optional)"), required=False, max_length=10_000)

    def __init__(self, *args, claim: Claim, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["note"].widget = AutosaveTextarea(
            key=draft_key("claim", claim, "note"), attrs={"rows": 5, "class": "govuk-textarea"}
        )


class AssessForm(Form):
    """One accept-or-return choice and a comment per claimed item."""

    assessor_name = forms.CharField(label=_("Your name"), max_length=150)

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(items)
        for item in self.items:
            self.fields[f"decision-{item.pk}"] = forms.ChoiceField(
                label=_("Your decision on %(code)s") % {"code": item.statement.code},
                choices=[("accepted", _("Accept")), ("returned", _("Return with a comment"))],
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Accept or return %(code)s.") % {"code": item.statement.code}
                },
            )
            self.fields[f"comment-{item.pk}"] = forms.CharField(
                label=_("Comment on %(code)s") % {"code": item.statement.code},
                required=False,
                max_length=5000,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def clean(self):
        cleaned = super().clean()
        for item in self.items:
            if (
                cleaned.get(f"decision-{item.pk}") == "returned"
                and not cleaned.get(f"comment-{item.pk}", "").strip()
            ):
                self.add_error(
                    f"comment-{item.pk}",
                    _("Say why you are returning %(code)s.") % {"code": item.statement.code},
                )
        return cleaned

    def rows(self):
        """(item, decision field, comment field) for the template."""
        return [(i, self[f"decision-{i.pk}"], self[f"comment-{i.pk}"]) for i in self.items]


class ImportForm(Form):
    file = forms.FileField(
        label=_("Portfolio file"),
        help_text=_("The .zip file another Peerpath gave you when you exported your portfolio."),
    )


class EraseForm(Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    understood = forms.BooleanField(
        label=_("I understand that this cannot be undone"),
        error_messages={"required": _("Tick the box to confirm you understand.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if authenticate(username=self.user.email, password=password) is None:
            raise forms.ValidationError(_("That is not your password."))
        return password


class ObjectiveForm(Form):
    title = forms.CharField(
        label=_("Objective"),
        max_length=200,
        help_text=_("For example: Every library a community hub by 2028."),
    )
    description = forms.CharField(
        label=_("More about it (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
