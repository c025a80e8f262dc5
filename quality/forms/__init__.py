"""Forms for quality: feedback (feedback.py), quality markers (markers.py), closing the
loop (loop.py)."""

from .feedback import (
    MAX_TEXT,
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
    "MAX_TEXT",
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
