"""How a personal feedback link becomes access to one person's answers, and nothing else.

The link is exchanged once for a grant in the session and the browser goes on to a URL
without the token (Django's password-reset pattern). Every feedback page then checks the
grant. Typing that could not be saved (an expired session, a rotated CSRF token) is kept in
the session and put back into the form when the person opens their link again.
"""

from functools import wraps

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from activities.models import Participant, PreferredFormat
from involvement.caching import private
from involvement.guesses import guess_refused
from quality.models import Contribution, FeedbackRequest
from quality.questions import BY_KEY

GRANTS = "feedback_grants"
# A "we did" message's link grants its contribution alone, under its own key.
REPLY_GRANTS = "reply_grants"
RATE_GROUP = "feedback-link"
PENDING = "feedback_pending"
EASY = "easy_read"
EASY_COOKIE = "easy_read"
MAX_PENDING_CHARS = 5000


def keeps_typing(view):
    """A POST from someone without a grant (their session ended) is not saved, but what they
    typed is kept for when they open their link again. The same holds when the POST fails
    Django's CSRF check: `involvement.views.csrf_failure` answers with the view's
    `csrf_failure`."""

    @wraps(view)
    def wrapped(request, pk, *args, **kwargs):
        if request.method == "POST" and pk not in request.session.get(GRANTS, []):
            return kept_not_saved(request, pk)
        return view(request, pk, *args, **kwargs)

    wrapped.csrf_failure = private(kept_not_saved)
    return wrapped


def kept_not_saved(request, pk, **kwargs):
    """Nothing is saved, but what the person typed is kept and put back when they return."""
    stash(request, pk, request.POST)
    return link_not_working(request, status=403, kept=True)


def _limit() -> dict:
    return {"group": RATE_GROUP, "key": "ip", "rate": settings.FEEDBACK_LINK_GUESSES}


def refuse_guess(request):
    """A link that opens nothing (unknown, expired, stopped): counted against its address,
    and past the limit refused with 429 (involvement/guesses.py)."""
    if guess_refused(request, **_limit()):
        return link_not_working(request, status=429)
    return link_not_working(request)


def grant(request, feedback_request: FeedbackRequest, key: str = GRANTS) -> None:
    # A new session key on the way in, so a session planted before the link was opened
    # cannot ride on it.
    grants = request.session.get(key, [])
    request.session.cycle_key()
    request.session[key] = sorted(set(grants) | {feedback_request.pk})


def granted_reply(request, pk: int) -> Contribution:
    """The contribution this session may answer about through its link; otherwise 404."""
    if pk not in request.session.get(REPLY_GRANTS, []):
        raise Http404
    contribution = (
        Contribution.objects.select_related("activity", "participant", "organisation")
        .filter(pk=pk, participant__isnull=False, reply_links__expires_at__gt=timezone.now())
        .distinct()
        .first()
    )
    if contribution is None or not contribution.can_rate():
        raise Http404
    return contribution


def granted(request, pk: int) -> FeedbackRequest:
    """The request this session holds a grant for, still open; otherwise 404."""
    if pk not in request.session.get(GRANTS, []):
        raise Http404
    feedback_request = (
        FeedbackRequest.objects.select_related("activity", "participant", "organisation", "session")
        .filter(pk=pk, revoked_at__isnull=True, links__expires_at__gt=timezone.now())
        .first()
    )
    if feedback_request is None:
        raise Http404
    return feedback_request


def stash(request, pk: int, data) -> None:
    """Keep what was typed, unsaved, until the person is back through their link."""
    kept = {
        key: data.get(key, "")[:MAX_PENDING_CHARS]
        for key in BY_KEY
        if isinstance(data.get(key), str) and data.get(key)
    }
    if kept:
        pending = request.session.get(PENDING, {})
        pending[str(pk)] = {**pending.get(str(pk), {}), **kept}
        request.session[PENDING] = pending


def take_pending(request, pk: int) -> dict:
    pending = request.session.get(PENDING, {})
    kept = pending.pop(str(pk), {})
    if kept:
        request.session[PENDING] = pending
    return kept


def is_easy_read(request, feedback_request: FeedbackRequest) -> bool:
    return is_easy_read_for(request, feedback_request.participant)


def is_easy_read_for(request, participant: Participant) -> bool:
    """The person's own choice (this visit, then remembered on the device), else what staff
    recorded as their preferred format."""
    if EASY in request.session:
        return request.session[EASY]
    if EASY_COOKIE in request.COOKIES:
        return request.COOKIES[EASY_COOKIE] == "1"
    return PreferredFormat.EASY_READ in participant.preferred_formats


def remember_easy_read(request, response, easy: bool):
    """Keep the choice for this visit and on this device."""
    request.session[EASY] = easy
    response.set_cookie(
        EASY_COOKIE,
        "1" if easy else "0",
        max_age=365 * 24 * 3600,
        secure=request.is_secure(),
        httponly=True,
        samesite="Lax",
    )
    return response


def link_not_working(request, status=404, kept=False):
    return render(request, "participant/link_not_working.html", {"kept": kept}, status=status)
