from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from peerpath.lib.forms import Form

FORMAT_CHOICES = [
    ("", _("Work it out from the file")),
    ("json", _("Peerpath JSON")),
    ("csv", _("Peerpath CSV (spreadsheet)")),
    ("moodle", _("Moodle competency framework CSV")),
    ("case", _("1EdTech CASE 1.0 JSON")),
]


class FrameworkUploadForm(Form):
    file = forms.FileField(
        label=_("Framework file"),
        help_text=_("A .json or .csv file of at most %(mb)s MB. See the guide for the columns.")
        % {"mb": settings.FRAMEWORK_UPLOAD_MAX_BYTES // 1_048_576},
    )
    file_format = forms.ChoiceField(label=_("Format"), choices=FORMAT_CHOICES, required=False)
    name = forms.CharField(
        label=_("Name (optional)"),
        required=False,
        max_length=200,
        help_text=_("Only needed if the file does not say."),
    )
    slug = forms.CharField(
        label=_("Short name for web addresses (optional)"),
        required=False,
        max_length=80,
        help_text=_("Lower-case letters, digits and hyphens, e.g. nos-leadership."),
    )
    version = forms.CharField(
        label=_("Version (optional)"),
        required=False,
        max_length=20,
        help_text=_("For example 1.0. Moodle files carry no version; we use 1 if left empty."),
    )
    rating_scale = forms.CharField(
        label=_("Rating scale (optional)"),
        required=False,
        max_length=500,
        help_text=_(
            "For spreadsheets without one: a name, then levels from lowest to highest, "
            "e.g. Confidence = Less confident | Confident | Very confident"
        ),
    )

    def overrides(self) -> dict[str, str]:
        return {
            key: self.cleaned_data[key]
            for key in ("name", "slug", "version", "rating_scale")
            if self.cleaned_data.get(key)
        }
