"""Quality writes its personal links from the paths it knows (quality/links.py); the
participant app serves the pages behind them. The two must agree."""

from django.urls import resolve, reverse

from participant.views import feedback, reply
from quality.links import feedback_link_path, reply_link_path


def test_the_feedback_link_quality_writes_is_the_one_participant_serves():
    assert feedback_link_path("abc") == reverse("participant:feedback-start", args=["abc"])
    assert resolve(feedback_link_path("abc")).func is feedback.feedback_start


def test_the_reply_link_quality_writes_is_the_one_participant_serves():
    assert reply_link_path("abc") == reverse("participant:reply-start", args=["abc"])
    assert resolve(reply_link_path("abc")).func is reply.reply_start
