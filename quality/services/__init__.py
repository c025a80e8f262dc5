"""Writes for quality: feedback (feedback.py), quality markers (markers.py), the loop
(loop.py, tell.py), and erasing one person's part (erasure.py)."""

from ..sending import message_context, message_text, reply_url  # for the letter's page
from .erasure import contributions_erase_for, feedback_erase_for
from .feedback import (
    about_you_save,
    about_you_withdraw,
    feedback_letter_issue,
    feedback_link_redeem,
    feedback_on_behalf,
    feedback_request_remind,
    feedback_request_revoke,
    feedback_request_send,
    feedback_save,
)
from .loop import (
    contribution_add,
    contribution_from_comment,
    contribution_respond,
    loop_page_publish,
)
from .markers import (
    ensure_marker_catalogue,
    marker_assessments_save,
    marker_create,
    marker_restore,
    marker_retire,
)
from .tell import (
    contribution_letter_issue,
    contribution_rate,
    contribution_tell_by_email,
    contribution_told_in_person,
    reply_link_redeem,
)

__all__ = [
    "contributions_erase_for",
    "contribution_letter_issue",
    "contribution_rate",
    "contribution_tell_by_email",
    "contribution_told_in_person",
    "message_context",
    "message_text",
    "reply_link_redeem",
    "reply_url",
    "about_you_save",
    "about_you_withdraw",
    "contribution_add",
    "contribution_from_comment",
    "contribution_respond",
    "loop_page_publish",
    "ensure_marker_catalogue",
    "feedback_erase_for",
    "feedback_letter_issue",
    "feedback_link_redeem",
    "feedback_on_behalf",
    "feedback_request_remind",
    "feedback_request_revoke",
    "feedback_request_send",
    "feedback_save",
    "marker_assessments_save",
    "marker_create",
    "marker_restore",
    "marker_retire",
]
