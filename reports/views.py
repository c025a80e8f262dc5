"""Reports in the browser: the list, asking for one, watching it being made (the page polls
its status; without JavaScript a refresh shows the same), the preview and the PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe
from django.views.generic import FormView, TemplateView

from involvement.permissions import OrganisationPermissionMixin, get_for_user

from . import erasure, rendering, selectors, services
from .forms import ReportRequestForm
from .models import Report


def _report(request, pk, action) -> Report:
    """Without its stored PDF and page: only the download and the preview read those."""
    reports = Report.objects.select_related("organisation", "requested_by", "document").defer(
        "document__pdf", "document__html"
    )
    return get_for_user(request, reports, action, pk=pk)


class ReportListView(OrganisationPermissionMixin, TemplateView):
    permission_required = "reports.view"
    template_name = "reports/report_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            reports=selectors.reports_for(self.request.organisation), **kwargs
        )


class ReportRequestView(OrganisationPermissionMixin, FormView):
    permission_required = "reports.request"
    template_name = "reports/report_request.html"

    def get_form(self, form_class=None):
        organisation = self.request.organisation
        return ReportRequestForm(
            **self.get_form_kwargs(),
            organisation=organisation,
            programmes=selectors.programmes_of(organisation),
        )

    def form_valid(self, form):
        data = form.cleaned_data
        report, new = services.report_request(
            organisation=self.request.organisation,
            period_start=data["period_start"],
            period_end=data["period_end"],
            audience=data["audience"],
            scope=data["scope"],
            activities=list(data.get("activities") or []),
            programme=data.get("programme", ""),
            do_differently=data["do_differently"],
            requested_by=self.request.user,
        )
        if not new:
            note = _("This report is already being made: here it is.")
            if data["do_differently"].strip() and data["do_differently"] != report.do_differently:
                note += " " + _(
                    "What you wrote about doing differently was not added to it: make a new "
                    "version when it is ready."
                )
            messages.info(self.request, note)
        return redirect("reports:report-detail", pk=report.pk)


class ReportDetailView(OrganisationPermissionMixin, TemplateView):
    permission_required = "reports.view"
    template_name = "reports/report_detail.html"

    def fetch_objects(self):
        self.report = _report(self.request, self.kwargs["pk"], self.permission_required)

    def get_context_data(self, **kwargs):
        document = getattr(self.report, "document", None) if self.report.status == "ready" else None
        versions = selectors.reports_for(self.request.organisation).filter(key=self.report.key)
        return super().get_context_data(
            report=self.report,
            document=document,
            versions=versions,
            redactions=self.report.redactions.all(),
            **kwargs,
        )


@require_safe
@login_required
def report_status(request, pk):
    """What the detail page polls: the status, and the page's own words for it."""
    report = _report(request, pk, "reports.view")
    return JsonResponse(
        {
            "status": report.status,
            "label": report.get_status_display(),
            "failure": report.failure,
            "finished": report.is_finished(),
        },
        headers={"Cache-Control": "no-store"},
    )


@require_POST
@login_required
def report_retry(request, pk):
    report = _report(request, pk, "reports.request")
    if services.report_retry(report=report):
        messages.success(request, _("Trying again."))
    return redirect("reports:report-detail", pk=report.pk)


@require_POST
@login_required
def report_again(request, pk):
    report = _report(request, pk, "reports.request")
    if not report.is_finished():
        return redirect("reports:report-detail", pk=report.pk)
    again, _new = services.report_again(report=report, requested_by=request.user)
    messages.success(request, _("A new version is being made. The earlier one stays."))
    return redirect("reports:report-detail", pk=again.pk)


@require_POST
@login_required
def report_pdf_retry(request, pk):
    """Make again a PDF that could not be made after words were removed."""
    report = _report(request, pk, "reports.request")
    document = getattr(report, "document", None)
    if document is not None and erasure.report_pdf_retry(document=document):
        messages.success(request, _("Making the PDF again."))
    return redirect("reports:report-detail", pk=report.pk)


@require_safe
@login_required
def report_preview(request, pk):
    """The report as a web page: made from the same template and data as its PDF, at the
    same moment, and kept with it."""
    report = _report(request, pk, "reports.view")
    document = getattr(report, "document", None)
    if report.status != Report.Status.READY or document is None:
        raise Http404
    page = document.html
    if document.is_pdf_waiting():
        # The page itself is already changed; its bar says the PDF is not yet.
        notice = _("Some words were removed at a person’s request; the PDF is being made again.")
        page = rendering.page_with_notice(page, notice)
    return HttpResponse(page, headers={"Cache-Control": "private, no-store"})


@require_safe
@login_required
def report_download(request, pk):
    report = _report(request, pk, "reports.view")
    document = getattr(report, "document", None)
    if report.status != Report.Status.READY or document is None:
        raise Http404
    if document.pdf_gave_up():
        messages.info(
            request, _("The PDF could not be made again. Read the report in the browser.")
        )
        return redirect("reports:report-detail", pk=report.pk)
    if document.is_pdf_waiting():
        messages.info(request, _("The PDF is being made again. Try again in a minute."))
        return redirect("reports:report-detail", pk=report.pk)
    name = f"impact-report-{report.period_start}-{report.period_end}-v{report.version}.pdf"
    response = HttpResponse(bytes(document.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response
