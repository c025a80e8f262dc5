"""Browser tests: Playwright's sync API driving Debian's Chromium against pytest-django's
live server. Self-sufficient: people come from `ensure_demo_people()`, data from the services.

Without /usr/bin/chromium every browser test is skipped, loudly; with REQUIRE_BROWSER=1 (CI)
they fail instead.
"""

import os
import warnings
from pathlib import Path

import pytest

from activities.models import Approach, InfluenceLevel
from demo.people import ensure_demo_people

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INSTALL_HINT = "install Debian chromium: apt-get install -y chromium"
HERE = Path(__file__).parent


def browser_required() -> bool:
    return os.environ.get("REQUIRE_BROWSER") == "1"


def pytest_collection_modifyitems(config, items):
    """Skip (or, with REQUIRE_BROWSER=1, keep so they fail) when Chromium is missing."""
    if CHROMIUM.exists() or browser_required():
        return
    ours = [item for item in items if HERE in Path(str(item.path)).parents]
    if not ours:
        return
    reason = f"{CHROMIUM} not found: {INSTALL_HINT} (set REQUIRE_BROWSER=1 to fail instead)"
    warnings.warn(
        pytest.PytestWarning(f"{len(ours)} browser tests SKIPPED. {reason}"), stacklevel=1
    )
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(f"!!! {len(ours)} browser tests SKIPPED: {reason}", red=True, bold=True)
    for item in ours:
        item.add_marker(pytest.mark.skip(reason=reason))


# Chromium reports each thing the Content-Security-Policy refused: to the page as an event
# (heard here through a binding) and to the console as "Refused to ...".
WATCH_CSP = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolation(`${event.violatedDirective} refused ${event.blockedURI}`
    + ` at ${event.sourceFile}:${event.lineNumber} ${event.sample}`);
});
"""
CSP_VIOLATIONS: list[str] = []


class WatchedBrowser:
    """The browser, whose every new context records Content-Security-Policy violations into
    CSP_VIOLATIONS; each test fails on any (`_no_csp_violations`)."""

    def __init__(self, browser):
        self._browser = browser

    def __getattr__(self, name):
        return getattr(self._browser, name)

    def new_context(self, **options):
        context = self._browser.new_context(**options)
        context.expose_binding("__cspViolation", lambda _source, text: CSP_VIOLATIONS.append(text))
        context.add_init_script(WATCH_CSP)
        context.on("console", self._console)
        return context

    @staticmethod
    def _console(message):
        if "Content Security Policy" in message.text:
            CSP_VIOLATIONS.append(message.text)


@pytest.fixture(autouse=True)
def _no_csp_violations():
    """Every browser test runs under the site's Content-Security-Policy and fails on anything
    it refused: an inline script or style without the nonce, a resource from elsewhere."""
    CSP_VIOLATIONS.clear()
    yield
    assert not CSP_VIOLATIONS, "Content-Security-Policy violations:\n" + "\n".join(CSP_VIOLATIONS)


@pytest.fixture(scope="package")
def browser():
    """One Chromium for all the browser tests, closed when they are done.

    The sync Playwright API keeps an event loop running in this thread, so Django refuses
    database access here unless DJANGO_ALLOW_ASYNC_UNSAFE is set. It is set only while the
    browser is open: set for the whole session, it leaks into subprocesses other tests start
    (`check --deploy` fails on it).
    """
    if not CHROMIUM.exists():
        pytest.fail(f"REQUIRE_BROWSER=1 but {CHROMIUM} is missing: {INSTALL_HINT}")
    from playwright.sync_api import sync_playwright

    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            yield WatchedBrowser(browser)
            browser.close()
    finally:
        if before is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


@pytest.fixture(scope="package")
def date_order(browser) -> str:
    """The order Chromium's <input type=date> takes its parts in, e.g. "mdy" or "dmy".

    Debian's Chromium ships only the en-US locale, so this is usually month first; typing a
    known date finds out rather than assuming.
    """
    page = browser.new_page()
    try:
        page.set_content("<input type=date id=probe>")
        page.keyboard.press("Tab")
        page.keyboard.type("01022003")
        value = page.input_value("#probe")
    finally:
        page.close()
    orders = {"2003-02-01": "dmy", "2003-01-02": "mdy"}
    if value not in orders:
        pytest.fail(f"Unexpected date input order: typing 01022003 gave {value!r}")
    return orders[value]


@pytest.fixture(autouse=True)
def _browser_settings(settings):
    # A fast hasher: every test resets the demo people's passwords.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def catalogues(catalogues):
    """The shared fixture, checked: the forms' radio lists must not be empty."""
    assert Approach.objects.exists() and InfluenceLevel.objects.exists()


@pytest.fixture
def people(catalogues):
    return ensure_demo_people()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()
