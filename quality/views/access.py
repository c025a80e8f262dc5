"""How a personal feedback link becomes access to one person's answers, and nothing else.

The link is exchanged once for a grant in the session and the browser goes on to a URL
without the token (Django's password-reset pattern). Every feedback page then checks the
grant. Typing that could not be saved (an expired session, a rotated CSRF token) is kept in
the session and put back into the form when the person opens their link again.
"""

from functools import wraps

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

from activities.models import PreferredFormat

from ..models import FeedbackRequest
from ..questions import BY_KEY

GRANTS = "feedback_grants"
PENDING = "feedback_pending"
EASY = "easy_read"
EASY_COOKIE = "easy_read"
MAX_PENDING_CHARS = 5000


def private(view=None, *, referrer_policy="same-origin"):
    """Never cached anywhere: these pages are one person's answers.

    The link itself (the only URL with a secret in it) is served with `no-referrer`. The pages
    after it have no secret in their URL and keep `same-origin`: under `no-referrer` Chromium
    sends `Origin: null` with a form, which Django's CSRF check rightly refuses."""

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            add_never_cache_headers(response)
            response["Cache-Control"] = "no-store, no-cache, must-revalidate, private, max-age=0"
            response["Referrer-Policy"] = referrer_policy
            return response

        return wrapped

    return decorate(view) if view else decorate


def keeps_typing(view):
    """A POST from someone without a grant (their session ended) is not saved, but what they
    typed is kept for when they open their link again."""

    @wraps(view)
    def wrapped(request, pk, *args, **kwargs):
        if request.method == "POST" and pk not in request.session.get(GRANTS, []):
            stash(request, pk, request.POST)
            return link_not_working(request, status=403, kept=True)
        return view(request, pk, *args, **kwargs)

    return wrapped


def grant(request, feedback_request: FeedbackRequest) -> None:
    # A new session key on the way in, so a session planted before the link was opened
    # cannot ride on it.
    grants = request.session.get(GRANTS, [])
    request.session.cycle_key()
    request.session[GRANTS] = sorted(set(grants) | {feedback_request.pk})


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
    """The person's own choice (this visit, then remembered on the device), else what staff
    recorded as their preferred format."""
    if EASY in request.session:
        return request.session[EASY]
    if EASY_COOKIE in request.COOKIES:
        return request.COOKIES[EASY_COOKIE] == "1"
    return PreferredFormat.EASY_READ in feedback_request.participant.preferred_formats


def link_not_working(request, status=404, kept=False):
    return render(request, "quality/link_not_working.html", {"kept": kept}, status=status)
