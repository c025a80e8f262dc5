"""The tokens in personal links (feedback, replies to "we did", invitations). A link is a
bearer credential, so only its SHA-256 is stored: a leaked database cannot be turned back
into working links."""

import hashlib
import secrets


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> tuple[str, str]:
    """A link's token, 192 bits from the operating system's CSPRNG, and its hash."""
    token = secrets.token_urlsafe(24)
    return token, token_hash(token)
