"""Sessions end after 30 minutes without activity and 14 days after signing in; what a person
was typing when theirs ended is kept for them (involvement/sessions.py)."""

import datetime
import time

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from demo.people import DEMO_PASSWORD
from involvement import sessions
from quality.models import QualityMarker

from ..pages import Page

MARKER = "Papers go out a week before every meeting"


def idle_for(client, seconds: int) -> None:
    session = client.session
    session[sessions.LAST_SEEN] = int(time.time()) - seconds
    session.save()


def signed_in_ago(client, seconds: int) -> None:
    session = client.session
    session[sessions.SIGNED_IN_AT] = int(time.time()) - seconds
    session.save()


def sign_in(client, user, next_url: str):
    return client.post(
        reverse("login") + f"?next={next_url}",
        {"username": user.email, "password": DEMO_PASSWORD},
        follow=True,
    )


@pytest.fixture
def client(client_for, staff) -> Client:
    return client_for(staff)


def test_a_session_idle_for_more_than_30_minutes_ends(client):
    idle_for(client, 31 * 60)
    response = client.get(reverse("activities:activity-list"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert "_auth_user_id" not in client.session
    page = client.get(response.url).content.decode()
    assert "You were signed out to keep your data safe" in page


def test_a_session_used_within_30_minutes_goes_on(client):
    idle_for(client, 29 * 60)
    assert client.get(reverse("activities:activity-list")).status_code == 200
    assert client.session[sessions.LAST_SEEN] >= time.time() - 5
    # Written at most once a minute: the next page view leaves the session alone.
    assert client.get(reverse("activities:activity-list")).status_code == 200


def test_the_idle_time_is_a_setting(client, settings):
    settings.SESSION_IDLE_MINUTES = 5
    idle_for(client, 6 * 60)
    assert client.get(reverse("activities:activity-list")).status_code == 302


def test_a_session_ends_14_days_after_signing_in_however_busy(client):
    signed_in_ago(client, 14 * 24 * 3600 + 60)
    response = client.get(reverse("activities:activity-list"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_staying_signed_in_starts_the_idle_time_again(client):
    idle_for(client, 29 * 60)
    assert client.post(reverse("session-keep-alive")).status_code == 204
    assert client.session[sessions.LAST_SEEN] >= time.time() - 5


def test_signed_in_pages_carry_the_warning_with_the_idle_time(client):
    page = client.get(reverse("activities:activity-list")).content.decode()
    assert "data-session-timeout" in page
    assert f'data-idle-seconds="{30 * 60 - 60}"' in page
    assert "data-session-timeout" not in Client().get(reverse("login")).content.decode()


def test_what_was_typed_when_the_session_ended_comes_back_after_signing_in(client, staff):
    url = reverse("quality:marker-create")
    idle_for(client, 31 * 60)
    response = client.post(url, {"stage": "preparation", "text": MARKER})
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert not QualityMarker.objects.filter(text=MARKER).exists()
    assert (
        "the form will come back with what you typed" in client.get(response.url).content.decode()
    )

    back = sign_in(client, staff, url)
    assert back.redirect_chain[-1][0] == url
    page = Page.of(back)
    assert page.value("text") == MARKER
    assert page.value("stage") == "preparation"
    assert "Not saved yet" in back.content.decode()
    # Once: the next visit shows an empty form, and saving works as usual.
    assert Page.of(client.get(url)).value("text") == ""
    assert client.post(url, {"stage": "preparation", "text": MARKER}).status_code == 302
    assert QualityMarker.objects.filter(text=MARKER).count() == 1


def test_typing_is_kept_only_for_the_person_who_typed_it(client, org_admin):
    url = reverse("quality:marker-create")
    idle_for(client, 31 * 60)
    client.post(url, {"stage": "preparation", "text": MARKER})
    back = sign_in(client, org_admin, url)  # someone else at the same computer
    assert MARKER not in back.content.decode()


def test_a_password_is_never_kept(client, staff):
    idle_for(client, 31 * 60)
    url = reverse("quality:marker-create")
    client.post(url, {"text": MARKER, "password": "secret-thing", "new_password1": "x"})
    kept = client.session[sessions.KEPT]["data"]
    assert set(kept) == {"text"}


def test_a_post_from_another_site_plants_no_typing(client_for, staff):
    client = client_for(staff, enforce_csrf_checks=True)
    idle_for(client, 31 * 60)
    client.post(reverse("quality:marker-create"), {"text": "Planted by someone else"})
    assert sessions.KEPT not in client.session


def test_a_page_asking_by_itself_is_not_activity(client):
    idle_for(client, 10 * 60)
    before = client.session[sessions.LAST_SEEN]
    report_list = reverse("reports:report-list")
    client.get(report_list, headers={"X-Involvement-Background": "1"})
    assert client.session[sessions.LAST_SEEN] == before
    client.get(report_list)
    assert client.session[sessions.LAST_SEEN] > before


def test_a_form_sent_from_a_second_tab_after_the_end_is_kept_too(client, staff):
    url = reverse("quality:marker-create")
    idle_for(client, 31 * 60)
    client.get(reverse("activities:activity-list"))  # the first tab finds the end
    response = client.post(url, {"stage": "preparation", "text": MARKER})
    assert response.url.startswith(reverse("login"))
    assert Page.of(sign_in(client, staff, url)).value("text") == MARKER


def test_an_action_sent_after_the_end_goes_back_to_its_page(client, staff, brightwater_objects):
    activity = reverse("activities:activity-detail", kwargs=brightwater_objects["activity"])
    idle_for(client, 31 * 60)
    transition = reverse("activities:activity-transition", kwargs=brightwater_objects["activity"])
    response = client.post(
        transition, {"to_status": "running"}, headers={"Referer": f"http://testserver{activity}"}
    )
    assert response.status_code == 302
    assert response.url == reverse("login") + "?next=" + activity


def test_a_personal_link_opened_after_the_end_just_opens(client, brightwater_objects, caplog):
    """No sign-in page with the link's token in its `?next=`."""
    idle_for(client, 31 * 60)
    token = brightwater_objects["feedback_link"]["token"]
    response = client.get(reverse("participant:feedback-start", args=[token]))
    assert response.status_code == 302
    assert token not in response.url and "sign-in" not in response.url


def test_kept_typing_goes_after_an_hour(client, staff):
    url = reverse("quality:marker-create")
    idle_for(client, 31 * 60)
    client.post(url, {"stage": "preparation", "text": MARKER})
    session = client.session
    session[sessions.KEPT]["at"] -= sessions.KEEP_FOR + 1
    session.save()
    assert MARKER not in sign_in(client, staff, url).content.decode()


def test_signing_in_again_goes_back_to_the_organisation_being_worked_in(
    client_for, staff, northgate, brightwater
):
    from involvement.middleware import SESSION_KEY
    from involvement.models import Membership

    Membership.objects.create(user=staff, organisation=northgate, role="staff")
    client = client_for(staff)
    client.post(reverse("organisation-switch"), {"organisation": northgate.pk})
    url = reverse("quality:marker-create")
    idle_for(client, 31 * 60)
    client.post(url, {"stage": "preparation", "text": MARKER})
    back = sign_in(client, staff, url)
    assert client.session[SESSION_KEY] == northgate.pk
    assert Page.of(back).value("text") == MARKER


def test_the_signed_out_session_with_its_kept_typing_expires_within_the_hour(client):
    idle_for(client, 31 * 60)
    client.post(reverse("quality:marker-create"), {"stage": "preparation", "text": MARKER})
    assert client.session.get_expiry_age() <= sessions.KEEP_FOR
    from django.contrib.sessions.models import Session

    from involvement.tasks import clear_expired_sessions

    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    clear_expired_sessions.delay()
    assert not Session.objects.exists()
