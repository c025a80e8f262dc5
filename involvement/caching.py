"""Pages that must never be kept by a browser or a proxy."""

from functools import wraps

from django.utils.cache import add_never_cache_headers


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
