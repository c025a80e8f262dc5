from django import template

register = template.Library()


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
