"""Forms for self-evaluations, 360° rounds, raters, sharing and plans (GOV.UK styled)."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from peerpath.drafts.widgets import AutosaveTextarea
from peerpath.frameworks.models import Domain, Framework, ScaleLevel, Statement
from peerpath.lib.forms import Form

from .models import RATER_GROUPS, Share
from .services.policy import LARGEST_MINIMUM
from .services.rounds import LONGEST_ROUND

CANNOT_SAY = "cannot-say"
DATE_FORMATS = ["%d/%m/%Y", "%d %m %Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%d %B %Y", "%d %b %Y"]


def _in_three_weeks() -> str:
    return (timezone.localdate() + datetime.timedelta(days=21)).strftime("%-d/%-m/%Y")


# The example is a date three weeks ahead, worked out when the page is shown, so it is
# never a date a field that wants a future date would refuse.
_example_hint = lazy(lambda: _("For example, %(example)s") % {"example": _in_three_weeks()}, str)
_example_error = lazy(
    lambda: _("Enter a real date, for example %(example)s.") % {"example": _in_three_weeks()},
    str,
)


class GovukDateField(forms.DateField):
    """One text box that accepts the ways people write dates: 31/3/2027, 31 March 2027."""

    default_error_messages = {"invalid": _example_error()}

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", DATE_FORMATS)
        kwargs.setdefault("help_text", _example_hint())
        super().__init__(**kwargs)
        self.widget.attrs.update({"class": "govuk-input--width-10", "inputmode": "text"})


class StartEvaluationForm(Form):
    name_on_record = forms.CharField(
        label=_("Name to show on this record (optional)"),
        required=False,
        max_length=150,
        help_text=_(
            "Only if you want a name on it, for example when you print it for a peer. "
            "The date is recorded for you."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )


class RatingsForm(Form):
    """The statements of one domain as radio groups, plus evidence or a comment.

    For raters, `cannot_say` adds an "I cannot say" answer. Blank answers are allowed:
    people save part of a page and come back.
    """

    def __init__(
        self,
        *args,
        domain: Domain,
        levels: list[ScaleLevel],
        cannot_say: bool = False,
        text_field: forms.Field | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.domain = domain
        self.statements = list(domain.statements.all())
        self.levels = {str(level.value): level for level in levels}
        choices = [(str(level.value), level.label) for level in levels]
        if cannot_say:
            choices.append((CANNOT_SAY, _("I cannot say")))
        for statement in self.statements:
            self.fields[self.field_name(statement)] = forms.ChoiceField(
                label=statement.text,
                help_text=statement.description,
                choices=choices,
                required=False,
                widget=forms.RadioSelect(attrs={"class": "govuk-radios__input"}),
                error_messages={
                    "invalid_choice": _("Choose a rating from the scale for “%(statement)s”.")
                    % {"statement": statement.text}
                },
            )
        if text_field is not None:
            self.fields["text"] = text_field

    @staticmethod
    def field_name(statement: Statement) -> str:
        return f"statement-{statement.pk}"

    def rating_fields(self):
        return [self[self.field_name(s)] for s in self.statements]

    def chosen_levels(self) -> dict[Statement, ScaleLevel | None]:
        """Only the statements answered on this page; None is "I cannot say"."""
        chosen = {}
        for statement in self.statements:
            value = self.cleaned_data.get(self.field_name(statement))
            if value == CANNOT_SAY:
                chosen[statement] = None
            elif value:
                chosen[statement] = self.levels[value]
        return chosen


# Fields added after the form is made miss GovukFormMixin's classes, so they carry their own.
TEXT_ATTRS = {"rows": 6, "class": "govuk-textarea", "aria-describedby": "text-hint"}


def evidence_field(*, key: str, prompt: str, saved_at) -> forms.CharField:
    return forms.CharField(
        label=prompt,
        required=False,
        max_length=20_000,
        help_text=_("Examples from your work, feedback you have had, things you could show."),
        widget=AutosaveTextarea(key=key, saved_at=saved_at, attrs=TEXT_ATTRS),
    )


def rater_comment_field(domain: Domain) -> forms.CharField:
    return forms.CharField(
        label=_("Anything you would like to say about “%(domain)s”? (optional)")
        % {"domain": domain.name},
        required=False,
        max_length=5_000,
        help_text=_(
            "Your words are shown as you write them, without your name. Leave out anything "
            "that would tell who wrote them."
        ),
        widget=forms.Textarea(attrs={**TEXT_ATTRS, "rows": 4}),
    )


class OverallCommentForm(Form):
    text = forms.CharField(
        label=_("Anything else you would like to say? (optional)"),
        required=False,
        max_length=5_000,
        help_text=_("Shown without your name, mixed in with other people's comments."),
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class RoundForm(Form):
    framework = forms.ModelChoiceField(
        label=_("Which framework should people rate you against?"),
        queryset=Framework.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
    )
    title = forms.CharField(
        label=_("Name for this round"),
        max_length=150,
        help_text=_("For example, “Leadership feedback, spring 2027”. Raters see it."),
    )
    closes_on = GovukDateField(label=_("Last day for feedback"))

    def __init__(self, *args, frameworks, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["framework"].queryset = frameworks
        self.fields["framework"].label_from_instance = lambda f: f.name
        default = frameworks.filter(slug="six-leadership-capabilities").first()
        if default is not None and not self.is_bound:
            self.initial.setdefault("framework", default.pk)
        if not self.is_bound:
            self.initial.setdefault("closes_on", _in_three_weeks())
        _explain_last_day(self.fields["closes_on"])


def _explain_last_day(field: forms.DateField) -> None:
    """Say how far ahead the last day may be, with an example that is allowed today."""
    latest = timezone.localdate() + LONGEST_ROUND
    example = _in_three_weeks()
    field.help_text = _(
        "Up to %(days)s days from today, so %(latest)s at the latest. For example, %(example)s"
    ) % {"days": LONGEST_ROUND.days, "latest": f"{latest:%-d/%-m/%Y}", "example": example}
    field.error_messages["invalid"] = _("Enter a real date, for example %(example)s.") % {
        "example": example
    }


class LastDayForm(Form):
    closes_on = GovukDateField(label=_("New last day for feedback"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _explain_last_day(self.fields["closes_on"])


class RatersForm(Form):
    group = forms.ChoiceField(
        label=_("Who are they to you?"),
        choices=[(g.value, g.label) for g in RATER_GROUPS],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose who these people are to you.")},
    )
    emails = forms.CharField(
        label=_("Their email addresses"),
        help_text=_(
            "One on each line. People outside your organisation are welcome; "
            "they do not need an account."
        ),
        widget=forms.Textarea(attrs={"rows": 5, "spellcheck": "false", "autocomplete": "off"}),
        error_messages={"required": _("Enter at least one email address.")},
    )

    def email_lines(self) -> list[str]:
        return self.cleaned_data["emails"].splitlines()


class ShareForm(Form):
    email = forms.EmailField(
        label=_("Their email address"),
        help_text=_("They need a Peerpath account. Only they will see it, until you stop sharing."),
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    relationship = forms.ChoiceField(
        label=_("Who are they to you?"),
        choices=Share.Relationship.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose who they are to you.")},
    )


class ShareCommentForm(Form):
    text = forms.CharField(
        label=_("Your comment"),
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write a comment before you send it.")},
    )


class PlanItemForm(Form):
    statement = forms.ModelChoiceField(
        label=_("What do you want to develop?"),
        queryset=Statement.objects.none(),
        required=False,
        empty_label=_("Something else, or the whole framework"),
    )
    action = forms.CharField(
        label=_("What will you do?"),
        max_length=2_000,
        help_text=_("For example: shadow a colleague who chairs partnership meetings."),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say what you will do.")},
    )
    support_needed = forms.CharField(
        label=_("What support do you need? (optional)"),
        required=False,
        max_length=2_000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    target_date = GovukDateField(label=_("By when? (optional)"), required=False)

    def __init__(self, *args, framework: Framework, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["statement"]
        field.queryset = Statement.objects.filter(framework=framework).select_related("domain")
        field.label_from_instance = lambda s: f"{s.domain.name}: {s.text}"

    def clean_target_date(self):
        value = self.cleaned_data["target_date"]
        if value and value < timezone.localdate():
            raise forms.ValidationError(_("The date must be today or in the future."))
        return value


class AnonymityPolicyForm(Form):
    def __init__(self, *args, policy, **kwargs):
        super().__init__(*args, **kwargs)
        for group in RATER_GROUPS:
            name = f"min_{group.value.replace('-', '_')}"
            self.fields[name] = forms.IntegerField(
                label=group.label,
                min_value=1,
                max_value=LARGEST_MINIMUM,
                initial=getattr(policy, name),
                widget=forms.NumberInput(attrs={"class": "govuk-input govuk-input--width-2"}),
                error_messages={
                    "min_value": _("%(group)s: the minimum is at least 1.")
                    % {"group": group.label},
                    "max_value": _("%(group)s: the minimum can be at most %(largest)s.")
                    % {"group": group.label, "largest": LARGEST_MINIMUM},
                    "required": _("%(group)s: enter a minimum.") % {"group": group.label},
                    "invalid": _("%(group)s: enter a whole number.") % {"group": group.label},
                },
            )

    def minimums(self) -> dict[str, int]:
        return {
            g.value: self.cleaned_data[f"min_{g.value.replace('-', '_')}"] for g in RATER_GROUPS
        }


class ContributorForm(Form):
    email = forms.EmailField(
        label=_("Colleague's email address"),
        help_text=_("They must already be a member of your organisation on Peerpath."),
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
