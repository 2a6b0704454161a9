"""Small template helpers for ratings and report figures."""

from django import template

from ..charts import _number

register = template.Library()


@register.filter
def rating(value) -> str:
    """A rating or an average as people read it: "3", "2.7"; a dash when there is none."""
    if value is None or value == "":
        return "–"
    return _number(float(value))


@register.filter
def signed(value) -> str:
    """A change with its sign: "+1", "−0.5", "0"."""
    if value is None:
        return "–"
    text = _number(abs(float(value)))
    if value > 0:
        return f"+{text}"
    if value < 0:
        return f"−{text}"
    return text


@register.filter
def figure_for(statement_or_capability, group: str):
    """The figure a report row holds for a rater group (None if nobody in it answered)."""
    if hasattr(statement_or_capability, "figures"):
        return statement_or_capability.figures.by_group.get(group)
    return statement_or_capability.by_group.get(group)


@register.filter
def at(sequence, index):
    try:
        return sequence[index]
    except (IndexError, KeyError, TypeError):
        return None
