"""The dashboard keeps its computed figures in the cache; every write to a row they count
makes it work them out again, so nobody sees a figure older than the data."""

import datetime

from django.urls import reverse
from django.utils import timezone

from outcomes.periods import quarter_of
from outcomes.selectors.cached import cached_computed_figures
from outcomes.selectors.computed import computed_figures

from ..factories import (
    AboutYouFactory,
    ActivityFactory,
    FeedbackRequestFactory,
    FeedbackResponseFactory,
    InvolvementFactory,
    ParticipantFactory,
    SessionFactory,
    TrainingRecordFactory,
)


def this_quarter(organisation):
    return [quarter_of(timezone.localdate(), organisation.year_start_month)]


def figures(organisation):
    return cached_computed_figures(organisation, this_quarter(organisation))


def shown(organisation, key):
    return figures(organisation)[key][0].shown


def test_cached_figures_are_the_computed_ones(brightwater, staff):
    activity = ActivityFactory(organisation=brightwater, lead=staff)
    for _n in range(9):
        InvolvementFactory(activity=activity, started_on=activity.starts_on)
    periods = this_quarter(brightwater)
    assert figures(brightwater) == computed_figures(brightwater, periods)


def test_a_new_involvement_shows_at_once(brightwater, staff):
    activity = ActivityFactory(organisation=brightwater, lead=staff)
    for _n in range(8):
        InvolvementFactory(activity=activity, started_on=activity.starts_on)
    assert shown(brightwater, "users_involved") == 8
    InvolvementFactory(activity=activity, started_on=activity.starts_on)
    assert shown(brightwater, "users_involved") == 9


def test_a_deleted_involvement_shows_at_once(brightwater, staff):
    activity = ActivityFactory(organisation=brightwater, lead=staff)
    involvements = [
        InvolvementFactory(activity=activity, started_on=activity.starts_on) for _n in range(9)
    ]
    assert shown(brightwater, "users_involved") == 9
    involvements[0].delete()
    assert shown(brightwater, "users_involved") == 8


def test_sessions_training_about_you_and_answers_each_refresh_the_figures(brightwater, staff):
    activity = ActivityFactory(organisation=brightwater, lead=staff)
    now = timezone.now()
    assert shown(brightwater, "events_held") == 0
    SessionFactory(activity=activity, starts_at=now - datetime.timedelta(minutes=5))
    assert shown(brightwater, "events_held") == 1

    people = [ParticipantFactory(organisation=brightwater) for _n in range(8)]
    for person in people:
        InvolvementFactory(activity=activity, participant=person, started_on=activity.starts_on)
    assert shown(brightwater, "completed_training") == 0
    for person in people:
        TrainingRecordFactory(participant=person, completed_on=timezone.localdate())
    assert shown(brightwater, "completed_training") == 8

    assert shown(brightwater, "range_of_users") == 0
    for person in people:
        AboutYouFactory(participant=person)
    assert shown(brightwater, "range_of_users") == 8

    assert shown(brightwater, "met_peers") == 0
    for person in people:
        request = FeedbackRequestFactory(activity=activity, participant=person)
        FeedbackResponseFactory(request=request, activity=activity, submitted_at=now)
    assert shown(brightwater, "met_peers") == 8


def test_staff_involved_changes_refresh_the_figures(brightwater, staff, org_admin):
    activity = ActivityFactory(organisation=brightwater, lead=staff)
    assert shown(brightwater, "staff_involved") == 0
    activity.staff_involved.add(staff)
    assert shown(brightwater, "staff_involved") == 1
    org_admin.activities_involved_in.add(activity)
    assert shown(brightwater, "staff_involved") == 2


def test_a_new_threshold_shows_at_once(client_for, trustee, brightwater, staff):
    activity = ActivityFactory(organisation=brightwater, lead=staff)
    for _n in range(6):
        InvolvementFactory(activity=activity, started_on=activity.starts_on)
    assert shown(brightwater, "users_involved") == "*"
    brightwater.suppression_threshold = 5
    brightwater.save()
    assert shown(brightwater, "users_involved") == 6
    html = client_for(trustee).get(reverse("outcomes:dashboard")).content.decode()
    assert "Number of users involved" in html


def test_figures_are_kept_per_organisation(brightwater, northgate, staff):
    activity = ActivityFactory(organisation=brightwater, lead=staff)
    for _n in range(8):
        InvolvementFactory(activity=activity, started_on=activity.starts_on)
    assert shown(brightwater, "users_involved") == 8
    assert shown(northgate, "users_involved") == 0
