from django import template

from ..models import ActivityMeasure

register = template.Library()


@register.simple_tag
def measures_agreed(activity):
    """The outcome measures that are part of an activity's agreement, for pages of the
    activities app (which cannot import this one)."""
    return list(ActivityMeasure.objects.filter(activity=activity).select_related("measure"))


@register.filter
def index(sequence, position):
    """sequence[position], or None past its end."""
    try:
        return sequence[position]
    except (IndexError, TypeError):
        return None


@register.filter
def get(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def mul(value, factor):
    return int(value) * int(factor)


@register.filter
def sub(value, amount):
    return int(value) - int(amount)
