"""The organisation's quality overview figures, kept in the shared cache.

Pooling every activity's markers (judged from sessions, people, answers and staff's
assessments), the influence flags and the loop figures take a few hundred milliseconds for
2,000 activities, most of it in the database. They change only when the rows they count
change, so each organisation's are cached under a version that any such write replaces
(`figures_changed`: signals in QualityConfig, and the services that update markers without
signals), with an expiry for other writes that skip signals (involvement/figures_cache.py).

They are kept as the page shows them, as plain numbers and words in the language of the
request (part of the key), so reading them needs no model and no translation.
"""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone, translation

from activities.models import Activity
from involvement.figures_cache import FiguresCache
from involvement.models import Organisation

from ..rating import Rated
from .influence import influence_flags, influence_ladder
from .loop import loop_figures, loop_figures_shown
from .markers import organisation_ratings

FIGURES = FiguresCache("quality")


def figures_changed(*, organisation_id: int) -> None:
    """Rows the overview counts have changed: it works its figures out again."""
    FIGURES.changed(organisation_id)


def overview_figures(organisation: Organisation) -> dict:
    """The overview's `ratings`, `flags`, `loop` and `activity_count`, as
    `organisation_ratings`, `influence_flags` and `loop_figures` give them for all the
    organisation's activities, with every label and reason as a string and each activity
    as its pk and title."""
    key = FIGURES.key(
        organisation,
        organisation.suppression_threshold,
        organisation.response_days,
        # What is overdue moves on at midnight.
        timezone.localdate(),
        translation.get_language(),
    )
    return FIGURES.get_or_compute(key, lambda: _overview_figures(organisation))


def _overview_figures(organisation: Organisation) -> dict:
    every = Activity.objects.filter(organisation=organisation)
    activities = _pooled_activities(every)
    # One scan of the answers counts both the markers' questions and the say people had.
    ladder = influence_ladder()
    rungs = [level.key for level in ladder]
    ratings = organisation_ratings(organisation, activities, rungs=rungs, among=every)
    flags = influence_flags(organisation, activities, ladder=ladder, answers=ratings["answers"])
    return {
        "activity_count": len(activities),
        "ratings": {
            "overall": _rated(ratings["overall"]),
            "stages": [(str(label), _rated(rated)) for label, rated in ratings["stages"]],
            "standards": [(str(label), _rated(rated)) for label, rated in ratings["standards"]],
            "activities_by_grade": [
                (str(label), count) for label, count in ratings["activities_by_grade"]
            ],
        },
        "flags": {
            "tokenism": [
                {"activity": _named(item["activity"]), "gap": {"reason": str(item["gap"].reason)}}
                for item in flags["tokenism"]
            ],
            "drafts_with_sessions": [_named(draft) for draft in flags["drafts_with_sessions"]],
        },
        # Trustees see the overview: counts of what people raised are suppressed.
        "loop": loop_figures_shown(loop_figures(organisation=organisation), organisation),
    }


@dataclass(frozen=True, slots=True)
class _Level:
    pk: int
    position: int
    name: str


@dataclass(frozen=True, slots=True)
class _Agreement:
    purpose: str
    state: str
    influence_level: _Level | None


@dataclass(frozen=True, slots=True)
class _Activity:
    """An activity with what `organisation_ratings` and `influence_flags` read of it and of
    its agreement, and the title the page shows."""

    pk: int
    title: str
    agreement: _Agreement | None


def _pooled_activities(activities: QuerySet) -> list[_Activity]:
    """The activities, in their order, as plain rows: making 2,000 Activity, Agreement and
    InfluenceLevel instances took 70 of the page's milliseconds, these take 10."""
    rows = activities.values_list(
        "pk",
        "title",
        "agreement__pk",
        "agreement__purpose",
        "agreement__state",
        "agreement__influence_level",
        "agreement__influence_level__position",
        "agreement__influence_level__name",
    )
    levels: dict[int, _Level] = {}
    activities = []
    for pk, title, agreement_pk, purpose, state, level_pk, position, name in rows:
        agreement = None
        if agreement_pk is not None:
            level = None
            if level_pk is not None:
                level = levels.setdefault(level_pk, _Level(level_pk, position, name))
            agreement = _Agreement(purpose, state, level)
        activities.append(_Activity(pk, title, agreement))
    return activities


def _rated(rated: Rated) -> dict:
    return {
        "grade": str(rated.grade),
        "label": str(rated.label),
        "score": rated.score,
        "judged": rated.judged,
        "counts": dict(rated.counts),
        "reasons": [str(reason) for reason in rated.reasons],
    }


def _named(activity: _Activity | Activity) -> dict:
    return {"pk": activity.pk, "title": activity.title}
