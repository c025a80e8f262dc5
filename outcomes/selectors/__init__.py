"""Reads for outcome measures: computed figures, recorded and reported values, the pages,
and one person's part (people.py)."""

from .computed import SPECS, Figure, computed_figures, figure_by_activity
from .dashboard import activity_periods, activity_progress, outcomes_dashboard, suggested_measures
from .people import outcomes_export_for, self_reported_uses, self_reports_of
from .progress import (
    activity_measures,
    measures_of,
    recorded_by_period,
    self_reported_by_period,
)

__all__ = [
    "SPECS",
    "Figure",
    "activity_measures",
    "activity_periods",
    "activity_progress",
    "computed_figures",
    "figure_by_activity",
    "measures_of",
    "outcomes_dashboard",
    "outcomes_export_for",
    "recorded_by_period",
    "self_reported_by_period",
    "self_reported_uses",
    "self_reports_of",
    "suggested_measures",
]
