"""Sending what a job sends for the core: an invitation's email with its new link. Called
by `involvement.tasks`; imports no task, so the services that queue the job can import the
tasks without a circle."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from .models import Invitation


@transaction.atomic
def invitation_link_email(*, invitation_id: int) -> bool:
    """Send the queued email for one invitation with a new link (the only one that works).
    Returns False when there is nothing to send (already sent by another delivery of the
    job, or accepted).

    The invitation is locked while the email goes and only marked sent in the same
    transaction: a second delivery waits, then finds nothing queued; a failure or a worker
    killed halfway commits nothing (no link is kept whose email did not go), so the retry
    or the redelivery sends it. At least once, never lost."""
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("organisation")
        .filter(pk=invitation_id, email_queued_at__isnull=False, accepted_at__isnull=True)
        .first()
    )
    if invitation is None:
        return False
    token = invitation.issue_link()
    context = {
        "invitation": invitation,
        "link": settings.SITE_URL + reverse("invitation-start", args=[token]),
        "service_name": settings.SITE_NAME,
    }
    send_mail(
        subject=_("You are invited to join %(org)s on Involvement")
        % {"org": invitation.organisation.name},
        message=render_to_string("emails/invitation.txt", context),
        from_email=None,
        recipient_list=[invitation.email],
    )
    Invitation.objects.filter(pk=invitation.pk).update(email_queued_at=None)
    return True
