"""Charts for reports, as SVG written here: no plotting library, next to no render time.
Each chart has a <title> (WeasyPrint's text alternative for inline SVG) and a <desc> with
its data in words; the report also prints the same data as a table beside it. Labels are
escaped: they can be names staff typed."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH = 480
BAR = 18
GAP = 8
LABEL_WIDTH = 200
INK = "#2e1f5e"
# Presentation attributes, not CSS: WeasyPrint styles SVG from its own attributes.
# The same fonts as report.css, so labels in any script are drawn, not boxes.
FONTS = (
    "Report Arabic, DejaVu Sans, Liberation Sans, Arial, Report Emoji, Report CJK, "
    "Report Devanagari, Report Bengali, Report Gurmukhi, Report Gujarati, Report Tamil, "
    "Report Sinhala, Report Thai, Report Ethiopic, sans-serif"
)
TEXT = f'font-size="11" font-family="{FONTS}" fill="#0b0c0c"'


def bar_chart(title: str, rows: list[tuple[str, int | str]]) -> SafeString:
    """Horizontal bars, one per (label, value). A hidden value ("*") gets no bar."""
    numbers = [v for _label, v in rows if isinstance(v, int)]
    top = max(numbers, default=0) or 1
    height = max(len(rows), 1) * (BAR + GAP) + GAP
    span = WIDTH - LABEL_WIDTH - 40
    words = "; ".join(f"{label}: {value}" for label, value in rows)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" class="chart">',
        f"<title>{escape(title)}</title><desc>{escape(words)}</desc>",
    ]
    for index, (label, value) in enumerate(rows):
        y = GAP + index * (BAR + GAP)
        length = round(span * value / top) if isinstance(value, int) else 0
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + BAR - 5}" text-anchor="end" '
            f"{TEXT}>{escape(_short(label))}</text>"
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{BAR}" fill="{INK}"/>'
            f'<text x="{LABEL_WIDTH + length + 6}" y="{y + BAR - 5}" {TEXT}>'
            f"{escape(value)}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text above is escaped


def _short(label: str, limit: int = 30) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
