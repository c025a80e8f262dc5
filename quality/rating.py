"""The rating rules: requires improvement, good or outstanding (the CQC-adapted framework
of seed 000), worked out from marker statuses by rules written here and shown, with the
numbers, on the rules page. Never a black box: `Rated.reasons` says why, in plain words."""

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Assessment

POINTS = {Assessment.MET: 2, Assessment.PARTLY: 1, Assessment.NOT_MET: 0}
# `Rated.counts` keys: every status, then markers not judged yet.
COUNTED = [*Assessment.values, "unjudged"]
# Outstanding: nearly every marker judged, nearly all points, nothing not met.
OUTSTANDING_JUDGED, OUTSTANDING_SCORE = 75, 85
# Good: at least half the markers judged, most points, at most one marker not met.
GOOD_JUDGED, GOOD_SCORE, GOOD_MOST_NOT_MET = 50, 60, 1


class Grade(models.TextChoices):
    NOT_RATED = "not_rated", gettext_lazy("Not rated yet")
    REQUIRES_IMPROVEMENT = "requires_improvement", gettext_lazy("Requires improvement")
    GOOD = "good", gettext_lazy("Good")
    OUTSTANDING = "outstanding", gettext_lazy("Outstanding")


@dataclass
class Rated:
    grade: str
    score: int | None  # percent of the points possible among judged markers
    judged: int  # percent of the markers that apply which have been judged
    counts: dict = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return Grade(self.grade).label


def _counts(statuses: Mapping[str | None, int]) -> dict:
    counts = dict.fromkeys(COUNTED, 0)
    for status, n in statuses.items():
        counts[status if status in counts else "unjudged"] += n
    return counts


def _figures(counts: dict) -> tuple[int, int, int, int]:
    """(markers judged, score, percent judged, markers not met) from the counts."""
    applicable = sum(counts.values()) - counts[Assessment.NOT_APPLICABLE]
    judged_count = applicable - counts["unjudged"]
    if not judged_count:
        return 0, 0, 0, 0
    points = sum(POINTS[s] * counts[s] for s in POINTS)
    # Rounded down: "60% or more" must not let 59.5% through.
    score = 100 * points // (2 * judged_count)
    judged = 100 * judged_count // applicable
    return judged_count, score, judged, counts[Assessment.NOT_MET]


def _grade(judged_count: int, score: int, judged: int, not_met: int) -> str:
    if not judged_count:
        return Grade.NOT_RATED
    if judged >= OUTSTANDING_JUDGED and score >= OUTSTANDING_SCORE and not not_met:
        return Grade.OUTSTANDING
    if judged >= GOOD_JUDGED and score >= GOOD_SCORE and not_met <= GOOD_MOST_NOT_MET:
        return Grade.GOOD
    return Grade.REQUIRES_IMPROVEMENT


def rate(statuses: list[str | None]) -> Rated:
    """The grade for a group of markers, from their statuses (None: not judged yet)."""
    return rate_counts(Counter(statuses))


def rate_counts(statuses: Mapping[str | None, int]) -> Rated:
    """`rate` from how many markers have each status, as when pooling many activities'
    markers without listing them one by one."""
    counts = _counts(statuses)
    judged_count, score, judged, not_met = _figures(counts)
    grade = _grade(judged_count, score, judged, not_met)
    if grade == Grade.NOT_RATED:
        return Rated(grade, None, 0, counts, [_("No marker has been judged yet.")])
    facts = _(
        "%(judged)s%% of the markers that apply are judged, scoring %(score)s%% of the "
        "points possible, with %(not_met)s not met."
    ) % {"judged": judged, "score": score, "not_met": not_met}
    if grade == Grade.OUTSTANDING:
        return Rated(grade, score, judged, counts, [facts])
    if grade == Grade.GOOD:
        reasons = [facts, *_short_of_outstanding(judged, score, not_met)]
    else:
        reasons = [facts, *_short_of_good(judged, score, not_met)]
    return Rated(grade, score, judged, counts, reasons)


def grade_of(statuses: Mapping[str | None, int]) -> str:
    """The grade alone from how many markers have each status: counting activities by grade
    needs no reasons, and writing them for every activity is most of the work."""
    return _grade(*_figures(_counts(statuses)))


def _short_of_outstanding(judged, score, not_met) -> list[str]:
    reasons = []
    if judged < OUTSTANDING_JUDGED:
        reasons.append(
            _("Outstanding needs %(n)s%% of markers judged.") % {"n": OUTSTANDING_JUDGED}
        )
    if score < OUTSTANDING_SCORE:
        reasons.append(_("Outstanding needs %(n)s%% of the points.") % {"n": OUTSTANDING_SCORE})
    if not_met:
        reasons.append(_("Outstanding needs no marker not met."))
    return reasons


def _short_of_good(judged, score, not_met) -> list[str]:
    reasons = []
    if judged < GOOD_JUDGED:
        reasons.append(_("Good needs at least %(n)s%% of markers judged.") % {"n": GOOD_JUDGED})
    if score < GOOD_SCORE:
        reasons.append(_("Good needs at least %(n)s%% of the points.") % {"n": GOOD_SCORE})
    if not_met > GOOD_MOST_NOT_MET:
        reasons.append(_("Good allows at most one marker not met."))
    return reasons
