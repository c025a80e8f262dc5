"""The headers every page carries: a Content-Security-Policy that allows no inline script or
style without its nonce, and, for signed-in people, no caching anywhere. The same tests run
once more in a process with production settings (the last test), so what is checked here is
what a live site sends."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from .test_permission_matrix import CASES, PERSONAS

BASE_DIR = Path(__file__).resolve().parent.parent
GETS = [case for case in CASES if case.method == "GET"]
REQUIRED = {
    "default-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}
# Pages the outside battery found cacheable although they show personal data.
PERSONAL = [
    ("activities:participant-list", None),
    ("activities:participant-detail", "participant"),
    ("quality:feedback-results", "activity"),
    ("activities:activity-detail", "activity"),
    ("outcomes:dashboard-csv", None),
]


def policy_of(response) -> dict[str, list[str]]:
    header = response.get("Content-Security-Policy", "")
    directives = (part.split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in directives}


def assert_strict_policy(response, where: str) -> None:
    policy = policy_of(response)
    assert policy, f"{where}: no Content-Security-Policy"
    for name, value in REQUIRED.items():
        assert policy.get(name) == [value], f"{where}: {name} is {policy.get(name)}"
    for name in ("script-src", "style-src"):
        sources = policy[name]
        assert "'self'" in sources
        assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "data:"} & set(sources), where
    nonces = {s for s in policy["script-src"] if s.startswith("'nonce-")}
    html = response.content.decode(errors="replace")
    for inline in re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html):
        assert any(n[7:-1] in inline for n in nonces), f"{where}: inline script without nonce"
    assert not re.search(r"<[^>]+\sstyle=", html), f"{where}: a style attribute CSP blocks"


def test_every_page_carries_a_strict_content_security_policy(
    brightwater_objects, people, client_for
):
    """Every GET of the permission matrix, as every persona, whatever the status."""
    clients = {persona: client_for(people.get(persona)) for persona in PERSONAS}
    for case in GETS:
        kwargs = brightwater_objects[case.target] if case.target else None
        url = reverse(case.name, kwargs=kwargs)
        for persona, client in clients.items():
            response = client.get(url, secure=True)
            where = f"{url} as {persona}"
            assert_strict_policy(response, where)
            assert response["X-Content-Type-Options"] == "nosniff", where
            assert response.get("Referrer-Policy") in {"same-origin", "no-referrer"}, where
            if persona != "anonymous" and response.status_code == 200:
                assert "no-store" in response["Cache-Control"], where


@pytest.mark.parametrize("name, target", PERSONAL)
def test_pages_with_personal_data_are_never_stored(
    name, target, brightwater_objects, staff, client_for
):
    kwargs = brightwater_objects[target] if target else None
    response = client_for(staff).get(reverse(name, kwargs=kwargs), secure=True)
    assert response.status_code == 200
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-store", "private"} <= cache_control


def test_the_policy_nonce_is_new_for_every_response(client):
    first = policy_of(client.get(reverse("login"), secure=True))["script-src"]
    second = policy_of(client.get(reverse("login"), secure=True))["script-src"]
    assert first != second


@pytest.mark.skipif(
    os.environ.get("DJANGO_ENV") == "production", reason="already under production settings"
)
def test_the_headers_hold_under_production_settings():
    """This module again, in a process with DJANGO_ENV=production (secure cookies, HSTS,
    WhiteNoise, manifest static files; see tests/conftest.py for the one change tests need)."""
    env = {
        **os.environ,
        "DJANGO_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "testserver",
    }
    if os.environ.get("DATABASE_URL"):
        # Its own test database, beside the one this run is using.
        env["DATABASE_URL"] = os.environ["DATABASE_URL"] + "_production"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", __file__, "-q", "-p", "no:cacheprovider", "-x"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "passed" in result.stdout
    assert settings.CONTENT_SECURITY_POLICY  # and the same policy is on here
