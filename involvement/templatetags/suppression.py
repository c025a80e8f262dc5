from django import template

from involvement.suppression import suppress

register = template.Library()


@register.filter(name="suppress")
def suppress_filter(count, organisation):
    """`{{ n|suppress:organisation }}`: a small count shown as *."""
    return suppress(count, organisation.suppression_threshold)
