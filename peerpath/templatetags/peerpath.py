from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language

from peerpath.lib.forms import widget_kind as _widget_kind

register = template.Library()


@register.filter
def widget_kind(bound_field) -> str:
    return _widget_kind(bound_field.field.widget)


@register.filter
def html_lang(code: str) -> str:
    """Django's language code as an HTML lang attribute: en-gb → en-GB."""
    lang, _, region = code.partition("-")
    return f"{lang}-{region.upper()}" if region else lang


@register.filter
def lang_attr(code: str):
    """` lang="en"` for an element holding text in `code` when the page is in another
    language, so screen readers read it in its own (WCAG 3.1.2); nothing otherwise.

        <h1 class="govuk-heading-l"{{ framework.language|lang_attr }}>{{ domain.name }}</h1>
    """
    page = get_language() or settings.LANGUAGE_CODE
    if not code or code.partition("-")[0].lower() == page.partition("-")[0].lower():
        return ""
    return format_html(' lang="{}"', html_lang(code))


@register.filter
def in_lang(text: str, lang: str):
    """Text in a span carrying `lang` (what lang_attr made), for text inside a sentence of
    the page's language: `{% blocktranslate with name=domain.name|in_lang:lang %}`."""
    if not lang:
        return text
    return format_html("<span{}>{}</span>", lang, text)


@register.filter
def markdown(text: str):
    """Render Markdown safely (see peerpath.lib.markdown)."""
    from django.utils.safestring import mark_safe

    from peerpath.lib.markdown import render_markdown

    return mark_safe(render_markdown(text))
