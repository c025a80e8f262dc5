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
import io
import random
import sys
from dataclasses import dataclass
from functools import partial

import harness

# isort: split
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import override_settings
from django.utils import timezone

from activities.models import (
    AboutYou,
    Activity,
    Involvement,
    Participant,
    Session,
)
from activities.models.demographics import DEMOGRAPHIC_FIELDS
from involvement.models import Membership, Organisation, Role
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
from quality.questions import RATING_KEYS

URL = "/outcomes/"
BATCH = 5000
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
    options = _options()
    harness.begin()
    small = _visitor(SMALL, rebuild=options.rebuild)
    full = _visitor(options.size, rebuild=options.rebuild)
    for name, value, unit in _data_sizes(full.organisation):
        harness.say(f"outcomes_dashboard_{name}", value, unit)
    with override_settings(DEBUG=False, ALLOWED_HOSTS=["testserver"]):
        # Figures cached (the usual visit) and worked out again (the first visit after a
        # write: new_version is what a saved involvement or answer does).
        _time_page(
            full, options.requests, "outcomes_dashboard", cold=False, issue_name="dashboard cached"
        )
        _time_page(
            full,
            options.requests,
            "outcomes_dashboard_after_write",
            cold=True,
            issue_name="dashboard worked out",
        )
        at_small = _query_count(small)
        at_full = _query_count(full)
    harness.say("outcomes_dashboard_queries_small", at_small, "queries")
    harness.say("outcomes_dashboard_queries", at_full, "queries")
    return 1 if at_small != at_full else 0


def _options():
    parser = harness.parser(
        __doc__,
        "Small data, 5 requests.",
        requests=30,
        rebuild="Build the organisations again, not reuse them.",
    )
    options = parser.parse_args()
    options.size = QUICK if options.quick else FULL
    options.requests = options.requests or (5 if options.quick else 30)
    return options


def _visitor(size: Size, rebuild: bool) -> harness.Visitor:
    """A signed-in staff member of an organisation holding data of `size`, built or reused."""
    organisation = harness.organisation_built(
        size.slug,
        rebuild=rebuild,
        build=partial(_build, size),
        remove=_remove,
        tidy=_tidy,
        name=f"outcomes_dashboard_build_{size.activities}",
        # The rows are dated from the day they were made: after a week they begin to thin out
        # in the current quarter, so they are made again.
        reuse_days=REUSE_DAYS,
    )
    return harness.Visitor(organisation)


def _remove(org: Organisation) -> None:
    """Delete a generated organisation. Organisation.delete() alone cannot: a measure in use
    is protected, and emptying the session of a session's feedback request (SET_NULL) would
    give the person two requests for the whole activity."""
    with transaction.atomic():
        ActivityMeasure.objects.filter(organisation=org).delete()
        FeedbackRequest.objects.filter(organisation=org).delete()
        org.delete()


def _build(size: Size) -> None:
    """Every row the dashboard reads, for one new organisation, seeded by its size."""
    call_command(
        "seed_scale",
        organisation=size.slug,
        activities=size.activities,
        force=True,
        stdout=io.StringIO(),
    )
    org = Organisation.objects.get(slug=size.slug)
    rng = random.Random(size.slug)
    today = timezone.localdate()
    activities = list(org.activities.order_by("pk"))
    _staff_involved(org, activities, rng)
    sessions = _sessions(org, activities, rng, today)
    people = Participant.objects.bulk_create(
        (Participant(organisation=org, name=f"Person {n:06d}") for n in range(size.people)),
        batch_size=BATCH,
    )
    involvements = _involvements(org, activities, people, rng, today)
    _about_you(org, people, rng)
    _training(org, involvements, rng, today)
    self_reported = _activity_measures(org, activities, rng, today)
    _feedback(org, size, involvements, sessions, self_reported, rng)


def _tidy(compact: bool) -> None:
    """Fresh statistics for the planner, as autovacuum would soon give a real database (it
    may be off, or not yet run): just after a bulk load it would plan for empty tables. On
    PostgreSQL, after an organisation was removed, the tables are also rewritten without its
    rows, so the new rows are not measured spread over twice the pages."""
    command = "ANALYZE"
    if connection.vendor == "postgresql":
        command = "VACUUM (FULL, ANALYZE)" if compact else "VACUUM (ANALYZE)"
    models = [Activity, Session, Participant, Involvement, AboutYou, FeedbackRequest]
    models += [FeedbackResponse, ActivityMeasure, MeasureValue, SelfReport, TrainingRecord]
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"{command} {connection.ops.quote_name(model._meta.db_table)}")


def _staff_involved(org, activities, rng) -> None:
    staff = [m.user_id for m in Membership.objects.filter(organisation=org, role=Role.STAFF)]
    Through = Activity.staff_involved.through
    Through.objects.bulk_create(
        Through(activity_id=activity.pk, user_id=user)
        for activity in activities
        for user in rng.sample(staff, rng.randint(1, 3))
    )


def _ran_until(activity, today) -> datetime.date:
    return min(activity.ends_on or today, today)


def _sessions(org, activities, rng, today) -> dict[int, list[tuple[int, datetime.date]]]:
    """Monthly sessions while an activity runs (up to a year), one or two still to come;
    {activity id: [(session id, day)]} of the ones held."""
    zone = timezone.get_current_timezone()
    rows = []
    for activity in activities:
        if activity.starts_on > today:
            continue
        last = min(activity.ends_on or today + datetime.timedelta(days=60), today)
        last += datetime.timedelta(days=40)
        day = activity.starts_on + datetime.timedelta(days=rng.randint(0, 14))
        for _month in range(12):
            if day > last:
                break
            rows.append(
                Session(
                    organisation=org,
                    activity=activity,
                    starts_at=datetime.datetime.combine(day, datetime.time(10), tzinfo=zone),
                    place="Community centre",
                    venue_accessible=rng.random() < 0.8,
                )
            )
            day += datetime.timedelta(days=28)
    held = {}
    for session in Session.objects.bulk_create(rows, batch_size=BATCH):
        day = session.starts_at.date()
        if day <= today:
            held.setdefault(session.activity_id, []).append((session.pk, day))
    return held


@dataclass(frozen=True)
class Part:
    """What later rows need of one involvement, without keeping the model object."""

    participant: int
    activity: int
    started_on: datetime.date
    ended_on: datetime.date | None


def _involvements(org, activities, people, rng, today) -> list[Part]:
    """Each person in one to four activities that have started, most in one or two; some
    leave before the activity ends."""
    started = [a for a in activities if a.starts_on <= today]
    roles, role_weights = list(ROLES), list(ROLES.values())
    rows = []
    for person in people:
        count = rng.choices([1, 2, 3, 4], weights=[45, 30, 15, 10])[0]
        for activity in rng.sample(started, min(count, len(started))):
            joined = activity.starts_on + datetime.timedelta(days=rng.randint(0, 60))
            started_on = min(joined, _ran_until(activity, today))
            ended_on = None
            if activity.ends_on and activity.ends_on <= today:
                ended_on = activity.ends_on
            elif rng.random() < 0.15:
                ended_on = min(started_on + datetime.timedelta(days=rng.randint(30, 300)), today)
            rows.append(
                Involvement(
                    organisation=org,
                    participant_id=person.pk,
                    activity_id=activity.pk,
                    role=rng.choices(roles, weights=role_weights)[0],
                    came_in=rng.choices(Involvement.CameIn.values, weights=[55, 45])[0],
                    started_on=started_on,
                    ended_on=ended_on,
                )
            )
    rows.sort(key=lambda row: row.started_on)
    Involvement.objects.bulk_create(rows, batch_size=BATCH)
    return [Part(r.participant_id, r.activity_id, r.started_on, r.ended_on) for r in rows]


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
        batch_size=BATCH,
    )


def _training(org, parts: list[Part], rng, today) -> None:
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
    TrainingRecord.objects.bulk_create(rows, batch_size=BATCH)


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
    uses = ActivityMeasure.objects.bulk_create(uses, batch_size=BATCH)
    values, self_reported = [], {}
    for use in uses:
        if use.measure.is_self_reported():
            self_reported.setdefault(use.activity_id, []).append(use.pk)
            continue
        period = quarter_of(use.activity.starts_on, org.year_start_month)
        while period.start <= _ran_until(use.activity, today):
            if rng.random() < 0.8:
                values.append(_value(org, use, period, rng))
            period = period.next()
    MeasureValue.objects.bulk_create(values, batch_size=BATCH)
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


def _feedback(org, size, parts: list[Part], sessions, self_reported, rng) -> None:
    """`size.answers` submitted answers, asked about an activity as a whole or one of its
    sessions; a few more requests are unanswered or still drafts."""
    asks = []
    for part in parts:
        asks.append((part, None, None))
        end = part.ended_on or datetime.date.max
        for session, day in sessions.get(part.activity, []):
            if part.started_on <= day <= end:
                asks.append((part, session, day))
    rng.shuffle(asks)
    # Nine in ten requests are answered, one in thirty is a draft, the rest unanswered.
    wanted = min(len(asks), size.answers * 10 // 9)
    if wanted < size.answers:
        raise SystemExit(f"only {len(asks)} requests possible for {size.answers} answers")
    now = timezone.now()
    asks = sorted(
        ((_sent_at(part, day, rng, now), part, session) for part, session, day in asks[:wanted]),
        key=lambda ask: ask[0],
    )
    submitted = set(rng.sample(range(wanted), size.answers))
    admin = Membership.objects.get(organisation=org, role=Role.ADMIN).user_id
    for start in range(0, wanted, BATCH):
        chunk = asks[start : start + BATCH]
        requests, answers = [], []
        for offset, (sent, part, session) in enumerate(chunk):
            requests.append(
                FeedbackRequest(
                    organisation=org,
                    activity_id=part.activity,
                    participant_id=part.participant,
                    session_id=session,
                    channel=rng.choice(FeedbackRequest.Channel.values),
                    created_by_id=admin,
                    sent_at=sent,
                )
            )
            if start + offset in submitted:
                answers.append((offset, _answer(sent, rng, now)))
            elif rng.random() < 0.3:
                answers.append((offset, {"status": FeedbackResponse.Status.DRAFT}))
        requests = FeedbackRequest.objects.bulk_create(requests)
        responses = FeedbackResponse.objects.bulk_create(
            FeedbackResponse(
                organisation=org,
                activity_id=requests[offset].activity_id,
                request=requests[offset],
                **fields,
            )
            for offset, fields in answers
        )
        SelfReport.objects.bulk_create(
            _self_report(org, response, use, rng)
            for response in responses
            if response.status == FeedbackResponse.Status.SUBMITTED
            for use in self_reported.get(response.activity_id, [])
            if rng.random() < 0.6
        )


def _sent_at(part: Part, day, rng, now) -> datetime.datetime:
    """A session's request goes out after it; an activity's any time while someone is in it."""
    if day is None:
        days = (min(part.ended_on or now.date(), now.date()) - part.started_on).days
        day = part.started_on + datetime.timedelta(days=rng.randint(0, days))
    moment = datetime.datetime.combine(day, datetime.time(17), tzinfo=now.tzinfo)
    return min(moment, now - datetime.timedelta(days=1))


def _answer(sent: datetime.datetime, rng, now) -> dict:
    submitted_at = min(sent + datetime.timedelta(hours=rng.randint(1, 24 * 14)), now)
    ratings, weights = list(RATINGS), list(RATINGS.values())
    return {
        "status": FeedbackResponse.Status.SUBMITTED,
        "method": rng.choices(FeedbackResponse.Method.values, weights=[8, 1, 1])[0],
        "submitted_at": submitted_at,
        "anonymous": rng.random() < 0.3,
        "say": rng.choice(SAYS),
        "what_was_good": "Being listened to." if rng.random() < 0.3 else "",
        **{key: rng.choices(ratings, weights=weights)[0] for key in RATING_KEYS},
    }


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


def _time_page(visitor, requests: int, name: str, *, cold: bool, issue_name: str) -> None:
    again = partial(new_version, visitor.organisation.pk) if cold else None
    samples = harness.timed(partial(visitor.get, URL), requests, before_each=again)
    harness.say(f"{name}_requests", requests, "requests")
    harness.say_times(name, samples)
    # The goal is written against this line: a p95 under 300 ms at full size.
    harness.say(f"{issue_name} p95", f"{harness.p95(samples):.0f}", "ms")


def _query_count(visitor) -> int:
    """Queries of a visit that works the figures out (none cached)."""
    return harness.query_count(
        partial(visitor.get, URL), before=partial(new_version, visitor.organisation.pk)
    )


if __name__ == "__main__":
    sys.exit(main())
