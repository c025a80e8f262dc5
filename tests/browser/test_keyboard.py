"""Keyboard only: no mouse, no click(), no fill(). Tab, type, Space, Enter and arrow keys."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from activities.models import Attendance
from demo.people import DEMO_PASSWORD

from .helpers import (
    add_person,
    add_session,
    focus_state,
    make_activity,
    organisation_of,
    sign_in,
    tab_to,
    type_date,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def active(page, expression):
    return page.evaluate(f"() => document.activeElement.{expression}")


def press_and_wait(page, key):
    with page.expect_navigation():
        page.keyboard.press(key)


def test_staff_plans_and_agrees_an_activity_by_keyboard(page, people, date_order):
    staff = people["staff"]
    page.goto(reverse("login"))
    tab_to(page, "#id_username")
    page.keyboard.type(staff.email)
    tab_to(page, "#id_password")
    page.keyboard.type(DEMO_PASSWORD)
    press_and_wait(page, "Enter")
    assert page.url.endswith(reverse("activities:activity-list"))

    tab_to(page, f"main a[href='{reverse('activities:activity-create')}']")
    press_and_wait(page, "Enter")
    assert page.locator("h1").inner_text() == "Plan an activity"

    tab_to(page, "#id_title")
    page.keyboard.type("Carers' voice group")
    tab_to(page, "#id_overview")
    page.keyboard.type("Carers tell us what would make respite care better.")
    tab_to(page, "#id_lead")
    page.keyboard.type("Sam")  # a closed <select> picks the option typed
    assert page.input_value("#id_lead") == str(staff.pk)
    starts_on = timezone.localdate() + datetime.timedelta(days=40)
    tab_to(page, "#id_starts_on")
    type_date(page, starts_on, date_order)
    assert page.input_value("#id_starts_on") == starts_on.isoformat()
    ends_on = starts_on + datetime.timedelta(days=365)
    tab_to(page, "#id_ends_on")
    type_date(page, ends_on, date_order)
    assert page.input_value("#id_ends_on") == ends_on.isoformat()
    tab_to(page, "#id_approach_1")
    page.keyboard.press("ArrowDown")  # arrows move through a radio group and choose
    assert active(page, "id") == "id_approach_2"
    assert page.is_checked("#id_approach_2")
    tab_to(page, "#id_decision_level_1")
    page.keyboard.press("Space")
    assert page.is_checked("#id_decision_level_1")
    tab_to(page, "#id_motives_1")
    page.keyboard.press("Space")
    assert page.is_checked("#id_motives_1")
    tab_to(page, "main [type=submit]")
    press_and_wait(page, "Enter")

    assert page.locator("h1").inner_text() == "Carers' voice group"
    assert page.locator(".govuk-notification-banner--success").is_visible()
    assert "Not agreed yet" in page.locator("main").inner_text()

    tab_to(page, "main a[href$='/agreement/']")
    press_and_wait(page, "Enter")
    tab_to(page, "#id_purpose")
    page.keyboard.type("So that carers shape respite care.")
    tab_to(page, "#id_influence_level_1")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.is_checked("#id_influence_level_3")
    level = page.locator("label[for=id_influence_level_3]").inner_text().strip()
    tab_to(page, "main [type=submit]")
    press_and_wait(page, "Enter")
    assert page.locator(".govuk-notification-banner--success").is_visible()

    tab_to(page, "main a[href$='/agreement/record/']")
    press_and_wait(page, "Enter")
    assert page.locator("h1").inner_text() == "Record the agreement"
    tab_to(page, "#id_agreed_on")
    type_date(page, timezone.localdate(), date_order)
    tab_to(page, "#id_agreed_how")
    page.keyboard.type("Talked it through at the first meeting; everyone agreed.")
    tab_to(page, "#id_participants")
    page.keyboard.type("Chris B")
    page.keyboard.press("Enter")
    page.keyboard.type("Dee Q")
    tab_to(page, "main [type=submit]")
    press_and_wait(page, "Enter")

    main = page.locator("main").inner_text()
    assert page.locator(".govuk-notification-banner--success").is_visible(), main
    assert page.locator("main .govuk-tag").first.inner_text() == "Agreed"
    assert "Purpose and influence level agreed on" in main
    assert "Chris B, Dee Q" in main
    assert level in main

    tab_to(page, f"nav a[href='{reverse('activities:activity-list')}']", backwards=True)
    press_and_wait(page, "Enter")
    row = page.locator("tr", has_text="Carers' voice group")
    assert row.count() == 1
    assert "Agreed" in row.inner_text()


def test_staff_records_a_person_their_involvement_and_attendance_by_keyboard(
    page, people, live_server, date_order
):
    staff = people["staff"]
    activity = make_activity(by=staff, title="Carers' forum", days_from_now=-60)
    session = add_session(activity, days_from_now=-3)
    add_person(organisation_of(staff), "Bernie T.")  # someone else to choose past
    sign_in(page, staff, live_server)
    page.goto(reverse("activities:activity-list"))

    tab_to(page, f"nav a[href='{reverse('activities:participant-list')}']")
    press_and_wait(page, "Enter")
    tab_to(page, f"main a[href='{reverse('activities:participant-create')}']")
    press_and_wait(page, "Enter")
    assert page.locator("h1").inner_text() == "Add a person"
    tab_to(page, "#id_name")
    page.keyboard.type("Chris Okoro")
    tab_to(page, "#id_contact_by_1")
    page.keyboard.press("Space")
    assert page.is_checked("#id_contact_by_1")
    assert page.locator("label[for=id_contact_by_1]").inner_text().strip() == "Email"
    tab_to(page, "#id_email")
    page.keyboard.type("chris.okoro@example.org")
    tab_to(page, "#id_access_needs_2")
    page.keyboard.press("Space")
    assert page.is_checked("#id_access_needs_2")
    need = page.locator("label[for=id_access_needs_2]").inner_text().strip()
    tab_to(page, "main [type=submit]")
    press_and_wait(page, "Enter")

    assert page.locator("h1").inner_text() == "Chris Okoro"
    assert page.locator(".govuk-notification-banner--success").is_visible()
    main = page.locator("main").inner_text()
    assert "chris.okoro@example.org" in main and need in main

    tab_to(page, f"nav a[href='{reverse('activities:activity-list')}']", backwards=True)
    press_and_wait(page, "Enter")
    tab_to(page, f"main a[href='{activity.get_absolute_url()}']")
    press_and_wait(page, "Enter")
    add_url = reverse("activities:involvement-create", args=[activity.pk])
    tab_to(page, f"main a[href='{add_url}']", most=80)
    press_and_wait(page, "Enter")
    assert page.locator("h1").inner_text() == "Add a person to this activity"
    tab_to(page, "#id_participant")
    page.keyboard.type("Chris")  # a closed <select> picks the option typed
    assert page.locator("#id_participant option:checked").inner_text() == "Chris Okoro"
    tab_to(page, "#id_role_1")
    page.keyboard.press("ArrowDown")
    assert page.is_checked("#id_role_2")
    role = page.locator("label[for=id_role_2]").inner_text().strip()
    tab_to(page, "#id_came_in_1")
    page.keyboard.press("ArrowDown")
    assert page.is_checked("#id_came_in_2")
    started_on = timezone.localdate() - datetime.timedelta(days=30)
    tab_to(page, "#id_started_on")
    type_date(page, started_on, date_order)
    assert page.input_value("#id_started_on") == started_on.isoformat()
    tab_to(page, "main [type=submit]")
    press_and_wait(page, "Enter")

    assert page.locator("h1").inner_text() == "Carers' forum"
    assert page.locator(".govuk-notification-banner--success").is_visible()
    row = page.locator("table:has(#people-caption) tbody tr", has_text="Chris Okoro")
    assert row.count() == 1
    assert role in row.inner_text() and "Volunteered" in row.inner_text()

    attendance_url = reverse("activities:session-attendance", args=[session.pk])
    tab_to(page, f"main a[href='{attendance_url}']", most=80)
    press_and_wait(page, "Enter")
    assert page.locator("legend", has_text="Chris Okoro").count() == 1
    group = page.locator("fieldset", has_text="Chris Okoro")
    name = group.locator("input").first.get_attribute("name")
    # Tab lands on the checked radio, "Not recorded" (the last); Down wraps to "Attended".
    tab_to(page, f"input[name={name}]:checked")
    page.keyboard.press("ArrowDown")
    assert page.is_checked(f"#id_{name}_1")
    assert page.locator(f"label[for=id_{name}_1]").inner_text().strip() == "Attended"
    tab_to(page, "main [type=submit]")
    press_and_wait(page, "Enter")

    assert page.locator(".govuk-notification-banner--success").is_visible()
    assert "Attendance saved" in page.locator(".govuk-notification-banner").inner_text()
    glance = page.locator("#people + .govuk-summary-list")
    recorded = glance.locator(".govuk-summary-list__row", has_text="Attendances recorded")
    # One attendance is below the suppression threshold, so it shows as *, not as 0.
    assert recorded.locator("dd").inner_text().strip() == "*"
    assert Attendance.objects.get(session=session).status == Attendance.Status.ATTENDED


@pytest.mark.parametrize("signed_in", [False, True], ids=["signed-out", "signed-in"])
def test_skip_link_is_the_first_tab_stop_and_works(page, people, live_server, signed_in):
    if signed_in:
        sign_in(page, people["staff"], live_server)
        page.goto(reverse("activities:activity-list"))
    else:
        page.goto(reverse("login"))
    page.keyboard.press("Tab")
    state = focus_state(page)
    assert "govuk-skip-link" in active(page, "className"), state
    assert active(page, "innerText") == "Skip to main content"
    assert state["visible"], state
    box = page.locator(".govuk-skip-link").bounding_box()
    assert box and box["width"] > 1 and box["height"] > 1, "skip link is not shown when focused"

    page.keyboard.press("Enter")
    assert active(page, "id") == "main-content"
    assert page.url.endswith("#main-content")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('main') !== null")


def activity_create_submitted_empty(page, people):
    page.goto(reverse("activities:activity-create"))
    tab_to(page, "main [type=submit]")
    press_and_wait(page, "Enter")


def accessibility_checklist_with_a_bad_status(page, people):
    activity = make_activity(by=people["staff"])
    page.goto(reverse("activities:accessibility-update", args=[activity.pk]))
    # A status that is not in the list, as a tampered or stale form would send.
    page.evaluate(
        "() => { const radio = document.querySelector('input[type=radio]');"
        " radio.value = 'nonsense'; radio.checked = true; }"
    )
    tab_to(page, "main [type=submit]")
    press_and_wait(page, "Enter")


def invite_submitted_empty(page, people):
    page.goto(reverse("membership-invite"))
    tab_to(page, "main [type=submit]")
    press_and_wait(page, "Enter")


def involvement_submitted_empty(page, people):
    activity = make_activity(by=people["staff"])
    add_person(activity.organisation, "Bernie T.")
    page.goto(reverse("activities:involvement-create", args=[activity.pk]))
    tab_to(page, "main [type=submit]")
    press_and_wait(page, "Enter")


def person_contact_by_email_without_email(page, people):
    page.goto(reverse("activities:participant-create"))
    tab_to(page, "#id_name")
    page.keyboard.type("Chris Okoro")
    tab_to(page, "#id_contact_by_1")
    page.keyboard.press("Space")
    tab_to(page, "main [type=submit]")
    press_and_wait(page, "Enter")


def only_admin_demoted(page, people):
    page.goto(reverse("membership-role", args=[people["org_admin"].memberships.get().pk]))
    tab_to(page, "input[name=role]:checked")
    page.keyboard.press("ArrowDown")
    tab_to(page, "main [type=submit]")
    press_and_wait(page, "Enter")


@pytest.mark.parametrize(
    ("persona", "make_errors", "target"),
    [
        ("staff", activity_create_submitted_empty, "id_approach_1"),
        ("staff", activity_create_submitted_empty, "id_decision_level_1"),
        ("staff", activity_create_submitted_empty, "id_title"),
        ("staff", activity_create_submitted_empty, "id_starts_on"),
        ("staff", accessibility_checklist_with_a_bad_status, "id_form-0-status_1"),
        ("org_admin", invite_submitted_empty, "id_role_1"),
        ("org_admin", only_admin_demoted, "id_role_1"),
        ("staff", involvement_submitted_empty, "id_participant"),
        ("staff", involvement_submitted_empty, "id_role_1"),
        ("staff", involvement_submitted_empty, "id_came_in_1"),
        ("staff", involvement_submitted_empty, "id_started_on"),
        ("staff", person_contact_by_email_without_email, "id_email"),
    ],
    ids=[
        "activity-approach-radios",
        "activity-decision-level-radios",
        "activity-title",
        "activity-start-date",
        "accessibility-status-radios",
        "invite-role-radios",
        "change-role-radios",
        "involvement-person-select",
        "involvement-role-radios",
        "involvement-came-in-radios",
        "involvement-start-date",
        "person-email-for-email-route",
    ],
)
def test_error_summary_link_moves_focus_to_the_field(
    page, people, live_server, persona, make_errors, target
):
    """Upstream crispy-forms-gds #92: summary links to radios missed the first input. Our
    templates/gds/layout/error_summary.html links to it; following a link must focus it."""
    sign_in(page, people[persona], live_server)
    make_errors(page, people)
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    assert page.evaluate("() => document.activeElement.matches('.govuk-error-summary')"), (
        "the error summary should take focus when the page loads"
    )
    assert page.locator(f"#{target}").count() == 1, f"no #{target} on the page"
    tab_to(page, f".govuk-error-summary a[href='#{target}']", most=20)
    page.keyboard.press("Enter")
    assert active(page, "id") == target
    assert focus_state(page)["visible"]
