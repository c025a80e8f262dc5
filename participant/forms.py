"""Forms only a person's own pages use: "about you" (asked after the feedback, kept only
with consent) and the before-and-now scores of the changes an activity set out to make."""

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from activities.models import DEMOGRAPHIC_FIELDS, AboutYou
from involvement.forms import GDSFormMixin, RefusesNullCharacters

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


class ConsentForm(GDSFormMixin, forms.Form):
    consent = forms.ChoiceField(
        label=_("Do you want to answer some questions about you?"),
        choices=[("yes", _("Yes, I agree")), ("no", _("No, skip these questions"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose yes or no.")},
    )


PREFER_NOT = "prefer_not"
SCALE_CHOICES = [
    ("1", _("1 – Very low")),
    ("2", _("2 – Low")),
    ("3", _("3 – In the middle")),
    ("4", _("4 – High")),
    ("5", _("5 – Very high")),
    (PREFER_NOT, _("I prefer not to say")),
]


class SelfReportForm(RefusesNullCharacters, forms.Form):
    """Before and after, from 1 to 5, for each change the activity asks people about.
    Every answer may be left out. Rendered with quality's question include, as the
    feedback questions are, so both modes look the same."""

    def __init__(self, *args, uses, **kwargs):
        super().__init__(*args, **kwargs)
        self.uses = uses
        for use in uses:
            for when in ("before", "after"):
                self.fields[f"{when}_{use.pk}"] = forms.ChoiceField(
                    choices=SCALE_CHOICES,
                    required=False,
                    widget=forms.RadioSelect,
                    error_messages={"invalid_choice": _("Choose one of the answers shown.")},
                )

    def answers(self) -> dict[int, tuple]:
        def score(name):
            value = self.cleaned_data.get(name)
            return int(value) if value and value != PREFER_NOT else None

        return {use.pk: (score(f"before_{use.pk}"), score(f"after_{use.pk}")) for use in self.uses}

    @staticmethod
    def initial_from(reports) -> dict:
        initial = {}
        for report in reports:
            for when in ("before", "after"):
                value = getattr(report, when)
                initial[f"{when}_{report.activity_measure_id}"] = str(value) if value else ""
        return initial
