"""A report's HTML, the same template for the browser preview and the PDF."""

from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from .models import Report
from .pdf import render_report_pdf
from .selectors import report_content

TEMPLATE = "reports/document.html"


def report_html(content: dict, *, preview: bool) -> str:
    """The report as a whole HTML document. In the PDF its style sheet and fonts resolve
    against the fetcher's base (reports.pdf); in the preview, against the static files."""
    assets = settings.STATIC_URL + "reports/" if preview else ""
    return render_to_string(TEMPLATE, {**content, "preview": preview, "assets": assets})


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    pages: int
    html: str


def render(report: Report) -> Rendered:
    """The PDF, its page count and the web page, from one reading of the data. Jobs run in
    the site's language (a Welsh translation will follow, with a language per
    organisation)."""
    with translation.override(settings.LANGUAGE_CODE):
        content = report_content(report)
        pdf, pages = render_report_pdf(report_html(content, preview=False))
        return Rendered(pdf, pages, report_html(content, preview=True))
