import contextlib
import functools

from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, reverse
from django.utils.translation import gettext as _

LANGUAGE_NATIVE_NAMES = {"en-gb": "English", "cy": "Cymraeg"}

# The main sections a signed-in person sees, in order: (label, URL name of its index).
APP_SECTIONS = [
    (lambda: _("Portfolio"), "portfolio:home"),
    (lambda: _("Self-evaluation"), "assessments:home"),
    (lambda: _("Programmes"), "programmes:list"),
    (lambda: _("Mentoring"), "mentoring:home"),
    (lambda: _("Badges"), "badges:home"),
]


@functools.cache
def _section_urls(script_prefix: str) -> dict[str, str]:
    """Every navigation URL, reversed once per process (and script prefix): the
    navigation is on every page. A section whose URLs are missing is left out."""
    urls = {}
    names = ["home", "frameworks:list", "accounts:profile", "accounts:login", "admin:index"]
    for url_name in [*names, *(url_name for _label, url_name in APP_SECTIONS)]:
        with contextlib.suppress(NoReverseMatch):
            urls[url_name] = reverse(url_name)
    return urls


def navigation(request):
    """The service navigation, the language links and the site name for base.html."""
    urls = _section_urls(get_script_prefix())
    home = urls["home"]
    items = [(_("Home"), home)]
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        for label, url_name in APP_SECTIONS:
            if url_name in urls:
                items.append((label(), urls[url_name]))
        items.append((_("Frameworks"), urls["frameworks:list"]))
        items.append((_("Your profile"), urls["accounts:profile"]))
        for organisation in user.administered_for_pages[:3]:
            items.append((organisation.name, organisation.get_absolute_url()))
        if user.is_staff:
            items.append((_("Site admin"), urls["admin:index"]))
    else:
        items.append((_("Frameworks"), urls["frameworks:list"]))
        items.append((_("Sign in"), urls["accounts:login"]))
    path = request.path
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
