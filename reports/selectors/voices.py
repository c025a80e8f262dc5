"""Voices of the people involved: short quotes from feedback, only from people who said
their words may be quoted, never with a name."""

import hashlib
from dataclasses import dataclass

from quality.models import FeedbackResponse

from ..redaction import feedback_source

QUOTES_SHOWN = 6
# Longer comments are left out rather than cut, so no one's words are changed.
MAX_QUOTE_CHARS = 300
FIELDS = ["what_was_good", "anything_else", "do_differently"]


@dataclass(frozen=True)
class Quote:
    text: str
    # Which answers said it (reports.redaction), so erasing its author finds it.
    sources: str


def voices(activity_ids: list[int], window) -> list[Quote]:
    answers = (
        FeedbackResponse.objects.submitted()
        .filter(
            activity_id__in=activity_ids,
            submitted_at__date__range=window,
            may_quote=True,
        )
        .values_list("pk", *FIELDS)
    )
    quotes: dict[str, set[str]] = {}
    for pk, *texts in answers:
        for text in texts:
            if text.strip() and len(text.strip()) <= MAX_QUOTE_CHARS:
                quotes.setdefault(text.strip(), set()).add(feedback_source(pk))
    # An order that says nothing about who wrote them or when, and is the same every time.
    ordered = sorted(quotes, key=lambda text: hashlib.sha256(text.encode()).hexdigest())
    return [Quote(text, " ".join(sorted(quotes[text]))) for text in ordered[:QUOTES_SHOWN]]
