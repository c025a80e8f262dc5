"""Personal feedback links: the token is a credential, so it is stored only as a hash, never
shown again after the first request, never logged, and guessing is limited."""

import base64
import logging
import re
import secrets
import subprocess
import sys
from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone
from django_ratelimit.core import get_usage

from participant.views import access
from quality.models import FeedbackLink, FeedbackRequest, token_hash
from quality.services import feedback_request_revoke

from ..factories import (
    ActivityFactory,
    FeedbackRequestFactory,
    feedback_link,
)
from .conftest import ANSWERS

NOT_WORKING = "This link is not working"


def start_url(token: str) -> str:
    return reverse("participant:feedback-start", args=[token])


def form_url(feedback_request) -> str:
    return reverse("participant:feedback-form", args=[feedback_request.pk])


def assert_private(response):
    """Never cached. The link's own URL sends no Referer at all; the pages after it (no
    secret in their URL) send one only to this site, as Chromium posts forms from a
    no-referrer page with `Origin: null`, which fails Django's CSRF origin check."""
    path = response.request["PATH_INFO"]
    cache_control = response.headers.get("Cache-Control", "")
    assert "no-store" in cache_control, (path, cache_control)
    expected = "no-referrer" if path.startswith("/feedback/start/") else "same-origin"
    assert response.headers.get("Referrer-Policy") == expected, path


def participant_pages(feedback_request) -> list[str]:
    pk = feedback_request.pk
    return [
        reverse("participant:feedback-form", args=[pk]),
        reverse("participant:feedback-easy", args=[pk, 1]),
        reverse("participant:feedback-easy", args=[pk, 13]),
        reverse("participant:feedback-easy-send", args=[pk]),
        reverse("participant:feedback-saved", args=[pk]),
        reverse("participant:about-you", args=[pk]),
        reverse("participant:about-you-easy", args=[pk, 1]),
        reverse("participant:feedback-thanks", args=[pk]),
    ]


def test_a_link_holds_at_least_128_random_bits_and_only_its_hash_is_stored(feedback_request):
    link, token = FeedbackLink.issue(feedback_request)
    padded = token + "=" * (-len(token) % 4)
    assert len(base64.urlsafe_b64decode(padded)) * 8 >= 128
    link.refresh_from_db()
    assert link.token_hash != token
    assert token not in link.token_hash
    assert link.token_hash == token_hash(token)
    assert not FeedbackLink.objects.filter(token_hash=token).exists()


def test_two_links_are_never_the_same(feedback_request):
    tokens = {FeedbackLink.issue(feedback_request)[1] for _ in range(20)}
    assert len(tokens) == 20


def test_opening_a_link_redirects_to_a_url_without_the_token(client, token, feedback_request):
    response = client.get(start_url(token))
    assert response.status_code == 302
    assert response.url == form_url(feedback_request)
    assert token not in response.url
    assert token not in response.headers["Location"]
    assert_private(response)


def test_opening_a_link_gives_a_new_session_key(client, token):
    client.get("/healthz/")
    client.session.save()
    planted = client.session.session_key
    client.cookies["sessionid"] = planted
    client.get(start_url(token))
    assert client.cookies["sessionid"].value != planted


def test_opening_a_link_records_its_first_use_once(client, token):
    link = FeedbackLink.objects.get(token_hash=token_hash(token))
    assert link.first_used_at is None
    client.get(start_url(token))
    link.refresh_from_db()
    first = link.first_used_at
    assert first is not None
    client.get(start_url(token))
    link.refresh_from_db()
    assert link.first_used_at == first


def test_the_token_never_appears_on_a_page_nor_in_the_logs(client, token, feedback_request, caplog):
    fake = secrets.token_urlsafe(24)
    caplog.set_level(logging.DEBUG)
    pages = []
    pages.append(client.get(start_url(fake)))
    response = client.get(start_url(token), follow=True)
    pages.append(response)
    assert response.redirect_chain == [(form_url(feedback_request), 302)]
    pages.append(client.post(form_url(feedback_request), {**ANSWERS, "save_for_later": "1"}))
    pages.extend(client.get(url) for url in participant_pages(feedback_request))
    pages.append(client.post(form_url(feedback_request), ANSWERS, follow=True))
    pages.append(client.get(reverse("participant:feedback-thanks", args=[feedback_request.pk])))
    for page in pages:
        assert token.encode() not in page.content
        assert fake.encode() not in page.content
        assert token not in page.headers.get("Location", "")
    logged = "\n".join(
        [caplog.text, *(str(r.args) for r in caplog.records), *(r.msg for r in caplog.records)]
    )
    assert "/feedback/start/" in logged, "the 404 for the bad link should be logged, redacted"
    assert token not in logged
    assert fake not in logged


def test_the_token_is_redacted_in_the_request_and_server_logs(token, caplog):
    caplog.set_level(logging.DEBUG)
    for name in ("django.request", "django.server", "django.security"):
        logging.getLogger(name).warning("Not Found: %s", start_url(token))
    assert token not in caplog.text
    assert caplog.text.count("/feedback/start/[redacted]") == 3


def test_a_csrf_failure_on_a_link_does_not_log_the_token(client_for, token, caplog):
    caplog.set_level(logging.DEBUG)
    response = client_for(None, enforce_csrf_checks=True).post(start_url(token))
    assert response.status_code == 403
    assert "/feedback/start/" in caplog.text
    assert token not in caplog.text


@pytest.mark.parametrize("how", ["unknown", "expired", "revoked"])
def test_an_unknown_expired_or_revoked_link_shows_the_same_page(
    how, client, token, feedback_request
):
    if how == "unknown":
        token = secrets.token_urlsafe(24)
    elif how == "expired":
        FeedbackLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    else:
        feedback_request_revoke(request=feedback_request)
    response = client.get(start_url(token))
    assert response.status_code == 404
    assert [t.name for t in response.templates][0] == "participant/link_not_working.html"
    assert NOT_WORKING in response.content.decode()
    assert_private(response)
    assert client.get(form_url(feedback_request)).status_code == 404


def test_the_three_not_working_pages_are_identical(client, token, feedback_request):
    unknown = client.get(start_url(secrets.token_urlsafe(24))).content
    FeedbackLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    expired = client.get(start_url(token)).content
    FeedbackLink.objects.update(expires_at=timezone.now() + timedelta(days=1))
    feedback_request_revoke(request=feedback_request)
    revoked = client.get(start_url(token)).content
    # Each response has its own CSP nonce; the rest must not tell the three apart.
    assert len({re.sub(rb'nonce="[^"]*"', b"", page) for page in (unknown, expired, revoked)}) == 1


def test_a_link_that_expires_while_open_stops_the_pages(person, feedback_request):
    FeedbackLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    for url in participant_pages(feedback_request):
        assert person.get(url).status_code == 404, url


def test_revoking_stops_a_grant_already_in_a_session(person, feedback_request):
    assert person.get(form_url(feedback_request)).status_code == 200
    feedback_request_revoke(request=feedback_request)
    for url in participant_pages(feedback_request):
        assert person.get(url).status_code == 404, url
    response = person.post(form_url(feedback_request), ANSWERS)
    assert response.status_code == 404
    assert not hasattr(FeedbackRequest.objects.get(pk=feedback_request.pk), "response")


def test_an_older_link_still_works_after_a_new_one(client, feedback_request, token):
    newer = feedback_link(feedback_request)
    assert client.get(start_url(token)).status_code == 302
    assert Client().get(start_url(newer)).status_code == 302


def guesses_counted(address="127.0.0.1") -> int:
    """The failed guesses the limit holds against one address."""
    request = RequestFactory().get("/", REMOTE_ADDR=address)
    usage = get_usage(request, increment=False, **access._limit())
    return usage["count"] if usage else 0


@override_settings(FEEDBACK_LINK_GUESSES="3/h")
def test_after_too_many_bad_guesses_a_good_link_still_works_from_that_address(client, token):
    """A drop-in centre behind one router: one person's mistyped links must not shut out
    everyone else's real ones. A good link is checked first and never counted."""
    for _ in range(3):
        assert client.get(start_url(secrets.token_urlsafe(24))).status_code == 404
    neighbour = Client()  # another browser behind the same address
    response = neighbour.get(start_url(token))
    assert response.status_code == 302
    assert neighbour.get(response.url).status_code == 200
    assert guesses_counted() == 3
    refused = client.get(start_url(secrets.token_urlsafe(24)))
    assert refused.status_code == 429
    assert NOT_WORKING in refused.content.decode()
    assert_private(refused)
    elsewhere = Client(REMOTE_ADDR="10.1.2.3")
    assert elsewhere.get(start_url(secrets.token_urlsafe(24))).status_code == 404


@override_settings(FEEDBACK_LINK_GUESSES="3/h")
def test_good_links_do_not_count_as_guesses(client, token):
    for _ in range(5):
        assert client.get(start_url(token)).status_code == 302
    assert guesses_counted() == 0
    assert client.get(start_url(secrets.token_urlsafe(24))).status_code == 404
    assert guesses_counted() == 1


def test_a_grant_for_one_request_opens_nothing_of_another(person, activity, feedback_request):
    other = FeedbackRequestFactory(activity=activity)
    feedback_link(other)
    for url in participant_pages(other):
        assert person.get(url).status_code == 404, url
    response = person.post(form_url(other), ANSWERS)
    assert response.status_code in {403, 404}
    assert not hasattr(FeedbackRequest.objects.get(pk=other.pk), "response")
    assert person.get(form_url(feedback_request)).status_code == 200


def test_another_organisations_link_shows_nothing_of_this_one(
    client, northgate, feedback_request, activity
):
    theirs = FeedbackRequestFactory(
        activity=ActivityFactory(organisation=northgate, title="Northgate panel")
    )
    response = client.get(start_url(feedback_link(theirs)), follow=True)
    html = response.content.decode()
    assert "Northgate panel" in html
    assert activity.title not in html
    assert feedback_request.participant.name not in html
    for url in participant_pages(feedback_request):
        assert client.get(url).status_code == 404, url


def test_every_participant_page_is_private(person, feedback_request):
    for url in participant_pages(feedback_request):
        response = person.get(url)
        assert_private(response)
    assert_private(person.post(form_url(feedback_request), {"save_for_later": "1"}))
    assert_private(
        person.post(reverse("participant:easy-read-switch", args=[feedback_request.pk]), {})
    )


def test_the_development_server_still_logs_requests_with_the_token_redacted(token):
    """Configuring the filter must not silence the server's request lines. Run in a fresh
    process: pytest hangs its own handlers on loggers, which would hide a silenced one."""
    line = f'"GET {start_url(token)} HTTP/1.1" 302 0'
    code = f"import logging; logging.getLogger('django.server').info({line!r})"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert '"GET /feedback/start/[redacted]/ HTTP/1.1" 302 0' in result.stderr, result.stderr
    assert token not in result.stdout + result.stderr
