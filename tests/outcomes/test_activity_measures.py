"""Choosing an activity's measures, agreeing their baseline and target, and removing them:
every change to an agreed activity's measures is logged and asks for agreement again."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from activities.models import Agreement, AgreementEvent, Aim
from outcomes import services
from outcomes.models import ActivityMeasure, Measure

from ..factories import (
    ActivityFactory,
    ActivityMeasureFactory,
    FeedbackResponseFactory,
    MeasureFactory,
    MeasureValueFactory,
    ParticipantFactory,
    SelfReportFactory,
)
from ..pages import Page, assert_field_error


def choose_url(activity):
    return reverse("outcomes:activity-measures-choose", args=[activity.pk])


def measures_url(activity):
    return reverse("outcomes:activity-measures", args=[activity.pk])


def update_url(use):
    return reverse("outcomes:activity-measure-update", args=[use.pk])


def measure_events(activity):
    return AgreementEvent.objects.filter(
        agreement__activity=activity, changes__0__field="measures"
    ).order_by("pk")


def state_of(activity) -> str:
    return Agreement.objects.get(activity=activity).state


# Choosing


def test_the_measures_for_the_activitys_aims_come_first(staff_client, activity, brightwater):
    html = staff_client.get(choose_url(activity)).content.decode()
    aim = Aim.objects.get(key="extrinsic_individual")
    for measure in Measure.objects.filter(organisation=brightwater, aim=aim):
        position = html.index(f'value="{measure.pk}"')
        assert position < html.index("Measures for other aims"), measure.name
    elsewhere = Measure.objects.filter(organisation=brightwater).exclude(aim=aim).first()
    assert html.index(f'value="{elsewhere.pk}"') > html.index("Measures for other aims")


def test_an_activity_without_aims_is_offered_every_measure(staff_client, brightwater, staff):
    activity = ActivityFactory(organisation=brightwater, created_by=staff)
    html = staff_client.get(choose_url(activity)).content.decode()
    assert "This activity has no intended aims yet" in html
    assert html.count('type="checkbox"') == Measure.objects.filter(organisation=brightwater).count()


def test_choosing_measures_adds_them_and_logs_the_change(
    staff_client, staff, activity, brightwater, table1
):
    confidence = table1(brightwater, "improved-user-confidence")
    involved = table1(brightwater, "number-of-users-involved", "extrinsic_individual")
    data = {"aim_extrinsic_individual": [confidence.pk, involved.pk]}
    response = staff_client.post(choose_url(activity), data, follow=True)
    assert response.redirect_chain[-1][0] == measures_url(activity)
    assert "Measures added." in response.content.decode()
    uses = ActivityMeasure.objects.filter(activity=activity)
    assert {u.measure for u in uses} == {confidence, involved}
    assert {(u.organisation, u.added_by) for u in uses} == {(brightwater, staff)}
    [event] = measure_events(activity)
    [change] = event.changes
    assert (event.kind, event.actor) == (AgreementEvent.Kind.CHANGED, staff)
    assert (change["field"], change["label"], change["old"]) == ("measures", "Outcome measures", "")
    assert set(change["new"].split("\n")) == {confidence.name, involved.name}
    # Not agreed yet: nothing to agree again.
    assert state_of(activity) == Agreement.State.NOT_AGREED


def test_choosing_a_measure_for_an_agreed_activity_asks_for_agreement_again(
    staff_client, agreed_activity, brightwater, table1
):
    assert state_of(agreed_activity) == Agreement.State.AGREED
    measure = table1(brightwater, "improved-user-confidence")
    field = f"aim_{measure.aim.key}"
    assert staff_client.post(choose_url(agreed_activity), {field: [measure.pk]}).status_code == 302
    assert state_of(agreed_activity) == Agreement.State.NEEDS_REAGREEMENT
    assert measure_events(agreed_activity).count() == 1
    page = staff_client.get(measures_url(agreed_activity)).content.decode()
    assert "Agree them again with the people involved." in page


def test_measures_already_chosen_are_not_offered_again(staff_client, activity, brightwater):
    use = ActivityMeasureFactory(activity=activity)
    other = MeasureFactory(organisation=brightwater)
    html = staff_client.get(choose_url(activity)).content.decode()
    assert f'value="{use.measure.pk}"' not in html
    assert f'value="{other.pk}"' in html


def test_choosing_nothing_says_to_tick_one(staff_client, activity):
    response = staff_client.post(choose_url(activity), {})
    assert_field_error(
        response, "aim_extrinsic_individual", "Tick at least one measure.", choices=True
    )
    assert not ActivityMeasure.objects.filter(activity=activity).exists()
    assert not measure_events(activity).exists()


RETIRED_MESSAGE = (
    "One of the measures you ticked is no longer offered: it may have been retired or added "
    "already. Choose from the list."
)


def test_a_retired_measure_cannot_be_chosen(staff_client, activity, brightwater, table1):
    retired = table1(brightwater, "improved-user-skills", "extrinsic_individual")
    services.measure_retire(measure=retired)
    still = table1(brightwater, "improved-user-confidence")
    # A tampered form (or one opened before the measure was retired).
    data = {"aim_extrinsic_individual": [still.pk, retired.pk]}
    response = staff_client.post(choose_url(activity), data)
    page = assert_field_error(response, "aim_extrinsic_individual", RETIRED_MESSAGE, choices=True)
    assert page.values["aim_extrinsic_individual"] == [str(still.pk)]
    assert not ActivityMeasure.objects.filter(activity=activity).exists()
    assert not measure_events(activity).exists()


def test_another_organisations_measure_cannot_be_chosen(staff_client, activity, northgate, table1):
    theirs = table1(northgate, "improved-user-confidence")
    response = staff_client.post(choose_url(activity), {"aim_extrinsic_individual": [theirs.pk]})
    assert_field_error(response, "aim_extrinsic_individual", RETIRED_MESSAGE, choices=True)
    assert not ActivityMeasure.objects.filter(activity=activity).exists()


def test_the_service_refuses_a_retired_measure_and_adds_none(staff, activity, brightwater):
    fine = MeasureFactory(organisation=brightwater)
    retired = services.measure_retire(measure=MeasureFactory(organisation=brightwater))
    with pytest.raises(ValidationError, match="has been retired"):
        services.activity_measures_choose(
            activity=activity, measures=[fine, retired], added_by=staff
        )
    assert not ActivityMeasure.objects.filter(activity=activity).exists()


def test_choosing_a_measure_twice_keeps_one_and_logs_once(staff, activity, brightwater):
    measure = MeasureFactory(organisation=brightwater)
    first = services.activity_measures_choose(activity=activity, measures=[measure], added_by=staff)
    again = services.activity_measures_choose(activity=activity, measures=[measure], added_by=staff)
    assert first == again
    assert ActivityMeasure.objects.filter(activity=activity).count() == 1
    assert measure_events(activity).count() == 1


# Baseline, target, how and when


def outcome_measure(organisation, kind, **fields):
    return MeasureFactory(organisation=organisation, kind=kind, tier="outcome", **fields)


def terms(**changes):
    return {
        "baseline": "2",
        "target": "4",
        "how_measured": "The end-of-panel questionnaire.",
        "when_measured": "Every quarter",
        **changes,
    }


def test_staff_agree_the_baseline_and_target(staff_client, staff, agreed_activity, brightwater):
    use = ActivityMeasureFactory(
        activity=agreed_activity,
        measure=outcome_measure(brightwater, "scale", name="Confidence at panels"),
    )
    response = staff_client.post(update_url(use), terms(baseline="2.25", target="4"))
    assert response.url == measures_url(agreed_activity)
    use.refresh_from_db()
    assert (use.baseline, use.target) == (Decimal("2.2"), Decimal("4"))
    assert use.when_measured == "Every quarter"
    [event] = measure_events(agreed_activity)
    assert event.changes[0]["old"] == "Confidence at panels"
    assert event.changes[0]["new"] == (
        "Confidence at panels; baseline 2.2; target 4.0; The end-of-panel questionnaire.; "
        "Every quarter"
    )
    assert state_of(agreed_activity) == Agreement.State.NEEDS_REAGREEMENT


def test_saving_the_same_terms_again_changes_nothing_agreed(
    staff_client, agreed_activity, brightwater
):
    use = ActivityMeasureFactory(activity=agreed_activity)
    staff_client.post(update_url(use), terms())
    Agreement.objects.filter(activity=agreed_activity).update(state=Agreement.State.AGREED)
    staff_client.post(update_url(use), terms())
    assert measure_events(agreed_activity).count() == 1
    assert state_of(agreed_activity) == Agreement.State.AGREED


def test_changing_how_a_measure_is_measured_asks_for_agreement_again(
    staff_client, agreed_activity, brightwater
):
    use = ActivityMeasureFactory(activity=agreed_activity, how_measured="A show of hands.")
    staff_client.post(update_url(use), terms(baseline="", target="", when_measured=""))
    Agreement.objects.filter(activity=agreed_activity).update(state=Agreement.State.AGREED)
    before = measure_events(agreed_activity).count()
    staff_client.post(
        update_url(use),
        terms(baseline="", target="", when_measured="", how_measured="An anonymous survey."),
    )
    assert measure_events(agreed_activity).count() == before + 1
    assert state_of(agreed_activity) == Agreement.State.NEEDS_REAGREEMENT


@pytest.mark.parametrize(
    "kind, typed, message",
    [
        ("count", "2.5", "Enter a whole number of 0 or more, like 12."),
        ("count", "-3", "Enter a whole number of 0 or more, like 12."),
        ("percentage", "120", "Enter a percentage from 0 to 100, like 65."),
        ("percentage", "-1%", "Enter a percentage from 0 to 100, like 65."),
        ("scale", "7", "Enter a score from 1 to 5, like 3.5."),
        ("scale", "0", "Enter a score from 1 to 5, like 3.5."),
        ("count", "abc", "Enter a number, like 12."),
        ("scale", "NaN", "Enter a number, like 12."),
        ("percentage", "Infinity", "Enter a number, like 12."),
    ],
)
def test_a_target_that_does_not_fit_the_measure_is_refused_and_kept(
    kind, typed, message, staff_client, agreed_activity, brightwater
):
    use = ActivityMeasureFactory(
        activity=agreed_activity, measure=outcome_measure(brightwater, kind)
    )
    response = staff_client.post(update_url(use), terms(baseline="3", target=typed))
    page = assert_field_error(response, "target", message)
    assert page.value("target") == typed
    assert page.value("how_measured") == "The end-of-panel questionnaire."
    use.refresh_from_db()
    assert (use.baseline, use.target, use.how_measured) == (None, None, "")
    assert not measure_events(agreed_activity).exists()
    assert state_of(agreed_activity) == Agreement.State.AGREED


@pytest.mark.parametrize("kind", ["count", "percentage", "scale"])
def test_a_target_for_a_change_needs_a_baseline(kind, staff_client, agreed_activity, brightwater):
    measure = outcome_measure(brightwater, kind)
    assert measure.needs_baseline()
    use = ActivityMeasureFactory(activity=agreed_activity, measure=measure)
    response = staff_client.post(update_url(use), terms(baseline="", target="4"))
    page = assert_field_error(
        response,
        "baseline",
        "Enter a baseline: a target for a change only means something against where things start.",
    )
    assert page.value("target") == "4"
    use.refresh_from_db()
    assert use.target is None
    assert not measure_events(agreed_activity).exists()


def test_an_output_can_have_a_target_without_a_baseline(
    staff_client, activity, brightwater, table1
):
    measure = table1(brightwater, "number-of-users-involved")
    assert not measure.needs_baseline()
    use = ActivityMeasureFactory(activity=activity, measure=measure)
    assert staff_client.post(update_url(use), terms(baseline="", target="12")).status_code == 302
    use.refresh_from_db()
    assert (use.baseline, use.target) == (None, Decimal("12"))


@pytest.mark.parametrize(
    "kind, typed, saved",
    [("percentage", "65%", Decimal("65")), ("count", "1,200", Decimal("1200"))],
)
def test_numbers_are_read_as_people_write_them(
    kind, typed, saved, staff_client, activity, brightwater
):
    use = ActivityMeasureFactory(activity=activity, measure=outcome_measure(brightwater, kind))
    assert staff_client.post(update_url(use), terms(baseline="1", target=typed)).status_code == 302
    use.refresh_from_db()
    assert use.target == saved


def test_a_measure_in_words_has_no_baseline_or_target(staff_client, activity, brightwater):
    use = ActivityMeasureFactory(
        activity=activity, measure=outcome_measure(brightwater, "narrative")
    )
    page = Page.of(staff_client.get(update_url(use)))
    assert "id_baseline" not in page.ids and "id_target" not in page.ids
    assert "id_how_measured" in page.ids
    response = staff_client.post(update_url(use), terms(target="4", when_measured="In June"))
    assert response.status_code == 302
    use.refresh_from_db()
    assert (use.target, use.when_measured) == (None, "In June")


# Removing


def remove(client, use):
    return client.post(
        reverse("outcomes:activity-measure-remove", args=[use.pk]), follow=True
    ).content.decode()


def test_removing_a_measure_from_an_agreed_activity_asks_for_agreement_again(
    staff_client, agreed_activity, brightwater
):
    use = ActivityMeasureFactory(
        activity=agreed_activity, measure=MeasureFactory(organisation=brightwater, name="Panels")
    )
    page = remove(staff_client, use)
    assert "Removed “Panels”." in page
    assert not ActivityMeasure.objects.filter(pk=use.pk).exists()
    [event] = measure_events(agreed_activity)
    assert (event.changes[0]["old"], event.changes[0]["new"]) == ("Panels", "")
    assert state_of(agreed_activity) == Agreement.State.NEEDS_REAGREEMENT


def test_a_measure_with_values_cannot_be_removed(staff_client, agreed_activity):
    use = ActivityMeasureFactory(activity=agreed_activity)
    MeasureValueFactory(activity_measure=use)
    page = remove(staff_client, use)
    assert "Values have been recorded for this measure, so it cannot be removed." in page
    assert ActivityMeasure.objects.filter(pk=use.pk).exists()
    assert not measure_events(agreed_activity).exists()
    assert state_of(agreed_activity) == Agreement.State.AGREED


def test_a_measure_people_have_scored_cannot_be_removed(
    staff_client, agreed_activity, brightwater, table1
):
    use = ActivityMeasureFactory(
        activity=agreed_activity, measure=table1(brightwater, "improved-user-confidence")
    )
    SelfReportFactory(
        activity_measure=use, response=FeedbackResponseFactory(request__activity=agreed_activity)
    )
    page = remove(staff_client, use)
    assert "cannot be removed" in page
    assert ActivityMeasure.objects.filter(pk=use.pk).exists()


def test_removing_is_a_post(staff_client, activity):
    use = ActivityMeasureFactory(activity=activity)
    url = reverse("outcomes:activity-measure-remove", args=[use.pk])
    assert staff_client.get(url).status_code == 405
    assert ActivityMeasure.objects.filter(pk=use.pk).exists()


# Who may do what


def test_trustees_see_an_activitys_measures_but_change_nothing(client_for, trustee, activity):
    use = ActivityMeasureFactory(activity=activity)
    client = client_for(trustee)
    page = client.get(measures_url(activity))
    assert page.status_code == 200
    assert use.measure.name in page.content.decode()
    assert "Record a value" not in page.content.decode()
    assert client.get(choose_url(activity)).status_code == 403
    assert client.post(update_url(use), terms()).status_code == 403
    remove_url = reverse("outcomes:activity-measure-remove", args=[use.pk])
    assert client.post(remove_url).status_code == 403
    record = reverse("outcomes:measure-value-record", args=[use.pk])
    assert client.post(record, {"period": "2026-04-01", "value": "3"}).status_code == 403
    assert ActivityMeasure.objects.filter(pk=use.pk, baseline=None).exists()
    assert not use.values.exists()


def test_another_organisations_activity_and_measures_are_not_found(
    client_for, other_org_staff, activity
):
    use = ActivityMeasureFactory(activity=activity)
    client = client_for(other_org_staff)
    for url in (measures_url(activity), choose_url(activity), update_url(use)):
        assert client.get(url).status_code == 404, url
    assert client.post(update_url(use), terms()).status_code == 404
    remove_url = reverse("outcomes:activity-measure-remove", args=[use.pk])
    assert client.post(remove_url).status_code == 404
    record = reverse("outcomes:measure-value-record", args=[use.pk])
    assert client.post(record, {"period": "2026-04-01", "value": "3"}).status_code == 404
    assert ActivityMeasure.objects.filter(pk=use.pk, baseline=None).exists()
    assert not use.values.exists()


def test_a_service_user_cannot_see_the_measures_of_an_activity_they_take_part_in(
    client_for, service_user, brightwater, staff
):
    jordan = ParticipantFactory(organisation=brightwater, user=service_user)
    activity = ActivityFactory(organisation=brightwater, created_by=staff, agreed_with=[jordan])
    use = ActivityMeasureFactory(activity=activity)
    client = client_for(service_user)
    assert client.get(activity.get_absolute_url()).status_code == 200
    assert client.get(measures_url(activity)).status_code == 403
    # The measures themselves are outside a service user's records.
    assert client.get(update_url(use)).status_code == 404


def test_a_target_too_big_to_hold_is_refused(staff_client, activity, brightwater):
    use = ActivityMeasureFactory(activity=activity, measure=outcome_measure(brightwater, "count"))
    response = staff_client.post(update_url(use), terms(baseline="1", target="123456789012345"))
    page = assert_field_error(response, "target", "Enter a number smaller than 100,000,000,000.")
    assert page.value("target") == "123456789012345"
    use.refresh_from_db()
    assert use.target is None
