"""Forms for feedback: the questions (all on one page, or one per page in easy read), the
optional "about you" questions, and the staff forms for asking people."""

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from activities.models import DEMOGRAPHIC_FIELDS, AboutYou, Participant
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


CONSENT_WORDING = _(
    "I agree that %(organisation)s can keep my answers about me, to check that the people "
    "they involve are like the people they serve. Only a few staff can see them. They are "
    "only shared as totals, and small numbers are hidden. I can ask for them to be deleted "
    "at any time."
)


class AboutYouForm(GDSFormMixin, forms.Form):
    """Optional questions about the person, each with "prefer not to say", kept only when
    they tick to agree."""

    submit_label = _("Save and finish")

    def __init__(self, *args, organisation, keys=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.consent_wording = str(CONSENT_WORDING % {"organisation": organisation.name})
        for name, choices in DEMOGRAPHIC_FIELDS.items():
            if keys is None or name in keys:
                self.fields[name] = forms.ChoiceField(
                    label=AboutYou._meta.get_field(name).verbose_name.capitalize(),
                    choices=choices.choices,
                    required=False,
                    widget=forms.RadioSelect,
                    error_messages={"invalid_choice": _("Choose one of the answers shown.")},
                )
        if keys is None or "consent" in keys:
            self.fields["consent"] = forms.BooleanField(label=self.consent_wording, required=False)
        self.helper.layout = Layout(
            *[
                Field.checkboxes(n) if n == "consent" else Field.radios(n, legend_size=Size.SMALL)
                for n in self.fields
            ]
        )
        self.helper.add_input(
            Submit("skip", _("Skip these questions"), css_class="govuk-button--secondary")
        )

    def clean(self):
        data = super().clean()
        answered = any(data.get(name) for name in DEMOGRAPHIC_FIELDS)
        if answered and "consent" in self.fields and not data.get("consent"):
            self.add_error(
                "consent",
                _("To keep your answers, tick the box to say you agree. Or choose “Skip”."),
            )
        return data

    def values(self) -> dict:
        return {n: self.cleaned_data.get(n, "") for n in DEMOGRAPHIC_FIELDS if n in self.fields}


class AboutYouKeptForm(GDSFormMixin, forms.Form):
    """What to do with the answers about a person we already keep. Asked instead of showing
    them: a personal link is a weak credential (a letter can be lost, a link forwarded), so
    it may write these answers but never reads them back."""

    KEEP, REPLACE, WITHDRAW = "keep", "replace", "withdraw"
    submit_label = _("Continue")

    choice = forms.ChoiceField(
        label=_("What do you want to do with your answers?"),
        choices=[
            Choice(KEEP, _("Keep my answers as they are")),
            Choice(
                REPLACE,
                _("Change my answers"),
                hint=_("We delete the answers we have, then ask you the questions again."),
            ),
            Choice(
                WITHDRAW,
                _("Delete my answers"),
                hint=_("We delete your answers and your agreement for us to keep them."),
            ),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose whether to keep, change or delete your answers."),
            "invalid_choice": _("Choose one of the answers shown."),
        },
    )

    def __init__(self, *args, easy=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(Field.radios("choice", legend_size=Size.MEDIUM))
        if easy:
            field = self.fields["choice"]
            field.label = _("What do you want to do?")
            field.choices = [
                (self.KEEP, _("Keep my answers")),
                (self.REPLACE, _("Change my answers")),
                (self.WITHDRAW, _("Delete my answers")),
            ]
            field.error_messages["required"] = _("Choose what you want to do.")


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
