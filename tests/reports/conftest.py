import datetime
import io
import zoneinfo
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from reports import services
from reports.models import Report, ReportDocument
from reports.rendering import Rendered, render

from ..factories import (
    ActivityFactory,
    ContributionFactory,
    FeedbackRequestFactory,
    FeedbackResponseFactory,
    InvolvementFactory,
    ParticipantFactory,
    SessionFactory,
)

LONDON = zoneinfo.ZoneInfo("Europe/London")
# Brightwater's year starts in April: 2026/27 Q1 is April to June 2026.
Q1_START, Q1_END = datetime.date(2026, 4, 1), datetime.date(2026, 6, 30)


def at(year, month, day, hour=12) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, tzinfo=LONDON)


def pdf_text(pdf: bytes) -> str:
    """The PDF's text, as a reader's copy and paste would give it, one line per line."""
    reader = PdfReader(io.BytesIO(bytes(pdf)))
    return "\n".join(page.extract_text() for page in reader.pages)


def ask(organisation, **choices) -> Report:
    """A report of brightwater's 2026/27 Q1 for the board, of all activities, unless told."""
    data = {
        "period_start": Q1_START,
        "period_end": Q1_END,
        "audience": Report.Audience.BOARD,
        "scope": Report.Scope.ALL,
        **choices,
    }
    return services.report_request(organisation=organisation, **data)[0]


def make_report(organisation, *, version=1, status=Report.Status.READY, **fields) -> Report:
    """A report row as a finished job leaves it (with a small stand-in PDF when ready),
    without rendering anything."""
    data = {
        "period_start": Q1_START,
        "period_end": Q1_END,
        "audience": Report.Audience.BOARD,
        "scope": Report.Scope.ALL,
        **fields,
    }
    key = services.report_key(
        period_start=data["period_start"],
        period_end=data["period_end"],
        audience=data["audience"],
        scope=data["scope"],
        activity_ids=[],
        programme="",
    )
    report = Report.objects.create(
        organisation=organisation, key=key, version=version, status=status, **data
    )
    if status == Report.Status.READY:
        pdf = b"%PDF-1.7 stand-in"
        ReportDocument.objects.create(
            report=report, pdf=pdf, html="<p>Stand-in</p>", sha256="0" * 64, pages=1, size=len(pdf)
        )
    return report


FAKE_PDF = b"%PDF-1.7 made in a test"


@pytest.fixture
def fake_render(monkeypatch):
    """Jobs make a small stand-in document instead of a real PDF; `fake_render.made` lists the
    reports made."""

    def make(report):
        make.made.append(report.pk)
        return Rendered(FAKE_PDF, 1, f"<p>Report {report.pk}</p>")

    make.made = []
    monkeypatch.setattr("reports.jobs.render", make)
    return make


@pytest.fixture
def staff_client(client_for, staff):
    return client_for(staff)


@pytest.fixture
def rendered():
    """`rendered(report)`: the report made for real, as (Rendered, its text)."""

    def make(report):
        result = render(Report.objects.select_related("organisation").get(pk=report.pk))
        return result, pdf_text(result.pdf)

    return make


@pytest.fixture
def quarter(brightwater, staff):
    """Brightwater's 2026/27 Q1, counted by hand (its threshold is 8, so 1 to 7 is "*"):

    Voices Council: 9 people involved from 1 February, sessions on 10 April, 5 May and
    20 June (and 10 March, before the period). Carers' panel (programme "Carers"): 2 people
    from 1 May, a session on 12 May. Old survey: ended 30 November 2025, in neither period.
    Feedback sent on 10 May: Ali and Bo on Voices Council may be quoted, Cy may not.
    Two suggestions raised on 15 April, one with a response.
    """
    voices = ActivityFactory(
        organisation=brightwater,
        created_by=staff,
        title="Voices Council",
        starts_on=datetime.date(2026, 1, 15),
    )
    carers = ActivityFactory(
        organisation=brightwater,
        created_by=staff,
        title="Carers' panel",
        starts_on=datetime.date(2026, 4, 20),
        programme="Carers",
    )
    old = ActivityFactory(
        organisation=brightwater,
        created_by=staff,
        title="Old survey",
        starts_on=datetime.date(2025, 9, 1),
        ends_on=datetime.date(2025, 11, 30),
    )
    people = {}
    for n in range(9):
        person = ParticipantFactory(organisation=brightwater, name=f"Voices Person {n}")
        InvolvementFactory(activity=voices, participant=person)
        people[person.name] = person
    for n in range(2):
        person = ParticipantFactory(organisation=brightwater, name=f"Carer Person {n}")
        InvolvementFactory(
            activity=carers, participant=person, started_on=datetime.date(2026, 5, 1)
        )
        people[person.name] = person
    for day in (at(2026, 3, 10), at(2026, 4, 10), at(2026, 5, 5), at(2026, 6, 20)):
        SessionFactory(activity=voices, starts_at=day)
    SessionFactory(activity=carers, starts_at=at(2026, 5, 12))
    quotes = {
        "Voices Person 0": ("The tea and the people made it worth coming.", True),
        "Voices Person 1": ("I felt heard when the chair read back our points.", True),
        "Voices Person 2": ("Private: my neighbour would recognise this story.", False),
    }
    for name, (comment, may_quote) in quotes.items():
        FeedbackResponseFactory(
            request=FeedbackRequestFactory(
                activity=voices, participant=people[name], involved=False
            ),
            what_was_good=comment,
            may_quote=may_quote,
            submitted_at=at(2026, 5, 10),
        )
    asked = ContributionFactory(
        activity=voices,
        created_by=staff,
        raised_on=datetime.date(2026, 4, 15),
        text="Start the meetings after school pick-up.",
        participant=people["Voices Person 3"],
    )
    services_respond(asked, staff, "Meetings now start at 4pm.")
    ContributionFactory(
        activity=voices,
        created_by=staff,
        raised_on=datetime.date(2026, 4, 15),
        text="Send the papers a week before.",
    )
    return SimpleNamespace(
        organisation=brightwater, voices=voices, carers=carers, old=old, people=people
    )


def services_respond(contribution, staff, what_changed):
    from quality.services import contribution_respond

    contribution_respond(
        contribution=contribution,
        decision="accepted",
        what_changed=what_changed,
        changed_on=datetime.date(2026, 5, 1),
        reason="",
        who_decides="",
        responded_by=staff,
    )
