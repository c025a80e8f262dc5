"""Passwords made mostly of words about the service, the person's organisation or their
email address are refused wherever a password is set: accepting an invitation, a password
reset, and the admin (createsuperuser uses the same validators)."""

import pytest
from django.contrib.auth import password_validation
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from involvement.models import User

from ..factories import InvitationFactory, OrganisationFactory, invitation_link
from ..pages import assert_field_error

REFUSED = (
    "Your password is mostly the name of this service, your organisation or your email "
    "address. Add words of your own."
)


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Brightwater Health", slug="brightwater-health-trust")


@pytest.fixture
def newcomer(organisation):
    return InvitationFactory(organisation=organisation, email="nia.jones@riverside.example")


def refuses(password, user) -> bool:
    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        return REFUSED in error.messages
    return False


@pytest.mark.parametrize(
    "password",
    [
        "Brightwater2026!",
        "Involvement123",
        "brightwater-health",
        "BRIGHTWATER health 99",
        "Br1ghtw4ter2026",
        "invo1vement-2026",
        "Riverside#2026!",
        "health-brightwater-1",
        "Brightwater Summer",
    ],
)
def test_passwords_made_of_context_words_are_refused(password, newcomer):
    # Not yet a member: the organisation is known from the open invitation.
    person = User(email=newcomer.email, full_name="Nia Jones")
    assert refuses(password, person), password


@pytest.mark.parametrize(
    "password",
    [
        "blue-kettle-morning",
        "my brightwater allotment grows beans",
        "correct horse battery staple",
        "Health is a kettle singing",
    ],
)
def test_passwords_of_ones_own_words_pass_even_with_a_context_word_in_them(password, newcomer):
    person = User(email=newcomer.email, full_name="Nia Jones")
    assert not refuses(password, person), password


def test_another_organisations_name_is_not_a_context_word(newcomer):
    OrganisationFactory(name="Northgate Trust", slug="northgate-trust-x")
    assert not refuses("Northgate2026!xyz", User(email=newcomer.email, full_name="Nia Jones"))


def test_a_members_own_organisations_are_context_words(organisation):
    member = User.objects.create_user(email="sam@example.org", full_name="Sam Hill")
    member.memberships.create(organisation=organisation, role="staff")
    assert refuses("Brightwater2026!", member)
    assert refuses("Involvement123", User(email="admin@example.org"))


def test_accepting_an_invitation_refuses_the_organisations_name_and_keeps_the_name(
    client, newcomer
):
    client.get(reverse("invitation-start", args=[invitation_link(newcomer)]))
    url = reverse("invitation-accept", args=[newcomer.pk])
    data = {"full_name": "Nia Jones", "password1": "Brightwater2026!"}
    response = client.post(url, {**data, "password2": "Brightwater2026!"})
    page = assert_field_error(response, "password1", REFUSED)
    assert page.value("full_name") == "Nia Jones"
    assert "Brightwater2026!" not in response.content.decode()
    assert not User.objects.filter(email=newcomer.email).exists()


def test_a_password_reset_refuses_the_service_and_organisation_names(client, organisation):
    member = User.objects.create_user(
        email="sam@example.org", full_name="Sam Hill", password="an-old-long-password"
    )
    member.memberships.create(organisation=organisation, role="staff")
    client.post(reverse("password_reset"), {"email": member.email})
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password-reset/" in line)
    set_password_url = client.get(link.removeprefix("http://testserver")).url
    for password in ("Brightwater2026!", "Involvement123"):
        response = client.post(
            set_password_url, {"new_password1": password, "new_password2": password}
        )
        assert_field_error(response, "new_password2", REFUSED)
        assert password not in response.content.decode()
    member.refresh_from_db()
    assert not member.check_password("Brightwater2026!")


def test_the_admins_add_user_page_refuses_the_service_name(client, db):
    admin = User.objects.create_superuser(email="root@example.org", password="x", full_name="R")
    client.force_login(admin)
    password = "Involvement2026!"
    response = client.post(
        reverse("admin:involvement_user_add"),
        {
            "email": "new.admin@example.org",
            "full_name": "New Admin",
            "usable_password": "true",
            "password1": password,
            "password2": password,
        },
    )
    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    assert not User.objects.filter(email="new.admin@example.org").exists()
