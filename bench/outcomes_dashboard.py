"""Server time and query count of the outcomes dashboard for a large organisation.

Run from the repository root: `.venv/bin/python bench/outcomes_dashboard.py [--quick]`. It uses
SQLite, or DATABASE_URL when set; give the full size its own PostgreSQL database, e.g.
postgres://postgres@127.0.0.1:5432/involvement_bench_outcomes (`createdb`, then `migrate`).

Issue 4's organisation: 2,000 activities (from `seed_scale`), 50,000 people involved (many in
more than one activity, invited or volunteered, some as representatives, co-chairs or leads),
200,000 submitted feedback answers, sessions, "about you" answers, training records, recorded
values and people's own before-and-after scores, spread over the two and a half years of the
activities' start dates. Rows are written with bulk_create, in the order they would have been
made (a real table is appended to over time), in one transaction: an organisation is either
complete or not there. A later run within a week reuses it (`--rebuild` builds it again).
Building it prints its time.

The dashboard is the four quarters up to today, fetched with Django's test client by a signed-in
staff member, DEBUG off, twice over: with the computed figures in the cache (the usual visit:
`outcomes_dashboard_*`) and with them worked out again before every request, as after any write
to the rows they count (`outcomes_dashboard_after_write_*`). Prints one `name: value unit` line
per figure. Exits 1 when the page's query count (figures worked out) on the big organisation
differs from its count on a small one: one that grows with data is a bug (an N+1). The time is
reported (the issue's target is a p95 under 300 ms), never enforced.
"""

import datetime
import random
import sys
from dataclasses import dataclass
from functools import partial

import harness

# isort: split
import builders
from django.test.utils import override_settings
from django.utils import timezone

from activities.models import AboutYou, Activity, Involvement, Participant, Session
from activities.models.demographics import DEMOGRAPHIC_FIELDS
from outcomes.models import (
    ActivityMeasure,
    Measure,
    MeasureValue,
    SelfReport,
    TrainingRecord,
)
from outcomes.periods import quarter_of
from outcomes.selectors.cached import new_version
from quality.models import FeedbackRequest, FeedbackResponse, Rating

URL = "/outcomes/"
ROLES = {
    Involvement.Role.PARTICIPANT: 70,
    Involvement.Role.REPRESENTATIVE: 8,
    Involvement.Role.PEER_RESEARCHER: 7,
    Involvement.Role.CO_FACILITATOR: 6,
    Involvement.Role.CO_CHAIR: 4,
    Involvement.Role.LEAD: 5,
}
# Most answers are a yes; a few people skip a question or prefer not to say.
RATINGS = {
    Rating.YES: 50,
    Rating.PARTLY: 22,
    Rating.NO: 10,
    Rating.DONT_KNOW: 8,
    Rating.PREFER_NOT: 4,
    "": 6,
}
SAYS = ["informing", "consulting", "participation", "delegated_power", "dont_know", "prefer_not"]
REUSE_DAYS = 7
COURSES = ["Recruitment panels", "Peer research basics", "Chairing meetings", "Safeguarding"]
# Analysed after a build: every table the dashboard reads.
TABLES = [Activity, Session, Participant, Involvement, AboutYou, FeedbackRequest]
TABLES += [FeedbackResponse, ActivityMeasure, MeasureValue, SelfReport, TrainingRecord]


@dataclass(frozen=True)
class Size:
    activities: int
    people: int
    answers: int

    @property
    def slug(self) -> str:
        return f"bench-outcomes-{self.activities}-{self.people}-{self.answers}"


FULL = Size(activities=2000, people=50_000, answers=200_000)
QUICK = Size(activities=100, people=2000, answers=6000)
# Compared with the full size for the query count; big enough that some of its activities
# have values recorded in the last four quarters (with none the page skips one query).
SMALL = Size(activities=30, people=300, answers=900)


def main() -> int:
    options = harness.sized_options(__doc__, quick=QUICK, full=FULL)
    harness.begin()
    small = _visitor(SMALL, rebuild=options.rebuild)
    full = _visitor(options.size, rebuild=options.rebuild)
    for name, value, unit in _data_sizes(full.organisation):
        harness.say(f"outcomes_dashboard_{name}", value, unit)
    with override_settings(DEBUG=False, ALLOWED_HOSTS=["testserver"]):
        # Figures cached (the usual visit) and worked out again (the first visit after a
        # write: new_version is what a saved involvement or answer does).
        harness.time_page(
            full, URL, options.requests, "outcomes_dashboard", issue_name="dashboard cached"
        )
        harness.time_page(
            full,
            URL,
            options.requests,
            "outcomes_dashboard_after_write",
            issue_name="dashboard worked out",
            again=partial(new_version, full.organisation.pk),
        )
        at_small = _query_count(small)
        at_full = _query_count(full)
    harness.say("outcomes_dashboard_queries_small", at_small, "queries")
    harness.say("outcomes_dashboard_queries", at_full, "queries")
    return 1 if at_small != at_full else 0


def _visitor(size: Size, rebuild: bool) -> harness.Visitor:
    """A signed-in staff member of an organisation holding data of `size`, built or reused."""
    organisation = harness.organisation_built(
        size.slug,
        rebuild=rebuild,
        build=partial(_build, size),
        # A measure in use is protected; requests go before their sessions are emptied.
        remove_first=[ActivityMeasure, FeedbackRequest],
        tables=TABLES,
        name=f"outcomes_dashboard_build_{size.activities}",
        # The rows are dated from the day they were made: after a week they begin to thin out
        # in the current quarter, so they are made again.
        reuse_days=REUSE_DAYS,
    )
    return harness.Visitor(organisation)


def _build(size: Size) -> None:
    """Every row the dashboard reads, for one new organisation, seeded by its size."""
    org = builders.seeded(size.slug, size.activities)
    rng = random.Random(size.slug)
    today = timezone.localdate()
    activities = list(org.activities.order_by("pk"))
    _staff_involved(org, activities, rng)
    sessions = _sessions(org, activities, rng, today)
    people = builders.people(org, size.people)
    roles, role_weights = list(ROLES), list(ROLES.values())

    def role_and_way_in(_activity) -> dict:
        return {
            "role": rng.choices(roles, weights=role_weights)[0],
            "came_in": rng.choices(Involvement.CameIn.values, weights=[55, 45])[0],
        }

    started = builders.started(activities, today)
    parts = builders.involvements(org, started, people, rng, today, fields=role_and_way_in)
    _about_you(org, people, rng)
    _training(org, parts, rng, today)
    self_reported = _activity_measures(org, activities, rng, today)
    _feedback(org, size, parts, sessions, self_reported, rng)


def _staff_involved(org, activities, rng) -> None:
    staff = builders.staff_ids(org)
    Through = Activity.staff_involved.through
    Through.objects.bulk_create(
        Through(activity_id=activity.pk, user_id=user)
        for activity in activities
        for user in rng.sample(staff, rng.randint(1, 3))
    )


def _sessions(org, activities, rng, today) -> dict[int, list[tuple[int, datetime.date]]]:
    """Monthly sessions of the activities that have started; {activity id: [(session id,
    day)]} of the ones held."""
    rows = [
        builders.session(org, activity, day, rng)
        for activity in builders.started(activities, today)
        for day in builders.session_days(activity, rng, today)
    ]
    return builders.sessions_held(rows, today)


def _about_you(org, people, rng) -> None:
    """Four in ten people told us about themselves."""
    now = timezone.now()
    questions = DEMOGRAPHIC_FIELDS.items()
    AboutYou.objects.bulk_create(
        (
            AboutYou(
                organisation=org,
                participant_id=person.pk,
                consent_wording="You may keep these answers to see who takes part.",
                consented_at=now,
                **{name: rng.choice(choices.values) for name, choices in questions},
            )
            for person in people
            if rng.random() < 0.4
        ),
        batch_size=builders.BATCH,
    )


def _training(org, parts: list[builders.Part], rng, today) -> None:
    """One person in eight completed a course or two after they first got involved."""
    first = {}
    for part in parts:
        first[part.participant] = min(first.get(part.participant, part.started_on), part.started_on)
    rows = []
    for participant, since in first.items():
        if rng.random() >= 0.125:
            continue
        for course in rng.sample(COURSES, rng.randint(1, 2)):
            day = since + datetime.timedelta(days=rng.randint(0, max(0, (today - since).days)))
            rows.append(
                TrainingRecord(
                    organisation=org, participant_id=participant, course=course, completed_on=day
                )
            )
    TrainingRecord.objects.bulk_create(rows, batch_size=builders.BATCH)


def _activity_measures(org, activities, rng, today) -> dict[int, list[int]]:
    """A third of the activities that have started chose one to four measures; staff record
    a value most quarters. {activity id: [ids of its self-reported activity measures]}."""
    measures = list(Measure.objects.filter(organisation=org).exclude(source="computed"))
    uses = []
    for activity in activities:
        if activity.starts_on > today or rng.random() >= 0.35:
            continue
        for measure in rng.sample(measures, rng.randint(1, 4)):
            baseline = target = None
            if measure.needs_baseline():
                scale = measure.kind == Measure.Kind.SCALE
                baseline = rng.randint(1, 3) if scale else rng.randint(10, 50)
                target = baseline + (1 if scale else rng.randint(5, 30))
            uses.append(
                ActivityMeasure(
                    organisation=org,
                    activity=activity,
                    measure=measure,
                    baseline=baseline,
                    target=target,
                    how_measured="At each quarterly review.",
                )
            )
    uses = ActivityMeasure.objects.bulk_create(uses, batch_size=builders.BATCH)
    values, self_reported = [], {}
    for use in uses:
        if use.measure.is_self_reported():
            self_reported.setdefault(use.activity_id, []).append(use.pk)
            continue
        period = quarter_of(use.activity.starts_on, org.year_start_month)
        while period.start <= builders.ran_until(use.activity, today):
            if rng.random() < 0.8:
                values.append(_value(org, use, period, rng))
            period = period.next()
    MeasureValue.objects.bulk_create(values, batch_size=builders.BATCH)
    return self_reported


def _value(org, use, period, rng) -> MeasureValue:
    value = MeasureValue(
        organisation=org,
        activity_measure=use,
        period_start=period.start,
        period_end=period.end,
        evidence="From the quarterly review notes.",
    )
    kind = use.measure.kind
    if kind == Measure.Kind.COUNT:
        value.number = rng.randint(0, 60)
    elif kind == Measure.Kind.PERCENTAGE:
        value.number = rng.randint(20, 95)
    elif kind == Measure.Kind.SCALE:
        value.number = round(rng.uniform(1, 5), 1)
    elif kind == Measure.Kind.YES_NO:
        value.answer = rng.random() < 0.7
    else:
        value.narrative = "People said the meetings felt more open than before."
    return value


def _feedback(org, size, parts: list[builders.Part], sessions, self_reported, rng) -> None:
    """`size.answers` submitted answers; people answering about an activity with measures
    they report themselves mostly gave their before-and-after scores."""

    def answer(sent, _part, now) -> dict:
        return builders.answer(sent, rng, now, ratings=RATINGS, say=lambda: rng.choice(SAYS))

    def self_reports(responses) -> None:
        SelfReport.objects.bulk_create(
            _self_report(org, response, use, rng)
            for response in responses
            if response.status == FeedbackResponse.Status.SUBMITTED
            for use in self_reported.get(response.activity_id, [])
            if rng.random() < 0.6
        )

    builders.feedback(
        org,
        answers=size.answers,
        parts=parts,
        sessions=sessions,
        rng=rng,
        answer=answer,
        then=self_reports,
    )


def _self_report(org, response, use: int, rng) -> SelfReport:
    if rng.random() < 0.05:
        before = after = None
    else:
        before = rng.randint(1, 4)
        after = max(1, min(5, before + rng.choice([-1, 0, 1, 1, 2])))
    return SelfReport(
        organisation=org, activity_measure_id=use, response=response, before=before, after=after
    )


def _data_sizes(org) -> list[tuple[str, int, str]]:
    involvements = Involvement.objects.filter(organisation=org)
    answers = FeedbackResponse.objects.filter(
        organisation=org, status=FeedbackResponse.Status.SUBMITTED
    )
    return [
        ("activities", org.activities.count(), "activities"),
        ("people_involved", involvements.values("participant").distinct().count(), "people"),
        ("involvements", involvements.count(), "involvements"),
        ("sessions", Session.objects.filter(organisation=org).count(), "sessions"),
        ("feedback_answers", answers.count(), "answers"),
        ("about_you", AboutYou.objects.filter(organisation=org).count(), "people"),
        ("training_records", TrainingRecord.objects.filter(organisation=org).count(), "records"),
        ("measure_values", MeasureValue.objects.filter(organisation=org).count(), "values"),
        ("self_reports", SelfReport.objects.filter(organisation=org).count(), "reports"),
    ]


def _query_count(visitor) -> int:
    """Queries of a visit that works the figures out (none cached)."""
    return harness.query_count(
        partial(visitor.get, URL), before=partial(new_version, visitor.organisation.pk)
    )


if __name__ == "__main__":
    sys.exit(main())
