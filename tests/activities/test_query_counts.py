"""Pages cost the same number of queries at 10 rows as at 200: no N+1."""

import datetime
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from activities.models import (
    Activity,
    Agreement,
    Aim,
    Approach,
    ContactRoute,
    InfluenceLevel,
    Participant,
)

from ..factories import (
    ActivityFactory,
    AgreementEventFactory,
    AttendanceFactory,
    InvolvementFactory,
    ParticipantFactory,
    SessionFactory,
)

MAX_QUERIES = 15
# The activity page also shows its staff and the range of people involved (one query each).
ACTIVITY_PAGE_MAX_QUERIES = 17


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def add_activities(organisation, leads, count):
    """`count` activities with every related row the list and overview show filled in."""
    approaches = itertools.cycle(Approach.objects.all())
    levels = itertools.cycle([*InfluenceLevel.objects.all(), None])
    leads = itertools.cycle(leads)
    aims = list(Aim.objects.all()[:2])
    start = Activity.objects.count()
    for n in range(start, start + count):
        activity = ActivityFactory(
            organisation=organisation,
            lead=next(leads),
            approach=next(approaches),
            starts_on=datetime.date(2026, 1, 1) + datetime.timedelta(days=n),
            aims=aims,
            motives=["intrinsic"],
            status=Activity.Status.values[n % 5],
        )
        Agreement.objects.filter(activity=activity).update(influence_level=next(levels))


@pytest.mark.parametrize(
    "url_name, persona",
    [
        ("activities:activity-list", "staff"),
        ("activities:activity-list", "service_user"),
        ("activities:activity-overview", "trustee"),
    ],
)
def test_list_pages_cost_the_same_at_10_and_200_activities(
    url_name, persona, people, brightwater, client_for, django_assert_max_num_queries
):
    client = client_for(people[persona])
    leads = [people["staff"], people["org_admin"]]
    url = reverse(url_name)
    add_activities(brightwater, leads, 10)
    if persona == "service_user":
        jordan = ParticipantFactory(organisation=brightwater, user=people["service_user"])
        for agreement in Agreement.objects.all():
            agreement.participants.add(jordan)
    at_10 = queries_for(client, url)

    add_activities(brightwater, leads, 190)
    if persona == "service_user":
        for agreement in Agreement.objects.all():
            agreement.participants.add(jordan)
    with django_assert_max_num_queries(MAX_QUERIES):
        at_200 = queries_for(client, url)

    assert at_200 == at_10


def test_the_activity_page_costs_the_same_with_10_and_200_sessions_events_and_people(
    brightwater, staff, client_for, django_assert_max_num_queries
):
    activity = ActivityFactory(organisation=brightwater, created_by=staff, agreed_with=["Ann"])

    def add(count):
        for _ in range(count):
            SessionFactory(activity=activity, papers_sent_on=datetime.date(2026, 3, 1))
            AgreementEventFactory(agreement=activity.agreement, actor=staff)
            activity.agreement.participants.add(ParticipantFactory(organisation=brightwater))

    client = client_for(staff)
    url = activity.get_absolute_url()
    SessionFactory(activity=activity)
    add(9)  # with the agreement's own event and participant: 10 of each
    at_10 = queries_for(client, url)
    add(190)
    with django_assert_max_num_queries(ACTIVITY_PAGE_MAX_QUERIES):
        at_200 = queries_for(client, url)
    assert at_200 == at_10


def add_people(organisation, count, *, activity=None, session=None):
    """`count` people with everything the people pages show filled in; involved in `activity`
    and recorded at `session` when given."""
    start = Participant.objects.count()
    for n in range(start, start + count):
        person = ParticipantFactory(
            organisation=organisation,
            contact_by=ContactRoute.values[n % 4],
            email=f"person{n}@example.org",
            preferred_formats=["easy_read"],
            access_needs=["step_free"],
        )
        if activity:
            InvolvementFactory(activity=activity, participant=person, came_in="volunteered")
        if session:
            AttendanceFactory(session=session, participant=person)


def test_the_people_list_costs_the_same_at_10_and_200_people(
    brightwater, staff, client_for, django_assert_max_num_queries
):
    activity = ActivityFactory(organisation=brightwater, created_by=staff)
    client = client_for(staff)
    url = reverse("activities:participant-list")
    add_people(brightwater, 10, activity=activity)
    at_10 = queries_for(client, url)
    add_people(brightwater, 190, activity=activity)
    with django_assert_max_num_queries(MAX_QUERIES):
        at_200 = queries_for(client, url)
    assert at_200 == at_10


@pytest.mark.parametrize("persona", ["staff", "trustee"])
def test_the_activity_page_costs_the_same_with_2_and_40_people_involved(
    persona, people, brightwater, client_for, django_assert_max_num_queries
):
    activity = ActivityFactory(organisation=brightwater, created_by=people["staff"])
    session = SessionFactory(activity=activity)
    client = client_for(people[persona])
    url = activity.get_absolute_url()
    add_people(brightwater, 2, activity=activity, session=session)
    at_2 = queries_for(client, url)
    add_people(brightwater, 38, activity=activity, session=session)
    with django_assert_max_num_queries(ACTIVITY_PAGE_MAX_QUERIES):
        at_40 = queries_for(client, url)
    assert at_40 == at_2


def test_a_persons_page_costs_the_same_with_2_and_30_involvements(
    brightwater, staff, client_for, django_assert_max_num_queries
):
    ann = ParticipantFactory(organisation=brightwater, name="Ann Lee")

    def involve(count):
        for _ in range(count):
            activity = ActivityFactory(organisation=brightwater, created_by=staff)
            InvolvementFactory(
                activity=activity, participant=ann, ended_on=datetime.date(2026, 12, 31)
            )

    client = client_for(staff)
    url = reverse("activities:participant-detail", args=[ann.pk])
    involve(2)
    at_2 = queries_for(client, url)
    involve(28)
    with django_assert_max_num_queries(MAX_QUERIES):
        at_30 = queries_for(client, url)
    assert at_30 == at_2


def test_the_attendance_page_costs_the_same_with_2_and_40_people(
    brightwater, staff, client_for, django_assert_max_num_queries
):
    activity = ActivityFactory(organisation=brightwater, created_by=staff)
    session = SessionFactory(activity=activity)
    client = client_for(staff)
    url = reverse("activities:session-attendance", args=[session.pk])
    add_people(brightwater, 2, activity=activity, session=session)
    at_2 = queries_for(client, url)
    add_people(brightwater, 38, activity=activity, session=session)
    with django_assert_max_num_queries(ACTIVITY_PAGE_MAX_QUERIES):
        at_40 = queries_for(client, url)
    assert at_40 == at_2
