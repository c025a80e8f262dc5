"""Forms for planning activities and for the people involved in them."""

from .people import AttendanceForm, InvolvementForm, ParticipantForm
from .planning import (
    AccessibilityCheckForm,
    AccessibilityCheckFormSet,
    ActivityForm,
    AgreementForm,
    AgreementRecordForm,
    SessionForm,
    TransitionForm,
    hinted_choices,
)
from .profile import PopulationProfileForm

__all__ = [
    "AccessibilityCheckForm",
    "AccessibilityCheckFormSet",
    "ActivityForm",
    "AgreementForm",
    "AgreementRecordForm",
    "AttendanceForm",
    "InvolvementForm",
    "ParticipantForm",
    "PopulationProfileForm",
    "SessionForm",
    "TransitionForm",
    "hinted_choices",
]
