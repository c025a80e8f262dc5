import time

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _

from . import sessions
from .models import Membership

SESSION_KEY = "organisation_id"


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
    long, or signed in too long ago. A form they sent then is not saved; what they typed is
    kept for when they sign in again, and the sign-in page says why they are there."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = time.time()
            if sessions.has_ended(request.session, now):
                return self._end(request)
            sessions.touch(request.session, now)
        return self.get_response(request)

    def _end(self, request):
        user_id, typing = request.user.pk, sessions.typing_to_keep(request)
        logout(request)
        if typing:
            sessions.keep(request.session, user_id=user_id, path=request.path, typing=typing)
            messages.info(
                request,
                _(
                    "You were signed out, so what you sent was not saved. Sign in again: "
                    "the form will come back with what you typed."
                ),
            )
        else:
            messages.info(request, _("You were signed out to keep your data safe. Sign in again."))
        next_url = request.path if request.method == "POST" else request.get_full_path()
        return redirect_to_login(next_url)
