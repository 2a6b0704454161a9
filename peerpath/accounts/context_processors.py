import contextlib

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from .models import Membership

LANGUAGE_NATIVE_NAMES = {"en-gb": "English", "cy": "Cymraeg"}

# The main sections a signed-in person sees, in order: (label, URL name of its index).
APP_SECTIONS = [
    (lambda: _("Portfolio"), "portfolio:home"),
    (lambda: _("Self-evaluation"), "assessments:home"),
    (lambda: _("Programmes"), "programmes:list"),
    (lambda: _("Mentoring"), "mentoring:home"),
    (lambda: _("Badges"), "badges:home"),
]


def navigation(request):
    """The service navigation, the language links and the site name for base.html."""
    items = [(_("Home"), reverse("home"))]
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        for label, url_name in APP_SECTIONS:
            # A section whose URLs are missing is simply not offered.
            with contextlib.suppress(NoReverseMatch):
                items.append((label(), reverse(url_name)))
        items.append((_("Frameworks"), reverse("frameworks:list")))
        items.append((_("Your profile"), reverse("accounts:profile")))
        admin_orgs = user.memberships.filter(role=Membership.Role.ORG_ADMIN).select_related(
            "organisation"
        )
        for membership in admin_orgs[:3]:
            items.append((membership.organisation.name, membership.organisation.get_absolute_url()))
        if user.is_staff:
            items.append((_("Site admin"), reverse("admin:index")))
    else:
        items.append((_("Frameworks"), reverse("frameworks:list")))
        items.append((_("Sign in"), reverse("accounts:login")))
    path = request.path
    home = reverse("home")
    navigation_items = [
        {
            "text": text,
            "href": href,
            "current": path == href or (href != home and path.startswith(href)),
        }
        for text, href in items
    ]
    return {
        "navigation": navigation_items,
        "language_links": [
            (code, name, LANGUAGE_NATIVE_NAMES.get(code, name)) for code, name in settings.LANGUAGES
        ],
        "site_name": settings.SITE_NAME,
    }
