"""The addresses of the personal links quality sends (by email, in a letter, in a QR code).

The pages behind them belong to the participant app, above this one, which serves exactly
these paths (tests/participant/test_links.py checks they agree). Quality writes the address
from the path it knows rather than reversing a URL name of an app above it.
"""

from django.conf import settings
from django.urls import get_script_prefix

FEEDBACK_START = "feedback/start/{token}/"
REPLY_START = "reply/start/{token}/"


def feedback_link_path(token: str) -> str:
    return get_script_prefix() + FEEDBACK_START.format(token=token)


def reply_link_path(token: str) -> str:
    return get_script_prefix() + REPLY_START.format(token=token)


def feedback_link_url(token: str) -> str:
    """The whole link, for an email or a letter."""
    return settings.SITE_URL + feedback_link_path(token)


def reply_link_url(token: str) -> str:
    return settings.SITE_URL + reply_link_path(token)
