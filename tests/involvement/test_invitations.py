"""Inviting people, accepting an invitation, and changing roles."""

import datetime
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from involvement import services
from involvement.middleware import SESSION_KEY
from involvement.models import Invitation, Membership, Role, User

from ..factories import InvitationFactory, MembershipFactory


def link_in(message) -> str:
    return re.search(r"https?://\S+/invitations/\S+/", message.body).group(0)


def path_of(link: str) -> str:
    return "/" + link.split("/", 3)[3]


@pytest.fixture
def invitation(brightwater, org_admin):
    return InvitationFactory(
        organisation=brightwater, email="newcomer@example.org", role=Role.TRUSTEE
    )


def test_inviting_someone_emails_them_a_link_that_works(
    client_for, org_admin, brightwater, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(org_admin).post(
            reverse("membership-invite"), {"email": "Nia@Example.org", "role": Role.STAFF}
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.role) == ("nia@example.org", Role.STAFF)
    assert (invitation.organisation, invitation.invited_by) == (brightwater, org_admin)
    [message] = mail.outbox
    assert message.to == ["nia@example.org"]
    assert brightwater.name in message.subject
    link = link_in(message)
    assert invitation.token in link
    page = client_for(None).get(path_of(link))
    assert page.status_code == 200
    assert b"Create my account and join" in page.content


def test_inviting_the_same_address_again_renews_the_one_open_invitation(
    brightwater, org_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = services.membership_invite(
            organisation=brightwater, email="nia@example.org", role=Role.STAFF, invited_by=org_admin
        )
        again = services.membership_invite(
            organisation=brightwater,
            email="NIA@example.org",
            role=Role.TRUSTEE,
            invited_by=org_admin,
        )
    assert again.pk == first.pk
    assert Invitation.objects.get().role == Role.TRUSTEE
    assert len(mail.outbox) == 2
    assert link_in(mail.outbox[0]) == link_in(mail.outbox[1])


def test_no_invitation_email_goes_out_when_the_invitation_is_rolled_back(
    brightwater, org_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            services.membership_invite(
                organisation=brightwater,
                email="nia@example.org",
                role=Role.STAFF,
                invited_by=org_admin,
            )
            raise RuntimeError("something later in the request failed")
    assert callbacks == []
    assert mail.outbox == []
    assert not Invitation.objects.exists()


def test_accepting_as_a_new_person_creates_their_account_and_membership(client, invitation):
    url = reverse("invitation-accept", args=[invitation.token])
    response = client.post(
        url,
        {
            "full_name": "Nia Jones",
            "password1": "blue-kettle-morning",
            "password2": "blue-kettle-morning",
        },
    )
    assert response.status_code == 302
    assert response.url == reverse("login")
    user = User.objects.get(email="newcomer@example.org")
    assert user.full_name == "Nia Jones"
    assert user.check_password("blue-kettle-morning")
    membership = Membership.objects.get(user=user)
    assert (membership.organisation, membership.role) == (invitation.organisation, Role.TRUSTEE)
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None


def test_accepting_as_an_existing_signed_in_person_joins_and_switches_to_the_organisation(
    client_for, other_org_staff, brightwater, northgate
):
    invitation = InvitationFactory(
        organisation=brightwater, email=other_org_staff.email, role=Role.TRUSTEE
    )
    client = client_for(other_org_staff)
    url = reverse("invitation-accept", args=[invitation.token])
    assert b"Accept invitation" in client.get(url).content

    response = client.post(url)

    assert response.status_code == 302
    assert Membership.objects.get(user=other_org_staff, organisation=brightwater).role == (
        Role.TRUSTEE
    )
    assert Membership.objects.get(user=other_org_staff, organisation=northgate).role == Role.STAFF
    assert client.session[SESSION_KEY] == brightwater.pk
    assert User.objects.filter(email=other_org_staff.email).count() == 1


def test_an_existing_person_who_is_not_signed_in_is_asked_to_sign_in(
    client, other_org_staff, brightwater
):
    invitation = InvitationFactory(organisation=brightwater, email=other_org_staff.email)
    url = reverse("invitation-accept", args=[invitation.token])
    response = client.get(url)
    assert response.status_code == 200
    assert f'href="{reverse("login")}?next={url}"'.encode() in response.content
    client.post(url, {"full_name": "Imposter", "password1": "x", "password2": "x"})
    assert not Membership.objects.filter(user=other_org_staff, organisation=brightwater).exists()


def test_accepting_someone_elses_invitation_is_forbidden(client_for, staff, invitation):
    url = reverse("invitation-accept", args=[invitation.token])
    client = client_for(staff)
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    invitation.refresh_from_db()
    assert invitation.accepted_at is None
    assert Membership.objects.filter(user=staff).count() == 1


def test_an_expired_invitation_no_longer_works(client, invitation):
    invitation.expires_at = timezone.now() - datetime.timedelta(minutes=1)
    invitation.save()
    url = reverse("invitation-accept", args=[invitation.token])
    assert client.get(url).status_code == 410
    data = {
        "full_name": "Nia",
        "password1": "blue-kettle-morning",
        "password2": "blue-kettle-morning",
    }
    assert client.post(url, data).status_code == 410
    assert not User.objects.filter(email=invitation.email).exists()


def test_a_used_invitation_no_longer_works(client, client_for, invitation, staff):
    invitation.accepted_at = timezone.now()
    invitation.save()
    url = reverse("invitation-accept", args=[invitation.token])
    assert client.get(url).status_code == 410
    assert client_for(staff).post(url).status_code == 410


def test_an_unknown_invitation_token_is_not_found(client, db):
    assert client.get(reverse("invitation-accept", args=["no-such-token"])).status_code == 404


def test_invitation_accept_service_refuses_a_used_invitation(invitation, staff):
    services.invitation_accept(invitation=invitation, user=staff)
    with pytest.raises(ValidationError, match="expired or has already been used"):
        services.invitation_accept(invitation=invitation, user=staff)


def test_the_last_admin_cannot_stop_being_an_admin(org_admin, brightwater):
    membership = Membership.objects.get(user=org_admin, organisation=brightwater)
    with pytest.raises(ValidationError, match="only admin"):
        services.membership_change_role(membership=membership, role=Role.STAFF)
    assert Membership.objects.get(pk=membership.pk).role == Role.ADMIN


def test_an_admin_can_stop_being_one_when_there_is_another(org_admin, staff, brightwater):
    Membership.objects.filter(user=staff, organisation=brightwater).update(role=Role.ADMIN)
    membership = Membership.objects.get(user=org_admin, organisation=brightwater)
    services.membership_change_role(membership=membership, role=Role.TRUSTEE)
    assert Membership.objects.get(pk=membership.pk).role == Role.TRUSTEE


def test_another_organisations_admin_does_not_count(org_admin, brightwater, northgate):
    MembershipFactory(organisation=northgate, role=Role.ADMIN)
    membership = Membership.objects.get(user=org_admin, organisation=brightwater)
    with pytest.raises(ValidationError):
        services.membership_change_role(membership=membership, role=Role.STAFF)


def test_an_admin_changes_a_role_through_the_form(client_for, org_admin, trustee, brightwater):
    membership = Membership.objects.get(user=trustee, organisation=brightwater)
    response = client_for(org_admin).post(
        reverse("membership-role", args=[membership.pk]), {"role": Role.STAFF}
    )
    assert response.status_code == 302
    assert Membership.objects.get(pk=membership.pk).role == Role.STAFF
