"""CSRF on every form, escaping of what people type, and Django's deploy checklist."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from activities.models import Agreement

from .factories import ActivityFactory, InvolvementFactory, ParticipantFactory, SessionFactory
from .pages import Page
from .test_permission_matrix import CASES, PERSONAS

BASE_DIR = Path(__file__).resolve().parent.parent

PAGES = [
    (case, persona)
    for case in CASES
    if case.method == "GET"
    for persona, expected in zip(PERSONAS, case.expected, strict=True)
    if expected == 200 and persona in {"org_admin", "staff", "service_user", "anonymous"}
]


def is_refused_for_csrf(response) -> bool:
    return response.status_code == 403 and b"CSRF verification failed" in response.content


def post_without_token(client_for, user, page_url, form):
    client = client_for(user, enforce_csrf_checks=True)
    return client.post(form["action"] or page_url, {"anything": "x"})


@pytest.mark.parametrize(
    "case, persona", PAGES, ids=[f"{case.id}-{persona}" for case, persona in PAGES]
)
def test_every_form_carries_a_csrf_token_and_refuses_a_post_without_one(
    case, persona, brightwater_objects, people, client_for
):
    user = people.get(persona)
    url = reverse(case.name, kwargs=brightwater_objects[case.target] if case.target else None)
    page = Page.of(client_for(user).get(url))
    for form in page.forms:
        if form["method"] == "post":
            assert form["csrf"], f"a form on {url} posting to {form['action']} has no token"
            assert is_refused_for_csrf(post_without_token(client_for, user, url, form))


def test_the_new_password_form_carries_a_csrf_token_and_refuses_a_post_without_one(
    client, client_for, staff
):
    uid = urlsafe_base64_encode(force_bytes(staff.pk))
    link = reverse("password_reset_confirm", args=[uid, default_token_generator.make_token(staff)])
    set_password_url = client.get(link).url
    [form] = Page.of(client.get(set_password_url)).forms
    assert form["csrf"]
    strict = client_for(None, enforce_csrf_checks=True)
    strict.cookies = client.cookies  # the same browser session, without the token
    response = strict.post(
        set_password_url, {"new_password1": "a-new-password-1", "new_password2": "a-new-password-1"}
    )
    assert is_refused_for_csrf(response)


@pytest.mark.parametrize(
    "url_name, target, data",
    [
        ("logout", None, {}),
        ("organisation-switch", None, {"organisation": "brightwater"}),
        ("activities:activity-transition", "activity", {"to_status": "running"}),
    ],
)
def test_post_only_actions_refuse_a_post_without_a_csrf_token(
    url_name, target, data, brightwater_objects, staff, client_for
):
    url = reverse(url_name, kwargs=brightwater_objects[target] if target else None)
    data = {key: brightwater_objects.get(value, value) for key, value in data.items()}
    client = client_for(staff, enforce_csrf_checks=True)
    assert is_refused_for_csrf(client.post(url, data))


SCRIPT = '<script>alert("boo")</script>'
ESCAPED = "&lt;script&gt;alert(&quot;boo&quot;)&lt;/script&gt;"


def test_what_people_type_is_escaped_on_the_activity_page_and_the_list(
    brightwater, staff, client_for, service_user
):
    person = ParticipantFactory(organisation=brightwater, name=SCRIPT, user=service_user)
    activity = ActivityFactory(
        organisation=brightwater,
        created_by=staff,
        title=SCRIPT,
        overview=SCRIPT,
        frequency=SCRIPT,
        agreed_with=[person],
    )
    Agreement.objects.filter(activity=activity).update(
        purpose=SCRIPT, can_influence=SCRIPT, cannot_influence=SCRIPT
    )
    SessionFactory(activity=activity, place=SCRIPT)
    client = client_for(staff)
    for url in (activity.get_absolute_url(), reverse("activities:activity-list")):
        for who in (client, client_for(service_user)):
            html = who.get(url).content.decode()
            assert SCRIPT not in html
            assert ESCAPED in html


def test_a_persons_name_is_escaped_wherever_it_is_shown(brightwater, staff, client_for):
    person = ParticipantFactory(
        organisation=brightwater, name=SCRIPT, email="a@example.org", access_notes=SCRIPT
    )
    activity = ActivityFactory(organisation=brightwater, created_by=staff, title=SCRIPT)
    involvement = InvolvementFactory(activity=activity, participant=person)
    session = SessionFactory(activity=activity)
    urls = [
        reverse("activities:participant-list"),
        reverse("activities:participant-list") + "?q=%3Cscript%3E",
        reverse("activities:participant-detail", args=[person.pk]),
        reverse("activities:participant-update", args=[person.pk]),
        activity.get_absolute_url(),
        reverse("activities:involvement-update", args=[involvement.pk]),
        reverse("activities:involvement-delete", args=[involvement.pk]),
        reverse("activities:session-attendance", args=[session.pk]),
    ]
    client = client_for(staff)
    for url in urls:
        html = client.get(url).content.decode()
        assert SCRIPT not in html, url
        assert ESCAPED in html, url


def test_the_deploy_checklist_passes_with_production_settings():
    env = {
        **os.environ,
        "DJANGO_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "involvement.example.org",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
