import time
from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import QueryDict
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _

from . import sessions
from .models import Membership

SESSION_KEY = sessions.ORGANISATION


class IgnoreNullCharactersMiddleware:
    """A search or filter parameter holding a NUL character, which PostgreSQL cannot hold in
    a query's text, is left out, as any parameter a page does not understand is ignored:
    `?q=%00` lists everything, it is not an error. (Forms refuse NUL instead, beside the
    field: `involvement.forms.RefusesNullCharacters`.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any("\x00" in key + "".join(values) for key, values in request.GET.lists()):
            request.GET = _without_null_characters(request.GET)
        return self.get_response(request)


def _without_null_characters(query: QueryDict) -> QueryDict:
    kept = QueryDict(mutable=True)
    for key, values in query.lists():
        understood = [value for value in values if "\x00" not in value]
        if "\x00" not in key and understood:
            kept.setlist(key, understood)
    return QueryDict(kept.urlencode())  # read-only, as request.GET always is


class OrganisationMiddleware:
    """Sets `request.organisation` and `request.membership` for a signed-in member.

    A person in several organisations works in one at a time, chosen on the switch page and
    kept in the session; the first membership is the default.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.membership = None
        request.organisation = None
        request.memberships = []
        if request.user.is_authenticated:
            memberships = Membership.objects.filter(user=request.user).select_related(
                "organisation"
            )
            wanted = request.session.get(SESSION_KEY)
            membership = next((m for m in memberships if m.organisation_id == wanted), None)
            membership = membership or next(iter(memberships), None)
            if membership:
                request.membership = membership
                request.organisation = membership.organisation
                request.memberships = list(memberships)
        return self.get_response(request)


class PrivatePagesMiddleware:
    """Every page a signed-in person sees is kept out of every cache, the browser's included:
    most show personal data (people, feedback, activities), and a shared computer's back
    button must not show them to the next person. A view that set its own Cache-Control
    keeps it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated and "Cache-Control" not in response:
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response


class SessionTimeoutMiddleware:
    """Signs a person out when their session has ended (involvement/sessions.py): idle too
    long, or signed in too long ago. A page asked for then is served as to anyone signed out
    (a signed-in page sends them to sign in and back; a personal link's page just opens, so
    no token ends up in a `?next=`). A form they sent then, or soon after from another tab,
    is not saved: what they typed is kept, and they sign in again and come back to the page
    the form was on."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        now = time.time()
        just_ended = False
        if request.user.is_authenticated:
            if not sessions.has_ended(request.session, now):
                sessions.touch(request, now)
                return None
            ended, just_ended = self._sign_out(request), True
        else:
            ended = sessions.recently_ended(request.session, now)
        if ended and request.method == "POST" and sessions.keeps_typing(view_func):
            return self._keep_typing(request, ended)
        if just_ended:
            messages.info(request, _("You were signed out to keep your data safe."))
            if request.method == "POST":
                # An action (a button, not a form): back to its page after signing in.
                return redirect_to_login(form_page(request))
        return None

    def _sign_out(self, request) -> dict:
        ended = {
            "user_id": request.user.pk,
            "organisation_id": getattr(request.organisation, "pk", None),
        }
        logout(request)
        request.organisation = request.membership = None
        request.memberships = []
        sessions.mark_ended(request.session, **ended)
        return sessions.recently_ended(request.session, time.time())

    def _keep_typing(self, request, ended: dict):
        typing = sessions.typing_to_keep(request)
        if typing:
            sessions.keep(request.session, ended=ended, path=request.path, typing=typing)
            messages.info(
                request,
                _(
                    "What you sent was not saved, because you were signed out. Sign in again: "
                    "the form will come back with what you typed."
                ),
            )
        return redirect_to_login(form_page(request))


def form_page(request) -> str:
    """The page a form was sent from (this site's own, by its Referer), else the form's own
    address: after signing in the person goes back there, not to an address that only takes
    a POST."""
    referer = urlsplit(request.headers.get("Referer", ""))
    if referer.netloc == request.get_host() and referer.path:
        return referer.path
    return request.path
