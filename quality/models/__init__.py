"""Quality of involvement: feedback from the people involved (feedback.py) and Table 2's
quality markers with each activity's checklist (markers.py)."""

from .feedback import FeedbackLink, FeedbackRequest, FeedbackResponse, Rating, token_hash
from .loop import Contribution, LoopPage, ReplyLink
from .markers import (
    Assessment,
    Element,
    MarkerAssessment,
    QualityMarker,
    Stage,
    Standard,
)

__all__ = [
    "Assessment",
    "Contribution",
    "LoopPage",
    "Element",
    "FeedbackLink",
    "FeedbackRequest",
    "FeedbackResponse",
    "MarkerAssessment",
    "QualityMarker",
    "Rating",
    "ReplyLink",
    "Stage",
    "Standard",
    "token_hash",
]
