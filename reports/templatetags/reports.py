"""Filters for the report template: how a figure reads, and charts."""

from django import template
from django.utils.translation import gettext as _

from involvement.suppression import SUPPRESSED

from ..charts import bar_chart

register = template.Library()


@register.filter
def shown(value) -> str:
    """A figure as printed: "–" for none, "*" for too few to show (the method note says so)."""
    if value is None or value == "":
        return "–"
    if value == SUPPRESSED:
        return SUPPRESSED
    return str(value)


@register.filter
def with_unit(value, unit: str) -> str:
    """`shown`, with the unit after a number that is shown ("47%", but "*" and "–")."""
    text = shown(value)
    return f"{text}{unit}" if isinstance(value, int | float) else text


@register.simple_tag
def chart(title: str, rows):
    """A bar chart of (label, value) rows; the template prints the same rows as a table."""
    return bar_chart(str(title), [(str(label), value) for label, value in rows])


@register.filter
def percent(value) -> str:
    if value is None:
        return "–"
    if value == SUPPRESSED:
        return SUPPRESSED
    return _("%(n)s%%") % {"n": value}
