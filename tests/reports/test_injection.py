"""What people type cannot make the PDF fetch anything or carry a file: it is escaped, so
the renderer is never even asked; and the fetcher itself serves only static/reports/."""

import http.server
import io
import threading

import pikepdf
import pytest
from django.utils.html import escape

from involvement.models import Organisation
from reports import pdf
from reports.pdf import BASE_URL, AssetsOnlyFetcher, render_report_pdf

from ..factories import (
    ActivityFactory,
    ContributionFactory,
    FeedbackRequestFactory,
    FeedbackResponseFactory,
    SessionFactory,
)
from .conftest import ask, at, pdf_text, services_respond

ATTACK = (
    '<img src="file:///etc/passwd"> <link rel=attachment href="file:///etc/passwd"> '
    "@import url(http://127.0.0.1:9/); <style>@import url(http://127.0.0.1:9/);</style> "
    "<script>alert(1)</script>"
)


def attack(label: str) -> str:
    return f"{label} {ATTACK}"


def no_files_in(pdf_bytes: bytes) -> None:
    document = pikepdf.open(io.BytesIO(pdf_bytes))
    assert "/EmbeddedFiles" not in document.Root.get("/Names", {})
    assert len(document.attachments) == 0
    for page in document.pages:
        for annotation in page.get("/Annots", []):
            assert annotation.get("/Subtype") != "/FileAttachment"


@pytest.fixture
def fetchers(monkeypatch):
    """Every fetcher a render makes, with what it was asked for."""
    made = []

    class Recording(AssetsOnlyFetcher):
        def __init__(self):
            super().__init__()
            self.asked = []
            made.append(self)

        def fetch(self, url, headers=None):
            self.asked.append(url)
            return super().fetch(url, headers)

    monkeypatch.setattr(pdf, "AssetsOnlyFetcher", Recording)
    return made


def test_what_people_typed_is_shown_as_text_and_asks_for_nothing(
    quarter, staff, rendered, fetchers
):
    organisation = quarter.organisation
    Organisation.objects.filter(pk=organisation.pk).update(name=attack("Brightwater"))
    # A draft with a session in the period is listed by its title.
    activity = ActivityFactory(
        organisation=organisation, created_by=staff, title=attack("Panel"), programme="Carers"
    )
    SessionFactory(activity=activity, starts_at=at(2026, 5, 20))
    FeedbackResponseFactory(
        request=FeedbackRequestFactory(activity=activity),
        what_was_good=attack("Quote"),
        may_quote=True,
        submitted_at=at(2026, 5, 21),
    )
    said = ContributionFactory(
        activity=activity, created_by=staff, raised_on=at(2026, 5, 2).date(), text=attack("Said")
    )
    services_respond(said, staff, attack("Did"))
    # Enough raised in the period (the quarter's 2, this and 5 more) for the "you said, we
    # did" table to list what was said: fewer than 8 would be a "*" and no list.
    for _ in range(5):
        ContributionFactory(activity=activity, created_by=staff, raised_on=at(2026, 5, 3).date())
    report = ask(organisation, do_differently=attack("Differently"))

    result, text = rendered(report)

    [fetcher] = fetchers
    assert fetcher.refused == []
    # Only the report's own style sheet and fonts (the fonts once per process).
    assert fetcher.asked[0] == BASE_URL + "report.css"
    assert all(url.startswith(BASE_URL + "fonts/") for url in fetcher.asked[1:])
    no_files_in(result.pdf)
    for label in ("Brightwater", "Panel", "Quote", "Said", "Did", "Differently"):
        assert escape(attack(label)) in result.html, label
    assert "<script" not in result.html
    assert '<img src="file:' not in result.html
    assert "<link rel=attachment" not in result.html
    assert "<style>" not in result.html
    # The reader sees what was typed.
    assert "<script>alert(1)</script>" in " ".join(text.split())


def test_the_report_page_escapes_what_we_will_do_differently(brightwater, staff_client):
    report = ask(brightwater, do_differently=attack("Differently"))
    response = staff_client.get(f"/reports/{report.pk}/")
    assert escape(attack("Differently")).encode() in response.content
    assert b"<script>alert(1)" not in response.content


# The fetcher on its own.


def test_the_fetcher_serves_the_reports_style_sheet():
    fetcher = AssetsOnlyFetcher()
    response = fetcher.fetch(BASE_URL + "report.css")
    assert response.read() == (pdf.ASSETS / "report.css").read_bytes()
    assert response.content_type == "text/css"
    assert fetcher.refused == []


def test_a_relative_url_in_a_report_resolves_to_its_own_files():
    fetcher = AssetsOnlyFetcher()
    html = (
        '<!DOCTYPE html><html lang="en"><head><title>Plain</title>'
        '<link rel="stylesheet" href="report.css"></head><body><p>Plain.</p></body></html>'
    )
    render_report_pdf(html, fetcher=fetcher)
    assert fetcher.refused == []


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "file:///" + str(pdf.ASSETS / "report.css").lstrip("/"),
        "http://127.0.0.1:9/",
        "http://report.invalid/static/reports/report.css",
        "https://example.org/static/reports/report.css",
        "https://report.invalid.example.org/static/reports/report.css",
        "https://report.invalid/static/other/report.css",
        BASE_URL + "../../involvement/settings.py",
        BASE_URL + "%2e%2e/%2e%2e/involvement/settings.py",
        BASE_URL + "..%2f..%2finvolvement%2fsettings.py",
        BASE_URL + "/etc/passwd",
        BASE_URL,
        BASE_URL + "missing.css",
        "ftp://127.0.0.1/report.css",
    ],
)
def test_the_fetcher_refuses_anything_else(url):
    fetcher = AssetsOnlyFetcher()
    with pytest.raises(ValueError, match="Not one of the report's own files"):
        fetcher.fetch(url)
    assert fetcher.refused == [url]


@pytest.fixture
def assets(tmp_path, monkeypatch):
    """static/reports/ stood in for by a folder in tmp, beside a secret outside it."""
    folder = tmp_path / "static" / "reports"
    folder.mkdir(parents=True)
    (folder / "report.css").write_text("p { color: black }")
    secret = tmp_path / "secret.txt"
    secret.write_text("the database password")
    (folder / "innocent.css").symlink_to(secret)
    (folder / "fonts").symlink_to(tmp_path)
    (folder / "alias.css").symlink_to(folder / "report.css")
    monkeypatch.setattr(pdf, "ASSETS", folder)
    return folder


def test_a_symlink_out_of_the_assets_folder_is_refused(assets):
    fetcher = AssetsOnlyFetcher()
    assert fetcher.fetch(BASE_URL + "report.css").read() == b"p { color: black }"
    assert fetcher.fetch(BASE_URL + "alias.css").read() == b"p { color: black }"
    for name in ("innocent.css", "fonts/secret.txt"):
        with pytest.raises(ValueError):
            fetcher.fetch(BASE_URL + name)
    assert fetcher.refused == [BASE_URL + "innocent.css", BASE_URL + "fonts/secret.txt"]


@pytest.fixture
def redirecting_server():
    """A server on 127.0.0.1 that redirects everything to the report's own style sheet and
    counts what it is asked."""
    hits = []

    class Redirect(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(302)
            self.send_header("Location", BASE_URL + "report.css")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Redirect)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", hits
    server.shutdown()
    server.server_close()


def test_a_redirect_is_never_followed_nor_even_asked_for(redirecting_server):
    url, hits = redirecting_server
    fetcher = AssetsOnlyFetcher()
    html = (
        f'<!DOCTYPE html><html lang="en"><head><title>Redirect</title>'
        f'<link rel="stylesheet" href="{url}style.css"></head>'
        f'<body><img src="{url}logo.png" alt=""></body></html>'
    )
    render_report_pdf(html, fetcher=fetcher)
    assert fetcher.refused == [f"{url}style.css", f"{url}logo.png"]
    assert hits == []


def test_raw_html_asking_for_files_gets_none_and_carries_no_attachment():
    """Were unescaped HTML ever to reach the renderer, the fetcher and the attachment strip
    still hold: even an attachment of the report's own style sheet is dropped."""
    fetcher = AssetsOnlyFetcher()
    html = (
        '<!DOCTYPE html><html lang="en"><head><title>Raw</title>'
        '<link rel="attachment" href="report.css">'
        '<link rel="attachment" href="file:///etc/passwd">'
        "<style>@import url(http://127.0.0.1:9/);</style></head><body>"
        '<p><a rel="attachment" href="report.css">a file</a>'
        '<img src="file:///etc/passwd" alt=""></p></body></html>'
    )
    made, pages = render_report_pdf(html, fetcher=fetcher)
    assert pages == 1
    # The attachments are dropped before they are written, so never even fetched.
    assert sorted(fetcher.refused) == ["file:///etc/passwd", "http://127.0.0.1:9/"]
    no_files_in(made)
    assert "a file" in pdf_text(made)


def test_a_url_with_a_nul_byte_is_refused_and_kept():
    fetcher = AssetsOnlyFetcher()
    with pytest.raises(ValueError):
        fetcher.fetch(BASE_URL + "report.css%00.png")
    assert fetcher.refused == [BASE_URL + "report.css%00.png"]
