"""Writes that touch several core models or send mail."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .jobs import enqueue_on_commit
from .models import Invitation, Membership, Organisation, OrganisationLogo, Role, User


@transaction.atomic
def membership_invite(
    *, organisation: Organisation, email: str, role: str, invited_by: User
) -> Invitation:
    """Create (or renew) the open invitation for `email` and e-mail it after commit. The
    link is made by the email job, so its token never passes through the broker."""
    from .tasks import send_invitation_email

    invitation, _created = Invitation.objects.update_or_create(
        organisation=organisation,
        email=email.lower(),
        accepted_at=None,
        defaults={"role": role, "invited_by": invited_by, "email_queued_at": timezone.now()},
    )
    enqueue_on_commit(send_invitation_email, invitation.pk)
    return invitation


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


@transaction.atomic
def invitation_accept(
    *, invitation: Invitation, user: User | None = None, full_name: str = "", password: str = ""
) -> Membership:
    """Join the organisation: as the signed-in `user`, or as a new account made here."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_usable():
        raise ValidationError(_("This invitation has expired or has already been used."))
    if user is None:
        user = get_user_model().objects.create_user(
            email=invitation.email, password=password, full_name=full_name
        )
    membership, _created = Membership.objects.get_or_create(
        organisation=invitation.organisation, user=user, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at", "updated_at"])
    return membership


@transaction.atomic
def membership_change_role(*, membership: Membership, role: str) -> Membership:
    """Change a role, but never leave an organisation without an admin."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.role == Role.ADMIN and role != Role.ADMIN:
        # Lock every admin row, so two admins demoting each other at once cannot both pass.
        admins = len(
            Membership.objects.select_for_update().filter(
                organisation_id=membership.organisation_id, role=Role.ADMIN
            )
        )
        if admins <= 1:
            raise ValidationError(
                {"role": _("This is the only admin. Make someone else an admin first.")}
            )
    membership.role = role
    membership.save(update_fields=["role", "updated_at"])
    return membership


@transaction.atomic
def organisation_settings_save(
    *, organisation: Organisation, logo_png: bytes | None, remove_logo: bool
):
    """Save the settings form's organisation, and its logo: a new one (already redrawn as a
    PNG by involvement.logos), none, or unchanged."""
    organisation.save()
    if logo_png is not None:
        OrganisationLogo.objects.update_or_create(
            organisation=organisation, defaults={"png": logo_png}
        )
    elif remove_logo:
        OrganisationLogo.objects.filter(organisation=organisation).delete()
    return organisation
