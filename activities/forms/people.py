"""Forms for the people involved: participant records, involvements and attendance."""

from django import forms
from django.utils.translation import gettext_lazy as _

from involvement.forms import GDSFormMixin
from involvement.widgets import DATE

from ..models import AccessNeed, Attendance, Involvement, Participant, PreferredFormat


class ParticipantForm(GDSFormMixin, forms.ModelForm):
    """A person with lived experience: only what is needed to involve them well."""

    submit_label = _("Save person")
    preferred_formats = forms.MultipleChoiceField(
        label=_("Formats they prefer"),
        choices=PreferredFormat.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose all that apply."),
    )
    access_needs = forms.MultipleChoiceField(
        label=_("Access needs"),
        choices=AccessNeed.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("What they need to take part fully. Choose all that apply."),
    )
    wants_payment = forms.TypedChoiceField(
        label=_("Do they want to be paid for their time?"),
        choices=[("yes", _("Yes")), ("no", _("No")), ("", _("Not asked yet"))],
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Participant
        fields = [
            "name",
            "contact_by",
            "email",
            "phone",
            "postal_address",
            "preferred_formats",
            "access_needs",
            "access_notes",
            "wants_payment",
        ]
        widgets = {
            "contact_by": forms.RadioSelect,
            "postal_address": forms.Textarea(attrs={"rows": 3}),
            "access_notes": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "name": _("A pseudonym is fine if they prefer."),
            "access_notes": _("Anything else, in their words."),
        }
        error_messages = {"name": {"required": _("Enter a name or pseudonym.")}}

    # Which field must be filled for each way of getting in touch.
    ROUTE_FIELDS = {"email": "email", "phone": "phone", "sms": "phone", "post": "postal_address"}

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["contact_by"].choices = list(self.fields["contact_by"].choices)[1:]
        self.fields["contact_by"].required = False
        if self.instance.pk and self.instance.wants_payment is not None:
            self.initial["wants_payment"] = "yes" if self.instance.wants_payment else "no"

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        others = Participant.objects.filter(organisation=self.organisation, name__iexact=name)
        if others.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Someone with this name is already recorded."))
        return name

    def clean(self):
        cleaned = super().clean()
        needed = self.ROUTE_FIELDS.get(cleaned.get("contact_by") or "")
        if needed and not cleaned.get(needed) and needed not in self.errors:
            label = self.fields[needed].label.lower()
            self.add_error(
                needed, _("Enter their %(what)s, or choose another way.") % {"what": label}
            )
        return cleaned


class InvolvementForm(GDSFormMixin, forms.ModelForm):
    submit_label = _("Save")

    class Meta:
        model = Involvement
        fields = ["participant", "role", "came_in", "started_on", "ended_on"]
        widgets = {
            "role": forms.RadioSelect,
            "came_in": forms.RadioSelect,
            "started_on": DATE,
            "ended_on": DATE,
        }
        labels = {"participant": _("Person")}
        help_texts = {
            "came_in": _("Invited: you asked them. Volunteered: they came forward."),
            "ended_on": _("Leave empty while they are still involved."),
        }
        error_messages = {
            "participant": {"required": _("Choose the person.")},
            "role": {"required": _("Choose their role.")},
            "came_in": {"required": _("Say whether they were invited or volunteered.")},
            "started_on": {
                "required": _("Enter the date they started."),
                "invalid": _("Enter a real date."),
            },
            "ended_on": {"invalid": _("Enter a real date.")},
        }

    def __init__(self, *args, activity, **kwargs):
        super().__init__(*args, **kwargs)
        self.activity = activity
        people = Participant.objects.filter(organisation=activity.organisation).not_erased()
        if self.instance.pk:
            # Shown, not changed; erased people too, so an anonymous row can still be ended.
            people = Participant.objects.filter(pk=self.instance.participant_id)
            self.fields["participant"].disabled = True
        else:
            people = people.exclude(involvements__activity=activity)
        self.fields["participant"].queryset = people
        self.fields["participant"].error_messages["invalid_choice"] = _(
            "Choose someone recorded by your organisation who is not already involved."
        )
        for name in ("role", "came_in"):
            self.fields[name].choices = list(self.fields[name].choices)[1:]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("started_on"), cleaned.get("ended_on")
        if start and end and end < start:
            self.add_error("ended_on", _("The end date must be on or after the start date."))
        return cleaned


class AttendanceForm(GDSFormMixin, forms.Form):
    """One question per person involved: did they come to this session?"""

    submit_label = _("Save attendance")
    CHOICES = [*Attendance.Status.choices, ("", _("Not recorded"))]

    def __init__(self, *args, people, current: dict, **kwargs):
        super().__init__(*args, **kwargs)
        for person in people:
            name = f"person_{person.pk}"
            self.fields[name] = forms.ChoiceField(
                label=person.name,
                choices=self.CHOICES,
                required=False,
                widget=forms.RadioSelect,
            )
            self.initial[name] = current.get(person.pk, "")

    def statuses(self) -> dict[int, str]:
        """{participant id: status or ""} from the cleaned answers."""
        return {int(name.split("_", 1)[1]): value for name, value in self.cleaned_data.items()}
