"""Writes for closing the loop: what people said, what the organisation did about it, and
whether that is published."""

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.models import Activity, Participant
from involvement.models import User
from involvement.submissions import once_per_submission

from ..models import Contribution, FeedbackResponse, LoopPage

COMMENT_FIELDS = ["what_was_good", "do_differently", "anything_else"]


def contribution_add(
    *,
    activity: Activity,
    participant: Participant | None,
    raised_on: datetime.date,
    text: str,
    source: str,
    created_by: User,
    submission_key: uuid.UUID | None = None,
) -> Contribution:
    """Record what someone asked for. The same form sent twice gives back the first."""
    return once_per_submission(
        Contribution,
        activity.organisation,
        submission_key,
        lambda: Contribution.objects.create(
            organisation_id=activity.organisation_id,
            activity=activity,
            participant=participant,
            raised_on=raised_on,
            text=text,
            source=source,
            created_by=created_by,
            submission_key=submission_key,
        ),
    )


def contribution_from_comment(
    *, response: FeedbackResponse, field: str, created_by: User
) -> Contribution:
    """Take a feedback comment as a contribution, with one click; taking it again gives
    back the first. A person who hid their name stays unnamed."""
    if field not in COMMENT_FIELDS or not getattr(response, field).strip():
        raise ValidationError(_("That comment is empty or no longer there."))
    if not response.is_submitted():
        raise ValidationError(_("Only answers that have been sent can be taken."))
    existing = Contribution.objects.filter(feedback_response=response, feedback_field=field)
    if existing.exists():
        return existing.get()
    named = response.anonymous is False and response.request.participant.erased_at is None
    try:
        with transaction.atomic():
            return Contribution.objects.create(
                organisation_id=response.organisation_id,
                activity_id=response.activity_id,
                participant=response.request.participant if named else None,
                raised_on=timezone.localtime(response.submitted_at).date(),
                text=getattr(response, field),
                source=Contribution.Source.FEEDBACK,
                feedback_response=response,
                feedback_field=field,
                created_by=created_by,
            )
    except IntegrityError:
        return Contribution.objects.get(feedback_response=response, feedback_field=field)


@transaction.atomic
def contribution_respond(
    *,
    contribution: Contribution,
    decision: str,
    what_changed: str,
    changed_on: datetime.date | None,
    reason: str,
    who_decides: str,
    responded_by: User,
) -> Contribution:
    """Record what was done ("we did"). Correcting a response keeps when it was first given,
    so the days taken to respond stay true."""
    contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
    contribution.check_step("respond")
    contribution.check_response(
        decision=decision, what_changed=what_changed, reason=reason, who_decides=who_decides
    )
    contribution.decision = decision
    contribution.what_changed = what_changed
    contribution.changed_on = changed_on
    contribution.reason = reason
    contribution.who_decides = who_decides
    contribution.responded_by = responded_by
    if contribution.is_open():
        contribution.status = Contribution.Status.RESPONDED
        contribution.responded_at = timezone.now()
    contribution.save()
    return contribution


def loop_page_publish(*, activity: Activity, publish: bool) -> LoopPage:
    """Publish (or take down) the activity's public "you said, we did" page."""
    page, _created = LoopPage.objects.get_or_create(
        activity=activity, defaults={"organisation_id": activity.organisation_id}
    )
    page.published_at = timezone.now() if publish else None
    page.save(update_fields=["published_at", "updated_at"])
    return page
