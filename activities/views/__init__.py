"""Views for planning activities and for the people involved in them."""

from .people import (
    InvolvementCreateView,
    InvolvementDeleteView,
    InvolvementUpdateView,
    ParticipantCreateView,
    ParticipantDetailView,
    ParticipantListView,
    ParticipantUpdateView,
    SessionAttendanceView,
)
from .planning import (
    AccessibilityChecksView,
    ActivityCreateView,
    ActivityDetailView,
    ActivityListView,
    ActivityOverviewView,
    ActivityUpdateView,
    AgreementRecordView,
    AgreementUpdateView,
    SessionCreateView,
    SessionDeleteView,
    SessionUpdateView,
    activity_transition,
)
from .profile import PopulationProfileView, WhoIsInvolvedView

__all__ = [
    "AccessibilityChecksView",
    "ActivityCreateView",
    "ActivityDetailView",
    "ActivityListView",
    "ActivityOverviewView",
    "ActivityUpdateView",
    "AgreementRecordView",
    "AgreementUpdateView",
    "InvolvementCreateView",
    "InvolvementDeleteView",
    "InvolvementUpdateView",
    "ParticipantCreateView",
    "ParticipantDetailView",
    "ParticipantListView",
    "ParticipantUpdateView",
    "PopulationProfileView",
    "SessionAttendanceView",
    "SessionCreateView",
    "SessionDeleteView",
    "SessionUpdateView",
    "WhoIsInvolvedView",
    "activity_transition",
]
