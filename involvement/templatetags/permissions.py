from django import template

from involvement import permissions

register = template.Library()


@register.filter
def can(request, action: str) -> bool:
    """`{% if request|can:"activities.change" %}`: templates ask the one permissions module."""
    return permissions.can(request, action)
