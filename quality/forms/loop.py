"""Forms for closing the loop: what people said and what was done about it."""

from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from activities.models import Participant
from involvement.forms import GDSFormMixin
from involvement.submissions import SubmissionKeyMixin
from involvement.widgets import DATE

from ..models import Contribution
from .feedback import MAX_TEXT


class ContributionForm(GDSFormMixin, SubmissionKeyMixin, forms.Form):
    """What someone asked for or suggested ("you said"), typed by staff."""

    submit_label = _("Save")

    text = forms.CharField(
        label=_("What did they ask for or suggest?"),
        help_text=_("In their words where you can."),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Enter what they asked for or suggested.")},
    )
    participant = forms.ModelChoiceField(
        label=_("Who raised it (optional)"),
        help_text=_("Leave blank if they asked not to be named, or you do not know."),
        queryset=Participant.objects.none(),
        required=False,
        empty_label=_("Not named"),
        error_messages={"invalid_choice": _("Choose someone involved in this activity.")},
    )
    raised_on = forms.DateField(
        label=_("Date raised"),
        widget=DATE,
        error_messages={
            "required": _("Enter the date it was raised."),
            "invalid": _("Enter a real date."),
        },
    )
    source = forms.ChoiceField(
        label=_("Where did it come from?"),
        choices=[c for c in Contribution.Source.choices if c[0] != Contribution.Source.FEEDBACK],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose where it came from.")},
    )

    def __init__(self, *args, participants, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participant"].queryset = participants
        self.helper.layout = Layout(
            Field.textarea("text", max_characters=MAX_TEXT),
            "participant",
            "raised_on",
            Field.radios("source", legend_size=Size.SMALL),
            "submission_key",
        )

    def clean_raised_on(self):
        day = self.cleaned_data["raised_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return day


class ContributionResponseForm(GDSFormMixin, forms.Form):
    """What the organisation did about it ("we did")."""

    submit_label = _("Save the response")

    decision = forms.ChoiceField(
        label=_("What did you decide?"),
        choices=Contribution.Decision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what you decided.")},
    )
    what_changed = forms.CharField(
        label=_("What changed"),
        help_text=_("When accepted, or partly: what is different now."),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    changed_on = forms.DateField(
        label=_("When it changed (optional)"),
        required=False,
        widget=DATE,
        error_messages={"invalid": _("Enter a real date.")},
    )
    reason = forms.CharField(
        label=_("The reason, in plain words"),
        help_text=_("When not adopted, or only partly: why not, so the person understands."),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    who_decides = forms.CharField(
        label=_("Who decides"),
        help_text=_("When it is not yours to decide: who does, so the person knows where it went."),
        required=False,
        max_length=200,
    )

    def __init__(self, *args, contribution: Contribution, **kwargs):
        self.contribution = contribution
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.radios("decision", legend_size=Size.SMALL),
            Field.textarea("what_changed", max_characters=MAX_TEXT),
            "changed_on",
            Field.textarea("reason", max_characters=MAX_TEXT),
            "who_decides",
        )

    def clean(self):
        cleaned = super().clean()
        try:
            self.contribution.check_step("respond")
        except forms.ValidationError as error:
            self.add_error(None, error)
            return cleaned
        if cleaned.get("decision"):
            try:
                self.contribution.check_response(
                    decision=cleaned["decision"],
                    what_changed=cleaned.get("what_changed", ""),
                    reason=cleaned.get("reason", ""),
                    who_decides=cleaned.get("who_decides", ""),
                )
            except forms.ValidationError as error:
                self.add_error(None, error)
        return cleaned

    @staticmethod
    def initial_from(contribution: Contribution) -> dict:
        fields = ["decision", "what_changed", "changed_on", "reason", "who_decides"]
        return {name: getattr(contribution, name) for name in fields}


class ReplyForm(GDSFormMixin, forms.Form):
    """The person's answer to "we did": are they happy with it? Their page renders it by
    hand, in plain or easy read; staff recording an answer get `TheirAnswerForm`."""

    satisfied = forms.ChoiceField(
        label=_("Are you happy with what we did?"),
        choices=Contribution.Satisfaction.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose whether you are happy with what we did."),
            "invalid_choice": _("Choose whether you are happy with what we did."),
        },
    )
    comment = forms.CharField(
        label=_("Is there anything you want to tell us about it? (optional)"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea,
        error_messages={"max_length": _("Write 5000 characters or fewer.")},
    )


class TheirAnswerForm(ReplyForm):
    """Staff recording the person's answer, given in person or by phone."""

    submit_label = _("Save their answer")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["satisfied"].label = _("Are they happy with what was done?")
        self.fields["satisfied"].choices = [
            (value, label)
            for value, label in Contribution.Satisfaction.choices
            if value != Contribution.Satisfaction.PREFER_NOT
        ] + [(Contribution.Satisfaction.PREFER_NOT, _("They preferred not to say"))]
        self.fields["satisfied"].error_messages["required"] = _(
            "Choose whether they are happy with what was done."
        )
        self.fields["comment"].label = _("What they said about it (optional)")
        self.fields["comment"].help_text = _("In their words where you can.")
        self.helper.layout = Layout(
            Field.radios("satisfied", legend_size=Size.SMALL),
            Field.textarea("comment", max_characters=MAX_TEXT),
        )


class TellForm(GDSFormMixin, forms.Form):
    """How staff will tell the person what was done: the choices depend on their contact
    details, so a person with no email address is offered the letter ("needs printing")."""

    submit_label = _("Continue")

    how = forms.ChoiceField(
        label=_("How will you tell them?"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose how you will tell them."),
            "invalid_choice": _("They have no email address: choose the letter or in person."),
        },
    )

    def __init__(self, *args, contribution: Contribution, **kwargs):
        super().__init__(*args, **kwargs)
        person = contribution.participant
        choices = []
        if contribution.route() == Contribution.ToldHow.EMAIL:
            choices.append(("email", _("Send an email to %(email)s") % {"email": person.email}))
        choices += [
            ("letter", _("Print a letter to post or hand to them")),
            ("in_person", _("I told them in person or by phone")),
        ]
        self.fields["how"].choices = choices
        self.fields["how"].initial = choices[0][0]
        self.helper.layout = Layout(Field.radios("how", legend_size=Size.MEDIUM))
