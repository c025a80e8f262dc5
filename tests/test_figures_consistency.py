"""The same figure is the same number on every page and in the report: for the demo and for
generated data, each page's rendered text is read and compared with the figure's one
definition (activities/, quality/, outcomes/figures.py) for the same scope and period, and
pages that show a figure for the same scope and period are compared with each other."""

import csv
import datetime
import io
import re
from html import unescape

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from activities import figures as activity_figures
from activities.models import Activity
from involvement.figures import evaluate, evaluate_one
from involvement.models import Membership, Organisation, Role
from involvement.sessions import ORGANISATION
from involvement.suppression import suppress
from outcomes.models import Measure
from outcomes.periods import quarter_of, quarters_ending
from outcomes.selectors import SPECS
from outcomes.selectors.dashboard import TREND_QUARTERS
from outcomes.views.activity import cell_text
from participant.services import participant_erase
from reports import services as report_services
from reports.models import Report
from reports.rendering import report_html
from reports.selectors.content import report_content

from .factories import (
    ActivityFactory,
    ContributionFactory,
    FeedbackRequestFactory,
    FeedbackResponseFactory,
    InvolvementFactory,
    OrganisationFactory,
    ParticipantFactory,
    SessionFactory,
    UserFactory,
)
from .pages import Page


def table_rows(html: str) -> dict[str, list[str]]:
    """Each table row's heading and its other cells' text; the first row of a heading wins."""
    found = {}
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.S):
        cells = [
            " ".join(unescape(re.sub(r"<[^>]+>", " ", cell)).split())
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        if cells:
            found.setdefault(cells[0], cells[1:])
    return found


def on_page(figure) -> str:
    """A figure as outcomes/includes/cell.html prints it."""
    if figure.shown is None:
        return figure.detail or "Nothing recorded"
    if figure.suppressed:
        return "* (too few to show)"
    text = f"{figure.shown}{figure.unit}"
    return f"{text} ({figure.detail})" if figure.detail else text


def in_report(figure) -> str:
    """A figure as the report's outcomes table prints it."""
    if figure.shown is None:
        return "–"
    if figure.suppressed:
        return "*"
    text = f"{figure.shown}{figure.unit}"
    return f"{text} ({figure.detail})" if figure.unit == "%" and figure.detail else text


def shown(value) -> str:
    return "–" if value is None else str(value)


def get(client, name, *args, **query) -> str:
    response = client.get(reverse(name, args=args), query)
    assert response.status_code == 200, name
    return response.content.decode()


def signed_in(client, organisation) -> object:
    """A client signed in as an admin of `organisation` (who may see every page)."""
    membership = Membership.objects.filter(organisation=organisation, role=Role.ADMIN).first()
    user = membership.user if membership else UserFactory()
    if membership is None:
        Membership.objects.create(user=user, organisation=organisation, role=Role.ADMIN)
    client.force_login(user)
    session = client.session
    session[ORGANISATION] = organisation.pk
    session.save()
    return client


def measure_name(organisation, key: str) -> str:
    return Measure.objects.filter(organisation=organisation, computed_key=key).first().name


def assert_outcome_pages_agree(client, organisation, period):
    """Dashboard, its CSV and each figure's page print the definition's value."""
    periods = quarters_ending(period, TREND_QUARTERS)
    figures = evaluate(SPECS.values(), organisation=organisation, periods=periods)
    dashboard = table_rows(get(client, "outcomes:dashboard", period=period.key))
    response = client.get(reverse("outcomes:dashboard-csv"), {"period": period.key})
    spreadsheet = {row[2]: row[4:] for row in csv.reader(io.StringIO(response.content.decode()))}
    for key in SPECS:
        name = measure_name(organisation, key)
        [row, *_same] = [cells for heading, cells in dashboard.items() if heading.startswith(name)]
        assert row[: len(periods)] == [on_page(f) for f in figures[key]], key
        assert spreadsheet[name] == [cell_text(f) for f in figures[key]], key
        page = get(client, "outcomes:figure-detail", key, period=period.key)
        value = re.search(r'<p class="govuk-body-l">(.*?)</p>', page, re.S).group(1)
        text = " ".join(unescape(re.sub(r"<[^>]+>", " ", value)).split())
        assert text == on_page(figures[key][-1]).replace(
            "* (too few to show)", "* (too few to show)"
        )
    return figures


def assert_activity_pages_agree(client, organisation):
    """Each activity's page prints its at-a-glance figures as defined, for all time."""
    for activity in Activity.objects.filter(organisation=organisation):
        figures = evaluate_one(
            activity_figures.AT_A_GLANCE, organisation=organisation, activity=activity
        )
        html = get(client, "activities:activity-detail", activity.pk)
        # The at-a-glance list under "People involved" (the plan above names staff too).
        rows = Page(html.split('id="people"')[1].split("</dl>")[0]).rows
        came_in = figures["invited_volunteered"]
        assert rows["People involved"] == shown(figures["users_involved"].shown)
        assert rows["Invited"] == shown(came_in.parts["invited"])
        assert rows["Volunteered"] == shown(came_in.parts["volunteered"])
        assert rows["Staff involved"] == shown(figures["staff_involved"].shown)
        assert rows["Sessions held"] == shown(figures["events_held"].shown)
        assert rows["Attendances recorded"] == shown(figures["attended"].shown)


def assert_who_is_involved_agrees(client, organisation):
    figures = evaluate_one(activity_figures.WHO_IS_INVOLVED, organisation=organisation)
    rows = Page(get(client, "activities:who-is-involved")).rows
    came_in = figures["invited_volunteered"]
    assert rows["People involved"] == shown(figures["users_involved"].shown)
    assert rows["Staff involved"] == shown(figures["staff_involved"].shown)
    assert rows["Sessions held"] == shown(figures["events_held"].shown)
    assert rows["Places taken in activities"] == shown(figures["places"].shown)
    assert rows["Invited"] == shown(came_in.parts["invited"])
    assert rows["Volunteered"] == shown(came_in.parts["volunteered"])


def assert_report_agrees(organisation, period, dashboard_figures):
    """The report for the quarter (every activity) prints what the dashboard prints."""
    key = report_services.report_key(
        period_start=period.start,
        period_end=period.end,
        audience=Report.Audience.BOARD,
        scope=Report.Scope.ALL,
        activity_ids=[],
        programme="",
    )
    report = Report.objects.create(
        organisation=organisation,
        key=f"consistency-{key}"[:64],
        version=99,
        period_start=period.start,
        period_end=period.end,
        audience=Report.Audience.BOARD,
        scope=Report.Scope.ALL,
    )
    content = report_content(report)
    html = report_html(content, preview=False)
    rows = table_rows(html)
    latest = {key: figures[-1] for key, figures in dashboard_figures.items()}
    assert rows["People involved"][0] == shown(latest["users_involved"].shown)
    assert rows["Sessions held"][0] == shown(latest["events_held"].shown)
    felt_valued = latest["felt_valued"]
    expected = (
        f"{felt_valued.shown}%" if isinstance(felt_valued.shown, int) else shown(felt_valued.shown)
    )
    assert rows["Felt valued (% of those who answered)"][0] == expected
    for key, figures in dashboard_figures.items():
        name = measure_name(organisation, key)
        assert rows[name] == [in_report(f) for f in figures], key


def assert_loop_pages_agree(client, organisation):
    """What is overdue: each activity's page counts the tags it shows, and the quality
    overview (suppressed, as trustees see it) the same contributions."""
    tagged = 0
    for activity in Activity.objects.filter(organisation=organisation):
        page = get(client, "quality:contribution-list", activity.pk)
        tags = page.count('govuk-tag--red">Overdue<')
        overdue_row = [v for k, v in Page(page).rows.items() if k.startswith("Overdue")]
        assert overdue_row == [str(tags)], activity
        tagged += tags
    overview = Page(get(client, "quality:quality-overview")).rows
    [overdue_row] = [v for k, v in overview.items() if k.startswith("Overdue")]
    assert overdue_row == str(suppress(tagged, organisation.suppression_threshold))


def assert_every_page_agrees(client, organisation):
    period = quarter_of(timezone.localdate(), organisation.year_start_month)
    signed_in(client, organisation)
    dashboard_figures = assert_outcome_pages_agree(client, organisation, period)
    assert_activity_pages_agree(client, organisation)
    assert_who_is_involved_agrees(client, organisation)
    assert_loop_pages_agree(client, organisation)
    assert_report_agrees(organisation, period, dashboard_figures)


@pytest.mark.django_db
def test_the_demo_prints_the_same_figure_on_every_page(client, settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    for organisation in Organisation.objects.all():
        assert_every_page_agrees(client, organisation)


def generated_organisation() -> Organisation:
    """Two activities; people both invited and volunteering; an erased person; drafts and
    sent answers; contributions overdue and not."""
    organisation = OrganisationFactory()
    today = timezone.localdate()
    start = quarter_of(today, organisation.year_start_month).start
    first, second = (
        ActivityFactory(organisation=organisation, starts_on=start, ends_on=None) for _ in range(2)
    )
    people = [ParticipantFactory(organisation=organisation) for _ in range(14)]
    for index, person in enumerate(people):
        came_in = "invited" if index % 3 else "volunteered"
        InvolvementFactory(activity=first, participant=person, came_in=came_in, started_on=start)
        if index < 9:  # also in the second activity, having come forward themselves
            InvolvementFactory(
                activity=second, participant=person, came_in="volunteered", started_on=start
            )
    participant_erase(participant=people[0])
    SessionFactory(activity=first, starts_at=timezone.now() - datetime.timedelta(hours=2))
    for index, person in enumerate(people[:11]):
        request = FeedbackRequestFactory(activity=first, participant=person)
        status = "draft" if index % 4 == 0 else "submitted"
        FeedbackResponseFactory(
            request=request, status=status, felt_valued="yes" if index % 2 else "no"
        )
    for days in (1, 40, 45, 50, 60, 70, 80, 90):
        ContributionFactory(activity=first, raised_on=today - datetime.timedelta(days=days))
    ContributionFactory(activity=second, raised_on=today - datetime.timedelta(days=100))
    return organisation


@pytest.mark.django_db
def test_generated_data_prints_the_same_figure_on_every_page(client, people):
    assert_every_page_agrees(client, generated_organisation())
