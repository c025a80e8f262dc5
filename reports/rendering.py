"""A report's HTML, the same template for the browser preview and the PDF."""

import re
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import escape

from .models import Report
from .pdf import render_report_pdf
from .selectors import report_content

TEMPLATE = "reports/document.html"
# The preview's own bar: our markup only, nothing anyone typed.
PREVIEW_BAR = re.compile(r'<nav class="preview-bar"[^>]*>.*?</nav>', re.DOTALL)


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


def pdf_html_of(page: str) -> str:
    """The PDF's HTML from the stored web page, which differs only in the preview's bar and
    where the style sheet is (a test holds this true), so a changed page gives its PDF."""
    assets = f'href="{settings.STATIC_URL}reports/'
    return PREVIEW_BAR.sub("", page, count=1).replace(assets, 'href="', 1)


def pdf_of_page(page: str) -> tuple[bytes, int]:
    """The PDF of a stored web page, and its number of pages."""
    return render_report_pdf(pdf_html_of(page))


def page_with_notice(page: str, notice: str) -> str:
    """The stored page with `notice` (plain text, escaped here) in its own preview bar."""
    return page.replace("</nav>", f"<p>{escape(notice)}</p></nav>", 1)
