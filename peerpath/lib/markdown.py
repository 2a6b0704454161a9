"""Markdown for reflections and descriptions, rendered to HTML that cannot run script.

markdown-it turns text into HTML with raw HTML switched off; nh3 then keeps only a short
list of tags and attributes, so even a bug in rendering cannot produce stored XSS.
"""

import nh3
from markdown_it import MarkdownIt

_renderer = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_renderer.enable(["table", "strikethrough"])

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "del", "a", "ul", "ol", "li", "blockquote", "code", "pre",
    "h2", "h3", "h4", "table", "thead", "tbody", "tr", "th", "td", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
GOVUK_CLASSES = {
    "<p>": '<p class="govuk-body">',
    "<ul>": '<ul class="govuk-list govuk-list--bullet">',
    "<ol>": '<ol class="govuk-list govuk-list--number">',
    "<a ": '<a class="govuk-link" ',
    "<h2>": '<h2 class="govuk-heading-m">',
    "<h3>": '<h3 class="govuk-heading-s">',
}


def render_markdown(text: str) -> str:
    """Safe HTML (a str; mark it safe in templates via the `markdown` filter)."""
    html = _renderer.render(text or "")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    for plain, styled in GOVUK_CLASSES.items():
        clean = clean.replace(plain, styled)
    return clean


def word_count(text: str) -> int:
    """Words as a person counts them: runs of letters/digits, apostrophes kept inside."""
    return len([word for word in (text or "").split() if any(ch.isalnum() for ch in word)])
