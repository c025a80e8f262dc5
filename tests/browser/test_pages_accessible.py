"""Every page of the app (bar Django admin), in each state people meet it: axe-core finds no
WCAG 2.2 AA problem, and at 320px wide nothing but a table's own scroll box scrolls sideways.

Each state is a function that makes its data, signs the right person in and opens the page.
"""

import datetime

import pytest
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from involvement import services
from involvement.models import Membership, Role, User

from .helpers import (
    add_session,
    agree,
    assert_no_axe_violations,
    assert_reflows,
    make_activity,
    sign_in,
    write_purpose,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def submit(page, name):
    with page.expect_navigation():
        page.get_by_role("button", name=name).click()


def expect_heading(page, text):
    heading = page.locator("h1")
    assert text in heading.inner_text(), f"{page.url}: expected a heading with {text!r}"


def expect_error_summary(page):
    assert page.locator(".govuk-error-summary").is_visible(), f"{page.url}: no error summary"


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


def invitation_new_user(page, people, live_server):
    invitation = invite(people)
    page.goto(reverse("invitation-accept", args=[invitation.token]))
    expect_heading(page, "Join Brightwater")


def invitation_new_user_error(page, people, live_server):
    invitation = invite(people)
    page.goto(reverse("invitation-accept", args=[invitation.token]))
    page.get_by_label("Choose a password").fill("short")
    submit(page, "Create my account and join")
    expect_error_summary(page)


def invitation_expired(page, people, live_server):
    invitation = invite(people)
    invitation.expires_at = timezone.now() - datetime.timedelta(days=1)
    invitation.save(update_fields=["expires_at"])
    page.goto(reverse("invitation-accept", args=[invitation.token]))
    expect_heading(page, "no longer works")


def invitation_existing_user_signed_out(page, people, live_server):
    invitation = invite(people, email=people["other_org_staff"].email)
    page.goto(reverse("invitation-accept", args=[invitation.token]))
    expect_heading(page, "Join Brightwater")
    assert page.get_by_role("link", name="Sign in").is_visible()


def invitation_existing_user_signed_in(page, people, live_server):
    invitation = invite(people, email=people["other_org_staff"].email)
    sign_in(page, people["other_org_staff"], live_server)
    page.goto(reverse("invitation-accept", args=[invitation.token]))
    assert page.get_by_role("button", name="Accept invitation").is_visible()


def invitation_wrong_user(page, people, live_server):
    invitation = invite(people)
    sign_in(page, people["other_org_staff"], live_server)
    page.goto(reverse("invitation-accept", args=[invitation.token]))
    expect_heading(page, "different email address")


# --- activities -------------------------------------------------------------------------------


def activity_list_empty(page, people, live_server):
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("activities:activity-list"))
    assert "0 activities" in page.locator("main").inner_text()


def many_activities(people, count=30):
    staff = people["staff"]
    activities = [
        make_activity(by=staff, title=f"Activity {n:02d}", days_from_now=n) for n in range(count)
    ]
    agree(activities[0], by=staff)
    write_purpose(activities[1], by=staff)
    return activities


def activity_list_paginated(page, people, live_server):
    many_activities(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("activities:activity-list"))
    assert page.locator(".govuk-pagination").is_visible()


def activity_list_filtered(page, people, live_server):
    activities = many_activities(people)
    sign_in(page, people["staff"], live_server)
    approach = activities[0].approach_id
    page.goto(
        reverse("activities:activity-list") + f"?q=Activity&status=agreed&approach={approach}"
    )
    assert "1 activity" in page.locator("main").inner_text()


def activity_list_filter_error(page, people, live_server):
    many_activities(people, count=3)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("activities:activity-list") + "?starts_after=not-a-date")
    assert page.locator(".inv-filters .govuk-error-message").first.is_visible()


def activity_list_two_organisations(page, people, live_server):
    """The header offers an organisation switch to someone in two organisations."""
    staff = people["staff"]
    northgate = people["other_org_admin"].memberships.get().organisation
    Membership.objects.create(user=staff, organisation=northgate, role=Role.TRUSTEE)
    make_activity(by=staff)
    sign_in(page, staff, live_server)
    page.goto(reverse("activities:activity-list"))
    assert page.get_by_label("Organisation").is_visible()


def activity_list_service_user(page, people, live_server):
    sign_in(page, people["service_user"], live_server)
    page.goto(reverse("activities:activity-list"))
    expect_heading(page, "Activities")


def overview(page, people, live_server):
    many_activities(people, count=5)
    sign_in(page, people["trustee"], live_server)
    page.goto(reverse("activities:activity-overview"))
    expect_heading(page, "Involvement at")


def activity_create_empty(page, people, live_server):
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("activities:activity-create"))
    assert page.locator("input[name=approach]").count() >= 2, "no approaches to choose from"


def activity_create_error(page, people, live_server):
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("activities:activity-create"))
    submit(page, "Save activity")
    expect_error_summary(page)


def activity_edit(page, people, live_server):
    activity = make_activity(by=people["staff"], aims=[], ends_on=None)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("activities:activity-update", args=[activity.pk]))
    assert page.get_by_label("Title").input_value() == activity.title


def activity_detail_draft(page, people, live_server):
    activity = make_activity(by=people["staff"])
    sign_in(page, people["staff"], live_server)
    page.goto(activity.get_absolute_url())
    assert "Not agreed yet" in page.locator("main").inner_text()


def agreed_activity(people):
    staff = people["staff"]
    activity = make_activity(by=staff, title="Day centre forum")
    agree(activity, by=staff)
    add_session(activity)
    add_session(activity, days_from_now=70, place="", online_link="https://meet.example.org/x")
    return activity


def activity_detail_agreed(page, people, live_server):
    activity = agreed_activity(people)
    sign_in(page, people["staff"], live_server)
    page.goto(activity.get_absolute_url())
    assert "agreed on" in page.locator("main").inner_text()
    assert page.locator("table:has(#sessions-caption) tbody tr").count() == 2


def activity_detail_agreed_trustee(page, people, live_server):
    activity = agreed_activity(people)
    sign_in(page, people["trustee"], live_server)
    page.goto(activity.get_absolute_url())
    assert not page.get_by_role("link", name="Edit the plan").count()


def activity_detail_needs_agreeing_again(page, people, live_server):
    activity = agreed_activity(people)
    write_purpose(activity, by=people["staff"], purpose="A new purpose.")
    sign_in(page, people["staff"], live_server)
    page.goto(activity.get_absolute_url())
    assert page.get_by_text("Needs agreeing again").is_visible()


def purpose_empty(page, people, live_server):
    activity = make_activity(by=people["staff"])
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("activities:agreement-update", args=[activity.pk]))
    assert page.locator("input[name=influence_level]").count() >= 2, "the ladder is empty"
    assert page.locator(".govuk-back-link").get_attribute("href") == activity.get_absolute_url()
    assert page.locator(".govuk-caption-l").inner_text() == activity.title


def purpose_error(page, people, live_server):
    activity = make_activity(by=people["staff"])
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("activities:agreement-update", args=[activity.pk]))
    page.get_by_label("Purpose").fill("To shape the day centre together.")
    # A level that is not on the ladder, as a tampered or stale form would send.
    page.evaluate(
        "() => { const radio = document.querySelector('input[name=influence_level]');"
        " radio.value = '999999'; radio.checked = true; }"
    )
    submit(page, "Save purpose and influence")
    expect_error_summary(page)


def purpose_agreed_warning(page, people, live_server):
    activity = agreed_activity(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("activities:agreement-update", args=[activity.pk]))
    assert page.locator(".govuk-warning-text").is_visible()


def record_agreement_empty(page, people, live_server):
    activity = make_activity(by=people["staff"])
    write_purpose(activity, by=people["staff"])
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("activities:agreement-record", args=[activity.pk]))
    expect_heading(page, "Record the agreement")


def record_agreement_error(page, people, live_server):
    activity = make_activity(by=people["staff"])
    write_purpose(activity, by=people["staff"])
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("activities:agreement-record", args=[activity.pk]))
    submit(page, "Record agreement")
    expect_error_summary(page)


def record_agreement_not_ready(page, people, live_server):
    activity = make_activity(by=people["staff"])
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("activities:agreement-record", args=[activity.pk]))
    assert page.locator(".govuk-warning-text").is_visible()


def accessibility_checklist(page, people, live_server):
    activity = make_activity(by=people["staff"])
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("activities:accessibility-update", args=[activity.pk]))
    assert page.locator("input[type=radio]").count() == 8 * 4


def accessibility_checklist_error(page, people, live_server):
    activity = make_activity(by=people["staff"])
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("activities:accessibility-update", args=[activity.pk]))
    page.evaluate(
        "() => { const radio = document.querySelector('input[type=radio]');"
        " radio.value = 'nonsense'; radio.checked = true; }"
    )
    submit(page, "Save checklist")
    expect_error_summary(page)


def session_add_empty(page, people, live_server):
    activity = make_activity(by=people["staff"])
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("activities:session-create", args=[activity.pk]))
    expect_heading(page, "Add a session")


def session_add_error(page, people, live_server):
    activity = make_activity(by=people["staff"])
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("activities:session-create", args=[activity.pk]))
    submit(page, "Save session")
    expect_error_summary(page)


def session_edit(page, people, live_server):
    activity = make_activity(by=people["staff"])
    session = add_session(activity)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("activities:session-update", args=[session.pk]))
    assert page.get_by_label("Place").input_value() == session.place


def session_remove(page, people, live_server):
    activity = make_activity(by=people["staff"])
    session = add_session(activity)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("activities:session-delete", args=[session.pk]))
    assert page.get_by_role("button", name="Remove session").is_visible()


def not_found(page, people, live_server):
    sign_in(page, people["staff"], live_server)
    response = page.goto(reverse("activities:activity-detail", args=[999999]))
    assert response.status == 404


def forbidden(page, people, live_server):
    sign_in(page, people["trustee"], live_server)
    response = page.goto(reverse("activities:activity-create"))
    assert response.status == 403


STATES = [
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
    activity_list_empty,
    activity_list_paginated,
    activity_list_filtered,
    activity_list_filter_error,
    activity_list_two_organisations,
    activity_list_service_user,
    overview,
    activity_create_empty,
    activity_create_error,
    activity_edit,
    activity_detail_draft,
    activity_detail_agreed,
    activity_detail_agreed_trustee,
    activity_detail_needs_agreeing_again,
    purpose_empty,
    purpose_error,
    purpose_agreed_warning,
    record_agreement_empty,
    record_agreement_error,
    record_agreement_not_ready,
    accessibility_checklist,
    accessibility_checklist_error,
    session_add_empty,
    session_add_error,
    session_edit,
    session_remove,
    not_found,
    forbidden,
]


@pytest.mark.parametrize("open_page", STATES, ids=[state.__name__ for state in STATES])
def test_page_is_accessible(page, people, live_server, open_page):
    open_page(page, people, live_server)
    problems = []
    for check in (assert_no_axe_violations, assert_reflows):
        try:
            check(page)
        except AssertionError as error:
            problems.append(str(error))
    assert not problems, "\n\n".join(problems)
