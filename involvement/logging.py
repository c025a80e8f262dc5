"""Keeps personal links (feedback, the reply to "we did", invitations) out of the logs: the
token in a link is a credential."""

import logging
import re

# `/invitations/<token>/`, also URL-encoded (as in a `?next=`); the page after the link,
# `/invitations/<pk>/accept/`, holds only a number and is left as it is.
TOKEN_IN_PATH = re.compile(
    r"((?:/|%2F)(?:feedback(?:/|%2F)start|reply(?:/|%2F)start|invitations)(?:/|%2F))"
    r"(?!\d+(?:/|%2F)accept)[^/\s\"'%?&]+",
    re.IGNORECASE,
)


def redact(text: str) -> str:
    return TOKEN_IN_PATH.sub(r"\1[redacted]", text)


class RedactLinkTokens(logging.Filter):
    """Rewrites a record's message with any link token replaced, before any handler sees it
    (Django logs the path of every request and of every 4xx)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "start" in message or "invitations" in message.lower():
            record.msg, record.args = redact(message), None
        return True
