"""The activity list (scope, search, every filter), the overview counts, an activity at a glance
and the people list."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from activities import selectors
from activities.models import Activity, Agreement, Approach, DecisionLevel, Participant

from ..factories import (
    ActivityFactory,
    AttendanceFactory,
    InvolvementFactory,
    ParticipantFactory,
    SessionFactory,
    influence_level,
)

Status = Activity.Status


def approach(key: str) -> Approach:
    return Approach.objects.get(key=key)


@pytest.fixture
def activities(brightwater, northgate, staff, org_admin, service_user):
    """Five brightwater activities that differ in one thing each, and one at northgate."""
    jordan = ParticipantFactory(organisation=brightwater, name="Jordan R", user=service_user)
    made = {
        "forum": ActivityFactory(
            organisation=brightwater,
            title="Carers forum",
            overview="Monthly meeting with carers.",
            approach=approach("consultation_feedback"),
            decision_level=DecisionLevel.SERVICE,
            lead=staff,
            starts_on=datetime.date(2026, 1, 10),
        ),
        "board": ActivityFactory(
            organisation=brightwater,
            title="Shadow board",
            overview="Young people scrutinise the trust's strategy.",
            approach=approach("collaboration"),
            decision_level=DecisionLevel.STRATEGIC,
            lead=org_admin,
            starts_on=datetime.date(2026, 3, 1),
            agreed_with=[jordan],
        ),
        "redesign": ActivityFactory(
            organisation=brightwater,
            title="Clinic redesign",
            overview="Co-designing the waiting room.",
            approach=approach("co_design"),
            decision_level=DecisionLevel.SERVICE,
            starts_on=datetime.date(2026, 5, 20),
            status=Status.RUNNING,
        ),
        "care_plan": ActivityFactory(
            organisation=brightwater,
            title="My care plan",
            overview="People shape their own support.",
            approach=approach("co_production"),
            decision_level=DecisionLevel.INDIVIDUAL,
            starts_on=datetime.date(2026, 7, 1),
            status=Status.COMPLETED,
        ),
        "peer": ActivityFactory(
            organisation=brightwater,
            title="Peer support network",
            overview="Run by and for carers.",
            approach=approach("user_led"),
            decision_level=DecisionLevel.SERVICE,
            starts_on=datetime.date(2026, 9, 1),
            agreed_with=["Ann"],
        ),
        "northgate": ActivityFactory(
            organisation=northgate,
            title="Northgate carers panel",
            overview="Carers advise the council.",
            approach=approach("consultation_feedback"),
            decision_level=DecisionLevel.SERVICE,
        ),
    }
    Agreement.objects.filter(activity=made["redesign"]).update(
        influence_level=influence_level("participation")
    )
    return made


def listed(client, **params) -> set[str]:
    response = client.get(reverse("activities:activity-list"), params)
    assert response.status_code == 200
    return {activity.title for activity in response.context["object_list"]}


def test_the_list_shows_only_the_organisations_own_activities(activities, staff_client):
    assert listed(staff_client) == {
        "Carers forum",
        "Shadow board",
        "Clinic redesign",
        "My care plan",
        "Peer support network",
    }


def test_a_service_user_sees_only_the_activities_they_take_part_in(
    activities, client_for, service_user
):
    assert listed(client_for(service_user)) == {"Shadow board"}
    assert listed(client_for(service_user), q="carers") == set()


def test_another_organisation_sees_only_its_own(activities, client_for, other_org_staff):
    assert listed(client_for(other_org_staff)) == {"Northgate carers panel"}


def test_search_looks_in_title_and_overview_ignoring_case(activities, staff_client):
    assert listed(staff_client, q="CARERS") == {"Carers forum", "Peer support network"}
    assert listed(staff_client, q="waiting room") == {"Clinic redesign"}


@pytest.mark.parametrize(
    "status, expected",
    [
        (Status.DRAFT, {"Carers forum"}),
        (Status.AGREED, {"Shadow board", "Peer support network"}),
        (Status.RUNNING, {"Clinic redesign"}),
        (Status.COMPLETED, {"My care plan"}),
        (Status.REVIEWED, set()),
    ],
)
def test_filter_by_status(activities, staff_client, status, expected):
    assert listed(staff_client, status=status) == expected


def test_filter_by_approach(activities, staff_client):
    co_design = approach("co_design")
    assert listed(staff_client, approach=co_design.pk) == {"Clinic redesign"}


def test_filter_by_influence_level(activities, staff_client):
    assert listed(staff_client, influence_level=influence_level("participation").pk) == {
        "Clinic redesign"
    }
    # The factory agrees activities at "consulting".
    assert listed(staff_client, influence_level=influence_level("consulting").pk) == {
        "Shadow board",
        "Peer support network",
    }


@pytest.mark.parametrize(
    "level, expected",
    [
        (DecisionLevel.STRATEGIC, {"Shadow board"}),
        (DecisionLevel.INDIVIDUAL, {"My care plan"}),
        (DecisionLevel.SERVICE, {"Carers forum", "Clinic redesign", "Peer support network"}),
    ],
)
def test_filter_by_decision_level(activities, staff_client, level, expected):
    assert listed(staff_client, decision_level=level) == expected


def test_filter_by_lead(activities, staff_client, staff, org_admin):
    assert listed(staff_client, lead=staff.pk) == {"Carers forum"}
    assert listed(staff_client, lead=org_admin.pk) == {"Shadow board"}


def test_filter_by_lead_offers_only_the_organisations_admins_and_staff(
    activities, staff_client, other_org_staff, trustee
):
    response = staff_client.get(reverse("activities:activity-list"))
    leads = set(response.context["filter"].form.fields["lead"].queryset)
    assert other_org_staff not in leads
    assert trustee not in leads
    # A lead from elsewhere is not understood, so it is ignored and the page says so.
    response = staff_client.get(reverse("activities:activity-list"), {"lead": other_org_staff.pk})
    assert len(response.context["object_list"]) == 5
    assert b"Some filters were not understood" in response.content


def test_filter_by_date_range(activities, staff_client):
    assert listed(staff_client, starts_after="2026-03-01", starts_before="2026-07-01") == {
        "Shadow board",
        "Clinic redesign",
        "My care plan",
    }
    assert listed(staff_client, starts_after="2026-08-01") == {"Peer support network"}
    assert listed(staff_client, starts_before="2026-01-10") == {"Carers forum"}


def test_filters_combine(activities, staff_client):
    params = {"decision_level": DecisionLevel.SERVICE, "status": Status.AGREED, "q": "carers"}
    assert listed(staff_client, **params) == {"Peer support network"}


def test_the_overview_counts_match_the_activities(activities, client_for, trustee):
    response = client_for(trustee).get(reverse("activities:activity-overview"))
    context = response.context
    assert context["total"] == 5
    assert {value: n for value, _label, n in context["by_status"]} == {
        "draft": 1,
        "agreed": 2,
        "running": 1,
        "completed": 1,
        "reviewed": 0,
    }
    assert {a.key: n for a, n in context["by_approach"]} == {
        "consultation_feedback": 1,
        "collaboration": 1,
        "co_design": 1,
        "co_production": 1,
        "user_led": 1,
    }
    by_level = {level.key: n for level, n in context["by_influence_level"]}
    assert by_level["consulting"] == 2
    assert by_level["participation"] == 1
    assert sum(by_level.values()) == 3
    assert context["without_level"] == 2


def test_the_overview_of_another_organisation_counts_only_its_own(
    activities, client_for, other_org_staff
):
    context = client_for(other_org_staff).get(reverse("activities:activity-overview")).context
    assert context["total"] == 1
    assert {a.key: n for a, n in context["by_approach"]}["consultation_feedback"] == 1
    assert context["without_level"] == 1


@pytest.mark.parametrize(
    "params",
    [
        {"approach": "abc"},
        {"influence_level": "9999"},
        {"lead": "x"},
        {"starts_after": "2026-13-45"},
        {"status": "archived"},
        {"q": "nul\x00byte"},
    ],
)
def test_filters_that_are_not_understood_are_ignored_not_an_error(activities, staff_client, params):
    response = staff_client.get(reverse("activities:activity-list"), params)
    assert response.status_code == 200
    assert len(response.context["object_list"]) == 5


def test_at_a_glance_counts_people_how_they_came_in_staff_sessions_held_and_attendances(
    brightwater, staff, org_admin
):
    activity = ActivityFactory(organisation=brightwater, created_by=staff)
    activity.staff_involved.set([staff, org_admin])
    invited = [InvolvementFactory(activity=activity, came_in="invited") for _ in range(3)]
    volunteered = InvolvementFactory(activity=activity, came_in="volunteered")
    now = timezone.now()
    held = [
        SessionFactory(activity=activity, starts_at=now - datetime.timedelta(days=days))
        for days in (14, 7)
    ]
    upcoming = SessionFactory(activity=activity, starts_at=now + datetime.timedelta(days=7))
    for session in held:
        AttendanceFactory(session=session, participant=invited[0].participant)
    AttendanceFactory(session=held[1], participant=volunteered.participant)
    AttendanceFactory(session=held[1], participant=invited[1].participant, status="apologies")
    AttendanceFactory(session=upcoming, participant=invited[2].participant, status="absent")
    # Someone else's activity counts for nothing here.
    other = InvolvementFactory(activity=ActivityFactory(organisation=brightwater))
    AttendanceFactory(
        session=SessionFactory(activity=other.activity), participant=other.participant
    )

    assert selectors.activity_at_a_glance(activity) == {
        "people": 4,
        "staff": 2,
        "invited": 3,
        "volunteered": 1,
        "sessions_held": 2,
        "attended": 3,
    }


def test_at_a_glance_of_an_activity_with_nobody_yet_is_all_zero(brightwater):
    activity = ActivityFactory(organisation=brightwater)
    assert set(selectors.activity_at_a_glance(activity).values()) == {0}


@pytest.fixture
def participants(brightwater, northgate):
    for name, email in [
        ("Ann Lee", "ann@example.org"),
        ("Bo Tran", "bo.tran@example.org"),
        ("Cy Annan", ""),
        ("Dee", "LEE.D@example.org"),
    ]:
        ParticipantFactory(organisation=brightwater, name=name, email=email)
    ParticipantFactory(organisation=northgate, name="Ann at Northgate")


def people_listed(client, **params) -> set[str]:
    response = client.get(reverse("activities:participant-list"), params)
    assert response.status_code == 200
    return {person.name for person in response.context["object_list"]}


def test_the_people_list_shows_only_the_organisations_own(
    participants, staff_client, client_for, other_org_staff
):
    assert people_listed(staff_client) == {"Ann Lee", "Bo Tran", "Cy Annan", "Dee"}
    assert people_listed(client_for(other_org_staff)) == {"Ann at Northgate"}


@pytest.mark.parametrize(
    "q, expected",
    [
        ("ann", {"Ann Lee", "Cy Annan"}),
        ("LEE", {"Ann Lee", "Dee"}),
        ("bo.tran@", {"Bo Tran"}),
        ("  tran  ", {"Bo Tran"}),
        ("northgate", set()),
        ("", {"Ann Lee", "Bo Tran", "Cy Annan", "Dee"}),
    ],
)
def test_people_search_looks_in_name_and_email_ignoring_case(
    participants, staff_client, q, expected
):
    assert people_listed(staff_client, q=q) == expected


def test_people_list_counts_each_persons_activities(brightwater, staff_client):
    ann = ParticipantFactory(organisation=brightwater, name="Ann Lee")
    for _ in range(3):
        InvolvementFactory(activity=ActivityFactory(organisation=brightwater), participant=ann)
    ParticipantFactory(organisation=brightwater, name="Bo Tran")
    response = staff_client.get(reverse("activities:participant-list"))
    counts = {person.name: person.n_involvements for person in response.context["object_list"]}
    assert counts == {"Ann Lee": 3, "Bo Tran": 0}


def test_a_service_user_sees_an_activity_they_are_involved_in(
    activities, brightwater, client_for, service_user
):
    """Involved through an Involvement, not the agreement: the list and the page both open."""
    jordan = Participant.objects.get(user=service_user)
    InvolvementFactory(activity=activities["peer"], participant=jordan)
    client = client_for(service_user)
    assert listed(client) == {"Shadow board", "Peer support network"}
    assert client.get(activities["peer"].get_absolute_url()).status_code == 200
    for other in ("forum", "redesign", "care_plan", "northgate"):
        assert client.get(activities[other].get_absolute_url()).status_code == 404


def test_the_sessions_of_an_activity_a_service_user_is_involved_in_are_in_their_scope(
    activities, client_for, service_user
):
    """In scope, so changing one is refused (403) rather than hidden (404) as others are."""
    jordan = Participant.objects.get(user=service_user)
    InvolvementFactory(activity=activities["peer"], participant=jordan)
    client = client_for(service_user)
    for activity, status in ((activities["peer"], 403), (activities["forum"], 404)):
        session = SessionFactory(activity=activity)
        url = reverse("activities:session-update", args=[session.pk])
        assert client.get(url).status_code == status


def test_someone_elses_involvement_does_not_open_an_activity_to_a_service_user(
    activities, brightwater, client_for, service_user
):
    InvolvementFactory(activity=activities["forum"], participant__name="Someone else")
    client = client_for(service_user)
    assert listed(client) == {"Shadow board"}
    assert client.get(activities["forum"].get_absolute_url()).status_code == 404
