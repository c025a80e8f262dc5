"""Asking for a report: the period (a quarter, or any dates), the audience, which
activities, and what the organisation will do differently."""

import datetime

from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from activities.models import Activity
from involvement.forms import GDSFormMixin
from involvement.widgets import DATE
from outcomes.periods import quarter_of, quarters_ending

from .models import Report

CUSTOM = "custom"
QUARTERS_OFFERED = 8


class ReportRequestForm(GDSFormMixin, forms.Form):
    submit_label = _("Make the report")

    period = forms.ChoiceField(
        label=_("Which period?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a period.")},
    )
    period_start = forms.DateField(
        label=_("From"),
        required=False,
        widget=DATE,
        error_messages={"invalid": _("Enter a real start date.")},
    )
    period_end = forms.DateField(
        label=_("To"),
        required=False,
        widget=DATE,
        error_messages={"invalid": _("Enter a real end date.")},
    )
    audience = forms.ChoiceField(
        label=_("Who is it for?"),
        choices=Report.Audience.choices,
        widget=forms.RadioSelect,
        help_text=_("This changes what comes first and the wording, never the numbers."),
        error_messages={"required": _("Choose who it is for.")},
    )
    scope = forms.ChoiceField(
        label=_("Which activities?"),
        choices=Report.Scope.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose which activities.")},
    )
    activities = forms.ModelMultipleChoiceField(
        label=_("Chosen activities"),
        queryset=Activity.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose activities of your own organisation.")},
    )
    programme = forms.ChoiceField(
        label=_("Programme"),
        required=False,
        error_messages={"invalid_choice": _("Choose a programme.")},
    )
    do_differently = forms.CharField(
        label=_("What will you do differently? (optional)"),
        help_text=_("A short paragraph for the end of the report, in plain words."),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, organisation, programmes: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        today = timezone.localdate()
        last = quarter_of(today, organisation.year_start_month).previous()
        quarters = list(reversed(quarters_ending(last, QUARTERS_OFFERED)))
        self.quarters = {q.key: q for q in quarters}
        self.fields["period"].choices = [(q.key, f"{q.label} ({q.months})") for q in quarters] + [
            (CUSTOM, _("Other dates"))
        ]
        self.fields["period"].initial = last.key
        self.fields["activities"].queryset = Activity.objects.filter(
            organisation=organisation
        ).order_by("title", "pk")
        self.fields["programme"].choices = [("", _("Choose a programme"))] + [
            (name, name) for name in programmes
        ]
        self.fields["audience"].initial = Report.Audience.BOARD
        self.fields["scope"].initial = Report.Scope.ALL
        self.helper.layout = Layout(
            Field.radios("period", legend_size=Size.SMALL),
            "period_start",
            "period_end",
            Field.radios("audience", legend_size=Size.SMALL),
            Field.radios("scope", legend_size=Size.SMALL),
            Field.checkboxes("activities", legend_size=Size.SMALL),
            "programme",
            Field.textarea("do_differently", max_characters=3000),
        )

    def clean(self):
        cleaned = super().clean()
        self._clean_period(cleaned)
        scope = cleaned.get("scope")
        if scope == Report.Scope.CHOSEN and not cleaned.get("activities"):
            self.add_error("activities", _("Choose at least one activity."))
        if scope == Report.Scope.PROGRAMME and not cleaned.get("programme"):
            self.add_error("programme", _("Choose a programme."))
        return cleaned

    def _clean_period(self, cleaned) -> None:
        period = cleaned.get("period")
        if period in self.quarters:
            cleaned["period_start"] = self.quarters[period].start
            cleaned["period_end"] = self.quarters[period].end
            return
        if period != CUSTOM:
            return
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start is None and "period_start" not in self.errors:
            self.add_error("period_start", _("Enter the start date."))
        if end is None and "period_end" not in self.errors:
            self.add_error("period_end", _("Enter the end date."))
        if start and end and end < start:
            self.add_error("period_end", _("The end date must be on or after the start date."))
        if start and start > timezone.localdate():
            self.add_error("period_start", _("The period cannot start in the future."))
        if start and end and (end - start) > datetime.timedelta(days=3 * 366):
            self.add_error("period_end", _("A report can cover three years at most."))
