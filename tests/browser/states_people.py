"""Page states for the people involved: participant records, involvements and attendance."""

import datetime

from django.urls import reverse
from django.utils import timezone

from activities import services
from activities.models import Attendance, Involvement, Participant

from .helpers import (
    add_person,
    add_session,
    agree,
    expect_error_summary,
    expect_heading,
    involve,
    make_activity,
    organisation_of,
    sign_in,
    submit,
)

# --- data -------------------------------------------------------------------------------------

# (name, role, came in, days ago they started, days ago they stopped or None)
COUNCIL = [
    ("Dee Walsh", "co_chair", "invited", 300, None),
    ("Kofi Mensah", "co_chair", "volunteered", 300, None),
    ("Marion B.", "representative", "invited", 280, None),
    ("Lewis Grant", "representative", "invited", 250, None),
    ("Sasha Novak", "participant", "volunteered", 200, None),
    ("Bernie T.", "participant", "invited", 180, 5),  # left after the past session
    ("Aisha K.", "peer_researcher", "invited", 150, None),
    ("Ray P.", "participant", "volunteered", 120, None),
    ("Hannah Cole with a long double-barrelled name-Smythe", "lead", "invited", 90, None),
]


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def council(people, names=COUNCIL):
    """An agreed activity with a past and a future session and the people in `names`."""
    staff = people["staff"]
    activity = make_activity(by=staff, title="Voices Council", days_from_now=-320)
    agree(activity, by=staff)
    add_session(activity, days_from_now=-10)
    add_session(activity, days_from_now=20)
    organisation = organisation_of(staff)
    for name, role, came_in, started, ended in names:
        ended_on = None if ended is None else days_ago(ended)
        person = add_person(organisation, name)
        involve(activity, person, role=role, came_in=came_in, days_ago=started, ended_on=ended_on)
    return activity


def dee(people):
    """One person with every contact and access field filled, involved in three activities."""
    staff = people["staff"]
    person = add_person(
        organisation_of(staff),
        "Dee Walsh",
        email="dee.walsh@example.org",
        phone="07700 900123",
        postal_address="Flat 2, 14 Mill Lane\nBrightwater\nBW1 4QT",
        contact_by="post",
        preferred_formats=["easy_read", "large_print"],
        access_needs=["step_free", "support_worker", "breaks"],
        access_notes="Likes a support worker she knows. Needs a break every 45 minutes.",
        wants_payment=True,
    )
    roles = [
        ("Voices Council", "co_chair"),
        ("Quality Checkers", "peer_researcher"),
        ("Easy Read letters", "representative"),
    ]
    for n, (title, role) in enumerate(roles, start=1):
        activity = make_activity(by=staff, title=title, days_from_now=-100 * n)
        involve(activity, person, role=role, days_ago=90 * n)
    return person


# --- people -----------------------------------------------------------------------------------


def people_list_empty(page, people, live_server):
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("activities:participant-list"))
    assert "0 people" in page.locator("main").inner_text()
    assert page.get_by_text("Nobody recorded yet.").is_visible()


def people_list_paginated(page, people, live_server):
    organisation = organisation_of(people["staff"])
    for n in range(30):
        add_person(organisation, f"Person {n:02d}", contact_by=["email", "sms", "post", ""][n % 4])
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("activities:participant-list"))
    assert "30 people" in page.locator("main").inner_text()
    assert page.locator(".govuk-pagination").is_visible()
    assert page.locator("[aria-current=page]", has_text="People").count() == 1


def people_list_search_finds_nobody(page, people, live_server):
    add_person(organisation_of(people["staff"]), "Dee Walsh")
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("activities:participant-list") + "?q=Nobody+called+this")
    assert page.get_by_text("Nobody matches that search.").is_visible()
    assert page.get_by_label("Search by name or email").input_value() == "Nobody called this"


def person_add_empty(page, people, live_server):
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("activities:participant-create"))
    expect_heading(page, "Add a person")
    assert page.locator("input[name=access_needs]").count() >= 5


def person_add_error(page, people, live_server):
    """Contact by email with no email, and a name already recorded: two errors at once."""
    add_person(organisation_of(people["staff"]), "Dee Walsh")
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("activities:participant-create"))
    page.get_by_label("Name or pseudonym").fill("dee walsh")
    page.get_by_label("Email", exact=True).check()
    page.get_by_label("Large print").check()
    submit(page, "Save person")
    expect_error_summary(page)
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "already recorded" in summary and "email" in summary, summary
    assert page.title().startswith("Error:")
    assert page.get_by_label("Large print").is_checked(), "answers are kept after an error"


def person_detail(page, people, live_server):
    person = dee(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("activities:participant-detail", args=[person.pk]))
    expect_heading(page, "Dee Walsh")
    main = page.locator("main").inner_text()
    assert "Support worker" in main and "Large print" in main
    assert page.locator("table:has(#involvements-caption) tbody tr").count() == 3


def person_erase_confirm(page, people, live_server):
    person = dee(people)
    sign_in(page, people["org_admin"], live_server)
    page.goto(reverse("activities:participant-detail", args=[person.pk]))
    page.get_by_role("link", name="Erase this person").click()
    expect_heading(page, "Erase Dee Walsh?")


def person_erased(page, people, live_server):
    person = dee(people)
    sign_in(page, people["org_admin"], live_server)
    page.goto(reverse("participant:participant-erase", args=[person.pk]))
    submit(page, "Erase this person")
    expect_heading(page, f"Erased person {person.pk}")
    assert "Dee Walsh" not in page.locator("main").inner_text()


def person_edit(page, people, live_server):
    person = dee(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("activities:participant-update", args=[person.pk]))
    expect_heading(page, "Edit Dee Walsh")
    assert page.get_by_label("Post", exact=True).is_checked()
    assert page.get_by_label("Step-free access").is_checked()
    assert page.get_by_label("Yes", exact=True).is_checked()


# --- involvement ------------------------------------------------------------------------------


def involvement_add_empty(page, people, live_server):
    activity = council(people, names=COUNCIL[:2])
    add_person(organisation_of(people["staff"]), "Lena Brooks")
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("activities:involvement-create", args=[activity.pk]))
    expect_heading(page, "Add a person to this activity")
    options = page.locator("#id_participant option").all_inner_texts()
    assert "Lena Brooks" in options and "Dee Walsh" not in options, options


def involvement_add_error(page, people, live_server):
    activity = council(people, names=COUNCIL[:2])
    add_person(organisation_of(people["staff"]), "Lena Brooks")
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("activities:involvement-create", args=[activity.pk]))
    submit(page, "Save")
    expect_error_summary(page)
    assert page.locator(".govuk-error-summary li").count() == 4
    assert page.title().startswith("Error:")


def involvement_change(page, people, live_server):
    activity = council(people, names=COUNCIL[:3])
    involvement = Involvement.objects.get(activity=activity, participant__name="Marion B.")
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("activities:involvement-update", args=[involvement.pk]))
    expect_heading(page, "Marion B.'s involvement")
    assert page.get_by_label("Representative").is_checked()
    assert page.locator("#id_participant").is_disabled()


def involvement_remove(page, people, live_server):
    activity = council(people, names=COUNCIL[:3])
    involvement = Involvement.objects.get(activity=activity, participant__name="Marion B.")
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("activities:involvement-delete", args=[involvement.pk]))
    expect_heading(page, "Remove Marion B. from Voices Council?")
    assert page.get_by_role("button", name="Remove").is_visible()


# --- attendance -------------------------------------------------------------------------------


def past_session(activity):
    return activity.sessions.order_by("starts_at").first()


def attendance_nobody_involved(page, people, live_server):
    activity = council(people, names=[])
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("activities:session-attendance", args=[past_session(activity).pk]))
    assert page.get_by_text("Nobody is recorded as involved").is_visible()
    assert page.locator("h1").count() == 1


def attendance_with_people(page, people, live_server):
    activity = council(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("activities:session-attendance", args=[past_session(activity).pk]))
    expect_heading(page, "Who came on")
    assert page.locator("fieldset").count() == len(COUNCIL)


def attendance_saved(page, people, live_server):
    activity = council(people)
    session = past_session(activity)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("activities:session-attendance", args=[session.pk]))
    for group in page.locator("fieldset").all()[:6]:
        group.get_by_label("Attended").check()
    page.locator("fieldset").nth(6).get_by_label("Sent apologies").check()
    submit(page, "Save attendance")
    assert page.locator(".govuk-notification-banner--success").is_visible()
    assert page.url.endswith("#sessions")
    assert Attendance.objects.filter(session=session).count() == 7


def attendance_saved_reopened(page, people, live_server):
    activity = council(people)
    session = past_session(activity)
    statuses = {i.participant_id: "attended" for i in activity.involvements.all()}
    services.attendance_record(session=session, statuses={**statuses, min(statuses): "absent"})
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("activities:session-attendance", args=[session.pk]))
    assert page.locator("input[value=attended]:checked").count() == len(COUNCIL) - 1
    assert page.locator("input[value=absent]:checked").count() == 1


# --- the activity page ------------------------------------------------------------------------


def activity_people_staff(page, people, live_server):
    activity = council(people)
    sign_in(page, people["staff"], live_server)
    page.goto(activity.get_absolute_url())
    assert page.locator("table:has(#people-caption) tbody tr").count() == len(COUNCIL)
    glance = page.locator("#people + .govuk-summary-list").inner_text()
    assert "9" in glance and "*" in glance, glance


def activity_people_trustee(page, people, live_server):
    """A trustee sees how many, never who: counts below the threshold show as *."""
    activity = council(people, names=COUNCIL[:5])
    sign_in(page, people["trustee"], live_server)
    page.goto(activity.get_absolute_url())
    glance = page.locator("#people + .govuk-summary-list").inner_text()
    assert "*" in glance, glance
    assert not page.locator("#people-caption").count()
    assert "Dee Walsh" not in page.locator("main").inner_text()
    assert not page.locator("main a[href^='/people/']").count()
    assert not page.get_by_role("link", name="Add a person").count()


def activity_people_service_user(page, people, live_server):
    """Jordan Reid sees the activity they are involved in, and only counts of who else is."""
    activity = council(people, names=[("Jordan Reid", "co_chair", "invited", 300, None)])
    Participant.objects.filter(name="Jordan Reid").update(user=people["service_user"])
    sign_in(page, people["service_user"], live_server)
    page.goto(activity.get_absolute_url())
    expect_heading(page, "Voices Council")
    assert not page.locator("#people-caption").count()


PEOPLE_STATES = [
    person_erase_confirm,
    person_erased,
    people_list_empty,
    people_list_paginated,
    people_list_search_finds_nobody,
    person_add_empty,
    person_add_error,
    person_detail,
    person_edit,
    involvement_add_empty,
    involvement_add_error,
    involvement_change,
    involvement_remove,
    attendance_nobody_involved,
    attendance_with_people,
    attendance_saved,
    attendance_saved_reopened,
    activity_people_staff,
    activity_people_trustee,
    activity_people_service_user,
]
