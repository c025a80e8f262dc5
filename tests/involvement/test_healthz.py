"""GET /healthz: what a load balancer or uptime check asks."""

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


def test_healthz_answers_503_when_the_broker_is_configured_but_down(client, db, settings):
    settings.REDIS_URL = "redis://127.0.0.1:6390/0"
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "broker": "down"}


def test_healthz_does_not_check_a_broker_when_none_is_configured(client, db, settings):
    settings.REDIS_URL = ""
    assert client.get(reverse("healthz")).json() == {"database": "ok"}
