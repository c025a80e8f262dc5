"""Reads for closing the loop: an activity's contributions, feedback comments still to
take, the loop figures, and what is overdue."""

import datetime
import statistics

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.models import Activity
from involvement.models import Organisation

from ..models import Contribution, FeedbackResponse, LoopPage
from ..questions import BY_KEY
from ..services.loop import COMMENT_FIELDS


def contributions_of(activity: Activity) -> QuerySet:
    return Contribution.objects.filter(activity=activity).select_related(
        "participant", "responded_by"
    )


def comments_to_take(activity: Activity) -> list[dict]:
    """Feedback comments on the activity not yet taken as contributions, newest first."""
    taken = set(
        Contribution.objects.filter(activity=activity, feedback_response__isnull=False).values_list(
            "feedback_response_id", "feedback_field"
        )
    )
    has_words = Q()
    for field in COMMENT_FIELDS:
        has_words |= ~Q(**{field: ""})
    responses = (
        FeedbackResponse.objects.filter(activity=activity, status=FeedbackResponse.Status.SUBMITTED)
        .filter(has_words)
        .select_related("request__participant")
        .order_by("-submitted_at", "-pk")
    )
    comments = []
    for response in responses:
        for field in COMMENT_FIELDS:
            text = getattr(response, field)
            if text.strip() and (response.pk, field) not in taken:
                named = response.anonymous is False
                comments.append(
                    {
                        "response": response,
                        "field": field,
                        "question": BY_KEY[field].text,
                        "text": text,
                        "who": response.request.participant.name if named else _("Name hidden"),
                    }
                )
    return comments


def overdue_since(organisation: Organisation, today: datetime.date | None = None) -> datetime.date:
    """Contributions raised before this day with no response are overdue."""
    today = today or timezone.localdate()
    return today - datetime.timedelta(days=organisation.response_days)


def overdue(organisation: Organisation) -> QuerySet:
    return (
        Contribution.objects.filter(
            organisation=organisation,
            status=Contribution.Status.OPEN,
            raised_on__lt=overdue_since(organisation),
        )
        .select_related("activity")
        .order_by("raised_on", "pk")
    )


def _days(raised_on: datetime.date, at: datetime.datetime | None) -> int | None:
    return max((timezone.localtime(at).date() - raised_on).days, 0) if at else None


def _median(values: list) -> float | None:
    return statistics.median(values) if values else None


def _percent(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None


def loop_figures(organisation: Organisation, activity: Activity | None = None) -> dict:
    """How well the loop is closed: the share responded to, the median days from being
    raised to a response and to telling the person, the fix rate, and what is overdue.

    The fix rate (Integrity Action's, seed 000) is the share of what named people raised
    that they said was done to their satisfaction; unanswered or open items count against
    it, as they are not fixed yet as far as anyone knows."""
    contributions = Contribution.objects.filter(organisation=organisation)
    if activity is not None:
        contributions = contributions.filter(activity=activity)
    rows = list(
        contributions.values_list(
            "raised_on", "responded_at", "told_at", "status", "participant_id", "satisfied"
        )
    )
    since = overdue_since(organisation)
    to_respond = [d for d in (_days(row[0], row[1]) for row in rows) if d is not None]
    to_tell = [d for d in (_days(row[0], row[2]) for row in rows) if d is not None]
    named = [row for row in rows if row[4] is not None]
    fixed = sum(1 for row in named if row[5] == Contribution.Satisfaction.YES)
    return {
        "total": len(rows),
        "responded": len(to_respond),
        "responded_percent": _percent(len(to_respond), len(rows)),
        "median_days_to_respond": _median(to_respond),
        "told": len(to_tell),
        "median_days_to_tell": _median(to_tell),
        "named": len(named),
        "rated": sum(1 for row in named if row[5]),
        "fixed": fixed,
        "fix_rate": _percent(fixed, len(named)),
        "not_happy": sum(1 for row in named if row[5] == Contribution.Satisfaction.NO),
        "overdue": sum(1 for row in rows if row[3] == "open" and row[0] < since),
        "limit_days": organisation.response_days,
    }


def published_loop_page(activity_pk: int) -> LoopPage | None:
    """The public page of an activity, only when published."""
    return (
        LoopPage.objects.filter(activity__pk=activity_pk, published_at__isnull=False)
        .select_related("activity", "organisation")
        .first()
    )
