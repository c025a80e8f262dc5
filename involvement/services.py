"""Writes that touch several core models or queue mail (sent by the jobs: sending.py)."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .jobs import enqueue_on_commit
from .models import Invitation, Membership, Organisation, OrganisationLogo, Role, User
from .tasks import send_invitation_email


@transaction.atomic
def membership_invite(
    *, organisation: Organisation, email: str, role: str, invited_by: User
) -> Invitation:
    """Create (or renew) the open invitation for `email` and e-mail it after commit. The
    link is made by the email job, so its token never passes through the broker."""
    invitation, _created = Invitation.objects.update_or_create(
        organisation=organisation,
        email=email.lower(),
        accepted_at=None,
        defaults={"role": role, "invited_by": invited_by, "email_queued_at": timezone.now()},
    )
    enqueue_on_commit(send_invitation_email, invitation.pk)
    return invitation


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
