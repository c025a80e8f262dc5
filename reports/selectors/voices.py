"""Voices of the people involved: short quotes from feedback, only from people who said
their words may be quoted, never with a name."""

import hashlib

from quality.models import FeedbackResponse

QUOTES_SHOWN = 6
# Longer comments are left out rather than cut, so no one's words are changed.
MAX_QUOTE_CHARS = 300
FIELDS = ["what_was_good", "anything_else", "do_differently"]


def voices(activity_ids: list[int], window) -> list[str]:
    answers = FeedbackResponse.objects.filter(
        activity_id__in=activity_ids,
        status=FeedbackResponse.Status.SUBMITTED,
        submitted_at__date__range=window,
        may_quote=True,
    ).values_list(*FIELDS)
    quotes = {
        text.strip()
        for row in answers
        for text in row
        if text.strip() and len(text.strip()) <= MAX_QUOTE_CHARS
    }
    # An order that says nothing about who wrote them or when, and is the same every time.
    ordered = sorted(quotes, key=lambda text: hashlib.sha256(text.encode()).hexdigest())
    return ordered[:QUOTES_SHOWN]
