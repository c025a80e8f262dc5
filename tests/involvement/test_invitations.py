"""Inviting people, accepting an invitation, and changing roles.

An invitation link is a credential, like a feedback link: only its hash is stored, it is
exchanged once for a grant in the session (the pages after it have no token in their URL),
it never reaches the logs, and failed guesses are limited per address."""

import datetime
import hashlib
import importlib
import logging
import re
import secrets

import pytest
from django.apps import apps
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from demo.people import DEMO_PASSWORD
from involvement import sending, services, tasks
from involvement.middleware import SESSION_KEY
from involvement.models import Invitation, Membership, Role, User

from ..factories import InvitationFactory, MembershipFactory, invitation_link
from ..pages import Page

PASSWORD = "blue-kettle-morning"


def link_in(message) -> str:
    return re.search(r"https?://\S+/invitations/\S+/", message.body).group(0)


def path_of(link: str) -> str:
    return "/" + link.split("/", 3)[3]


def start_url(token: str) -> str:
    return reverse("invitation-start", args=[token])


def accept_url(invitation) -> str:
    return reverse("invitation-accept", args=[invitation.pk])


def opened(client, invitation) -> str:
    """Open a new link for `invitation` as the email would, and return the page it leads to."""
    response = client.get(start_url(invitation_link(invitation)))
    assert response.status_code == 302
    assert response.url == accept_url(invitation)
    return response.url


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
    page = client_for(None).get(path_of(link_in(message)), follow=True)
    assert page.redirect_chain == [(accept_url(invitation), 302)]
    assert page.status_code == 200
    assert b"Create my account and join" in page.content


def test_only_a_hash_of_the_token_is_stored(
    brightwater, org_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.membership_invite(
            organisation=brightwater, email="nia@example.org", role=Role.STAFF, invited_by=org_admin
        )
    token = path_of(link_in(mail.outbox[0])).split("/")[2]
    stored = Invitation.objects.filter(pk=invitation.pk).values().get()
    assert not any(token in str(value) for value in stored.values()), stored
    assert stored["token_hash"] == hashlib.sha256(token.encode()).hexdigest()


def test_the_link_is_made_in_the_email_job_and_a_second_delivery_sends_nothing(
    brightwater, org_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        invitation = services.membership_invite(
            organisation=brightwater, email="nia@example.org", role=Role.STAFF, invited_by=org_admin
        )
    assert len(callbacks) == 1
    tasks.send_invitation_email(invitation.pk)
    tasks.send_invitation_email(invitation.pk)
    [message] = mail.outbox
    assert Client().get(path_of(link_in(message))).status_code == 302


def test_a_mail_server_that_refuses_leaves_the_email_to_send_again(
    brightwater, org_admin, django_capture_on_commit_callbacks, monkeypatch
):
    with django_capture_on_commit_callbacks(execute=False):
        invitation = services.membership_invite(
            organisation=brightwater, email="nia@example.org", role=Role.STAFF, invited_by=org_admin
        )

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("the mail server is down")

    monkeypatch.setattr(sending, "send_mail", refuse)
    with pytest.raises(ConnectionRefusedError):
        sending.invitation_link_email(invitation_id=invitation.pk)
    monkeypatch.undo()
    assert sending.invitation_link_email(invitation_id=invitation.pk)
    assert len(mail.outbox) == 1


def test_inviting_the_same_address_again_renews_the_one_open_invitation_with_a_new_link(
    brightwater, org_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = services.membership_invite(
            organisation=brightwater, email="nia@example.org", role=Role.STAFF, invited_by=org_admin
        )
    with django_capture_on_commit_callbacks(execute=True):
        again = services.membership_invite(
            organisation=brightwater,
            email="NIA@example.org",
            role=Role.TRUSTEE,
            invited_by=org_admin,
        )
    assert again.pk == first.pk
    assert Invitation.objects.get().role == Role.TRUSTEE
    assert len(mail.outbox) == 2
    old, new = (path_of(link_in(message)) for message in mail.outbox)
    # Only the latest email's link works: a lost or forwarded email is dead once re-sent.
    assert Client().get(old).status_code == 404
    assert Client().get(new).status_code == 302


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
    url = opened(client, invitation)
    response = client.post(
        url, {"full_name": "Nia Jones", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response.status_code == 302
    assert response.url == reverse("login")
    user = User.objects.get(email="newcomer@example.org")
    assert user.full_name == "Nia Jones"
    assert user.check_password(PASSWORD)
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
    url = opened(client, invitation)
    assert b"Accept invitation" in client.get(url).content

    response = client.post(url)

    assert response.status_code == 302
    assert Membership.objects.get(user=other_org_staff, organisation=brightwater).role == (
        Role.TRUSTEE
    )
    assert Membership.objects.get(user=other_org_staff, organisation=northgate).role == Role.STAFF
    assert client.session[SESSION_KEY] == brightwater.pk
    assert User.objects.filter(email=other_org_staff.email).count() == 1


def test_the_whole_invitation_from_the_email_for_someone_who_must_sign_in_first(
    client, client_for, org_admin, other_org_staff, brightwater, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_for(org_admin).post(
            reverse("membership-invite"), {"email": other_org_staff.email, "role": Role.STAFF}
        )
    invitation = Invitation.objects.get()
    page = client.get(path_of(link_in(mail.outbox[0])), follow=True)
    sign_in_url = f"{reverse('login')}?next={accept_url(invitation)}"
    assert f'href="{sign_in_url}"'.encode() in page.content
    signed_in = client.post(
        sign_in_url,
        {"username": other_org_staff.email, "password": DEMO_PASSWORD},
        follow=True,
    )
    # Signing in keeps the grant: back on the invitation, with the button to accept.
    assert signed_in.redirect_chain[-1][0] == accept_url(invitation)
    assert b"Accept invitation" in signed_in.content
    assert client.post(accept_url(invitation)).status_code == 302
    assert Membership.objects.filter(user=other_org_staff, organisation=brightwater).exists()


def test_an_existing_person_who_is_not_signed_in_is_asked_to_sign_in(
    client, other_org_staff, brightwater
):
    invitation = InvitationFactory(organisation=brightwater, email=other_org_staff.email)
    url = opened(client, invitation)
    response = client.get(url)
    assert response.status_code == 200
    assert f'href="{reverse("login")}?next={url}"'.encode() in response.content
    client.post(url, {"full_name": "Imposter", "password1": "x", "password2": "x"})
    assert not Membership.objects.filter(user=other_org_staff, organisation=brightwater).exists()


def test_accepting_someone_elses_invitation_is_forbidden(client_for, staff, invitation):
    client = client_for(staff)
    url = opened(client, invitation)
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    invitation.refresh_from_db()
    assert invitation.accepted_at is None
    assert Membership.objects.filter(user=staff).count() == 1


def test_the_accept_page_shows_nothing_without_the_link(client, client_for, staff, invitation):
    invitation_link(invitation)
    for visitor in (client, client_for(staff)):
        assert visitor.get(accept_url(invitation)).status_code == 404
        data = {"full_name": "Nia", "password1": PASSWORD, "password2": PASSWORD}
        assert visitor.post(accept_url(invitation), data).status_code == 404
    assert not User.objects.filter(email=invitation.email).exists()


def test_the_accept_form_carries_a_csrf_token_and_refuses_a_post_without_one(
    client, client_for, invitation
):
    url = opened(client, invitation)
    [form] = Page.of(client.get(url)).forms
    assert form["csrf"]
    strict = client_for(None, enforce_csrf_checks=True)
    strict.cookies = client.cookies  # the same browser session, without the token
    response = strict.post(url, {"full_name": "Nia", "password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 403
    assert b"CSRF verification failed" in response.content
    assert not User.objects.filter(email=invitation.email).exists()


def test_an_expired_invitation_no_longer_works(client, invitation):
    url = opened(client, invitation)
    invitation.expires_at = timezone.now() - datetime.timedelta(minutes=1)
    invitation.save()
    assert client.get(url).status_code == 410
    data = {"full_name": "Nia", "password1": PASSWORD, "password2": PASSWORD}
    assert client.post(url, data).status_code == 410
    assert not User.objects.filter(email=invitation.email).exists()


def test_a_used_invitation_no_longer_works(client, client_for, invitation, staff):
    token = invitation_link(invitation)
    invitation.accepted_at = timezone.now()
    invitation.save()
    page = client.get(start_url(token), follow=True)
    assert page.status_code == 410
    assert b"no longer works" in page.content
    staff_client = client_for(staff)
    staff_client.get(start_url(token))
    assert staff_client.post(accept_url(invitation)).status_code == 410


def test_an_unknown_invitation_token_is_not_found(client, db):
    response = client.get(start_url(secrets.token_urlsafe(24)))
    assert response.status_code == 404
    assert b"This invitation link does not work" in response.content


def test_the_link_pages_are_never_cached_and_the_link_sends_no_referrer(client, invitation):
    start = client.get(start_url(invitation_link(invitation)))
    bad = client.get(start_url(secrets.token_urlsafe(24)))
    for response in (start, bad):
        assert response["Referrer-Policy"] == "no-referrer"
        assert "no-store" in response["Cache-Control"]
    assert "no-store" in client.get(accept_url(invitation))["Cache-Control"]


def test_no_token_reaches_the_log_on_a_refusal(client, client_for, staff, invitation, caplog):
    caplog.set_level(logging.DEBUG)
    token, fake = invitation_link(invitation), secrets.token_urlsafe(24)
    assert client.get(start_url(fake)).status_code == 404
    signed_in = client_for(staff)
    signed_in.get(start_url(token))
    assert signed_in.get(accept_url(invitation)).status_code == 403
    Invitation.objects.filter(pk=invitation.pk).update(accepted_at=timezone.now())
    assert client.get(start_url(token), follow=True).status_code == 410
    for name in ("django.request", "django.server"):
        logging.getLogger(name).warning("Not Found: %s", start_url(token))
        logging.getLogger(name).warning("Not Found: /x/?next=%%2Finvitations%%2F%s%%2F", token)
    logged = "\n".join(
        [caplog.text, *(str(r.args) for r in caplog.records), *(str(r.msg) for r in caplog.records)]
    )
    assert "Not Found: /invitations/" in logged
    assert "Forbidden: /invitations/" in logged
    assert "Gone: /invitations/" in logged
    assert token not in logged
    assert fake not in logged


def test_after_too_many_bad_guesses_only_bad_guesses_are_refused(client, invitation):
    """20 failed guesses an hour from one address; past that a bad guess gets 429 with a
    plain page, while a real link from the same address (a drop-in centre behind one
    router) still works."""
    for _ in range(20):
        assert client.get(start_url(secrets.token_urlsafe(24))).status_code == 404
    refused = client.get(start_url(secrets.token_urlsafe(24)))
    assert refused.status_code == 429
    assert b"Too many links that do not work" in refused.content
    assert client.get(start_url(secrets.token_urlsafe(24))).status_code == 429
    neighbour = Client()
    response = neighbour.get(start_url(invitation_link(invitation)))
    assert response.status_code == 302
    assert neighbour.get(response.url).status_code == 200
    assert Client(REMOTE_ADDR="10.1.2.3").get(start_url("not-a-token")).status_code == 404


@override_settings(INVITATION_LINK_GUESSES="2/h")
def test_good_links_do_not_count_as_guesses(client, invitation):
    token = invitation_link(invitation)
    for _ in range(5):
        assert client.get(start_url(token)).status_code == 302
    assert client.get(start_url("not-a-token")).status_code == 404
    assert client.get(start_url("not-a-token-either")).status_code == 404
    assert client.get(start_url("still-not-a-token")).status_code == 429


def test_links_emailed_before_tokens_were_hashed_still_work(client, invitation):
    """Migration 0006 replaces each stored token by its hash, so an email already sent
    still opens its invitation."""
    migration = importlib.import_module("involvement.migrations.0006_invitation_token_hash")
    old_token = secrets.token_urlsafe(32)
    Invitation.objects.filter(pk=invitation.pk).update(token_hash=old_token)
    migration.hash_tokens(apps, None)
    assert client.get(start_url(old_token)).url == accept_url(invitation)


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


def test_a_worker_killed_while_sending_leaves_the_invitation_to_send_again(
    brightwater, org_admin, django_capture_on_commit_callbacks, monkeypatch
):
    """Nothing is marked sent until the email has gone: a worker stopped halfway (here,
    SystemExit, which no `except Exception` sees) commits nothing, and the redelivery sends."""
    with django_capture_on_commit_callbacks(execute=False):
        invitation = services.membership_invite(
            organisation=brightwater, email="nia@example.org", role=Role.STAFF, invited_by=org_admin
        )

    def killed(**_message):
        raise SystemExit(1)

    monkeypatch.setattr(sending, "send_mail", killed)
    with pytest.raises(SystemExit):
        sending.invitation_link_email(invitation_id=invitation.pk)
    assert Invitation.objects.get().email_queued_at is not None
    monkeypatch.undo()
    assert sending.invitation_link_email(invitation_id=invitation.pk)
    assert len(mail.outbox) == 1
    assert not sending.invitation_link_email(invitation_id=invitation.pk)


def test_the_page_says_the_invitation_will_be_sent_shortly(client_for, org_admin, broker_down):
    """True with the broker down too: the job is kept and sent when it is back."""
    response = client_for(org_admin).post(
        reverse("membership-invite"), {"email": "nia@example.org", "role": Role.STAFF}, follow=True
    )
    assert "The invitation to nia@example.org will be sent by email shortly." in (
        response.content.decode()
    )
