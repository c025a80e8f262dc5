"""Reads for quality: feedback (feedback.py), quality markers and ratings (markers.py), the
influence gap (influence.py), closing the loop (loop.py), one person's part for their export
(people.py), and the overview's figures kept in the cache (cached.py)."""

from .cached import overview_figures
from .feedback import (
    feedback_people,
    feedback_results,
    has_answered,
    not_answered,
    requests_of,
    response_rate,
    sessions_held,
)
from .influence import influence_flags, influence_gap
from .loop import (
    comments_to_take,
    contributions_of,
    loop_figures,
    loop_figures_of,
    loop_figures_shown,
    overdue,
    published_loop_page,
)
from .markers import activity_checklist, markers_of, organisation_ratings
from .people import contributions_export_for, feedback_export_for

__all__ = [
    "comments_to_take",
    "contributions_export_for",
    "contributions_of",
    "loop_figures",
    "loop_figures_of",
    "loop_figures_shown",
    "overdue",
    "published_loop_page",
    "activity_checklist",
    "feedback_export_for",
    "feedback_people",
    "feedback_results",
    "has_answered",
    "influence_flags",
    "influence_gap",
    "markers_of",
    "not_answered",
    "organisation_ratings",
    "overview_figures",
    "requests_of",
    "response_rate",
    "sessions_held",
]
