from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from peerpath.lib.forms import Form

MAX_UPLOAD_BYTES = 2 * 1024 * 1024


class VerifyForm(Form):
    credential = forms.CharField(
        label=_("Paste the badge"),
        help_text=_("The text of a badge file: a JWT (it starts with ey) or JSON."),
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false"}),
        required=False,
        max_length=settings.DATA_UPLOAD_MAX_MEMORY_SIZE,
    )
    file = forms.FileField(
        label=_("Or upload a badge file"),
        help_text=_("A badge image (PNG or SVG) or a .json, .jwt or .jws file, up to 2 MB."),
        required=False,
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file must be smaller than 2 MB."))
        return upload

    def clean(self):
        cleaned = super().clean()
        if (
            not self.errors
            and not cleaned.get("credential", "").strip()
            and not cleaned.get("file")
        ):
            self.add_error("credential", _("Paste a badge or choose a badge file to check."))
        return cleaned

    def submitted(self) -> bytes | str:
        upload = self.cleaned_data.get("file")
        return upload.read() if upload else self.cleaned_data["credential"]


class RevokeForm(Form):
    reason = forms.CharField(
        label=_("Why are you revoking this badge?"),
        help_text=_(
            "The earner and anyone who checks the badge will see this. For example: "
            "awarded by mistake, or the evidence was not the earner's own work."
        ),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Enter why you are revoking this badge.")},
    )
