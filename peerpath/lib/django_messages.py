"""Django's own messages that people see, whose Welsh we supply.

Django's Welsh catalogue lacks these or gets them wrong, and ours comes first in
LOCALE_PATHS, so its entries win. Listing them here makes `makemessages` keep them in our
catalogue. Nothing imports this module; the msgids must stay exactly Django's, which
tests/test_welsh.py checks against Django's English catalogues.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

MESSAGES = [
    # The empty choice of a dropdown (django.db.models.fields.BLANK_CHOICE_LABEL).
    gettext_noop("- Select an option -"),
    # Number limits: Django's Welsh says "greater or less than" for "less than or equal to".
    gettext_noop("Ensure this value is less than or equal to %(limit_value)s."),
    gettext_noop("Ensure this value is greater than or equal to %(limit_value)s."),
    # Password rules (AUTH_PASSWORD_VALIDATORS) and the password forms.
    gettext_noop("The password is too similar to the %(verbose_name)s."),
    gettext_noop("Your password can’t be too similar to your other personal information."),
    gettext_noop("This password is too common."),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("This password is entirely numeric."),
    gettext_noop("Your password can’t be entirely numeric."),
    gettext_noop("The two password fields didn’t match."),
    gettext_noop("Enter the same password as before, for verification."),
]

PLURAL_MESSAGES = [
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
    ),
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
    ),
]
