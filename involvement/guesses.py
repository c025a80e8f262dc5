"""Failed guesses at personal links (feedback, "we did", invitations), counted per client
address with django-ratelimit on the shared cache.

A caller counts a guess only after the token was checked and opened nothing: a good link is
never counted or refused, so one person's mistyped links do not shut out everyone else behind
the same router (a drop-in centre). The 192-bit tokens, not this limit, make guessing
hopeless (a right guess opens even past the limit); the limit turns guessing into 429s in
the log, where it can be seen.
"""

from django_ratelimit.core import get_usage, is_ratelimited


def guess_refused(request, *, group: str, rate: str, key: str = "ip") -> bool:
    """Count this failed guess, or refuse it (True, for a 429) once the address has reached
    the limit ("20/h" allows 20, not 21)."""
    limit = {"group": group, "key": key, "rate": rate}
    usage = get_usage(request, increment=False, **limit)
    if usage and usage["count"] >= usage["limit"]:
        return True
    is_ratelimited(request, increment=True, **limit)
    return False
