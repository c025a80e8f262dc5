"""Behind a proxy every request comes from the proxy's address. Told which header carries the
client's own address (AXES_IPWARE_*), the sign-in lock-out and the limit on guessed links
count each client apart, so one person's failures do not shut out everyone behind it."""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from demo.people import DEMO_PASSWORD

from ..quality.conftest import forget

PROXY = "10.0.0.2"
ONE, OTHER = "81.2.69.160", "81.2.69.161"
BEHIND_A_PROXY = override_settings(
    AXES_IPWARE_META_PRECEDENCE_ORDER=("HTTP_X_REAL_IP", "REMOTE_ADDR"),
    FEEDBACK_LINK_GUESSES="3/h",
)


@pytest.fixture(autouse=True)
def forget_link_guesses(db):
    forget()
    yield
    forget()


def guess(client, client_ip):
    url = reverse("participant:feedback-start", args=[secrets.token_urlsafe(24)])
    return client.get(url, REMOTE_ADDR=PROXY, HTTP_X_REAL_IP=client_ip)


def sign_in(client, email, password, client_ip):
    data = {"username": email, "password": password}
    return client.post(reverse("login"), data, REMOTE_ADDR=PROXY, HTTP_X_REAL_IP=client_ip)


@BEHIND_A_PROXY
def test_guessed_links_are_counted_for_each_client_behind_the_proxy(client):
    for _ in range(3):
        assert guess(client, ONE).status_code == 404
    assert guess(client, ONE).status_code == 429
    assert guess(client, OTHER).status_code == 404


@override_settings(
    AXES_IPWARE_META_PRECEDENCE_ORDER=("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"),
    AXES_IPWARE_PROXY_ORDER="right-most",
    FEEDBACK_LINK_GUESSES="3/h",
)
def test_behind_one_proxy_that_adds_to_x_forwarded_for_the_client_cannot_choose_its_address(
    client,
):
    """What the client writes into the header itself (the left end) is not its address."""
    url = reverse("participant:feedback-start", args=[secrets.token_urlsafe(24)])
    for n in range(3):
        forwarded = f"203.0.113.{n}, {ONE}"
        assert client.get(url, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded).status_code == 404
    refused = client.get(url, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"203.0.113.9, {ONE}")
    assert refused.status_code == 429
    assert client.get(url, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=OTHER).status_code == 404


@BEHIND_A_PROXY
def test_a_sign_in_lock_out_is_for_the_client_behind_the_proxy_only(client, staff):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, staff.email, "wrong-password", ONE)
    assert sign_in(client, staff.email, DEMO_PASSWORD, ONE).status_code == 429
    assert sign_in(client, staff.email, DEMO_PASSWORD, OTHER).status_code == 302


def test_the_proxy_settings_come_from_the_environment():
    names = ["AXES_IPWARE_META_PRECEDENCE_ORDER", "AXES_IPWARE_PROXY_ORDER"]
    names += ["AXES_IPWARE_PROXY_COUNT", "AXES_IPWARE_PROXY_TRUSTED_IPS"]
    code = "from django.conf import settings; " + "; ".join(
        f"print(repr(settings.{name}))" for name in names
    )
    environment = {
        **os.environ,
        "AXES_IPWARE_META_PRECEDENCE_ORDER": "HTTP_X_FORWARDED_FOR, REMOTE_ADDR",
        "AXES_IPWARE_PROXY_ORDER": "right-most",
        "AXES_IPWARE_PROXY_COUNT": "1",
        "AXES_IPWARE_PROXY_TRUSTED_IPS": "10.0.0.2,10.0.0.3",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", code],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split("\n")[:4] == [
        "('HTTP_X_FORWARDED_FOR', 'REMOTE_ADDR')",
        "'right-most'",
        "1",
        "('10.0.0.2', '10.0.0.3')",
    ], result.stderr
