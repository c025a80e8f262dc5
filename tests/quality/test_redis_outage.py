"""Redis down (it is the cache as well as the broker): people's answers still save, pages
that use cached figures still show, and the link guess limit lets people through instead of
failing (involvement/redis_cache.py)."""

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from quality.models import FeedbackResponse

from .conftest import ANSWERS

CLOSED_PORT = "redis://127.0.0.1:1/0"


@pytest.fixture
def redis_down():
    """The cache on a Redis nobody answers at. Not the `settings` fixture: that one is
    undone only after the other fixtures, which then meet the closed port."""
    down = {
        "BACKEND": "involvement.redis_cache.OutageTolerantRedisCache",
        "LOCATION": CLOSED_PORT,
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
    with override_settings(CACHES={"default": down}):
        yield


def test_an_unreachable_redis_behaves_as_an_empty_cache(db, redis_down, caplog):
    assert cache.get("anything", "default") == "default"
    cache.set("key", "value")
    assert cache.get("key") is None
    assert cache.add("key", 1) is False
    assert cache.get_many(["a", "b"]) == {}
    cache.delete("key")
    with pytest.raises(ValueError):
        cache.incr("key")
    assert "cannot be reached" in caplog.text


def test_a_person_sends_their_feedback_while_redis_is_down(redis_down, person, feedback_request):
    response = person.post(
        reverse("participant:feedback-form", args=[feedback_request.pk]), ANSWERS
    )
    assert response.status_code == 302
    sent = FeedbackResponse.objects.filter(request=feedback_request, status="submitted")
    assert sent.count() == 1


def test_pages_of_cached_figures_work_it_out_while_redis_is_down(redis_down, client_for, staff):
    for name in ("quality:quality-overview", "outcomes:dashboard"):
        assert client_for(staff).get(reverse(name)).status_code == 200


def test_a_mistyped_link_while_redis_is_down_is_not_an_error(db, redis_down, client):
    for _ in range(3):
        response = client.get(reverse("participant:feedback-start", args=["not-a-real-link"]))
        assert response.status_code == 404
