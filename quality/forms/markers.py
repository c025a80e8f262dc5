"""Forms for quality markers: staff's assessments and an organisation's own markers."""

from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.utils.translation import gettext_lazy as _

from involvement.forms import GDSFormMixin, RefusesNullCharacters

from ..models import Assessment, Element, QualityMarker, Stage, Standard
from .feedback import MAX_TEXT

NOT_ASSESSED = ""


class MarkerAssessmentForm(RefusesNullCharacters, forms.Form):
    """Staff's judgement of each organisation marker the app cannot judge: a status and
    the evidence. Rendered by templates/quality/marker_assess.html, one fieldset per stage."""

    def __init__(self, *args, markers, **kwargs):
        super().__init__(*args, **kwargs)
        self.markers = markers
        for marker in markers:
            self.fields[f"status_{marker.pk}"] = forms.ChoiceField(
                label=marker.text,
                choices=[*Assessment.choices, (NOT_ASSESSED, _("Not assessed yet"))],
                required=False,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": _("Choose one of the answers shown.")},
            )
            self.fields[f"evidence_{marker.pk}"] = forms.CharField(
                label=_("Evidence"),
                help_text=_("What shows this: a document, a meeting, what people said."),
                required=False,
                max_length=MAX_TEXT,
                widget=forms.Textarea(attrs={"rows": 2}),
                error_messages={
                    "max_length": _(
                        "Write %(limit_value)d characters or fewer. You wrote %(show_value)d."
                    )
                },
            )

    def clean(self):
        cleaned = super().clean()
        for marker in self.markers:
            status = cleaned.get(f"status_{marker.pk}")
            evidence = cleaned.get(f"evidence_{marker.pk}", "").strip()
            named = {"marker": marker.text}
            if status in (Assessment.PARTLY, Assessment.NOT_MET) and not evidence:
                self.add_error(
                    f"evidence_{marker.pk}",
                    _("Say what is missing for “%(marker)s”, so it can be put right.") % named,
                )
            elif evidence and not status and f"status_{marker.pk}" not in self.errors:
                # Evidence with no status would be thrown away on saving.
                self.add_error(
                    f"status_{marker.pk}",
                    _("Choose how far “%(marker)s” is met, or clear its evidence.") % named,
                )
        return cleaned

    def by_stage(self) -> list[dict]:
        stages = []
        for stage, label in Stage.choices:
            pairs = [
                (self[f"status_{m.pk}"], self[f"evidence_{m.pk}"])
                for m in self.markers
                if m.stage == stage
            ]
            if pairs:
                stages.append({"key": stage, "label": label, "pairs": pairs})
        return stages

    def assessments(self) -> dict[int, tuple[str, str]]:
        return {
            m.pk: (
                self.cleaned_data.get(f"status_{m.pk}", ""),
                self.cleaned_data.get(f"evidence_{m.pk}", "").strip(),
            )
            for m in self.markers
        }

    @staticmethod
    def initial_from(assessments) -> dict:
        initial = {}
        for a in assessments:
            initial[f"status_{a.marker_id}"] = a.status
            initial[f"evidence_{a.marker_id}"] = a.evidence
        return initial


class QualityMarkerForm(GDSFormMixin, forms.ModelForm):
    """An organisation's own quality marker, judged by staff."""

    submit_label = _("Add marker")

    class Meta:
        model = QualityMarker
        fields = ["stage", "text", "standards", "elements"]
        widgets = {"stage": forms.RadioSelect, "text": forms.Textarea(attrs={"rows": 2})}
        labels = {"text": _("The marker, in plain words")}
        error_messages = {
            "stage": {"required": _("Choose the stage it belongs to.")},
            "text": {"required": _("Enter the marker.")},
        }

    standards = forms.MultipleChoiceField(
        label=_("4Pi standards it serves (optional)"),
        choices=Standard.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    elements = forms.MultipleChoiceField(
        label=_("Essential elements it serves (optional)"),
        choices=Element.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, organisation, **kwargs):
        self.organisation = organisation
        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = [c for c in self.fields["stage"].choices if c[0]]
        self.helper.layout = Layout(
            Field.radios("stage", legend_size=Size.SMALL),
            Field.textarea("text"),
            Field.checkboxes("standards", legend_size=Size.SMALL, small=True),
            Field.checkboxes("elements", legend_size=Size.SMALL, small=True),
        )

    def clean(self):
        cleaned = super().clean()
        # The same words as a marker in use are a double submit (the service gives back
        # the first); as a retired one, a clash to bring that one back instead.
        retired = QualityMarker.objects.retired().filter(
            organisation=self.organisation, stage=cleaned.get("stage"), text=cleaned.get("text")
        )
        if cleaned.get("text") and retired.exists():
            self.add_error(
                "text",
                _(
                    "A retired marker has these words. Bring it back from the list of retired "
                    "markers instead."
                ),
            )
        return cleaned
