"""The Content-Security-Policy in a real browser: what a missed escape would inject does not
run, and the watch every browser test runs under hears it."""

import pytest
from django.urls import reverse

from .conftest import CSP_VIOLATIONS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

INJECT = """
() => {
  const script = document.createElement("script");
  script.textContent = "window.injected = true";
  document.body.append(script);
  const div = document.createElement("div");
  div.innerHTML = '<img src="x" onerror="window.injected = true">'
    + '<span style="color: red">x</span>';
  document.body.append(div);
}
"""


def test_an_injected_script_does_not_run_and_is_reported(page, people):
    page.goto(reverse("login"))
    # The page's own inline script has the nonce, so it ran.
    assert "js-enabled" in page.evaluate("document.body.className")
    page.evaluate(INJECT)
    page.wait_for_timeout(300)
    assert page.evaluate("window.injected") is None
    refused = list(CSP_VIOLATIONS)
    CSP_VIOLATIONS.clear()  # expected here; any other test fails on one
    assert any("script-src" in text for text in refused), refused
    assert any("style-src" in text for text in refused), refused
