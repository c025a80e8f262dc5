"""The population profile: who the organisation's services serve, one share per group."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from involvement.forms import RefusesNullCharacters

from ..selectors import population_answers, question_label


def field_name(question: str, answer: str) -> str:
    return f"{question}__{answer}"


class PopulationProfileForm(RefusesNullCharacters, forms.Form):
    """One optional percent per answer, grouped by question. Rendered by its own template
    (templates/activities/population_form.html) so each question is a fieldset with its error
    beside it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = population_answers()
        self.question_errors: dict[str, str] = {}
        for question, answers in self.questions.items():
            for value, label in answers:
                self.fields[field_name(question, value)] = forms.DecimalField(
                    label=label,
                    required=False,
                    min_value=0,
                    max_value=100,
                    decimal_places=1,
                    localize=False,
                    widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
                    error_messages={
                        "invalid": _("Enter a number, like 12.5"),
                        "min_value": _("Enter a percentage from 0 to 100"),
                        "max_value": _("Enter a percentage from 0 to 100"),
                        "max_decimal_places": _("Use one decimal place at most, like 12.5"),
                    },
                )

    def fieldsets(self) -> list[dict]:
        """Each question with its label, error and bound fields, for the template."""
        return [
            {
                "key": question,
                "legend": question_label(question),
                "error": self.question_errors.get(question),
                "fields": [self[field_name(question, value)] for value, _label in answers],
            }
            for question, answers in self.questions.items()
        ]

    def clean(self):
        cleaned = super().clean()
        for question, answers in self.questions.items():
            names = [field_name(question, value) for value, _label in answers]
            if any(name in self.errors for name in names):
                continue
            total = sum((cleaned.get(name) or Decimal(0)) for name in names)
            if total > 100:
                message = _(
                    "The percentages for %(question)s add up to %(total)s%%: "
                    "make them add up to 100 or less"
                ) % {
                    "question": question_label(question).lower(),
                    "total": f"{total.normalize():f}",
                }
                self.question_errors[question] = message
                self.add_error(None, message)
        return cleaned

    def values(self) -> dict[tuple[str, str], Decimal | None]:
        return {
            (question, value): self.cleaned_data.get(field_name(question, value))
            for question, answers in self.questions.items()
            for value, _label in answers
        }

    @staticmethod
    def initial_from(profile: dict) -> dict:
        return {
            field_name(question, answer): percent
            for question, answers in profile.items()
            for answer, percent in answers.items()
        }
