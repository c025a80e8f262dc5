"""Reads for closing the loop: an activity's contributions, feedback comments still to
take, the loop figures, and what is overdue."""

import statistics
from collections import Counter

from django.db.models import DurationField, ExpressionWrapper, F, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils.translation import gettext as _

from activities.models import Activity
from involvement.models import Organisation
from involvement.suppression import suppress, suppress_share

from ..figures import loop_counts
from ..models import Contribution, FeedbackResponse, LoopPage
from ..questions import BY_KEY
from ..services.loop import COMMENT_FIELDS


def contributions_of(activity: Activity, *, organisation: Organisation) -> QuerySet:
    """The activity's contributions, each with `is_overdue` for its tag."""
    return (
        Contribution.objects.filter(activity=activity)
        .with_is_overdue(organisation)
        .select_related("participant", "responded_by")
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
        FeedbackResponse.objects.submitted()
        .filter(activity=activity)
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


def overdue(*, organisation: Organisation) -> QuerySet:
    return (
        Contribution.objects.overdue(organisation)
        .select_related("activity")
        .order_by("raised_on", "pk")
    )


def _days_to(moment: str) -> ExpressionWrapper:
    """Days from being raised to the local date of `moment` (NULL without one)."""
    return ExpressionWrapper(TruncDate(moment) - F("raised_on"), output_field=DurationField())


def _median(days: Counter) -> float | None:
    """The median of {days: how many took that long}."""
    return statistics.median(days.elements()) if days else None


def _percent(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None


def loop_figures(*, organisation: Organisation, activity: Activity | None = None) -> dict:
    """How well the loop is closed: the share responded to, the median days from being
    raised to a response and to telling the person, the fix rate, and what is overdue.

    The fix rate (Integrity Action's, seed 000) is the share of what named people raised
    that they said was done to their satisfaction; unanswered or open items count against
    it, as they are not fixed yet as far as anyone knows."""
    contributions = Contribution.objects.filter(organisation=organisation)
    if activity is not None:
        contributions = contributions.filter(activity=activity)
    return loop_figures_of(contributions, organisation)


def loop_figures_of(contributions: QuerySet, organisation: Organisation) -> dict:
    """`loop_figures` for any set of the organisation's contributions (a report's period
    and activities). One grouped query, so the rows never leave the database: how many took
    each number of days to a response and to telling the person, with the other counts."""
    counted = ["total", "named", "rated", "fixed", "not_happy", "overdue"]
    rows = (
        contributions.values(to_respond=_days_to("responded_at"), to_tell=_days_to("told_at"))
        .annotate(**loop_counts(organisation))
        .order_by()
    )
    counts, to_respond, to_tell = Counter(dict.fromkeys(counted, 0)), Counter(), Counter()
    for row in rows:
        counts.update({key: row[key] for key in counted})
        # A response recorded before the day it was raised (a date typed wrong) counts as 0.
        if row["to_respond"] is not None:
            to_respond[max(row["to_respond"].days, 0)] += row["total"]
        if row["to_tell"] is not None:
            to_tell[max(row["to_tell"].days, 0)] += row["total"]
    return {
        "total": counts["total"],
        "responded": to_respond.total(),
        "responded_percent": _percent(to_respond.total(), counts["total"]),
        "median_days_to_respond": _median(to_respond),
        "told": to_tell.total(),
        "median_days_to_tell": _median(to_tell),
        "named": counts["named"],
        "rated": counts["rated"],
        "fixed": counts["fixed"],
        "fix_rate": _percent(counts["fixed"], counts["named"]),
        "not_happy": counts["not_happy"],
        "overdue": counts["overdue"],
        "limit_days": organisation.response_days,
    }


def published_loop_page(slug: str) -> LoopPage | None:
    """The public page at this address, only when published."""
    return (
        LoopPage.objects.filter(slug=slug, published_at__isnull=False)
        .select_related("activity", "organisation")
        .first()
    )


def loop_figures_shown(figures: dict, organisation: Organisation) -> dict:
    """`figures` as they may be shown to people who do not see who said what (trustees, a
    report): each suggestion comes from a person, so small counts are hidden as counts of
    people are, and so are shares that would give one away. Medians stay."""
    threshold = organisation.suppression_threshold
    counts = ["total", "responded", "told", "named", "rated", "fixed", "not_happy", "overdue"]
    return {
        **figures,
        **{key: suppress(figures[key], threshold) for key in counts},
        "responded_percent": suppress_share(figures["responded"], figures["total"], threshold),
        "fix_rate": suppress_share(figures["fixed"], figures["named"], threshold),
    }
