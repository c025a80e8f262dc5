"""Signing in, the lock-out after repeated failures (django-axes) and password reset."""

import datetime
import re

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from demo.people import DEMO_PASSWORD


def sign_in(client, email, password, ip="10.0.0.1"):
    return client.post(reverse("login"), {"username": email, "password": password}, REMOTE_ADDR=ip)


def fail_until_locked(client, email, ip="10.0.0.1"):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, email, "wrong-password", ip)


def is_locked_out(response) -> bool:
    return b"Too many attempts to sign in" in response.content


def test_signing_in_with_the_right_password_works(client, staff):
    response = sign_in(client, staff.email, DEMO_PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(staff.pk)


def test_signing_in_ignores_the_case_of_the_email(client, staff):
    assert sign_in(client, staff.email.upper(), DEMO_PASSWORD).status_code == 302


def test_failures_below_the_limit_do_not_lock(client, staff):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert not is_locked_out(sign_in(client, staff.email, "wrong-password"))
    assert sign_in(client, staff.email, DEMO_PASSWORD).status_code == 302


def test_too_many_failures_lock_out_even_the_right_password(client, staff):
    fail_until_locked(client, staff.email)
    response = sign_in(client, staff.email, DEMO_PASSWORD)
    assert is_locked_out(response)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lock_out_is_for_that_username_only(client, staff, trustee):
    fail_until_locked(client, staff.email)
    assert sign_in(client, trustee.email, DEMO_PASSWORD).status_code == 302


def test_the_lock_out_is_for_that_address_only(client, staff):
    fail_until_locked(client, staff.email, ip="10.0.0.1")
    assert sign_in(client, staff.email, DEMO_PASSWORD, ip="10.0.0.2").status_code == 302


def test_the_lock_out_is_a_cool_off_that_ends(client, staff):
    assert settings.AXES_COOLOFF_TIME
    cool_off = datetime.timedelta(hours=settings.AXES_COOLOFF_TIME)
    assert datetime.timedelta(minutes=1) <= cool_off <= datetime.timedelta(days=1)
    fail_until_locked(client, staff.email)
    assert is_locked_out(sign_in(client, staff.email, DEMO_PASSWORD))

    AccessAttempt.objects.update(attempt_time=timezone.now() - cool_off * 2)
    assert sign_in(client, staff.email, DEMO_PASSWORD).status_code == 302


@pytest.fixture
def reset_link(client, staff) -> str:
    response = client.post(reverse("password_reset"), {"email": staff.email})
    assert response.url == reverse("password_reset_done")
    [message] = mail.outbox
    assert message.to == [staff.email]
    return re.search(r"http://testserver(/\S+)", message.body).group(1)


def test_password_reset_emails_a_link_that_sets_a_new_password(client, staff, reset_link):
    set_password_url = client.get(reset_link).url
    response = client.post(
        set_password_url,
        {"new_password1": "a-brand-new-password", "new_password2": "a-brand-new-password"},
    )
    assert response.url == reverse("password_reset_complete")
    staff.refresh_from_db()
    assert staff.check_password("a-brand-new-password")
    assert sign_in(client, staff.email, "a-brand-new-password").status_code == 302


def test_a_password_reset_link_works_once(client, staff, reset_link):
    set_password_url = client.get(reset_link).url
    data = {"new_password1": "a-brand-new-password", "new_password2": "a-brand-new-password"}
    client.post(set_password_url, data)
    response = client.get(reset_link, follow=True)
    assert b"This link has expired" in response.content


def test_password_reset_for_an_unknown_address_sends_nothing_and_says_the_same(client, db):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.org"})
    assert response.url == reverse("password_reset_done")
    assert mail.outbox == []
