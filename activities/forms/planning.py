from crispy_forms_gds.choices import Choice
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from involvement.forms import GDSFormMixin, RefusesNullCharacters
from involvement.submissions import SubmissionKeyMixin
from involvement.widgets import DATE

from ..models import (
    AccessibilityCheck,
    Activity,
    Agreement,
    Aim,
    Approach,
    InfluenceLevel,
    Motive,
    Session,
)
from ..selectors import lead_candidates


def hinted_choices(queryset) -> list[Choice]:
    """Radio and checkbox choices that carry the seeds' definitions as hints."""
    return [Choice(item.pk, item.name, hint=item.meaning) for item in queryset]


class ActivityForm(GDSFormMixin, SubmissionKeyMixin, forms.ModelForm):
    submit_label = _("Save activity")

    class Meta:
        model = Activity
        fields = [
            "title",
            "overview",
            "programme",
            "lead",
            "staff_involved",
            "starts_on",
            "ends_on",
            "approach",
            "decision_level",
            "motives",
            "aims",
            "frequency",
            "session_length",
            "time_commitment",
            "commitment_duration",
        ]
        widgets = {
            "starts_on": DATE,
            "ends_on": DATE,
            "approach": forms.RadioSelect,
            "decision_level": forms.RadioSelect,
            "aims": forms.CheckboxSelectMultiple,
            "staff_involved": forms.CheckboxSelectMultiple,
            "overview": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "title": _("A short name people will recognise, for example 'Voices Council'."),
            "overview": _(
                "What the activity aims to achieve and what the outcomes will be, in plain words."
            ),
            "programme": _(
                "A group of activities reported on together, for example 'Maternity services'."
            ),
            "lead": _("The member of staff responsible for this activity."),
            "staff_involved": _("Everyone on your staff who takes part. Choose all that apply."),
            "ends_on": _("Leave empty if it is ongoing."),
            "approach": _("How much the people involved shape the work."),
            "decision_level": _("The level of decisions this activity feeds into."),
            "aims": _(
                "What difference involvement should make (NPC Table 1). Choose all that apply."
            ),
            "frequency": _("For example, 'monthly' or 'one workshop'."),
            "session_length": _("For example, '2 hours'."),
            "time_commitment": _(
                "What you ask of participants, for example 'about 4 hours "
                "a month including reading'."
            ),
            "commitment_duration": _("For example, '12 months'."),
        }

    motives = forms.MultipleChoiceField(
        label=_("Why are you involving people?"),
        choices=Motive.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Say why out loud: reasons are often left unsaid. Choose all that apply."),
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        fields = self.fields
        fields["lead"].queryset = lead_candidates(organisation)
        fields["lead"].error_messages["invalid_choice"] = _(
            "Choose a lead from your own organisation's staff."
        )
        fields["staff_involved"].queryset = lead_candidates(organisation)
        fields["staff_involved"].error_messages["invalid_choice"] = _(
            "Choose staff from your own organisation."
        )
        fields["approach"].queryset = Approach.objects.all()
        fields["approach"].choices = hinted_choices(Approach.objects.all())
        fields["approach"].empty_label = None
        fields["approach"].error_messages["required"] = _("Choose the approach.")
        fields["aims"].queryset = Aim.objects.all()
        fields["aims"].choices = hinted_choices(Aim.objects.all())
        fields["decision_level"].choices = list(fields["decision_level"].choices)[1:]
        fields["title"].error_messages["required"] = _("Enter a title.")
        fields["overview"].error_messages["required"] = _("Enter an overview.")
        fields["starts_on"].error_messages["required"] = _("Enter the start date.")
        fields["starts_on"].error_messages["invalid"] = _("Enter a real start date.")
        fields["ends_on"].error_messages["invalid"] = _("Enter a real end date.")
        fields["decision_level"].error_messages["required"] = _("Choose the decision level.")

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The end date must be on or after the start date."))
        return cleaned


class AgreementForm(GDSFormMixin, forms.ModelForm):
    submit_label = _("Save purpose and influence")

    class Meta:
        model = Agreement
        fields = [
            "purpose",
            "objectives",
            "influence_level",
            "can_influence",
            "cannot_influence",
            "monitoring",
        ]
        widgets = {
            "influence_level": forms.RadioSelect,
            **{
                name: forms.Textarea(attrs={"rows": 3})
                for name in [
                    "purpose",
                    "objectives",
                    "can_influence",
                    "cannot_influence",
                    "monitoring",
                ]
            },
        }
        labels = {"influence_level": _("Influence level offered")}
        help_texts = {
            "purpose": _("Why this activity exists, in words everyone involved understands."),
            "objectives": _("What it should achieve, one per line."),
            "influence_level": _(
                "How much say the people involved will really have. Be honest: people can tell."
            ),
            "can_influence": _("The decisions the people involved can change."),
            "cannot_influence": _(
                "Be open and honest about limits: what is already decided or not ours to decide."
            ),
            "monitoring": _("How you and the people involved will check progress."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        level = self.fields["influence_level"]
        level.queryset = InfluenceLevel.objects.all()
        level.choices = hinted_choices(InfluenceLevel.objects.all())
        level.required = False
        level.error_messages["invalid_choice"] = _("Choose an influence level from the ladder.")


class AgreementRecordForm(GDSFormMixin, forms.Form):
    submit_label = _("Record agreement")

    agreed_on = forms.DateField(
        label=_("Date agreed"),
        widget=DATE,
        error_messages={
            "required": _("Enter the date it was agreed."),
            "invalid": _("Enter a real date."),
        },
    )
    agreed_how = forms.CharField(
        label=_("How was it agreed?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example, 'talked through at the first meeting and everyone agreed'."),
        error_messages={"required": _("Say how it was agreed.")},
    )
    participants = forms.CharField(
        label=_("Who took part in agreeing it?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One name or pseudonym per line. They do not need an account."),
        error_messages={"required": _("Enter at least one person who took part.")},
    )

    def clean_agreed_on(self):
        agreed_on = self.cleaned_data["agreed_on"]
        if agreed_on > timezone.localdate():
            raise forms.ValidationError(_("The date agreed cannot be in the future."))
        return agreed_on

    def clean_participants(self):
        names = [line.strip() for line in self.cleaned_data["participants"].splitlines()]
        # One line per person: "Alice" and "alice" are the same person.
        names = list(
            {name[:150].casefold(): name[:150] for name in reversed(names) if name}.values()
        )
        names.reverse()
        if not names:
            raise forms.ValidationError(_("Enter at least one person who took part."))
        return names


class TransitionForm(RefusesNullCharacters, forms.Form):
    to_status = forms.ChoiceField(choices=Activity.Status.choices)


class SessionForm(GDSFormMixin, SubmissionKeyMixin, forms.ModelForm):
    submit_label = _("Save session")
    # Someone typing "meet.example.org/abc" means https, as browsers assume.
    online_link = forms.URLField(
        label=_("Online link"),
        required=False,
        assume_scheme="https",
        max_length=200,
        help_text=_("For example, a video call link."),
        error_messages={"invalid": _("Enter a full web address, like https://example.org/meeting")},
    )

    class Meta:
        model = Session
        fields = [
            "starts_at",
            "place",
            "online_link",
            "venue_accessible",
            "papers_sent_on",
            "agenda_set_with_participants",
        ]
        widgets = {
            "starts_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "papers_sent_on": DATE,
        }
        help_texts = {
            "place": _("The address or room. Leave empty if online only."),
            "papers_sent_on": _("Papers in accessible formats, well before the meeting."),
            "agenda_set_with_participants": _(
                "Setting the agenda together shares power: people's items are not left to the end."
            ),
        }
        error_messages = {
            "starts_at": {
                "required": _("Enter the date and time."),
                "invalid": _("Enter a real date and time."),
            },
        }

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("place") and not cleaned.get("online_link") and not self.errors:
            self.add_error("place", _("Enter a place or an online link."))
        starts_at, papers = cleaned.get("starts_at"), cleaned.get("papers_sent_on")
        if starts_at and papers and papers > timezone.localtime(starts_at).date():
            self.add_error("papers_sent_on", _("Papers cannot be sent after the session."))
        return cleaned


class AccessibilityCheckForm(RefusesNullCharacters, forms.ModelForm):
    class Meta:
        model = AccessibilityCheck
        fields = ["status", "note"]
        widgets = {"note": forms.TextInput()}


AccessibilityCheckFormSet = forms.modelformset_factory(
    AccessibilityCheck, form=AccessibilityCheckForm, extra=0, edit_only=True
)
