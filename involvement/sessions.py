"""How long a signed-in session lasts, and what a person was typing when it ended.

A session ends after SESSION_IDLE_MINUTES without a request (30 by default), and in any case
SESSION_COOKIE_AGE after signing in (14 days). A form sent after the end is not saved, but
what was typed (never a password) is kept for the same person: after signing in again they
land on the same form with it filled in, and the page says it is not saved yet.

The last request's time is written to the session at most once a minute, so an ordinary
page view does not write the session.
"""

import time

from django.conf import settings
from django.http import QueryDict
from django.middleware.csrf import CsrfViewMiddleware

LAST_SEEN = "last_seen"
SIGNED_IN_AT = "signed_in_at"
KEPT = "kept_typing"
# Writing the session on every request would cost a database write per page.
TOUCH_EVERY = 60
MAX_KEPT_CHARS = 20_000


def idle_seconds() -> int:
    return settings.SESSION_IDLE_MINUTES * 60


def has_ended(session, now: float) -> bool:
    """Idle too long, or signed in too long ago."""
    last_seen = session.get(LAST_SEEN, now)
    signed_in_at = session.get(SIGNED_IN_AT, now)
    return now - last_seen > idle_seconds() or now - signed_in_at > settings.SESSION_COOKIE_AGE


def touch(session, now: float) -> None:
    session.setdefault(SIGNED_IN_AT, int(now))
    if now - session.get(LAST_SEEN, 0) >= TOUCH_EVERY:
        session[LAST_SEEN] = int(now)


def start_idle_clock(session) -> None:
    session[LAST_SEEN] = int(time.time())


def start(session) -> None:
    """A new sign-in: both clocks start now."""
    now = int(time.time())
    session[SIGNED_IN_AT] = session[LAST_SEEN] = now


def typing_to_keep(request) -> dict | None:
    """What a form sent after the session ended held, without its CSRF token and passwords;
    None when there is nothing to keep or the form did not come from our own page (its CSRF
    token is checked, so another site cannot plant typing in someone's form)."""
    if request.method != "POST":
        return None
    refused = CsrfViewMiddleware(lambda r: None).process_view(request, _view, (), {})
    if refused is not None:
        return None
    kept = {
        name: values
        for name, values in request.POST.lists()
        if name != "csrfmiddlewaretoken" and "password" not in name
    }
    if not kept or sum(len(v) for values in kept.values() for v in values) > MAX_KEPT_CHARS:
        return None
    return kept


def _view(request):  # CsrfViewMiddleware.process_view needs a view to look at
    return None


def keep(session, *, user_id: int, path: str, typing: dict) -> None:
    session[KEPT] = {"user": user_id, "path": path, "data": typing}


def take_kept(request) -> QueryDict | None:
    """The typing kept for this person on this page, once."""
    kept = request.session.get(KEPT)
    if not kept or kept["path"] != request.path or kept["user"] != request.user.pk:
        return None
    del request.session[KEPT]
    data = QueryDict(mutable=True)
    for name, values in kept["data"].items():
        data.setlist(name, values)
    return data


class KeepsTypingMixin:
    """For form views: the form comes back filled in with what the person typed before their
    session ended, not saved, with a message saying so."""

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.request.method == "GET":
            kept = take_kept(self.request)
            if kept is not None:
                kwargs["data"] = kept
                self.kept_typing = True
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["kept_typing"] = getattr(self, "kept_typing", False)
        return context
