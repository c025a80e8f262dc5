from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Submit
from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _

from .logos import logo_png
from .models import Membership, Organisation, Role


def gds_helper(form, submit_label) -> FormHelper:
    helper = FormHelper(form)
    helper.form_tag = False
    # includes/form.html writes the <form> and its CSRF token.
    helper.disable_csrf = True
    helper.add_input(Submit("submit", submit_label, data_prevent_double_click="true"))
    return helper


NULL_CHARACTER_MESSAGE = _(
    "Remove the invisible character from this answer. It can come with text copied from "
    "another program."
)
# Django's own check on every form text field, with a message a person can act on.
NULL_CHARACTERS_REFUSED = ProhibitNullCharactersValidator(message=NULL_CHARACTER_MESSAGE)


class RefusesNullCharacters:
    """A NUL character (which PostgreSQL cannot store in text) in any text field is an error
    beside that field. Django's `CharField` already refuses it; this says how to fix it. The
    validators are swapped when the form is checked, so fields a form adds late have it too."""

    def full_clean(self):
        for field in self.fields.values():
            field.validators = [
                NULL_CHARACTERS_REFUSED
                if isinstance(validator, ProhibitNullCharactersValidator)
                else validator
                for validator in field.validators
            ]
        super().full_clean()


class GDSFormMixin(RefusesNullCharacters):
    """Every form renders through includes/form.html, which needs a helper and a button."""

    submit_label = _("Continue")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(self, self.submit_label)


class LoginForm(GDSFormMixin, AuthenticationForm):
    submit_label = _("Sign in")

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("Email address")
        self.fields["username"].widget = forms.EmailInput(attrs={"autocomplete": "email"})
        self.fields["password"].widget.attrs["autocomplete"] = "current-password"
        self.error_messages["invalid_login"] = _(
            "Enter a correct email address and password. Both may be case-sensitive."
        )


class ResetRequestForm(GDSFormMixin, PasswordResetForm):
    submit_label = _("Send me a reset link")


class ResetSetPasswordForm(GDSFormMixin, SetPasswordForm):
    submit_label = _("Save new password")


class InviteForm(GDSFormMixin, forms.Form):
    submit_label = _("Send invitation")

    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("We will send them a link to join. It works for 14 days."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Role.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Admins manage members. Staff plan activities. Trustees read everything and "
            "receive reports. Service users see only the activities they take part in."
        ),
    )

    def __init__(self, *args, organisation, **kwargs):
        self.organisation = organisation
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        if Membership.objects.filter(organisation=self.organisation, user__email=email).exists():
            raise forms.ValidationError(_("This person is already a member."))
        return email


class MembershipRoleForm(GDSFormMixin, forms.ModelForm):
    submit_label = _("Save role")

    class Meta:
        model = Membership
        fields = ["role"]
        widgets = {"role": forms.RadioSelect}


class InvitationAcceptForm(GDSFormMixin, forms.Form):
    """For someone without an account yet: their name and a password, checked against the
    account about to be made (its email, name and the inviting organisation)."""

    submit_label = _("Create my account and join")

    full_name = forms.CharField(
        label=_("Your name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    password1 = forms.CharField(
        label=_("Choose a password"),
        help_text=_(
            "At least 10 characters. Avoid common words, only numbers, and your "
            "organisation's name."
        ),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Type the password again"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, invitation, **kwargs):
        self.invitation = invitation
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        one, two = cleaned.get("password1"), cleaned.get("password2")
        if one and two and one != two:
            self.add_error("password2", _("The two passwords do not match."))
        elif one:
            # Not saved: the validators only read its email and name.
            person = get_user_model()(
                email=self.invitation.email, full_name=cleaned.get("full_name", "")
            )
            try:
                password_validation.validate_password(one, person)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


MONTHS = [
    (1, _("January")),
    (2, _("February")),
    (3, _("March")),
    (4, _("April")),
    (5, _("May")),
    (6, _("June")),
    (7, _("July")),
    (8, _("August")),
    (9, _("September")),
    (10, _("October")),
    (11, _("November")),
    (12, _("December")),
]


class OrganisationSettingsForm(GDSFormMixin, forms.ModelForm):
    submit_label = _("Save settings")

    class Meta:
        model = Organisation
        fields = ["name", "year_start_month", "suppression_threshold", "response_days"]
        widgets = {
            "year_start_month": forms.Select(choices=MONTHS),
            "suppression_threshold": forms.NumberInput(attrs={"min": 5, "inputmode": "numeric"}),
            "response_days": forms.NumberInput(attrs={"min": 1, "inputmode": "numeric"}),
        }
        labels = {"name": _("Organisation name")}
        help_texts = {
            "year_start_month": _("Reports and quarters follow your financial year."),
        }
        error_messages = {
            "name": {"required": _("Enter the organisation's name.")},
            "suppression_threshold": {
                "required": _("Enter the smallest count to show."),
                "invalid": _("Enter a whole number, 5 or more."),
                "min_value": _("It cannot go below 5: fewer people than that could be picked out."),
            },
            "response_days": {
                "required": _("Enter the number of days to respond."),
                "invalid": _("Enter a whole number of days, like 30."),
                "min_value": _("Enter at least 1 day."),
                "max_value": _("Enter 365 days or fewer."),
            },
        }

    logo = forms.FileField(
        label=_("Logo for reports (optional)"),
        help_text=_("A PNG, JPEG or SVG file under 2 MB. It is redrawn as a picture."),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".png,.jpg,.jpeg,.svg"}),
    )
    remove_logo = forms.BooleanField(label=_("Remove the logo"), required=False)

    def clean_name(self):
        # One line of plain text: it goes into e-mail subjects and page headers.
        return " ".join(self.cleaned_data["name"].split())

    def clean_logo(self):
        """The upload redrawn as a PNG (None when nothing was uploaded)."""
        upload = self.cleaned_data.get("logo")
        return logo_png(upload) if upload else None
