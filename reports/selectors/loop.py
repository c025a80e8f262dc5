"""The report's "you said, we did": what was raised in the period and what was done."""

from involvement.suppression import suppress, suppress_share
from quality.models import Contribution
from quality.selectors import loop_figures_of

# Enough to show the kind of thing people asked for; the figures count them all.
RESPONSES_SHOWN = 12


def loop_section(organisation, activity_ids: list[int], window) -> dict:
    raised = Contribution.objects.filter(
        organisation=organisation, activity_id__in=activity_ids, raised_on__range=window
    )
    responded = (
        raised.exclude(status=Contribution.Status.OPEN)
        .select_related("activity")
        .order_by("raised_on", "pk")
    )
    return {
        "figures": _suppressed(loop_figures_of(raised, organisation), organisation),
        "responses": list(responded[:RESPONSES_SHOWN]),
        "more": max(responded.count() - RESPONSES_SHOWN, 0),
    }


def _suppressed(figures: dict, organisation) -> dict:
    """Each suggestion comes from a person, so small counts are hidden as counts of people
    are, and so are shares that would give one away."""
    threshold = organisation.suppression_threshold
    return {
        **figures,
        "total": suppress(figures["total"], threshold),
        "overdue": suppress(figures["overdue"], threshold),
        "responded_percent": suppress_share(figures["responded"], figures["total"], threshold),
        "fix_rate": suppress_share(figures["fixed"], figures["named"], threshold),
    }
