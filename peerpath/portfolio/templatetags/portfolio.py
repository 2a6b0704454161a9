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


@register.simple_tag
def evidence_entries(entries) -> str:
    """The entries evidencing one capability, as a list (portfolio/capabilities.html).

    Written here rather than in the template: one person's page can list a thousand
    entries, and the template engine took most of the page's time over them.
    """
    if not entries:
        return ""
    statuses = {"assessed": gettext("assessed"), "with-assessor": gettext("with an assessor")}
    self_claimed = gettext("self-claimed")
    url = url_maker("portfolio:entry", "entry_id")

    def when(entry) -> str:
        month = date_format(entry.date, "M Y")
        if not entry.hours:
            return month
        amount = gettext("%(h)s h") % {"h": hours(entry.hours)}
        return f"{month}, {amount}"

    return format_html(
        '<ul class="govuk-list govuk-body-s govuk-!-margin-bottom-1">{}</ul>',
        format_html_join(
            "",
            '<li><a class="govuk-link" href="{}">{}</a> ({}) – {}</li>',
            (
                (
                    url(item.entry.pk),
                    item.entry.title,
                    when(item.entry),
                    statuses.get(item.status, self_claimed),
                )
                for item in entries
            ),
        ),
    )
