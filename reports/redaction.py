"""Whose words a report prints, marked in its own markup, and how they are taken out.

In the report template each passage of a person's own words sits alone in one element whose
first attribute is `data-words`, naming where the words came from: `feedback:<id>` for a
quote (several ids when people wrote the very same words) and `contribution:<id>` for a
"you said". The text inside is escaped by Django, so it holds no `<` and no `"`: the pattern
below finds exactly those elements, and nobody's words can pass for a marker. A short quote
such as "Good" is found by its marker, never by searching for the text.
"""

import re

from django.utils.html import escape

WORDS = re.compile(
    r'<(?P<tag>p|td) data-words="(?P<sources>[^"]*)"(?P<attributes>[^>]*)>[^<]*</(?P=tag)>'
)


def feedback_source(pk: int) -> str:
    return f"feedback:{pk}"


def contribution_source(pk: int) -> str:
    return f"contribution:{pk}"


def sources_in(html: str) -> set[str]:
    """Every source whose words `html` prints."""
    return {source for match in WORDS.finditer(html) for source in match["sources"].split()}


def redact(html: str, *, sources: set[str], note: str) -> tuple[str, int]:
    """`html` with each passage from any of `sources` replaced by `note`, and how many were.
    Words two people both wrote go when either is erased: they are the erased person's too."""
    removed = 0

    def replace(match: re.Match) -> str:
        nonlocal removed
        if sources.isdisjoint(match["sources"].split()):
            return match[0]
        removed += 1
        return f'<{match["tag"]} class="removed">{escape(note)}</{match["tag"]}>'

    return WORDS.sub(replace, html), removed
