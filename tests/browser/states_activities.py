"""Page states for activities, agreements, sessions and error pages."""

from django.urls import reverse

from involvement.models import Membership, Role

from .helpers import (
    add_session,
    agree,
    expect_error_summary,
    expect_heading,
    make_activity,
    sign_in,
    submit,
    write_purpose,
)

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


ACTIVITY_STATES = [
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
