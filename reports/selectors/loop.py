"""The report's "you said, we did": what was raised in the period and what was done."""

from django.db.models import Q

from involvement.suppression import SUPPRESSED
from quality.models import Contribution
from quality.selectors import loop_figures_of, loop_figures_shown

# Enough to show the kind of thing people asked for; the figures count them all.
RESPONSES_SHOWN = 12


def loop_section(organisation, activity_ids: list[int], window) -> dict:
    raised = Contribution.objects.filter(
        organisation=organisation, activity_id__in=activity_ids, raised_on__range=window
    )
    figures = loop_figures_shown(loop_figures_of(raised, organisation), organisation)
    if figures["total"] == SUPPRESSED:
        # Listing them would count them.
        return {"figures": figures, "responses": [], "more": False}
    # A person's own feedback words only with their say-so, as for quotes; what staff noted
    # at a meeting is the organisation's record.
    responded = (
        raised.exclude(status=Contribution.Status.OPEN)
        .exclude(Q(source=Contribution.Source.FEEDBACK) & ~Q(feedback_response__may_quote=True))
        .select_related("activity")
        .order_by("raised_on", "pk")
    )
    shown = list(responded[: RESPONSES_SHOWN + 1])
    return {
        "figures": figures,
        "responses": shown[:RESPONSES_SHOWN],
        "more": len(shown) > RESPONSES_SHOWN,
    }
