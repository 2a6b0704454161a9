"""Django's own messages that people see, whose Welsh we supply.

Django's Welsh catalogue lacks these or gets them wrong, and ours comes first in
LOCALE_PATHS, so its entries win. Listing them here makes `makemessages` keep them in our
catalogue. Nothing imports this module; the msgids must stay exactly Django's, which
tests/test_welsh.py checks against Django's English catalogues.
"""

from django.utils.translation import gettext_noop

MESSAGES = [
    # The empty choice of a dropdown (django.db.models.fields.BLANK_CHOICE_LABEL).
    gettext_noop("- Select an option -"),
]
