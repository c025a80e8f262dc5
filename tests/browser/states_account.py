"""Page states for signing in, passwords, members and invitations."""

import datetime

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from involvement import services
from involvement.models import User

from ..factories import invitation_link
from .helpers import (
    expect_error_summary,
    expect_heading,
    sign_in,
    submit,
)

# --- signing in and passwords ----------------------------------------------------------------


def sign_in_empty(page, people, live_server):
    page.goto(reverse("login"))
    expect_heading(page, "Sign in")


def sign_in_error(page, people, live_server):
    page.goto(reverse("login"))
    page.get_by_label("Email address").fill(people["staff"].email)
    page.get_by_label("Password").fill("not the password")
    submit(page, "Sign in")
    expect_error_summary(page)


def sign_in_empty_fields_error(page, people, live_server):
    page.goto(reverse("login"))
    submit(page, "Sign in")
    expect_error_summary(page)


def password_reset_empty(page, people, live_server):
    page.goto(reverse("password_reset"))
    expect_heading(page, "Reset your password")


def password_reset_error(page, people, live_server):
    page.goto(reverse("password_reset"))
    page.get_by_label("Email").fill("not an address")
    submit(page, "Send me a reset link")
    expect_error_summary(page)


def password_reset_sent(page, people, live_server):
    page.goto(reverse("password_reset"))
    page.get_by_label("Email").fill(people["staff"].email)
    submit(page, "Send me a reset link")
    expect_heading(page, "Check your email")


def reset_link(user) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return reverse("password_reset_confirm", args=[uid, token])


def password_reset_confirm(page, people, live_server):
    page.goto(reset_link(people["staff"]))
    expect_heading(page, "Choose a new password")


def password_reset_confirm_error(page, people, live_server):
    page.goto(reset_link(people["staff"]))
    page.get_by_label("New password", exact=True).fill("a-long-new-password-1")
    page.get_by_label("New password confirmation").fill("something else entirely")
    submit(page, "Save new password")
    expect_error_summary(page)


def password_reset_confirm_invalid(page, people, live_server):
    page.goto(reverse("password_reset_confirm", args=["MQ", "not-a-token"]))
    expect_heading(page, "This link has expired")


def password_reset_complete(page, people, live_server):
    page.goto(reverse("password_reset_complete"))
    expect_heading(page, "Your password has been changed")


def locked_out(page, people, live_server):
    page.goto(reverse("login"))
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        page.get_by_label("Email address").fill(people["trustee"].email)
        page.get_by_label("Password").fill("wrong password")
        submit(page, "Sign in")
        if "Too many attempts" in page.locator("h1").inner_text():
            break
    expect_heading(page, "Too many attempts")


def no_organisation(page, people, live_server):
    loner = User.objects.create_user(email="loner@example.org", full_name="Lee Loner")
    sign_in(page, loner, live_server)
    page.goto(reverse("no-organisation"))
    expect_heading(page, "not in an organisation")


# --- members and invitations ------------------------------------------------------------------


def invite(people, email="new.person@example.org", role="staff"):
    admin = people["org_admin"]
    return services.membership_invite(
        organisation=admin.memberships.get().organisation, email=email, role=role, invited_by=admin
    )


def members_list(page, people, live_server):
    invite(people)
    sign_in(page, people["org_admin"], live_server)
    page.goto(reverse("membership-list"))
    expect_heading(page, "Members")


def members_invite_empty(page, people, live_server):
    sign_in(page, people["org_admin"], live_server)
    page.goto(reverse("membership-invite"))
    expect_heading(page, "Invite someone")


def members_invite_error(page, people, live_server):
    sign_in(page, people["org_admin"], live_server)
    page.goto(reverse("membership-invite"))
    submit(page, "Send invitation")
    expect_error_summary(page)


def members_invite_sent(page, people, live_server):
    sign_in(page, people["org_admin"], live_server)
    page.goto(reverse("membership-invite"))
    page.get_by_label("Email address").fill("new.person@example.org")
    page.get_by_label("Staff").check()
    submit(page, "Send invitation")
    assert page.locator(".govuk-notification-banner--success").is_visible()


def change_role(page, people, live_server):
    sign_in(page, people["org_admin"], live_server)
    page.goto(reverse("membership-role", args=[people["staff"].memberships.get().pk]))
    expect_heading(page, "Change role for")
    assert page.get_by_label("Staff").is_checked()


def change_role_error(page, people, live_server):
    admin = people["org_admin"]
    sign_in(page, admin, live_server)
    page.goto(reverse("membership-role", args=[admin.memberships.get().pk]))
    page.get_by_label("Staff").check()
    submit(page, "Save role")
    expect_error_summary(page)
    assert "only admin" in page.locator(".govuk-error-summary").inner_text()


def organisation_settings(page, people, live_server):
    sign_in(page, people["org_admin"], live_server)
    page.goto(reverse("organisation-settings"))
    expect_heading(page, "Organisation settings")


def organisation_settings_error(page, people, live_server):
    sign_in(page, people["org_admin"], live_server)
    page.goto(reverse("organisation-settings"))
    page.get_by_label("Smallest count shown").fill("3")
    submit(page, "Save settings")
    expect_error_summary(page)
    assert "cannot go below 5" in page.locator(".govuk-error-summary").inner_text()


def invitation_new_user(page, people, live_server):
    invitation = invite(people)
    page.goto(reverse("invitation-start", args=[invitation_link(invitation)]))
    expect_heading(page, "Join Brightwater")


def invitation_new_user_error(page, people, live_server):
    invitation = invite(people)
    page.goto(reverse("invitation-start", args=[invitation_link(invitation)]))
    page.get_by_label("Choose a password").fill("short")
    submit(page, "Create my account and join")
    expect_error_summary(page)


def invitation_expired(page, people, live_server):
    invitation = invite(people)
    token = invitation_link(invitation)
    invitation.expires_at = timezone.now() - datetime.timedelta(days=1)
    invitation.save(update_fields=["expires_at"])
    page.goto(reverse("invitation-start", args=[token]))
    expect_heading(page, "no longer works")


def invitation_existing_user_signed_out(page, people, live_server):
    invitation = invite(people, email=people["other_org_staff"].email)
    page.goto(reverse("invitation-start", args=[invitation_link(invitation)]))
    expect_heading(page, "Join Brightwater")
    assert page.get_by_role("link", name="Sign in").is_visible()


def invitation_existing_user_signed_in(page, people, live_server):
    invitation = invite(people, email=people["other_org_staff"].email)
    sign_in(page, people["other_org_staff"], live_server)
    page.goto(reverse("invitation-start", args=[invitation_link(invitation)]))
    assert page.get_by_role("button", name="Accept invitation").is_visible()


def invitation_wrong_user(page, people, live_server):
    invitation = invite(people)
    sign_in(page, people["other_org_staff"], live_server)
    page.goto(reverse("invitation-start", args=[invitation_link(invitation)]))
    expect_heading(page, "different email address")


ACCOUNT_STATES = [
    organisation_settings,
    organisation_settings_error,
    sign_in_empty,
    sign_in_error,
    sign_in_empty_fields_error,
    password_reset_empty,
    password_reset_error,
    password_reset_sent,
    password_reset_confirm,
    password_reset_confirm_error,
    password_reset_confirm_invalid,
    password_reset_complete,
    locked_out,
    no_organisation,
    members_list,
    members_invite_empty,
    members_invite_error,
    members_invite_sent,
    change_role,
    change_role_error,
    invitation_new_user,
    invitation_new_user_error,
    invitation_expired,
    invitation_existing_user_signed_out,
    invitation_existing_user_signed_in,
    invitation_wrong_user,
]
