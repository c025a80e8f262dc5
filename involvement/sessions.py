"""How long a signed-in session lasts, and what a person was typing when it ended.

A session ends after SESSION_IDLE_MINUTES without a request (30 by default), and in any case
SESSION_COOKIE_AGE after signing in (14 days). Requests a page makes by itself (a report's
status, asked every few seconds) are not activity, so a page left open does not keep a
session alive.

A form sent after the end is not saved, but what was typed (never a password) is kept for the
same person in the same organisation, for KEEP_FOR: after signing in again they land on the
same form with it filled in, and the page says it is not saved yet. That holds whether the
form is the request that finds the session ended or comes after another one did (a second
tab). Only forms of views that bring typing back (`KeepsTypingMixin`) are kept, and only
ones that passed the CSRF check (CsrfViewMiddleware's process_view runs before
SessionTimeoutMiddleware's), so another site cannot plant typing in someone's form.

The last request's time is written to the session at most once a minute, so an ordinary
page view does not write the session.
"""

import time

from django.conf import settings
from django.http import QueryDict

# The organisation a person works in (involvement/middleware.py reads it).
ORGANISATION = "organisation_id"
LAST_SEEN = "last_seen"
SIGNED_IN_AT = "signed_in_at"
KEPT = "kept_typing"
ENDED = "session_ended"
# Sent by static/js/involvement.js with requests the page makes by itself.
BACKGROUND_HEADER = "X-Involvement-Background"
# Writing the session on every request would cost a database write per page.
TOUCH_EVERY = 60
KEEP_FOR = 60 * 60
MAX_KEPT_CHARS = 20_000


def idle_seconds() -> int:
    return settings.SESSION_IDLE_MINUTES * 60


def has_ended(session, now: float) -> bool:
    """Idle too long, or signed in too long ago."""
    last_seen = session.get(LAST_SEEN, now)
    signed_in_at = session.get(SIGNED_IN_AT, now)
    return now - last_seen > idle_seconds() or now - signed_in_at > settings.SESSION_COOKIE_AGE


def touch(request, now: float) -> None:
    """Count this request as activity, unless the page sent it by itself."""
    session = request.session
    session.setdefault(SIGNED_IN_AT, int(now))
    if request.headers.get(BACKGROUND_HEADER):
        return
    if now - session.get(LAST_SEEN, 0) >= TOUCH_EVERY:
        session[LAST_SEEN] = int(now)


def start_idle_clock(session) -> None:
    session[LAST_SEEN] = int(time.time())


def start(session, user) -> None:
    """A new sign-in: both clocks start now. Signing in again after a session ended goes
    back to the organisation the person was working in (where any kept typing belongs)."""
    now = int(time.time())
    session[SIGNED_IN_AT] = session[LAST_SEEN] = now
    session.set_expiry(None)  # the usual lifetime again, not the signed-out session's hour
    ended = session.pop(ENDED, None)
    if ended and ended["user"] == user.pk and ended["organisation"]:
        session[ORGANISATION] = ended["organisation"]


def mark_ended(session, *, user_id: int, organisation_id: int | None) -> None:
    """Left in the new, signed-out session, so a form sent next (from another tab) is kept
    for the person whose session it was."""
    session[ENDED] = {"user": user_id, "organisation": organisation_id, "at": int(time.time())}
    # The signed-out session, and any typing kept in it, lasts no longer than it is useful
    # (`manage.py clearsessions` removes it after that).
    session.set_expiry(KEEP_FOR)


def recently_ended(session, now: float) -> dict | None:
    ended = session.get(ENDED)
    return ended if ended and now - ended["at"] < KEEP_FOR else None


def typing_to_keep(request) -> dict | None:
    """What a sent form held, without its CSRF token and passwords; None when there is
    nothing to keep (or too much)."""
    if request.method != "POST":
        return None
    kept = {
        name: values
        for name, values in request.POST.lists()
        if name != "csrfmiddlewaretoken" and "password" not in name
    }
    if not kept or sum(len(v) for values in kept.values() for v in values) > MAX_KEPT_CHARS:
        return None
    return kept


def keep(session, *, ended: dict, path: str, typing: dict) -> None:
    session[KEPT] = {**ended, "path": path, "data": typing, "at": int(time.time())}


def take_kept(request) -> QueryDict | None:
    """The typing kept for this person, in this organisation, on this page, within
    KEEP_FOR; once. Anything else kept is dropped."""
    kept = request.session.pop(KEPT, None)
    organisation = getattr(request, "organisation", None)
    if (
        not kept
        or kept["path"] != request.path
        or kept["user"] != request.user.pk
        or kept["organisation"] != (organisation.pk if organisation else None)
        or time.time() - kept["at"] > KEEP_FOR
    ):
        return None
    data = QueryDict(mutable=True)
    for name, values in kept["data"].items():
        data.setlist(name, values)
    return data


def keeps_typing(view_func) -> bool:
    """Whether the view brings kept typing back (a form view with KeepsTypingMixin)."""
    view_class = getattr(view_func, "view_class", None)
    return view_class is not None and issubclass(view_class, KeepsTypingMixin)


class KeepsTypingMixin:
    """For form views: the form comes back filled in with what the person typed before their
    session ended, not saved, with a message saying so."""

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.request.method == "GET" and KEPT in self.request.session:
            kept = take_kept(self.request)
            if kept is not None:
                kwargs["data"] = kept
                self.kept_typing = True
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["kept_typing"] = getattr(self, "kept_typing", False)
        return context
