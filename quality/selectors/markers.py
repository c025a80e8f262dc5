"""Reads for quality markers: an activity's checklist with its ratings, and the
organisation's overview, pooled over every activity in a few grouped queries."""

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import QuerySet

from activities.models import Activity
from involvement.models import Organisation

from ..judging import Judgement, answer_counts, judge, judge_statuses
from ..models import Assessment, MarkerAssessment, QualityMarker, Stage, Standard
from ..rating import Grade, grade_of, rate_counts

FEEDBACK = "feedback:"


def markers_of(organisation: Organisation, *, retired: bool = False) -> QuerySet:
    markers = QualityMarker.objects.filter(organisation=organisation)
    return markers if retired else markers.in_use()


@dataclass
class Row:
    """One marker on one activity's checklist: its status, where that comes from, and why."""

    marker: QualityMarker
    status: str | None
    evidence: str
    source: str  # "app", "feedback" or "staff"
    assessment: MarkerAssessment | None = None

    @property
    def status_label(self) -> str:
        return Assessment(self.status).label if self.status else ""


def _questions(markers) -> list[str]:
    return [m.judged_by.removeprefix(FEEDBACK) for m in markers if m.judged_by.startswith(FEEDBACK)]


def _row(marker, judged: dict[str, Judgement], assessment) -> Row:
    if marker.judged_by:
        judgement = judged[marker.judged_by]
        source = "feedback" if marker.judged_by.startswith(FEEDBACK) else "app"
        return Row(marker, judgement.status, judgement.evidence, source)
    if assessment is None:
        return Row(marker, None, "", "staff")
    return Row(marker, assessment.status, assessment.evidence, "staff", assessment)


def ratings(rows: list[Row]) -> dict:
    """The overall grade, and one per stage and per 4Pi standard."""
    return _ratings_from_tallies([(row.marker, Counter([row.status])) for row in rows])


def _ratings_from_tallies(tallies: list[tuple[QualityMarker, Counter]]) -> dict:
    """`ratings` from each marker's count of statuses (one activity's, or many pooled)."""
    overall, by_stage, by_standard = Counter(), defaultdict(Counter), defaultdict(Counter)
    for marker, tally in tallies:
        if not tally:
            continue
        overall.update(tally)
        by_stage[marker.stage].update(tally)
        for standard in marker.standards:
            by_standard[standard].update(tally)
    return {
        "overall": rate_counts(overall),
        "stages": [
            (label, rate_counts(by_stage[key])) for key, label in Stage.choices if key in by_stage
        ],
        "standards": [
            (label, rate_counts(by_standard[key]))
            for key, label in Standard.choices
            if key in by_standard
        ],
    }


def activity_checklist(activity: Activity, organisation: Organisation) -> dict:
    """Every marker for the activity by actor and stage, filled in by the app, the feedback
    or staff, with the ratings worked out from them."""
    markers = list(markers_of(organisation))
    judged = judge(organisation, [activity], _questions(markers))[activity.pk]
    assessments = {
        a.marker_id: a
        for a in MarkerAssessment.objects.filter(activity=activity).select_related("assessed_by")
    }
    rows = [_row(m, judged, assessments.get(m.pk)) for m in markers]
    groups = []
    for actor, actor_label in QualityMarker.Actor.choices:
        for stage, stage_label in Stage.choices:
            stage_rows = [r for r in rows if r.marker.actor == actor and r.marker.stage == stage]
            if stage_rows:
                groups.append({"actor": actor_label, "stage": stage_label, "rows": stage_rows})
    return {"groups": groups, "rows": rows, "ratings": ratings(rows)}


def organisation_ratings(
    organisation: Organisation,
    activities: list[Activity],
    *,
    rungs: list[str] = (),
    among: QuerySet | None = None,
) -> dict:
    """The organisation's grades (every activity's marker statuses pooled) and how many
    activities have each grade. A handful of grouped queries for any number of activities
    (with their agreement, or rows with the same attributes).

    With the influence ladder's `rungs`, `answers` holds the activities' answer counts
    with how many said each rung, for `influence_flags`: one scan of the answers (else
    None). `among`: the same activities as a query, for the grouped queries to filter by:
    writing out 2,000 ids for each of them took 25 ms."""
    markers = list(markers_of(organisation))
    questions = _questions(markers)
    ids = [activity.pk for activity in activities] if among is None else among.values("pk")
    answers = answer_counts(ids, questions, rungs) if rungs else None
    judged = judge_statuses(organisation, activities, questions, feedback=answers, ids=ids)
    assessments = _assessed(organisation)
    # Pooling needs how many of each marker have each status, not a row for every marker of
    # every activity: (marker's index, status) pairs are counted as they come.
    keys = [(marker.judged_by, marker.pk) for marker in markers]
    pairs, grades = Counter(), defaultdict(int)
    for activity in activities:
        judged_here, assessed = judged[activity.pk], assessments[activity.pk]
        statuses = [judged_here[by] if by else assessed.get(pk) for by, pk in keys]
        pairs.update(enumerate(statuses))
        grades[grade_of(Counter(statuses))] += 1
    tallies = [(marker, Counter()) for marker in markers]
    for (index, status), n in pairs.items():
        tallies[index][1][status] = n
    by_grade = [(label, grades[key]) for key, label in Grade.choices]
    return {**_ratings_from_tallies(tallies), "activities_by_grade": by_grade, "answers": answers}


def _assessed(organisation: Organisation) -> defaultdict[int, dict]:
    """{activity id: {marker id: status}} of staff's assessments of markers in use."""
    assessments = defaultdict(dict)
    rows = (
        MarkerAssessment.objects.filter(organisation=organisation, marker__retired_at__isnull=True)
        .values_list("activity_id", "marker_id", "status")
        .order_by()
    )
    for activity_id, marker_id, status in rows:
        assessments[activity_id][marker_id] = status
    return assessments
