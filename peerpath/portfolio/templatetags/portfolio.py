from decimal import Decimal

from django import template
from django.utils.formats import date_format, number_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext

from peerpath.lib.timeline import url_maker

register = template.Library()


@register.filter
def hours(value) -> str:
    """Hours as people write them: 1.5, 35, 0.25 (never 1.50 or 35.00)."""
    if value is None or value == "":
        return ""
    amount = Decimal(value).normalize()
    places = max(0, -amount.as_tuple().exponent)
    return number_format(amount, decimal_pos=places, use_l10n=True)


@register.simple_tag(takes_context=True)
def evidence_entries(context, entries, limit=None) -> str:
    """The entries evidencing one capability, as a list, the first `limit` of them if
    given (portfolio/capabilities.html and capability.html).

    Written here rather than in the template: one person's page can list a thousand
    entries, and the template engine took most of the page's time over them. The words
    and the URL pattern are worked out once per page, not once per capability.
    """
    if not entries:
        return ""
    if limit is not None:
        entries = entries[:limit]
    if "evidence_entries" not in context.render_context:
        context.render_context["evidence_entries"] = _evidence_words()
    statuses, url = context.render_context["evidence_entries"]
    return format_html(
        '<ul class="govuk-list govuk-body-s govuk-!-margin-bottom-1">{}</ul>',
        format_html_join(
            "",
            '<li><a class="govuk-link" href="{}">{}</a> ({}) – {}</li>',
            (
                (url(item.entry.pk), item.entry.title, _when(item.entry), statuses[item.status])
                for item in entries
            ),
        ),
    )


def _evidence_words():
    statuses = {
        "assessed": gettext("assessed"),
        "with-assessor": gettext("with an assessor"),
        "self-claimed": gettext("self-claimed"),
    }
    return statuses, url_maker("portfolio:entry", "entry_id")


def _when(entry) -> str:
    month = date_format(entry.date, "M Y")
    if not entry.hours:
        return month
    amount = gettext("%(h)s h") % {"h": hours(entry.hours)}
    return f"{month}, {amount}"
