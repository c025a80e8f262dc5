"""Bad input on every form in the core: invite, change role, accept an invitation, sign in and
password reset. The form comes back with the error beside the field and in the summary, what
was typed is kept, and nothing is saved or sent."""

import pytest
from django.core import mail
from django.urls import reverse

from involvement.models import Invitation, Membership, Role, User

from ..factories import InvitationFactory, invitation_link
from ..pages import assert_field_error, assert_form_error


@pytest.fixture
def admin_client(client_for, org_admin):
    return client_for(org_admin)


def test_invite_form_refuses_an_address_that_is_not_an_email(admin_client):
    data = {"email": "sam at example", "role": Role.STAFF}
    response = admin_client.post(reverse("membership-invite"), data)
    page = assert_field_error(response, "email", "Enter a valid email address.")
    assert page.value("email") == "sam at example"
    assert page.value("role") == Role.STAFF
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_invite_form_refuses_someone_who_is_already_a_member(admin_client, staff):
    data = {"email": staff.email.upper(), "role": Role.TRUSTEE}
    response = admin_client.post(reverse("membership-invite"), data)
    assert_field_error(response, "email", "This person is already a member.")
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_invite_form_needs_a_role(admin_client):
    response = admin_client.post(reverse("membership-invite"), {"email": "new@example.org"})
    page = assert_field_error(response, "role", "This field is required.", choices=True)
    assert page.value("email") == "new@example.org"
    assert not Invitation.objects.exists()


def test_change_role_refuses_to_remove_the_last_admin(admin_client, org_admin, brightwater):
    membership = Membership.objects.get(user=org_admin, organisation=brightwater)
    url = reverse("membership-role", args=[membership.pk])
    response = admin_client.post(url, {"role": Role.STAFF})
    page = assert_field_error(
        response,
        "role",
        "This is the only admin. Make someone else an admin first.",
        choices=True,
    )
    assert page.value("role") == Role.STAFF
    membership.refresh_from_db()
    assert membership.role == Role.ADMIN


def test_change_role_refuses_a_role_that_does_not_exist(admin_client, staff, brightwater):
    membership = Membership.objects.get(user=staff, organisation=brightwater)
    url = reverse("membership-role", args=[membership.pk])
    response = admin_client.post(url, {"role": "owner"})
    assert_field_error(
        response,
        "role",
        "Select a valid choice. owner is not one of the available choices.",
        choices=True,
    )
    membership.refresh_from_db()
    assert membership.role == Role.STAFF


@pytest.fixture
def invitation(brightwater, org_admin):
    return InvitationFactory(
        organisation=brightwater, email="newcomer@example.org", invited_by=org_admin
    )


def accept(client, invitation, **data):
    client.get(reverse("invitation-start", args=[invitation_link(invitation)]))
    url = reverse("invitation-accept", args=[invitation.pk])
    return client.post(url, {"full_name": "Nia Jones", **data})


def test_accept_invitation_refuses_passwords_that_do_not_match(client, invitation):
    response = accept(
        client, invitation, password1="blue-kettle-morning", password2="blue-kettle-evening"
    )
    page = assert_field_error(response, "password2", "The two passwords do not match.")
    assert page.value("full_name") == "Nia Jones"
    assert not User.objects.filter(email=invitation.email).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_accept_invitation_refuses_a_weak_password(client, invitation):
    response = accept(client, invitation, password1="password", password2="password")
    assert_field_error(response, "password1", "This password is too common.")
    assert not User.objects.filter(email=invitation.email).exists()


def test_accept_invitation_needs_a_name(client, invitation):
    response = accept(
        client,
        invitation,
        full_name="",
        password1="blue-kettle-morning",
        password2="blue-kettle-morning",
    )
    assert_field_error(response, "full_name", "This field is required.")
    assert not User.objects.filter(email=invitation.email).exists()


def test_sign_in_with_a_wrong_password_says_so_and_keeps_the_email(client, staff):
    response = client.post(
        reverse("login"), {"username": staff.email, "password": "not-the-password"}
    )
    page = assert_form_error(
        response, "Enter a correct email address and password. Both may be case-sensitive."
    )
    assert page.value("username") == staff.email
    assert "_auth_user_id" not in client.session


def test_sign_in_needs_both_answers(client):
    response = client.post(reverse("login"), {"username": "", "password": ""})
    assert_field_error(response, "username", "This field is required.")
    assert_field_error(response, "password", "This field is required.")


def test_password_reset_refuses_an_address_that_is_not_an_email(client):
    response = client.post(reverse("password_reset"), {"email": "staff at brightwater"})
    page = assert_field_error(response, "email", "Enter a valid email address.")
    assert page.value("email") == "staff at brightwater"
    assert mail.outbox == []


def test_new_password_form_refuses_passwords_that_do_not_match(client, staff):
    client.post(reverse("password_reset"), {"email": staff.email})
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password-reset/" in line)
    set_password_url = client.get(link.removeprefix("http://testserver")).url
    response = client.post(
        set_password_url,
        {"new_password1": "a-brand-new-password", "new_password2": "another-new-password"},
    )
    assert_field_error(response, "new_password2", "The two password fields didn’t match.")
    staff.refresh_from_db()
    assert not staff.check_password("a-brand-new-password")
