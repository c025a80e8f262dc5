"""Feedback views for staff. The person's own pages, through their link, are in the
participant app."""

from .staff import (
    FeedbackLetterView,
    FeedbackOnBehalfView,
    FeedbackOverviewView,
    FeedbackResultsView,
    FeedbackRevokeView,
    FeedbackSendView,
    feedback_remind,
    feedback_remind_all,
)

__all__ = [
    "FeedbackLetterView",
    "FeedbackOnBehalfView",
    "FeedbackOverviewView",
    "FeedbackResultsView",
    "FeedbackRevokeView",
    "FeedbackSendView",
    "feedback_remind",
    "feedback_remind_all",
]
