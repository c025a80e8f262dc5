"""The organisation's outcomes by Table 1's aims, quarter by quarter, and how each figure
the app works out was made."""

import datetime
import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from activities.models import Aim
from outcomes.periods import quarter_of
from outcomes.selectors import SPECS, recorded_by_period
from outcomes.services import measure_retire

from ..factories import (
    ActivityFactory,
    ActivityMeasureFactory,
    InvolvementFactory,
    MeasureFactory,
    MeasureValueFactory,
)

Q1 = "2026-04-01"
COMPUTED = "Worked out by the app"
RECORDED = "Recorded by staff"


def rows(html: str) -> dict[str, list[str]]:
    """Each table row's heading (as read aloud) and the text of its other cells; the first
    row of that heading wins."""
    found = {}
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.S):
        cells = [
            " ".join(unescape(re.sub(r"<[^>]+>", " ", cell)).split())
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        if cells:
            found.setdefault(cells[0], cells[1:])
    return found


def dashboard(client, period=Q1):
    response = client.get(reverse("outcomes:dashboard"), {"period": period} if period else {})
    assert response.status_code == 200
    return response.content.decode()


def test_the_dashboard_shows_the_four_quarters_up_to_the_one_chosen(client_for, trustee, world):
    html = dashboard(client_for(trustee))
    heading = rows(html)["Measure"]
    assert heading[:4] == ["2025/26 Q2", "2025/26 Q3", "2025/26 Q4", "2026/27 Q1"]
    for aim in Aim.objects.all():
        assert f'id="aim-{aim.key}"' in html


def test_the_dashboard_shows_the_figures_counted_by_hand(client_for, trustee, world, feedback):
    table = rows(dashboard(client_for(trustee)))
    assert table[f"Number of users involved {COMPUTED}"][:4] == ["0", "0", "8", "11"]
    assert table[f"Number of events held {COMPUTED}"][:4] == ["0", "0", "1", "3"]
    assert table[f"Percentage of users who felt valued in the process {COMPUTED}"][2:4] == [
        "* (too few to show)",
        "* (too few to show)",
    ]
    invited = table[f"Whether users are invited compared to volunteered {COMPUTED}"]
    assert invited[3] == "45% (5 invited, 6 volunteered, of 11 people)"
    assert table[f"Number of users completing training {COMPUTED}"][2:4] == [
        "* (too few to show)",
        "5",
    ]


def test_a_hidden_count_never_reaches_the_page(client_for, trustee, brightwater, staff):
    activity = ActivityFactory(organisation=brightwater, created_by=staff)
    for _ in range(7):
        InvolvementFactory(activity=activity, started_on=datetime.date(2026, 4, 2))
    table = rows(dashboard(client_for(trustee)))
    assert table[f"Number of users involved {COMPUTED}"][3] == "* (too few to show)"
    figure = client_for(trustee).get(
        reverse("outcomes:figure-detail", args=["users_involved"]), {"period": Q1}
    )
    assert ">7<" not in figure.content.decode()


def test_measures_show_once_an_activity_uses_them(client_for, staff, brightwater, activity):
    measure = MeasureFactory(organisation=brightwater, name="Decisions changed by the panel")
    client = client_for(staff)
    assert "Decisions changed by the panel" not in dashboard(client)
    use = ActivityMeasureFactory(activity=activity, measure=measure)
    assert (
        rows(dashboard(client))[f"Decisions changed by the panel {RECORDED}"][:4]
        == ["Nothing recorded"] * 4
    )
    MeasureValueFactory(activity_measure=use, number=9)
    assert rows(dashboard(client))[f"Decisions changed by the panel {RECORDED}"][3] == "9"


def test_an_aim_measured_only_by_outputs_says_so(client_for, staff, brightwater, activity):
    aim = Aim.objects.get(key="extrinsic_individual")
    warning = "Only outputs are measured for this aim."

    def section(html):
        return html.split(f'id="aim-{aim.key}"')[1].split("<section")[0]

    client = client_for(staff)
    assert warning in section(dashboard(client))
    measure = MeasureFactory(organisation=brightwater, aim=aim, tier="outcome")
    ActivityMeasureFactory(activity=activity, measure=measure)
    assert warning not in section(dashboard(client))


def test_each_tier_counts_the_measures_not_used_yet(client_for, staff, brightwater):
    html = dashboard(client_for(staff))
    aim = Aim.objects.get(key="service_organisational")
    section = html.split(f'id="aim-{aim.key}"')[1].split("<section")[0]
    assert "Outcomes</strong><br>0 measured" in section
    assert "not used yet" in section


@pytest.mark.parametrize("period", ["", "not-a-date", "2026-05-01", "2099-04-01"])
def test_a_quarter_that_cannot_be_shown_falls_back_to_the_current_one(
    period, client_for, trustee, brightwater
):
    current = quarter_of(timezone.localdate(), brightwater.year_start_month)
    html = dashboard(client_for(trustee), period)
    assert rows(html)["Measure"][3] == current.label
    assert f'<option value="{current.key}" selected>' in html


def test_recorded_values_add_up_or_average_across_activities(
    brightwater, staff, trustee, client_for
):
    first = ActivityFactory(organisation=brightwater, created_by=staff)
    second = ActivityFactory(organisation=brightwater, created_by=staff)
    kinds = {
        "Changes made": ("count", {"number": 4}, {"number": 5}),
        "Share of services co-delivered": ("percentage", {"number": 40}, {"number": 61}),
        "Staff confidence": ("scale", {"number": 3}, {"number": 4}),
        "Outcomes defined with users": ("yes_no", {"answer": True}, {"answer": False}),
        "What changed in the service": ("narrative", {"narrative": "A"}, {"narrative": "B"}),
    }
    for name, (kind, one, two) in kinds.items():
        measure = MeasureFactory(
            organisation=brightwater, name=name, kind=kind, counts_people=False
        )
        for activity, value in ((first, one), (second, two)):
            use = ActivityMeasureFactory(activity=activity, measure=measure)
            MeasureValueFactory(activity_measure=use, **{"number": None, **value})
    table = rows(dashboard(client_for(trustee)))
    assert table[f"Changes made {RECORDED}"][3] == "9"
    assert (
        table[f"Share of services co-delivered {RECORDED}"][3] == "50.5% (average of 2 activities)"
    )
    assert table[f"Staff confidence {RECORDED}"][3] == "3.5 (average of 2 activities)"
    assert table[f"Outcomes defined with users {RECORDED}"][3] == "1 of 2 yes"
    assert table[f"What changed in the service {RECORDED}"][3] == "2 written"


def test_a_recorded_count_of_people_is_hidden_when_small(brightwater, activity):
    people = MeasureFactory(organisation=brightwater, kind="count", counts_people=True)
    things = MeasureFactory(organisation=brightwater, kind="count", counts_people=False)
    for measure in (people, things):
        MeasureValueFactory(
            activity_measure=ActivityMeasureFactory(activity=activity, measure=measure), number=7
        )
    q1 = quarter_of(datetime.date(2026, 4, 1), 4)
    recorded = recorded_by_period(brightwater, [q1])
    assert (recorded[people.pk][Q1].shown, recorded[people.pk][Q1].value) == ("*", None)
    assert recorded[things.pk][Q1].shown == 7


def test_values_of_another_organisation_are_not_counted(brightwater, northgate, activity):
    measure = MeasureFactory(organisation=brightwater, counts_people=False)
    MeasureValueFactory(activity_measure=ActivityMeasureFactory(activity=activity, measure=measure))
    q1 = quarter_of(datetime.date(2026, 4, 1), 4)
    assert recorded_by_period(northgate, [q1]) == {}


def test_a_retired_measures_recorded_values_stay_on_the_dashboard(
    client_for, trustee, brightwater, activity
):
    measure = MeasureFactory(organisation=brightwater, name="Panels held", counts_people=False)
    MeasureValueFactory(
        activity_measure=ActivityMeasureFactory(activity=activity, measure=measure), number=9
    )
    unused = MeasureFactory(organisation=brightwater, name="Never used", counts_people=False)
    measure_retire(measure=measure)
    measure_retire(measure=unused)
    html = dashboard(client_for(trustee))
    assert rows(html)[f"Panels held Retired {RECORDED}"][3] == "9"
    assert "Never used" not in html


# How a figure is worked out


def figure_page(client, key, period=Q1):
    return client.get(reverse("outcomes:figure-detail", args=[key]), {"period": period})


def test_a_figure_shows_how_it_is_worked_out_and_each_activitys_part(client_for, trustee, world):
    response = figure_page(client_for(trustee), "users_involved")
    html = response.content.decode()
    assert "Number of users involved" in html
    assert "Someone in two activities counts once." in html
    assert re.search(r'<p class="govuk-body-l">\s*11\s*</p>', html)
    table = rows(html)
    assert table["Voices Council"] == ["7"]
    assert table["Carers' panel"] == ["6"]
    assert "Winter survey" not in table


def test_the_range_of_people_figure_shows_the_breakdown(client_for, trustee, world):
    html = figure_page(client_for(trustee), "range_of_users").content.decode()
    assert "The range of people involved this quarter" in html
    # Six people told us their age, all 25 to 34; threshold 5.
    assert rows(html)["25 to 34"][0].startswith("6")


def test_a_figure_the_app_does_not_work_out_is_not_found(client_for, trustee):
    assert figure_page(client_for(trustee), "happiness").status_code == 404


def test_service_users_see_no_figures(client_for, service_user):
    client = client_for(service_user)
    assert client.get(reverse("outcomes:dashboard")).status_code == 403
    assert figure_page(client, "users_involved").status_code == 403


@pytest.mark.parametrize("key", sorted(SPECS))
def test_every_figure_has_a_page(key, client_for, trustee, world, feedback, finished):
    response = figure_page(client_for(trustee), key)
    assert response.status_code == 200
    assert str(SPECS[key].how) in unescape(response.content.decode())
