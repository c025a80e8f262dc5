"""Forms for quality: feedback (feedback.py), quality markers (markers.py), closing the
loop (loop.py)."""

from .feedback import (
    CONSENT_WORDING,
    MAX_TEXT,
    AboutYouForm,
    AboutYouKeptForm,
    FeedbackForm,
    FeedbackSendForm,
    OnBehalfForm,
)
from .loop import (
    ContributionForm,
    ContributionResponseForm,
    ReplyForm,
    TellForm,
    TheirAnswerForm,
)
from .markers import MarkerAssessmentForm, QualityMarkerForm

__all__ = [
    "CONSENT_WORDING",
    "MAX_TEXT",
    "AboutYouForm",
    "AboutYouKeptForm",
    "ContributionForm",
    "ContributionResponseForm",
    "FeedbackForm",
    "FeedbackSendForm",
    "MarkerAssessmentForm",
    "OnBehalfForm",
    "QualityMarkerForm",
    "ReplyForm",
    "TellForm",
    "TheirAnswerForm",
]
