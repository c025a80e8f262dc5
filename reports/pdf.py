"""The one place a PDF is made. WeasyPrint renders through a URL fetcher that serves only the
report's own static files (fonts, style sheet) from `static/reports/`: no `file:`, no
`http(s)`, no redirects, nothing outside that folder (symlinks included), and no
attachments. Whatever a report's HTML asks for beyond that is refused and counted, so tests
can prove nothing was fetched.

WeasyPrint is imported with this module; the worker imports it when it starts (see
`reports.tasks`), so no report pays the import.
"""

import atexit
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

# Relative URLs in a report resolve against this made-up origin, which the fetcher maps to
# ASSETS; nothing is ever fetched from the network.
BASE_URL = "https://report.invalid/static/reports/"
ASSETS = Path(settings.BASE_DIR) / "static" / "reports"


class AssetsOnlyFetcher(URLFetcher):
    """Serves files under ASSETS for URLs under BASE_URL, and `data:` images; refuses the
    rest. `refused` keeps what was asked for and not served."""

    def __init__(self):
        super().__init__(allowed_protocols=("data",), allow_redirects=False, timeout=1)
        self.refused: list[str] = []
        self.root = ASSETS.resolve()

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        path = self._asset(url)
        if path is None:
            self.refused.append(url)
            raise ValueError(f"Not one of the report's own files: {url[:200]}")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})

    def _asset(self, url: str) -> Path | None:
        if not url.startswith(BASE_URL):
            return None
        parts = urlsplit(url)
        relative = unquote(parts.path).removeprefix(urlsplit(BASE_URL).path)
        try:
            path = (self.root / relative).resolve()
            if not path.is_relative_to(self.root) or not path.is_file():
                return None
        except (OSError, ValueError):  # a NUL byte, a name too long
            return None
        return path


_fonts: FontConfiguration | None = None


def _font_config() -> FontConfiguration:
    """One font configuration per process: WeasyPrint copies the report's fonts (16 MB, see
    static/reports/fonts/README.md) into a temporary folder once, not for every PDF."""
    global _fonts
    if _fonts is None:
        _fonts = FontConfiguration()
        atexit.register(release_fonts)
    return _fonts


def release_fonts(**_signal) -> None:
    """Remove the fonts' temporary folder (at exit, and when a worker process stops)."""
    global _fonts
    if _fonts is not None:
        _fonts.__del__()
        _fonts = None


def render_report_pdf(html: str, *, fetcher: AssetsOnlyFetcher | None = None) -> tuple[bytes, int]:
    """A tagged PDF (PDF/UA-1: title, language, structure, table headers) of `html`, which
    must be a whole document with `<html lang>` and `<title>`, and its number of pages."""
    fetcher = fetcher or AssetsOnlyFetcher()
    html_document = HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher)
    document = html_document.render(font_config=_font_config())
    # A report never carries files: drop any `<link rel=attachment>` or
    # `<a rel=attachment>` could have added.
    document.metadata.attachments = []
    for page in document.pages:
        page.links = [link for link in page.links if link[0] != "attachment"]
    return document.write_pdf(pdf_variant="pdf/ua-1"), len(document.pages)
