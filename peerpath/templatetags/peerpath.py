from django import template

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
def markdown(text: str):
    """Render Markdown safely (see peerpath.lib.markdown)."""
    from django.utils.safestring import mark_safe

    from peerpath.lib.markdown import render_markdown

    return mark_safe(render_markdown(text))
