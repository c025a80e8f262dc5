"""Pages cost the same number of queries at 10 rows as at 200: no N+1."""

import datetime
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from activities.models import Activity, Agreement, Aim, Approach, InfluenceLevel

from ..factories import ActivityFactory, AgreementEventFactory, ParticipantFactory, SessionFactory

MAX_QUERIES = 15


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
    with django_assert_max_num_queries(MAX_QUERIES):
        at_200 = queries_for(client, url)
    assert at_200 == at_10
