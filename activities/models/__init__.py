"""Planning (activities, agreements, sessions) and the people involved in them."""

from .demographics import (
    DEMOGRAPHIC_FIELDS,
    AboutYou,
    AgeBand,
    Disability,
    Ethnicity,
    Gender,
    PopulationGroup,
)
from .people import AccessNeed, Attendance, ContactRoute, Involvement, Participant, PreferredFormat
from .planning import (
    AccessibilityCheck,
    AccessibilitySystem,
    Activity,
    Agreement,
    AgreementEvent,
    Aim,
    Approach,
    Catalogue,
    DecisionLevel,
    InfluenceLevel,
    Motive,
    Session,
)

__all__ = [
    "DEMOGRAPHIC_FIELDS",
    "AboutYou",
    "AgeBand",
    "Disability",
    "Ethnicity",
    "Gender",
    "PopulationGroup",
    "AccessNeed",
    "AccessibilityCheck",
    "AccessibilitySystem",
    "Activity",
    "Agreement",
    "AgreementEvent",
    "Aim",
    "Approach",
    "Attendance",
    "Catalogue",
    "ContactRoute",
    "DecisionLevel",
    "InfluenceLevel",
    "Involvement",
    "Motive",
    "Participant",
    "PreferredFormat",
    "Session",
]
