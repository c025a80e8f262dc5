"""Writes that touch several activity models; each is atomic and keyword-only."""

import datetime
import uuid

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from involvement.models import Organisation, User
from involvement.submissions import once_per_submission

from .models import (
    AboutYou,
    AccessibilityCheck,
    AccessibilitySystem,
    Activity,
    Agreement,
    AgreementEvent,
    Attendance,
    Involvement,
    Participant,
    PopulationGroup,
    Session,
)


def activity_create(
    *,
    organisation: Organisation,
    created_by: User,
    data: dict,
    submission_key: uuid.UUID | None = None,
) -> Activity:
    """Create a draft activity with an empty agreement and its accessibility checklist.

    A second submit with the same `submission_key` returns the first activity, not a new one.
    """
    return once_per_submission(
        Activity,
        organisation,
        submission_key,
        lambda: _activity_insert(organisation, created_by, data, submission_key),
    )


def session_create(
    *, activity: Activity, data: dict, submission_key: uuid.UUID | None = None
) -> Session:
    """Add a session; a second submit with the same `submission_key` returns the first."""
    return once_per_submission(
        Session,
        activity.organisation,
        submission_key,
        lambda: Session.objects.create(
            organisation=activity.organisation,
            activity=activity,
            submission_key=submission_key,
            **data,
        ),
    )


# Many-to-many fields of an activity: set after the row is saved.
ACTIVITY_LISTS = ("aims", "staff_involved")


def _activity_insert(organisation, created_by, data, submission_key) -> Activity:
    lists = {name: data.pop(name) for name in ACTIVITY_LISTS if name in data}
    activity = Activity.objects.create(
        organisation=organisation, created_by=created_by, submission_key=submission_key, **data
    )
    for name, values in lists.items():
        getattr(activity, name).set(values)
    Agreement.objects.create(organisation=organisation, activity=activity)
    AccessibilityCheck.objects.bulk_create(
        AccessibilityCheck(organisation=organisation, activity=activity, system=system)
        for system in AccessibilitySystem.values
    )
    return activity


@transaction.atomic
def activity_update(*, activity: Activity, data: dict) -> Activity:
    lists = {name: data.pop(name) for name in ACTIVITY_LISTS if name in data}
    for field, value in data.items():
        setattr(activity, field, value)
    activity.save()
    for name, values in lists.items():
        getattr(activity, name).set(values)
    return activity


@transaction.atomic
def activity_transition(*, activity: Activity, to_status: str) -> Activity:
    # Lock only the activity: PostgreSQL cannot lock the outer-joined side of `agreement`.
    activity = (
        Activity.objects.select_for_update(of=("self",))
        .select_related("agreement")
        .get(pk=activity.pk)
    )
    activity.check_transition(to_status)
    activity.status = to_status
    activity.save(update_fields=["status", "updated_at"])
    return activity


def _as_text(value) -> str:
    return "" if value is None else str(value)


@transaction.atomic
def agreement_update(*, agreement: Agreement, changed_by: User, data: dict) -> Agreement:
    """Save the purpose and influence level, keeping who changed what and when.

    Changing agreed terms after agreement marks it as needing to be agreed again.
    """
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    changes = []
    for field, new in data.items():
        old = getattr(agreement, field)
        if old != new:
            changes.append(
                {
                    "field": field,
                    "label": str(Agreement._meta.get_field(field).verbose_name),
                    "old": _as_text(old),
                    "new": _as_text(new),
                }
            )
            setattr(agreement, field, new)
    if not changes:
        return agreement
    terms_changed = any(change["field"] in Agreement.AGREED_TERMS for change in changes)
    if agreement.state == Agreement.State.AGREED and terms_changed:
        agreement.state = Agreement.State.NEEDS_REAGREEMENT
    agreement.save()
    agreement.log_event(kind=AgreementEvent.Kind.CHANGED, actor=changed_by, changes=changes)
    return agreement


@transaction.atomic
def agreement_terms_change(
    *, agreement: Agreement, changed_by: User, field: str, label: str, old: str, new: str
) -> Agreement:
    """Log a change to agreed terms kept outside the agreement itself (such as the outcome
    measures), so an agreed activity is agreed again, as with its own terms."""
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    if old == new:
        return agreement
    if agreement.state == Agreement.State.AGREED:
        agreement.state = Agreement.State.NEEDS_REAGREEMENT
        agreement.save(update_fields=["state", "updated_at"])
    change = {"field": field, "label": label, "old": old, "new": new}
    agreement.log_event(kind=AgreementEvent.Kind.CHANGED, actor=changed_by, changes=[change])
    return agreement


def _participant_named(organisation, name: str) -> Participant:
    """The organisation's person with this name, whatever its case, or a new one."""
    existing = Participant.objects.filter(organisation=organisation, name__iexact=name).first()
    return existing or Participant.objects.create(organisation=organisation, name=name)


@transaction.atomic
def agreement_record(
    *,
    agreement: Agreement,
    recorded_by: User,
    agreed_on: datetime.date,
    agreed_how: str,
    participant_names: list[str],
) -> Agreement:
    """Record that the people involved agreed the purpose and influence level.

    A draft activity becomes agreed. Raises ValueError if there is nothing to agree yet.
    """
    agreement = (
        Agreement.objects.select_for_update().select_related("activity").get(pk=agreement.pk)
    )
    if not agreement.is_ready_to_agree():
        raise ValueError(_("Write down the purpose and choose the influence level first."))
    participants = [_participant_named(agreement.organisation, name) for name in participant_names]
    agreement.state = Agreement.State.AGREED
    agreement.agreed_on, agreement.agreed_how = agreed_on, agreed_how
    agreement.save()
    agreement.participants.set(participants)
    note = _("Agreed on %(date)s. %(how)s") % {
        "date": agreed_on.strftime("%d/%m/%Y"),
        "how": agreed_how,
    }
    agreement.log_event(
        kind=AgreementEvent.Kind.AGREED, actor=recorded_by, note=note, participants=participants
    )
    activity = agreement.activity
    if activity.status == Activity.Status.DRAFT:
        activity.status = Activity.Status.AGREED
        activity.save(update_fields=["status", "updated_at"])
    return agreement


@transaction.atomic
def accessibility_checks_save(*, formset) -> None:
    # formset.save() writes only changed rows of its own queryset: a posted id from elsewhere
    # is skipped, and the formset is edit-only so no row is ever created here.
    formset.save()


@transaction.atomic
def attendance_record(*, session: Session, statuses: dict[int, str]) -> None:
    """Set who came to a session. An empty status clears the record; only people involved in
    the session's activity on the day of the session can be recorded."""
    day = timezone.localtime(session.starts_at).date()
    involved = set(
        Involvement.objects.on(day)
        .filter(activity_id=session.activity_id)
        .values_list("participant_id", flat=True)
    )
    for participant_id, status in statuses.items():
        if participant_id not in involved:
            continue
        if status:
            Attendance.objects.update_or_create(
                session=session,
                participant_id=participant_id,
                defaults={"status": status, "organisation_id": session.organisation_id},
            )
        else:
            Attendance.objects.filter(session=session, participant_id=participant_id).delete()


@transaction.atomic
def involvement_remove(*, involvement: Involvement) -> None:
    """Take someone off an activity, with their attendance at its sessions; their participant
    record stays."""
    Attendance.objects.filter(
        participant_id=involvement.participant_id, session__activity_id=involvement.activity_id
    ).delete()
    involvement.delete()


ERASED_WORDS = gettext_lazy("(Removed: the person asked for their data to be erased.)")

ERASED_FIELDS = {
    "email": "",
    "phone": "",
    "postal_address": "",
    "contact_by": "",
    "preferred_formats": [],
    "access_needs": [],
    "access_notes": "",
    "wants_payment": None,
    "user": None,
}


@transaction.atomic
def participant_record_erase(*, participant: Participant) -> Participant:
    """Remove a person's identity and everything personal this app holds, keeping their
    involvement and attendance as anonymous rows so counts stay true. Agreement history names
    people through rows, so it shows the erased label from now on. Their "about you" answers
    go. The whole erasure, across the apps, is the participant app's `participant_erase`."""
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    for field, value in ERASED_FIELDS.items():
        setattr(participant, field, value)
    participant.name = _("Erased person %(n)s") % {"n": participant.pk}
    participant.erased_at = timezone.now()
    participant.save()
    AboutYou.objects.filter(participant=participant).delete()
    return participant


@transaction.atomic
def population_profile_save(*, organisation: Organisation, values: dict) -> None:
    """Replace the organisation's population profile with `values`, {(question, answer):
    percent or None}; an answer left empty has no row."""
    # Lock the organisation so two saves at once cannot both insert after deleting.
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    PopulationGroup.objects.filter(organisation=organisation).delete()
    PopulationGroup.objects.bulk_create(
        PopulationGroup(organisation=organisation, question=question, answer=answer, percent=p)
        for (question, answer), p in values.items()
        if p is not None
    )
