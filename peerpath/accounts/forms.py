from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from peerpath.drafts.widgets import AutosaveTextarea
from peerpath.lib.forms import Form, GovukFormMixin, ModelForm

from . import throttle
from .models import Membership, Profile, User


class SignInForm(GovukFormMixin, auth_forms.AuthenticationForm):
    username = forms.EmailField(
        label=_("Email address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _(
            "Enter a correct email address and password. Both are case-sensitive "
            "apart from the email address."
        ),
        "inactive": _("This account has been closed."),
        "throttled": _(
            "There have been too many attempts to sign in. Wait 15 minutes and try again, "
            "or reset your password."
        ),
    }

    def clean(self):
        email = self.cleaned_data.get("username") or ""
        address = throttle.client_address(self.request) if self.request else ""
        if throttle.is_locked(email, address):
            raise forms.ValidationError(self.error_messages["throttled"], code="throttled")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            throttle.record_failure(email, address)
            raise
        throttle.record_success(email)
        return cleaned


class PasswordResetForm(GovukFormMixin, auth_forms.PasswordResetForm):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )


class SetPasswordForm(GovukFormMixin, auth_forms.SetPasswordForm):
    pass


class PasswordChangeForm(GovukFormMixin, auth_forms.PasswordChangeForm):
    pass


class NameForm(ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "language"]
        widgets = {"full_name": forms.TextInput(attrs={"autocomplete": "name"})}


BIO_DRAFT_KEY = "profile.bio"


class ProfileForm(ModelForm):
    expertise_text = forms.CharField(
        label=_("Areas of expertise"),
        required=False,
        max_length=1000,
        help_text=_("Separate them with commas, e.g. budgeting, capital projects, restructures."),
    )

    class Meta:
        model = Profile
        fields = ["job_title", "role_level", "sector", "region", "bio"]
        widgets = {
            "role_level": forms.RadioSelect,
            "bio": AutosaveTextarea(key=BIO_DRAFT_KEY, attrs={"rows": 5}),
            "job_title": forms.TextInput(attrs={"autocomplete": "organization-title"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bio"].widget.saved_at = self.instance.updated_at
        self.fields["role_level"].choices = [
            c for c in self.fields["role_level"].choices if c[0] != ""
        ]
        if self.instance.pk and not self.is_bound:
            self.initial["expertise_text"] = ", ".join(
                area.name for area in self.instance.expertise.all()
            )

    def expertise_names(self) -> list[str]:
        return [n.strip() for n in self.cleaned_data["expertise_text"].split(",") if n.strip()]


class InvitationForm(Form):
    email = forms.EmailField(
        label=_("Email address"),
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    full_name = forms.CharField(label=_("Full name (optional)"), required=False, max_length=150)
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Membership.Role.choices,
        initial=Membership.Role.PARTICIPANT,
        widget=forms.RadioSelect,
    )


class AcceptInvitationForm(Form):
    """For someone new: their name and a password. The email comes from the invitation."""

    full_name = forms.CharField(
        label=_("Full name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    password1 = forms.CharField(
        label=_("Create a password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters. A few unrelated words are easy to remember."),
    )
    password2 = forms.CharField(
        label=_("Type the password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs):
        self.email = email
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords do not match."))
        elif first:
            candidate = User(email=self.email, full_name=cleaned.get("full_name", ""))
            try:
                password_validation.validate_password(first, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class ApiTokenForm(Form):
    name = forms.CharField(
        label=_("What is this token for?"),
        max_length=80,
        help_text=_("For example: monthly report script."),
    )


class CodeForm(Form):
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=10,
        help_text=_("The 6-digit code the app shows now."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "spellcheck": "false",
                "class": "govuk-input--width-10",
            }
        ),
    )
