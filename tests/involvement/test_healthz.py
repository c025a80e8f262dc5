"""GET /healthz: what a load balancer or uptime check asks."""

import socket

import pytest
from django.conf import settings
from django.urls import reverse

from involvement import selectors


def test_healthz_answers_200_with_json_when_the_database_answers(client, db):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    expected = {"database": "ok"}
    if settings.REDIS_URL:
        expected["broker"] = "ok"
    assert response.json() == expected


def test_healthz_answers_503_when_the_database_does_not(client, db, monkeypatch):
    monkeypatch.setattr(selectors, "_database_ok", lambda connection: False)
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["database"] == "down"


@pytest.fixture
def closed_port():
    """A port nothing answers on: bound by the test itself and never listened on, so no
    Redis (or anything else) can hold it while the test runs; a connection is refused."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


def test_healthz_answers_503_when_the_broker_is_configured_but_down(
    client, db, settings, closed_port
):
    settings.REDIS_URL = f"redis://127.0.0.1:{closed_port}/0"
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "broker": "down"}


def test_healthz_does_not_check_a_broker_when_none_is_configured(client, db, settings):
    settings.REDIS_URL = ""
    assert client.get(reverse("healthz")).json() == {"database": "ok"}
