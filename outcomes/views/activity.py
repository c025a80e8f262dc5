"""One activity's outcome measures: choose them from Table 1's suggestions, agree the
baseline, target and how they are measured, record a period's value, see progress."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView

from activities.models import Activity
from involvement.permissions import OrganisationPermissionMixin, get_for_user
from involvement.spreadsheets import csv_response

from .. import selectors, services
from ..forms import ActivityMeasureForm, ChooseMeasuresForm, MeasureValueForm
from ..models import ActivityMeasure, Measure
from ..periods import quarters_between


def _activity(request, pk, action) -> Activity:
    return get_for_user(request, Activity.objects.select_related("agreement"), action, pk=pk)


def _use(request, pk, action) -> ActivityMeasure:
    uses = ActivityMeasure.objects.select_related("measure", "measure__aim", "activity")
    return get_for_user(request, uses, action, pk=pk)


def _measures_url(activity) -> str:
    return reverse("outcomes:activity-measures", args=[activity.pk])


class ActivityMeasuresView(OrganisationPermissionMixin, TemplateView):
    permission_required = "outcomes.view"
    template_name = "outcomes/activity_measures.html"

    def fetch_objects(self):
        self.activity = _activity(self.request, self.kwargs["pk"], self.permission_required)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            activity=self.activity,
            progress=selectors.activity_progress(self.activity, self.request.organisation),
            **kwargs,
        )


class ActivityMeasuresChooseView(OrganisationPermissionMixin, FormView):
    permission_required = "outcomes.record"
    template_name = "outcomes/activity_measures_choose.html"

    def fetch_objects(self):
        self.activity = _activity(self.request, self.kwargs["pk"], self.permission_required)
        self.options = selectors.suggested_measures(self.activity, self.request.organisation)

    def get_form(self, form_class=None):
        groups = self.options["suggested"] + self.options["others"]
        return ChooseMeasuresForm(**self.get_form_kwargs(), groups=groups)

    def get_context_data(self, **kwargs):
        form = kwargs.get("form") or self.get_form()
        suggested = {f"aim_{g['aim'].key}" for g in self.options["suggested"]}
        return super().get_context_data(
            activity=self.activity,
            aims=self.options["aims"],
            suggested=[f for f in form if f.name in suggested],
            others=[f for f in form if f.name not in suggested],
            **kwargs,
        )

    def form_valid(self, form):
        measures = list(
            Measure.objects.filter(organisation=self.request.organisation, pk__in=form.chosen_ids())
        )
        try:
            services.activity_measures_choose(
                activity=self.activity, measures=measures, added_by=self.request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _(
                "Measures added. Set where each starts and its target, then agree them with "
                "the people involved."
            ),
        )
        return redirect(_measures_url(self.activity))


class ActivityMeasureUpdateView(OrganisationPermissionMixin, FormView):
    permission_required = "outcomes.record"
    template_name = "outcomes/activity_measure_form.html"

    def fetch_objects(self):
        self.use = _use(self.request, self.kwargs["pk"], self.permission_required)

    def get_form(self, form_class=None):
        return ActivityMeasureForm(**self.get_form_kwargs(), instance=self.use)

    def get_context_data(self, **kwargs):
        return super().get_context_data(use=self.use, activity=self.use.activity, **kwargs)

    def form_valid(self, form):
        services.activity_measure_update(
            activity_measure=self.use, data=form.cleaned_data, changed_by=self.request.user
        )
        messages.success(self.request, _("Saved “%(name)s”.") % {"name": self.use.measure.name})
        return redirect(_measures_url(self.use.activity))


@require_POST
@login_required
def activity_measure_remove(request, pk):
    use = _use(request, pk, "outcomes.record")
    try:
        services.activity_measure_remove(activity_measure=use, removed_by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Removed “%(name)s”.") % {"name": use.measure.name})
    return redirect(_measures_url(use.activity))


def recordable_periods(activity, organisation):
    """The quarters the activity has run in, up to the current one."""
    end = min(activity.ends_on or timezone.localdate(), timezone.localdate())
    return quarters_between(
        activity.starts_on, max(end, activity.starts_on), organisation.year_start_month
    )


class MeasureValueRecordView(OrganisationPermissionMixin, FormView):
    """A period's value; choosing a period that already has one corrects it."""

    permission_required = "outcomes.record"
    template_name = "outcomes/measure_value_form.html"

    def fetch_objects(self):
        self.use = _use(self.request, self.kwargs["pk"], self.permission_required)
        self.periods = recordable_periods(self.use.activity, self.request.organisation)

    def get_form(self, form_class=None):
        return MeasureValueForm(
            **self.get_form_kwargs(), measure=self.use.measure, periods=self.periods
        )

    def get_initial(self):
        key = self.request.GET.get("period") or self.periods[-1].key
        value = (
            self.use.values.filter(period_start=key).first()
            if key in {p.key for p in self.periods}
            else None
        )
        if value is None:
            return {"period": key}
        shown = value.narrative or ({True: "yes", False: "no"}.get(value.answer) or value.number)
        return {"period": key, "value": shown, "evidence": value.evidence}

    def get_context_data(self, **kwargs):
        return super().get_context_data(use=self.use, activity=self.use.activity, **kwargs)

    def form_valid(self, form):
        if self.use.measure.is_computed() or self.use.measure.is_self_reported():
            form.add_error(None, _("This measure is filled in from the app’s own records."))
            return self.form_invalid(form)
        try:
            services.measure_value_record(
                activity_measure=self.use,
                period=form.period(),
                value=form.cleaned_data["value"],
                evidence=form.cleaned_data["evidence"],
                recorded_by=self.request.user,
            )
        except ValidationError as error:
            # Errors about the period come keyed to its field; the rest go above the form.
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Recorded “%(name)s” for %(period)s.")
            % {"name": self.use.measure.name, "period": form.period().label},
        )
        return redirect(_measures_url(self.use.activity))


@login_required
def activity_measures_csv(request, pk):
    activity = _activity(request, pk, "outcomes.view")
    progress = selectors.activity_progress(activity, request.organisation)
    header = [_("Aim"), _("Type"), _("Measure"), _("Source"), _("Baseline"), _("Target")]
    header += [p.label for p in progress["periods"]]
    rows = (
        [
            row["use"].measure.aim.name,
            row["use"].measure.get_tier_display(),
            row["use"].measure.name,
            row["use"].measure.get_source_display(),
            row["use"].baseline,
            row["use"].target,
        ]
        + [cell_text(cell) for cell in row["row"].cells]
        for row in progress["rows"]
    )
    return csv_response(f"activity-{activity.pk}-measures.csv", header, rows)


def cell_text(cell) -> str:
    """A figure as one spreadsheet cell: the value, and its detail when it has one."""
    if cell is None or cell.shown is None:
        return ""
    shown = f"{cell.shown}{cell.unit}" if not cell.suppressed else str(cell.shown)
    return f"{shown} ({cell.detail})" if cell.detail else shown
