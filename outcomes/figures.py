"""Table 1's outputs counted from outcomes' own tables, defined once (the mechanism is
involvement/figures.py)."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _lazy

from activities.figures import involvements_of
from involvement.figures import Definition, people_count


def _trained_in(period) -> Q:
    if period.start is None:
        return Q(participant__training_records__isnull=False)
    return Q(participant__training_records__completed_on__range=(period.start, period.end))


COMPLETED_TRAINING = Definition(
    "completed_training",
    _lazy("Completed training"),
    _lazy("People involved who completed training in the period (from the training record)."),
    involvements_of,
    "activity",
    lambda period: {"n": Count("participant", distinct=True, filter=_trained_in(period))},
    people_count,
    _trained_in,
)
