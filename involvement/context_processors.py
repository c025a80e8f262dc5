from django.conf import settings


def organisation(request):
    return {
        "organisation": getattr(request, "organisation", None),
        "membership": getattr(request, "membership", None),
        "service_name": settings.SITE_NAME,
    }
