from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from .models import Invitation


@shared_task(bind=True, max_retries=5, default_retry_delay=60)
def send_invitation_email(self, invitation_id: int) -> None:
    """E-mail an invitation link. Safe to run twice: it only re-sends the same link."""
    invitation = (
        Invitation.objects.select_related("organisation", "invited_by")
        .filter(pk=invitation_id, accepted_at__isnull=True)
        .first()
    )
    if invitation is None:
        return
    link = settings.SITE_URL + reverse("invitation-accept", args=[invitation.token])
    context = {"invitation": invitation, "link": link, "service_name": settings.SITE_NAME}
    try:
        send_mail(
            subject=_("You are invited to join %(org)s on Involvement")
            % {"org": invitation.organisation.name},
            message=render_to_string("emails/invitation.txt", context),
            from_email=None,
            recipient_list=[invitation.email],
        )
    except OSError as exc:
        raise self.retry(exc=exc) from exc
