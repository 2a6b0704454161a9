from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def hours(value) -> str:
    """Hours as people write them: 1.5, 35, 0.25 (never 1.50 or 35.00)."""
    if value is None or value == "":
        return ""
    amount = Decimal(value).normalize()
    places = max(0, -amount.as_tuple().exponent)
    return number_format(amount, decimal_pos=places, use_l10n=True)
