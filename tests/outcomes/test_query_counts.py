"""Outcome pages cost the same number of queries with little data as with much: no N+1."""

import datetime
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from outcomes.models import Measure

from ..factories import (
    ActivityFactory,
    ActivityMeasureFactory,
    FeedbackRequestFactory,
    FeedbackResponseFactory,
    InvolvementFactory,
    MeasureFactory,
    MeasureValueFactory,
    ParticipantFactory,
    SelfReportFactory,
    SessionFactory,
    TrainingRecordFactory,
)

Q1 = "2026-04-01"
QUARTERS = [datetime.date(2026, 1, 1), datetime.date(2026, 4, 1), datetime.date(2026, 7, 1)]


def queries_for(client, url, **params) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(context.captured_queries)


def add_activities(organisation, staff, count, measures):
    """`count` activities with everything the outcome pages count filled in: people, a
    session, feedback with scores, recorded values for each quarter, training."""
    kinds = itertools.cycle(measures)
    for _ in range(count):
        activity = ActivityFactory(
            organisation=organisation,
            created_by=staff,
            starts_on=datetime.date(2026, 1, 15),
            staff_involved=[staff],
        )
        for _ in range(3):
            involvement = InvolvementFactory(
                activity=activity, started_on=datetime.date(2026, 2, 1)
            )
            TrainingRecordFactory(participant=involvement.participant)
        SessionFactory(
            activity=activity, starts_at=datetime.datetime(2026, 5, 5, 10, tzinfo=datetime.UTC)
        )
        use = ActivityMeasureFactory(activity=activity, measure=next(kinds))
        for start in QUARTERS:
            MeasureValueFactory(
                activity_measure=use,
                period_start=start,
                period_end=start + datetime.timedelta(days=89),
                recorded_by=staff,
                evidence="Minutes",
            )
        scored = ActivityMeasureFactory(activity=activity, measure=measures.self_reported)
        response = FeedbackResponseFactory(
            request=FeedbackRequestFactory(activity=activity),
            submitted_at=datetime.datetime(2026, 5, 10, tzinfo=datetime.UTC),
        )
        SelfReportFactory(activity_measure=scored, response=response)


class Measures(list):
    self_reported: Measure


@pytest.fixture
def measures(brightwater, table1):
    kinds = Measures(
        MeasureFactory(organisation=brightwater, kind=kind, name=f"Our {kind} measure")
        for kind in ("count", "percentage", "scale", "yes_no", "narrative")
    )
    kinds.self_reported = table1(brightwater, "improved-user-confidence")
    return kinds


DASHBOARD_MAX_QUERIES = 25


def test_the_dashboard_costs_the_same_with_2_and_20_activities(
    brightwater, staff, trustee, client_for, measures, django_assert_max_num_queries
):
    client = client_for(trustee)
    url = reverse("outcomes:dashboard")
    add_activities(brightwater, staff, 2, measures)
    at_2 = queries_for(client, url, period=Q1)
    add_activities(brightwater, staff, 18, measures)
    with django_assert_max_num_queries(DASHBOARD_MAX_QUERIES):
        at_20 = queries_for(client, url, period=Q1)
    assert at_20 == at_2


def test_the_dashboard_csv_costs_the_same_with_2_and_20_activities(
    brightwater, staff, trustee, client_for, measures, django_assert_max_num_queries
):
    client = client_for(trustee)
    url = reverse("outcomes:dashboard-csv")
    add_activities(brightwater, staff, 2, measures)
    at_2 = queries_for(client, url, period=Q1)
    add_activities(brightwater, staff, 18, measures)
    with django_assert_max_num_queries(DASHBOARD_MAX_QUERIES):
        at_20 = queries_for(client, url, period=Q1)
    assert at_20 == at_2


PAGE_MAX_QUERIES = 15


@pytest.mark.parametrize("key", ["users_involved", "range_of_users", "user_led"])
def test_a_figures_page_costs_the_same_with_2_and_20_activities(
    key, brightwater, staff, trustee, client_for, measures, django_assert_max_num_queries
):
    client = client_for(trustee)
    url = reverse("outcomes:figure-detail", args=[key])
    add_activities(brightwater, staff, 2, measures)
    at_2 = queries_for(client, url, period=Q1)
    add_activities(brightwater, staff, 18, measures)
    with django_assert_max_num_queries(PAGE_MAX_QUERIES):
        at_20 = queries_for(client, url, period=Q1)
    assert at_20 == at_2


def test_the_measures_list_costs_the_same_with_10_and_200_own_measures(
    brightwater, staff, client_for, django_assert_max_num_queries
):
    client = client_for(staff)
    url = reverse("outcomes:measure-list")
    activity = ActivityFactory(organisation=brightwater, created_by=staff)

    def add(count):
        for _ in range(count):
            measure = MeasureFactory(organisation=brightwater)
            ActivityMeasureFactory(activity=activity, measure=measure)

    add(10)
    at_10 = queries_for(client, url)
    add(190)
    Measure.objects.filter(organisation=brightwater, catalogue_key="").filter(
        pk__in=Measure.objects.filter(organisation=brightwater, catalogue_key="").values("pk")[:50]
    ).update(retired_at=datetime.datetime(2026, 6, 1, tzinfo=datetime.UTC))
    with django_assert_max_num_queries(PAGE_MAX_QUERIES):
        at_200 = queries_for(client, url)
    assert at_200 == at_10


def test_the_training_list_costs_the_same_with_10_and_200_records(
    brightwater, staff, client_for, django_assert_max_num_queries
):
    client = client_for(staff)
    url = reverse("outcomes:training-list")

    def add(count):
        for _ in range(count):
            TrainingRecordFactory(participant=ParticipantFactory(organisation=brightwater))

    add(10)
    at_10 = queries_for(client, url)
    add(190)
    with django_assert_max_num_queries(PAGE_MAX_QUERIES):
        at_200 = queries_for(client, url)
    assert at_200 == at_10


ACTIVITY_MAX_QUERIES = 20


@pytest.mark.parametrize("persona", ["staff", "trustee"])
def test_an_activitys_measures_cost_the_same_with_2_and_20_measures(
    persona, people, brightwater, staff, client_for, django_assert_max_num_queries
):
    activity = ActivityFactory(
        organisation=brightwater, created_by=staff, starts_on=datetime.date(2026, 1, 15)
    )
    client = client_for(people[persona])
    url = reverse("outcomes:activity-measures", args=[activity.pk])
    kinds = itertools.cycle(["count", "percentage", "scale", "yes_no", "narrative"])
    # The same figure under each of its aims: one query for the figure, however many.
    computed = iter(Measure.objects.filter(organisation=brightwater, computed_key="users_involved"))

    def add(count, figures):
        for _ in range(count):
            use = ActivityMeasureFactory(
                activity=activity,
                measure=MeasureFactory(organisation=brightwater, kind=next(kinds)),
            )
            for start in QUARTERS:
                MeasureValueFactory(
                    activity_measure=use,
                    period_start=start,
                    period_end=start + datetime.timedelta(days=89),
                    recorded_by=staff,
                )
        for _ in range(figures):
            ActivityMeasureFactory(activity=activity, measure=next(computed))

    add(1, 1)
    at_2 = queries_for(client, url)
    add(14, 4)
    with django_assert_max_num_queries(ACTIVITY_MAX_QUERIES):
        at_20 = queries_for(client, url)
    assert at_20 == at_2


def test_an_activitys_measures_before_any_values_cost_the_same_with_2_and_20_measures(
    brightwater, staff, client_for, django_assert_max_num_queries
):
    activity = ActivityFactory(organisation=brightwater, created_by=staff)
    client = client_for(staff)
    url = reverse("outcomes:activity-measures", args=[activity.pk])

    def add(count):
        for _ in range(count):
            ActivityMeasureFactory(
                activity=activity, measure=MeasureFactory(organisation=brightwater)
            )

    add(2)
    at_2 = queries_for(client, url)
    add(18)
    with django_assert_max_num_queries(ACTIVITY_MAX_QUERIES):
        at_20 = queries_for(client, url)
    assert at_20 == at_2
