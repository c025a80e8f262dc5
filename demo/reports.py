"""The demo's impact report: Brightwater's board report for the quarter just ended, made
(eagerly, under `make demo`) when the demo is seeded, so a trustee can download it."""

from django.urls import reverse
from django.utils import timezone

from involvement.models import Organisation, User
from outcomes.periods import quarter_of
from reports import services
from reports.models import Report

from .data import load

ORGANISATION = "brightwater"
# What the organisation will do differently: brightwater-report.yaml.
DO_DIFFERENTLY = load("brightwater-report")["do_differently"]


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
