"""Scoped, joined and aggregated reads for activities, the people involved and who they are."""

from .demographics import (
    GROUP_NAMES,
    about_you_of,
    answer_counts,
    population_answers,
    population_profile,
    question_label,
    range_of_people,
    who_is_involved,
    who_is_missing,
)
from .export import participant_record_export
from .people import (
    attendance_of,
    involvements_at,
    involvements_of,
    involvements_of_participant,
    participants_for,
)
from .planning import (
    ActivityFilter,
    IdsFirstPaginator,
    activities_for,
    activity_at_a_glance,
    activity_at_a_glance_shown,
    activity_detail_queryset,
    agreement_history,
    lead_candidates,
    organisation_overview,
    sessions_of,
)

__all__ = [
    "GROUP_NAMES",
    "ActivityFilter",
    "IdsFirstPaginator",
    "about_you_of",
    "activities_for",
    "activity_at_a_glance",
    "activity_at_a_glance_shown",
    "activity_detail_queryset",
    "agreement_history",
    "answer_counts",
    "attendance_of",
    "involvements_at",
    "involvements_of",
    "involvements_of_participant",
    "lead_candidates",
    "organisation_overview",
    "participant_record_export",
    "participants_for",
    "population_answers",
    "population_profile",
    "question_label",
    "range_of_people",
    "sessions_of",
    "who_is_involved",
    "who_is_missing",
]
