"""Keeps personal links (feedback, and the reply to "we did") out of the logs: the token in a
link is a credential."""

import logging
import re

TOKEN_IN_PATH = re.compile(r"(/(?:feedback|reply)/start/)[^/\s\"']+")


def redact(text: str) -> str:
    return TOKEN_IN_PATH.sub(r"\1[redacted]", text)


class RedactFeedbackTokens(logging.Filter):
    """Rewrites a record's message with any link token replaced, before any handler sees it
    (Django logs the path of every request and of every 404)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "/start/" in message:
            record.msg, record.args = redact(message), None
        return True
