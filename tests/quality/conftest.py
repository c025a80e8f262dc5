import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.urls import reverse

from ..factories import ActivityFactory, FeedbackRequestFactory, ParticipantFactory, feedback_link


@pytest.fixture(autouse=True)
def forget_link_guesses():
    """Each test starts with no failed link guesses counted. On Redis only the rate-limit keys
    go: the cache may share its server with the Celery broker, which a flush would empty."""
    forget()
    yield
    forget()


def forget():
    cache = caches["default"]
    if isinstance(cache, RedisCache):
        prefix = getattr(settings, "RATELIMIT_CACHE_PREFIX", "rl:")
        client = cache._cache.get_client(write=True)
        for key in client.scan_iter(match=f"*{prefix}*"):
            client.delete(key)
    else:
        cache.clear()


@pytest.fixture
def staff_client(client_for, staff):
    return client_for(staff)


@pytest.fixture
def activity(brightwater, staff):
    return ActivityFactory(organisation=brightwater, created_by=staff, title="Voices Council")


@pytest.fixture
def sam(brightwater):
    return ParticipantFactory(organisation=brightwater, name="Sam K", email="sam@example.org")


@pytest.fixture
def feedback_request(activity, sam, staff):
    return FeedbackRequestFactory(activity=activity, participant=sam, created_by=staff)


@pytest.fixture
def token(feedback_request):
    return feedback_link(feedback_request)


@pytest.fixture
def person(client, token, feedback_request):
    """Sam's browser, with their link opened."""
    response = client.get(reverse("participant:feedback-start", args=[token]))
    assert response.status_code == 302
    return client


ANSWERS = {
    "understood_role": "yes",
    "listened_to": "partly",
    "able_to_disagree": "no",
    "expectations_met": "dont_know",
    "made_difference": "prefer_not",
    "felt_valued": "yes",
    "had_support": "yes",
    "met_peers": "yes",
    "stay_involved": "yes",
    "say": "consulting",
    "what_was_good": "The tea and the people.",
    "do_differently": "Start later in the day.",
    "anything_else": "",
    "anonymous": "no",
    "may_quote": "yes",
}


@pytest.fixture
def answers():
    return dict(ANSWERS)
