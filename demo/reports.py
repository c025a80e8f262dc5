"""The demo's impact report: Brightwater's board report for the quarter just ended, made
(eagerly, under `make demo`) when the demo is seeded, so a trustee can download it."""

from django.urls import reverse
from django.utils import timezone

from involvement.models import Organisation, User
from outcomes.periods import quarter_of
from reports import services
from reports.models import Report

ORGANISATION = "brightwater"
DO_DIFFERENTLY = (
    "Tell every person what happened to what they said within 30 days, by the route they "
    "prefer.\nAgree the influence level with the people involved before the first session, "
    "never after.\nAsk the Redesigning the mental health front door group how to give them "
    "the say we promised."
)


def ensure_demo_report(people: dict[str, User]) -> list[tuple[str, str]]:
    organisation = Organisation.objects.filter(slug=ORGANISATION).first()
    if organisation is None:
        return []
    quarter = quarter_of(timezone.localdate(), organisation.year_start_month).previous()
    report = Report.objects.filter(
        organisation=organisation, period_start=quarter.start, period_end=quarter.end
    ).first()
    if report is None:
        report, _new = services.report_request(
            organisation=organisation,
            period_start=quarter.start,
            period_end=quarter.end,
            audience=Report.Audience.BOARD,
            scope=Report.Scope.ALL,
            do_differently=DO_DIFFERENTLY,
            requested_by=people["staff"],
        )
    path = reverse("reports:report-detail", args=[report.pk])
    return [("Download last quarter's impact report (sign in as the trustee)", path)]
