from django.conf import settings

from . import sessions


def organisation(request):
    return {
        "organisation": getattr(request, "organisation", None),
        "membership": getattr(request, "membership", None),
        "service_name": settings.SITE_NAME,
        "session_idle_minutes": settings.SESSION_IDLE_MINUTES,
        # The server counts idle time from a request at most a minute before this one.
        "session_idle_seconds": sessions.idle_seconds() - sessions.TOUCH_EVERY,
    }
