"""Forms for feedback: the questions (all on one page, or one per page in easy read) and the
staff forms for asking people. The "about you" questions are the participant app's."""

from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from activities.models import Participant
from involvement.forms import GDSFormMixin, gds_helper

from ..models import (
    FeedbackResponse,
)
from ..questions import BY_KEY, NAME, QUESTIONS, QUOTE, TEXT, choices_for

MAX_TEXT = 5000
CHOOSE_ONE = _("Choose an answer. You can choose “I don’t know” or “I prefer not to say”.")


def _field_for(question, required: bool, easy: bool) -> forms.Field:
    label = question.easy if easy else question.text
    if question.kind == TEXT:
        return forms.CharField(
            label=label,
            help_text=question.hint,
            required=False,
            max_length=MAX_TEXT,
            widget=forms.Textarea(attrs={"rows": 5}),
            error_messages={
                "max_length": _(
                    "Write %(limit_value)d characters or fewer. You wrote %(show_value)d."
                )
            },
        )
    return forms.ChoiceField(
        label=label,
        help_text=question.hint,
        choices=choices_for(question),
        # Being quoted is only ever asked, never required: no answer means no.
        required=required and question.kind != QUOTE,
        widget=forms.RadioSelect,
        error_messages={
            "required": CHOOSE_ONE if question.kind != NAME else _("Choose yes or no."),
            "invalid_choice": _("Choose one of the answers shown."),
        },
    )


class FeedbackForm(GDSFormMixin, forms.Form):
    """The feedback questions named by `keys`. With `draft`, nothing is required (saving to
    come back later), but a value that is not one of the answers is still refused."""

    submit_label = _("Send my answers")

    def __init__(self, *args, keys=None, draft=False, easy=False, **kwargs):
        super().__init__(*args, **kwargs)
        for question in QUESTIONS:
            if keys is None or question.key in keys:
                self.fields[question.key] = _field_for(question, not draft, easy)
        self.helper.layout = Layout(*[self._layout_for(name) for name in self.fields])
        self.helper.add_input(
            Submit(
                "save_for_later", _("Save and come back later"), css_class="govuk-button--secondary"
            )
        )

    def _layout_for(self, name):
        if name in BY_KEY and BY_KEY[name].kind == TEXT:
            return Field.textarea(name, max_characters=MAX_TEXT)
        if name in BY_KEY:
            return Field.radios(name, legend_size=Size.SMALL)
        return Field(name)

    def response_values(self) -> dict:
        """The answers as FeedbackResponse fields (only those asked on this form)."""
        values = {}
        for name, value in self.cleaned_data.items():
            if name not in BY_KEY:
                continue
            if BY_KEY[name].kind in (NAME, QUOTE):
                values[name] = {"yes": True, "no": False}.get(value)
            else:
                values[name] = value
        return values

    @staticmethod
    def initial_from(response: FeedbackResponse | None) -> dict:
        if response is None:
            return {}
        initial = {}
        for question in QUESTIONS:
            value = getattr(response, question.key)
            if question.kind in (NAME, QUOTE):
                value = None if value is None else ("yes" if value else "no")
            initial[question.key] = value
        initial = {key: value for key, value in initial.items() if value is not None}
        return initial


class OnBehalfForm(FeedbackForm):
    """Staff typing in an answer given on paper or by phone; every question may be blank,
    as it may have been on the paper."""

    submit_label = _("Save their answers")
    method = forms.ChoiceField(
        label=_("How did they answer?"),
        choices=[
            (FeedbackResponse.Method.PAPER, _("On paper")),
            (FeedbackResponse.Method.PHONE, _("By phone")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how they answered.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, draft=True, **kwargs)
        self.order_fields(["method"])
        self.helper = gds_helper(self, self.submit_label)
        self.helper.layout = Layout(*[self._layout_for(name) for name in self.fields])


class FeedbackSendForm(GDSFormMixin, forms.Form):
    """Who to email a personal feedback link to."""

    submit_label = _("Send links by email")
    people = forms.ModelMultipleChoiceField(
        label=_("Who should we ask?"),
        queryset=Participant.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only people with an email address are listed. Print a letter for others."),
        error_messages={"required": _("Choose at least one person.")},
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = people
