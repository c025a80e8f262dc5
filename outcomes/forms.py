"""Forms for outcome measures: the catalogue, choosing and agreeing measures for an
activity, recording a period's value and training records."""

import datetime

from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from activities.models import Participant
from involvement.forms import GDSFormMixin
from involvement.widgets import DATE

from .models import ActivityMeasure, Measure
from .periods import Period

MAX_TEXT = 5000


class MeasureForm(GDSFormMixin, forms.ModelForm):
    """An organisation's own measure, or new wording for one it has. What a measure holds
    cannot change once values are recorded against it, and computed ones keep theirs."""

    submit_label = _("Save measure")

    class Meta:
        model = Measure
        fields = [
            "aim",
            "tier",
            "name",
            "description",
            "kind",
            "source",
            "counts_people",
            "self_defined",
            "question",
            "easy_question",
        ]
        widgets = {
            "aim": forms.RadioSelect,
            "tier": forms.RadioSelect,
            "kind": forms.RadioSelect,
            "source": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "name": _("Say what changes, in plain words, like “People feel more confident”."),
            "counts_people": _("Small counts of people are hidden as * on every page."),
            "self_defined": _("Tick if you worked out this outcome with the people involved."),
            "question": _(
                "Only for measures people answer in their feedback. They score it from 1 to "
                "5 for before and after, like “How confident do you feel?”"
            ),
            "easy_question": _("The same question in short, simple words."),
        }
        error_messages = {
            "aim": {"required": _("Choose the aim this measure belongs to.")},
            "tier": {"required": _("Choose whether it is an output, outcome or longer-term.")},
            "name": {"required": _("Enter the measure.")},
            "kind": {"required": _("Choose the kind of value it holds.")},
            "source": {"required": _("Choose where the value comes from.")},
        }

    def __init__(self, *args, organisation, **kwargs):
        self.organisation = organisation
        super().__init__(*args, **kwargs)
        source = self.fields["source"]
        source.choices = [c for c in source.choices if c[0] != Measure.Source.COMPUTED]
        self.fields["aim"].empty_label = None
        for name in ("tier", "kind", "source"):
            # Radios need no "---------" choice: the question is required.
            self.fields[name].choices = [c for c in self.fields[name].choices if c[0] != ""]
        measure = self.instance
        recorded = Q(values__isnull=False) | Q(self_reports__isnull=False)
        if measure.pk and (measure.is_computed() or measure.uses.filter(recorded).exists()):
            # Values already recorded were recorded as this kind, from this source.
            for name in ("aim", "tier", "kind", "source"):
                self.fields.pop(name)
        self.helper.layout = Layout(
            *[
                Field.radios(name, legend_size=Size.SMALL)
                if isinstance(self.fields[name].widget, forms.RadioSelect)
                else (Field.checkbox(name) if name in ("counts_people", "self_defined") else name)
                for name in self.fields
            ]
        )

    def clean(self):
        cleaned = super().clean()
        source = cleaned.get("source", self.instance.source)
        kind = cleaned.get("kind", self.instance.kind)
        # On adding, the same words as a measure in use are a double submit: the service
        # gives back the first. A retired one, or another on editing, is a clash.
        aim = cleaned.get("aim") or (self.instance.aim if self.instance.aim_id else None)
        if aim and cleaned.get("name"):
            same = Measure.objects.filter(
                organisation=self.organisation, aim=aim, name=cleaned["name"]
            ).exclude(pk=self.instance.pk)
            if self.instance.pk is None:
                same = same.retired()
            if same.exists():
                self.add_error(
                    "name",
                    _(
                        "This aim already has a measure with these words. Retired measures "
                        "can be brought back from the list of retired measures."
                    )
                    if not self.instance.pk
                    else _("This aim already has a measure with these words."),
                )
        if source == Measure.Source.SELF_REPORTED:
            if kind and kind != Measure.Kind.SCALE:
                self.add_error(
                    "kind",
                    _("People score their own change from 1 to 5: choose “A score from 1 to 5”."),
                )
            if not cleaned.get("question"):
                self.add_error("question", _("Enter the question people will be asked."))
        return cleaned


class ChooseMeasuresForm(GDSFormMixin, forms.Form):
    """Tick the measures the activity will use: one group of boxes per aim."""

    submit_label = _("Add these measures")

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = groups
        for group in groups:
            self.fields[f"aim_{group['aim'].key}"] = forms.TypedMultipleChoiceField(
                label=group["aim"].name,
                choices=[(m.pk, self._label(m)) for m in group["measures"]],
                coerce=int,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                error_messages={
                    "invalid_choice": _(
                        "One of the measures you ticked is no longer offered: it may have "
                        "been retired or added already. Choose from the list."
                    )
                },
            )
        self.helper.layout = Layout(
            *[Field.checkboxes(name, legend_size=Size.SMALL, small=True) for name in self.fields]
        )

    @staticmethod
    def _label(measure: Measure) -> str:
        tier, source = measure.get_tier_display().lower(), measure.get_source_display().lower()
        return f"{measure.name} ({tier}, {source})"

    def chosen_ids(self) -> list[int]:
        return [pk for name in self.fields for pk in self.cleaned_data.get(name, [])]

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not self.chosen_ids() and self.fields:
            self.add_error(next(iter(self.fields)), _("Tick at least one measure."))
        return cleaned


class ActivityMeasureForm(GDSFormMixin, forms.ModelForm):
    """Where things start, the target, and how and when it will be measured."""

    submit_label = _("Save")

    class Meta:
        model = ActivityMeasure
        fields = ["baseline", "target", "how_measured", "when_measured"]
        widgets = {
            "baseline": forms.TextInput(
                attrs={"inputmode": "decimal", "class": "govuk-input--width-5"}
            ),
            "target": forms.TextInput(
                attrs={"inputmode": "decimal", "class": "govuk-input--width-5"}
            ),
            "how_measured": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "how_measured": _(
                "For example: the end-of-involvement questionnaire, a count "
                "from the sign-in sheet, notes from the review meeting."
            ),
            "when_measured": _("For example: every quarter, or at the start and the end."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        measure = self.instance.measure
        for name in ("baseline", "target"):
            field = forms.CharField(
                label=self.fields[name].label, required=False, widget=self._meta.widgets[name]
            )
            field.help_text = _("%(kind)s.") % {"kind": measure.get_kind_display()}
            self.fields[name] = field
        if not measure.is_numeric():
            del self.fields["baseline"], self.fields["target"]
        self.order_fields(self._meta.fields)
        # The helper's default layout was made before the fields above were dropped.
        self.helper.layout = Layout(*self.fields)

    def _clean_number(self, name):
        raw = self.cleaned_data.get(name, "")
        if raw in ("", None):
            return None
        return self.instance.measure.clean_number(raw)

    def clean_baseline(self):
        return self._clean_number("baseline")

    def clean_target(self):
        return self._clean_number("target")

    def clean(self):
        cleaned = super().clean()
        needs = self.instance.measure.needs_baseline()
        if needs and cleaned.get("target") is not None and cleaned.get("baseline") is None:
            if "baseline" not in self.errors:
                self.add_error(
                    "baseline",
                    _(
                        "Enter a baseline: a target for a change only means something "
                        "against where things start."
                    ),
                )
        return cleaned


class MeasureValueForm(GDSFormMixin, forms.Form):
    """A period's value for one measure, in the form its kind needs, with the evidence."""

    submit_label = _("Save value")

    def __init__(self, *args, measure: Measure, periods: list[Period], **kwargs):
        super().__init__(*args, **kwargs)
        self.measure = measure
        self.periods = {p.key: p for p in periods}
        self.fields["period"] = forms.ChoiceField(
            label=_("Period"),
            choices=[(p.key, f"{p.label} ({p.months})") for p in reversed(periods)],
            error_messages={
                "required": _("Choose the period."),
                "invalid_choice": _("Choose a period when the activity was running."),
            },
        )
        self.fields["value"] = self._value_field(measure)
        self.fields["evidence"] = forms.CharField(
            label=_("Evidence"),
            help_text=_("Where the value comes from, so others can check it."),
            required=False,
            max_length=MAX_TEXT,
            widget=forms.Textarea(attrs={"rows": 3}),
        )
        value = (
            Field.radios("value", inline=True) if measure.kind == Measure.Kind.YES_NO else "value"
        )
        self.helper.layout = Layout(
            "period", value, Field.textarea("evidence", max_characters=MAX_TEXT)
        )

    @staticmethod
    def _value_field(measure: Measure) -> forms.Field:
        label = _("Value: %(kind)s") % {"kind": measure.get_kind_display().lower()}
        if measure.kind == Measure.Kind.YES_NO:
            return forms.ChoiceField(
                label=label,
                choices=[("yes", _("Yes")), ("no", _("No"))],
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose yes or no.")},
            )
        if measure.kind == Measure.Kind.NARRATIVE:
            return forms.CharField(
                label=_("What happened"),
                max_length=MAX_TEXT,
                widget=forms.Textarea(attrs={"rows": 5}),
                error_messages={"required": _("Write what happened in this period.")},
            )
        return forms.CharField(
            label=label,
            widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-5"}),
            error_messages={"required": _("Enter the value.")},
        )

    def clean_value(self):
        raw = self.cleaned_data["value"]
        if self.measure.kind == Measure.Kind.YES_NO:
            return {"answer": raw == "yes"}
        if self.measure.kind == Measure.Kind.NARRATIVE:
            return {"narrative": raw}
        return {"number": self.measure.clean_number(raw)}

    def period(self) -> Period:
        return self.periods[self.cleaned_data["period"]]


class TrainingRecordForm(GDSFormMixin, forms.Form):
    submit_label = _("Save training")

    participant = forms.ModelChoiceField(
        label=_("Who completed it"),
        queryset=Participant.objects.none(),
        error_messages={
            "required": _("Choose who completed the training."),
            "invalid_choice": _("Choose someone from the list."),
        },
    )
    course = forms.CharField(
        label=_("Training"),
        max_length=200,
        help_text=_("For example: Recruitment panel training."),
        error_messages={"required": _("Enter the name of the training.")},
    )
    completed_on = forms.DateField(
        label=_("Date completed"),
        widget=DATE,
        error_messages={
            "required": _("Enter the date they completed it."),
            "invalid": _("Enter a real date."),
        },
    )

    def __init__(self, *args, participants, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participant"].queryset = participants

    def clean_completed_on(self):
        day = self.cleaned_data["completed_on"]
        if day > timezone.localdate():
            raise ValidationError(_("The date cannot be in the future."))
        if day < datetime.date(2000, 1, 1):
            raise ValidationError(_("Enter a date from 2000 onwards."))
        return day
