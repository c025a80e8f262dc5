"""Recording a quarter's value for an activity's measure, with its evidence."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from outcomes import services
from outcomes.models import MeasureValue
from outcomes.periods import quarter_of

from ..factories import ActivityFactory, ActivityMeasureFactory, MeasureFactory
from ..pages import Page, assert_field_error, assert_form_error

Q1 = "2026-04-01"  # 2026/27 Q1, April to June 2026


def record_url(use):
    return reverse("outcomes:measure-value-record", args=[use.pk])


def use_of(activity, kind="count", **fields):
    measure = MeasureFactory(organisation=activity.organisation, kind=kind, **fields)
    return ActivityMeasureFactory(activity=activity, measure=measure)


def test_staff_record_a_quarters_value_with_its_evidence(staff_client, staff, activity):
    use = use_of(activity, name="Decisions changed by the panel")
    data = {"period": Q1, "value": "12", "evidence": "Minutes of the May and June panels."}
    response = staff_client.post(record_url(use), data, follow=True)
    assert response.redirect_chain[-1][0] == reverse(
        "outcomes:activity-measures", args=[activity.pk]
    )
    html = response.content.decode()
    assert "Recorded “Decisions changed by the panel” for 2026/27 Q1." in html
    value = MeasureValue.objects.get(activity_measure=use)
    assert (value.period_start, value.period_end) == (
        datetime.date(2026, 4, 1),
        datetime.date(2026, 6, 30),
    )
    assert (value.number, value.evidence, value.recorded_by) == (
        Decimal("12"),
        "Minutes of the May and June panels.",
        staff,
    )
    assert value.organisation == activity.organisation
    assert "Minutes of the May and June panels." in html
    assert "Recorded by Sam Patel" in html


def test_recording_the_same_quarter_again_corrects_the_one_value(staff_client, activity):
    use = use_of(activity)
    staff_client.post(record_url(use), {"period": Q1, "value": "12", "evidence": "First count"})
    staff_client.post(record_url(use), {"period": Q1, "value": "14", "evidence": "Recounted"})
    value = MeasureValue.objects.get(activity_measure=use)
    assert (value.number, value.evidence) == (Decimal("14"), "Recounted")


def test_the_form_shows_what_a_quarter_already_holds(staff_client, activity):
    use = use_of(activity)
    staff_client.post(record_url(use), {"period": Q1, "value": "12", "evidence": "Sign-in sheets"})
    page = Page.of(staff_client.get(record_url(use) + f"?period={Q1}"))
    assert page.value("period") == Q1
    assert Decimal(page.value("value")) == 12
    assert page.value("evidence") == "Sign-in sheets"


def test_the_form_offers_the_quarters_the_activity_has_run_in(staff_client, brightwater, staff):
    activity = ActivityFactory(
        organisation=brightwater,
        created_by=staff,
        starts_on=datetime.date(2026, 2, 10),
        ends_on=datetime.date(2026, 8, 31),
    )
    html = staff_client.get(record_url(use_of(activity))).content.decode()
    assert 'value="2026-01-01"' in html
    assert 'value="2026-04-01"' in html
    assert 'value="2026-07-01"' in html
    assert 'value="2025-10-01"' not in html
    assert 'value="2026-10-01"' not in html


@pytest.mark.parametrize(
    "kind, typed, message",
    [
        ("count", "2.5", "Enter a whole number of 0 or more, like 12."),
        ("percentage", "120", "Enter a percentage from 0 to 100, like 65."),
        ("scale", "7", "Enter a score from 1 to 5, like 3.5."),
        ("count", "abc", "Enter a number, like 12."),
        ("percentage", "", "Enter the value."),
    ],
)
def test_a_value_that_does_not_fit_the_measure_is_refused_and_kept(
    kind, typed, message, staff_client, activity
):
    use = use_of(activity, kind=kind)
    data = {"period": Q1, "value": typed, "evidence": "From the survey"}
    response = staff_client.post(record_url(use), data)
    page = assert_field_error(response, "value", message)
    assert page.value("value") == typed
    assert page.value("evidence") == "From the survey"
    assert page.value("period") == Q1
    assert not MeasureValue.objects.filter(activity_measure=use).exists()


def test_a_count_too_big_to_hold_is_refused_beside_the_value(client_for, staff, activity):
    use = use_of(activity)
    response = client_for(staff, raise_request_exception=True).post(
        record_url(use), {"period": Q1, "value": "123456789012345"}
    )
    assert response.status_code == 200
    assert not MeasureValue.objects.filter(activity_measure=use).exists()


def test_a_yes_or_no_measure_takes_yes_or_no(staff_client, activity):
    use = use_of(activity, kind="yes_no")
    response = staff_client.post(record_url(use), {"period": Q1, "value": "maybe"})
    assert_field_error(
        response,
        "value",
        "Select a valid choice. maybe is not one of the available choices.",
        choices=True,
    )
    assert staff_client.post(record_url(use), {"period": Q1, "value": "yes"}).status_code == 302
    assert MeasureValue.objects.get(activity_measure=use).answer is True


def test_a_measure_in_words_takes_what_happened(staff_client, activity):
    use = use_of(activity, kind="narrative")
    response = staff_client.post(record_url(use), {"period": Q1, "value": "", "evidence": "Notes"})
    page = assert_field_error(response, "value", "Write what happened in this period.")
    assert page.value("evidence") == "Notes"
    words = "The board changed its visiting hours after the panel's report."
    assert staff_client.post(record_url(use), {"period": Q1, "value": words}).status_code == 302
    value = MeasureValue.objects.get(activity_measure=use)
    assert (value.narrative, value.number, value.answer) == (words, None, None)


@pytest.mark.parametrize(
    "period",
    [
        "2025-10-01",  # the quarter before the activity started
        "2026-05-01",  # not the first day of a quarter
        "2099-04-01",  # far in the future
        "last quarter",
    ],
)
def test_a_period_outside_the_activity_is_refused(period, staff_client, activity):
    use = use_of(activity)
    data = {"period": period, "value": "12", "evidence": "Kept"}
    response = staff_client.post(record_url(use), data)
    page = assert_field_error(response, "period", "Choose a period when the activity was running.")
    assert page.value("value") == "12"
    assert page.value("evidence") == "Kept"
    assert not MeasureValue.objects.filter(activity_measure=use).exists()


def test_a_period_after_the_activity_ended_is_refused(staff_client, brightwater, staff):
    activity = ActivityFactory(
        organisation=brightwater,
        created_by=staff,
        starts_on=datetime.date(2026, 1, 15),
        ends_on=datetime.date(2026, 5, 31),
    )
    use = use_of(activity)
    response = staff_client.post(record_url(use), {"period": "2026-07-01", "value": "3"})
    assert_field_error(response, "period", "Choose a period when the activity was running.")
    assert not MeasureValue.objects.exists()


def test_an_activity_that_has_not_started_cannot_record_yet(staff_client, brightwater, staff):
    next_year = timezone.localdate().replace(day=1) + datetime.timedelta(days=400)
    period = quarter_of(next_year, brightwater.year_start_month)
    activity = ActivityFactory(organisation=brightwater, created_by=staff, starts_on=period.start)
    use = use_of(activity)
    response = staff_client.post(record_url(use), {"period": period.key, "value": "3"})
    assert_field_error(response, "period", f"{period.label} has not started yet.")
    assert not MeasureValue.objects.exists()


def test_the_service_says_why_a_period_does_not_fit(staff, brightwater):
    activity = ActivityFactory(
        organisation=brightwater,
        created_by=staff,
        starts_on=datetime.date(2026, 2, 10),
        ends_on=datetime.date(2026, 5, 31),
    )
    use = use_of(activity)
    before = quarter_of(datetime.date(2025, 12, 1), 4)
    after = quarter_of(datetime.date(2026, 7, 1), 4)
    with pytest.raises(ValidationError) as refused:
        services.measure_value_record(
            activity_measure=use, period=before, value={"number": 1}, evidence="", recorded_by=staff
        )
    assert refused.value.message_dict["period"] == [
        "2025/26 Q3 is before the activity started. Choose a period from 10/02/2026 on."
    ]
    with pytest.raises(ValidationError) as refused:
        services.measure_value_record(
            activity_measure=use, period=after, value={"number": 1}, evidence="", recorded_by=staff
        )
    assert refused.value.message_dict["period"] == [
        "2026/27 Q2 is after the activity ended. Choose an earlier period."
    ]
    assert not MeasureValue.objects.exists()


@pytest.mark.parametrize("catalogue_key", ["number-of-users-involved", "improved-user-confidence"])
def test_values_the_app_works_out_or_people_give_cannot_be_typed(
    catalogue_key, staff_client, activity, brightwater, table1
):
    use = ActivityMeasureFactory(activity=activity, measure=table1(brightwater, catalogue_key))
    response = staff_client.post(record_url(use), {"period": Q1, "value": "3"})
    assert_form_error(response, "This measure is filled in from the app’s own records.")
    assert not MeasureValue.objects.exists()


def test_a_retired_measure_takes_no_new_values(staff_client, activity):
    use = use_of(activity, name="Panels held")
    services.measure_retire(measure=use.measure)
    response = staff_client.post(record_url(use), {"period": Q1, "value": "3"})
    assert_form_error(
        response, "“Panels held” has been retired. Choose a measure that is still in use."
    )
    assert not MeasureValue.objects.exists()


def test_the_activity_page_shows_values_against_the_target(staff_client, activity):
    use = use_of(activity, tier="outcome", name="Decisions changed")
    use.baseline, use.target = 2, 10
    use.save()
    staff_client.post(record_url(use), {"period": "2026-01-01", "value": "4"})
    staff_client.post(record_url(use), {"period": Q1, "value": "8"})
    page = staff_client.get(reverse("outcomes:activity-measures", args=[activity.pk]))
    card = page.content.decode().split(f'id="use-{use.pk}"')[1]
    assert "Not at target yet" in card
    staff_client.post(record_url(use), {"period": "2026-07-01", "value": "11"})
    page = staff_client.get(reverse("outcomes:activity-measures", args=[activity.pk]))
    assert "Target reached" in page.content.decode().split(f'id="use-{use.pk}"')[1]


def test_a_target_below_the_baseline_is_reached_by_going_down(staff_client, activity):
    use = use_of(activity, tier="outcome", name="Complaints", counts_people=False)
    use.baseline, use.target = 10, 4
    use.save()
    staff_client.post(record_url(use), {"period": Q1, "value": "3"})
    page = staff_client.get(reverse("outcomes:activity-measures", args=[activity.pk]))
    assert "Target reached" in page.content.decode().split(f'id="use-{use.pk}"')[1]
