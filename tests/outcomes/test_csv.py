"""The spreadsheet downloads: open cleanly in Excel, a header row, no formulas."""

import csv
import io

import pytest
from django.urls import reverse

from ..factories import ActivityMeasureFactory, MeasureFactory, MeasureValueFactory

BOM = "\ufeff"
FORMULA = '=HYPERLINK("http://evil.example","Click")'


def read(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith(BOM)
    return list(csv.reader(io.StringIO(text[len(BOM) :])))


@pytest.fixture
def risky(brightwater, activity):
    """Measures named like formulas, used by the activity with values recorded."""
    names = [FORMULA, "+1 more person", "-5 complaints", "@SUM(A1:A9)"]
    uses = []
    for name in names:
        measure = MeasureFactory(
            organisation=brightwater, name=name, counts_people=False, question="=1+1"
        )
        use = ActivityMeasureFactory(activity=activity, measure=measure)
        MeasureValueFactory(activity_measure=use, number=9, evidence="=cmd|' /C calc'!A0")
        uses.append(use)
    return uses


def test_the_dashboard_csv_has_a_header_and_the_quarters(client_for, trustee, risky):
    response = client_for(trustee).get(reverse("outcomes:dashboard-csv"), {"period": "2026-04-01"})
    assert response["Content-Disposition"] == 'attachment; filename="outcomes-2026-04-01.csv"'
    [header, *rows] = read(response)
    assert header == [
        "Aim",
        "Type",
        "Measure",
        "Source",
        "2025/26 Q2",
        "2025/26 Q3",
        "2025/26 Q4",
        "2026/27 Q1",
    ]
    involved = next(row for row in rows if row[2] == "Number of users involved")
    assert involved[1] == "Outputs" and involved[3] == "Worked out by the app"
    ours = next(row for row in rows if row[2] == "'" + FORMULA)
    assert ours[-1] == "9"


def test_the_activity_csv_has_the_baseline_target_and_quarters(
    client_for, trustee, activity, risky
):
    risky[0].baseline, risky[0].target = 3, 12
    risky[0].save()
    response = client_for(trustee).get(
        reverse("outcomes:activity-measures-csv", args=[activity.pk])
    )
    filename = f'attachment; filename="activity-{activity.pk}-measures.csv"'
    assert response["Content-Disposition"] == filename
    [header, *rows] = read(response)
    assert header[:6] == ["Aim", "Type", "Measure", "Source", "Baseline", "Target"]
    assert "2026/27 Q1" in header
    first = next(row for row in rows if row[2] == "'" + FORMULA)
    assert (first[4], first[5]) == ("3.0", "12.0")
    assert first[header.index("2026/27 Q1")] == "9"


def test_the_catalogue_csv_lists_every_measure(client_for, trustee, brightwater, risky):
    response = client_for(trustee).get(reverse("outcomes:measure-list-csv"))
    assert response["Content-Disposition"] == 'attachment; filename="outcome-measures.csv"'
    [header, *rows] = read(response)
    assert header == [
        "Aim",
        "Type",
        "Measure",
        "Kind of value",
        "Source",
        "Question",
        "Activities using it",
        "Retired",
    ]
    assert len(rows) == 86 + len(risky)
    ours = next(row for row in rows if row[2] == "'" + FORMULA)
    assert (ours[5], ours[6], ours[7]) == ("'=1+1", "1", "")


@pytest.mark.parametrize(
    "name, url",
    [
        ("dashboard", lambda activity: reverse("outcomes:dashboard-csv")),
        (
            "activity",
            lambda activity: reverse("outcomes:activity-measures-csv", args=[activity.pk]),
        ),
        ("catalogue", lambda activity: reverse("outcomes:measure-list-csv")),
    ],
)
def test_no_cell_starts_a_formula(name, url, client_for, staff, activity, risky):
    rows = read(client_for(staff).get(url(activity), {"period": "2026-04-01"}))
    cells = [cell for row in rows for cell in row]
    assert "'" + FORMULA in cells
    for start in "=+-@":
        assert not [cell for cell in cells if cell.startswith(start)], (name, start)
    assert "'+1 more person" in cells and "'-5 complaints" in cells and "'@SUM(A1:A9)" in cells


def test_hidden_counts_stay_hidden_in_the_csv(client_for, trustee, world):
    rows = read(
        client_for(trustee).get(reverse("outcomes:dashboard-csv"), {"period": "2026-04-01"})
    )
    training = next(row for row in rows if row[2] == "Number of users completing training")
    assert training[-2:] == ["*", "5"]


@pytest.mark.parametrize(
    "url_name, args",
    [
        ("outcomes:dashboard-csv", []),
        ("outcomes:measure-list-csv", []),
        ("outcomes:activity-measures-csv", ["activity"]),
    ],
)
def test_service_users_and_other_organisations_get_no_csv(
    url_name, args, client_for, service_user, other_org_staff, activity
):
    url = reverse(url_name, args=[activity.pk for _ in args])
    # An activity the service user has no part in is not even confirmed to them.
    assert client_for(service_user).get(url).status_code == (404 if args else 403)
    if args:
        assert client_for(other_org_staff).get(url).status_code == 404
