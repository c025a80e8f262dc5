"""Server time and query count of the organisation's quality overview for a large organisation.

Run from the repository root: `.venv/bin/python bench/quality_overview.py [--quick]`. It uses
SQLite, or DATABASE_URL when set; give the full size its own PostgreSQL database, e.g.
postgres://postgres@127.0.0.1:5432/involvement_bench_quality (`createdb`, then `migrate`).

Issue 5's organisation: 2,000 activities (from `seed_scale`, with its agreements: most agreed
with an influence level, drafts part-way), monthly sessions whose papers went out early, late
or not at all, 50,000 people involved (invited or volunteered) and 200,000 submitted feedback
answers, as in issue 4's bench: the overview pools every answer. Each activity has a character
that runs through its answers and staff's judgements, so activities end up with every grade;
in about one in ten, people say they had far less say than agreed (possible tokenism), and a
few drafts held a session before anything was agreed. Staff have judged most of the markers
they judge on most activities; the organisation added a marker of its own and retired one of
Table 2's, whose assessments are kept. People raised 20,000 contributions ("you said, we
did") over the last year, at every step from open (some overdue) to rated. Rows are written
with bulk_create, in one transaction; a later run within a week reuses the organisation
(`--rebuild` builds it again). Building it prints its time.

The overview is fetched with Django's test client by a signed-in staff member, DEBUG off,
twice over: with its figures in the cache (the usual visit), and with them worked out again
before every request (the first visit after a write: a new version is what any saved row
does). The cache is the configured one: per process unless REDIS_URL is set. Prints one
`name: value unit` line per figure. Exits 1 when the page's query count, either way, on the
big organisation differs from its count on a small one: one that grows with data is a bug
(an N+1). The time is reported (the issue's target is a p95 under 300 ms), never enforced.
"""

import datetime
import io
import random
import sys
from dataclasses import dataclass
from functools import partial

import harness

# isort: split
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import DateField, ExpressionWrapper
from django.db.models.functions import TruncDate
from django.test.utils import override_settings
from django.utils import timezone

from activities.models import (
    Activity,
    Agreement,
    InfluenceLevel,
    Involvement,
    Participant,
    Session,
)
from involvement.models import Membership, Organisation, Role
from quality import selectors, services
from quality.judging import NOTICE_DAYS
from quality.models import (
    Assessment,
    Contribution,
    FeedbackRequest,
    FeedbackResponse,
    MarkerAssessment,
    QualityMarker,
    Rating,
    Stage,
)
from quality.questions import RATING_KEYS
from quality.rating import Grade
from quality.selectors.cached import FIGURES

URL = "/quality/"
BATCH = 5000
REUSE_DAYS = 7
# Answers off the ladder: not sure, rather not say, or left blank.
OFF_LADDER = {"dont_know": 8, "prefer_not": 4, "": 5}
OWN_MARKER = "People who leave are asked why"
RETIRED_MARKER = "good-practice-guidelines-are-used"


@dataclass(frozen=True)
class Size:
    activities: int
    people: int
    answers: int
    contributions: int

    @property
    def slug(self) -> str:
        sizes = [self.activities, self.people, self.answers, self.contributions]
        return "bench-quality-" + "-".join(map(str, sizes))


FULL = Size(activities=2000, people=50_000, answers=200_000, contributions=20_000)
QUICK = Size(activities=100, people=2000, answers=6000, contributions=1000)
# Compared with the full size for the query count: big enough to have a flagged activity, a
# draft with a session held and contributions overdue, as the big one has.
SMALL = Size(activities=30, people=300, answers=900, contributions=300)
# Of the contributions: how many people give their name, how many are never responded to,
# how many responses to named people are never told, and how many told say if they are happy.
NAMED, NEVER_RESPONDED, NEVER_TOLD, RATED = 0.7, 0.08, 0.15, 0.6


def main() -> int:
    options = _options()
    harness.begin()
    harness.say("cache", settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1], "")
    small = _visitor(SMALL, rebuild=options.rebuild)
    full = _visitor(options.size, rebuild=options.rebuild)
    for name, value, unit in _data_sizes(full.organisation):
        harness.say(f"quality_overview_{name}", value, unit)
    with override_settings(DEBUG=False, ALLOWED_HOSTS=["testserver"]):
        _time_page(
            full,
            options.requests,
            "quality_overview",
            cold=False,
            issue_name="quality overview cached",
        )
        _time_page(
            full,
            options.requests,
            "quality_overview_after_write",
            cold=True,
            issue_name="quality overview worked out",
        )
        counts = {
            (size, cold): _query_count(visitor, cold=cold)
            for size, visitor in (("small", small), ("full", full))
            for cold in (False, True)
        }
    for cold, name in (
        (False, "quality_overview_queries"),
        (True, "quality_overview_after_write_queries"),
    ):
        harness.say(f"{name}_small", counts["small", cold], "queries")
        harness.say(name, counts["full", cold], "queries")
    grows = any(counts["small", cold] != counts["full", cold] for cold in (False, True))
    return 1 if grows else 0


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
        name=f"quality_overview_build_{size.activities}",
        # Rows are dated from the day they were made: after a week sessions "to come" have
        # been held without papers or answers, so they are made again.
        reuse_days=REUSE_DAYS,
    )
    return harness.Visitor(organisation)


def _remove(org: Organisation) -> None:
    """Delete a generated organisation. Requests go first: Organisation.delete() alone would
    empty the session of a session's request (SET_NULL), giving the person two requests for
    the whole activity."""
    with transaction.atomic():
        FeedbackRequest.objects.filter(organisation=org).delete()
        org.delete()


def _build(size: Size) -> None:
    """Every row the overview reads, for one new organisation, seeded by its size."""
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
    activities = list(org.activities.select_related("agreement__influence_level").order_by("pk"))
    # How well each activity goes (0.3 to 0.95): it shapes its answers and staff's judgements.
    character = {activity.pk: rng.uniform(0.3, 0.95) for activity in activities}
    sessions = _sessions(org, activities, rng, today)
    people = Participant.objects.bulk_create(
        (Participant(organisation=org, name=f"Person {n:06d}") for n in range(size.people)),
        batch_size=BATCH,
    )
    parts = _involvements(org, activities, people, rng, today)
    _feedback(org, size, activities, parts, sessions, character, rng)
    _assessments(org, activities, character, rng)
    _contributions(org, size, activities, parts, rng, today)


def _tidy(compact: bool) -> None:
    """Fresh statistics for the planner, as autovacuum would soon give a real database (it
    may be off, or not yet run): just after a bulk load it would plan for empty tables. On
    PostgreSQL, after an organisation was removed, the tables are also rewritten without its
    rows, so the new rows are not measured spread over twice the pages."""
    command = "ANALYZE"
    if connection.vendor == "postgresql":
        command = "VACUUM (FULL, ANALYZE)" if compact else "VACUUM (ANALYZE)"
    models = [Activity, Agreement, Session, Participant, Involvement, FeedbackRequest]
    models += [FeedbackResponse, QualityMarker, MarkerAssessment, Contribution]
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"{command} {connection.ops.quote_name(model._meta.db_table)}")


def _ran_until(activity, today) -> datetime.date:
    return min(activity.ends_on or today, today)


def _sessions(org, activities, rng, today) -> dict[int, list[tuple[int, datetime.date]]]:
    """Monthly sessions while an activity runs (up to a year), one or two still to come.
    Papers for most held sessions went a week or more before, for some only days before, for
    a few not at all. One draft in thirty (the first among them) met once before anything was
    agreed.
    {activity id: [(session id, day)]} of the ones held."""
    zone = timezone.get_current_timezone()
    rows, drafts = [], 0
    for activity in activities:
        days = []
        if activity.starts_on <= today:
            last = min(activity.ends_on or today + datetime.timedelta(days=60), today)
            day = activity.starts_on + datetime.timedelta(days=rng.randint(0, 14))
            while day <= last + datetime.timedelta(days=40) and len(days) < 12:
                days.append(day)
                day += datetime.timedelta(days=28)
        elif activity.status == Activity.Status.DRAFT:
            if drafts % 30 == 0:
                days.append(today - datetime.timedelta(days=rng.randint(7, 60)))
            drafts += 1
        # Some teams always send papers early, others often leave them late.
        early = rng.choice([0.95, 0.8, 0.6])
        for day in days:
            papers = None
            if day <= today:
                chance = rng.random()
                if chance < early:
                    papers = day - datetime.timedelta(days=rng.randint(7, 21))
                elif chance < 0.97:
                    papers = day - datetime.timedelta(days=rng.randint(0, 6))
            rows.append(
                Session(
                    organisation=org,
                    activity=activity,
                    starts_at=datetime.datetime.combine(day, datetime.time(10), tzinfo=zone),
                    place="Community centre",
                    venue_accessible=rng.random() < 0.8,
                    papers_sent_on=papers,
                )
            )
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
    """Each person in one to four activities that have started, most in one or two, invited
    or volunteered (each activity recruits its own way); some leave before the end."""
    started = [a for a in activities if a.starts_on <= today]
    invited = {a.pk: rng.choice([0.2, 0.55, 0.9]) for a in started}
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
            came_in = Involvement.CameIn.INVITED
            if rng.random() >= invited[activity.pk]:
                came_in = Involvement.CameIn.VOLUNTEERED
            rows.append(
                Involvement(
                    organisation=org,
                    participant_id=person.pk,
                    activity_id=activity.pk,
                    came_in=came_in,
                    started_on=started_on,
                    ended_on=ended_on,
                )
            )
    rows.sort(key=lambda row: row.started_on)
    Involvement.objects.bulk_create(rows, batch_size=BATCH)
    return [Part(r.participant_id, r.activity_id, r.started_on, r.ended_on) for r in rows]


def _feedback(org, size, activities, parts: list[Part], sessions, character, rng) -> None:
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
    # Nine in ten requests are answered, some of the rest are drafts.
    wanted = min(len(asks), size.answers * 10 // 9)
    if wanted < size.answers:
        raise SystemExit(f"only {len(asks)} requests possible for {size.answers} answers")
    now = timezone.now()
    asks = sorted(
        ((_sent_at(part, day, rng, now), part, session) for part, session, day in asks[:wanted]),
        key=lambda ask: ask[0],
    )
    submitted = set(rng.sample(range(wanted), size.answers))
    says = _say_weights(activities, rng)
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
                good = character[part.activity]
                answers.append((offset, _answer(sent, good, says[part.activity], rng, now)))
            elif rng.random() < 0.3:
                answers.append((offset, {"status": FeedbackResponse.Status.DRAFT}))
        requests = FeedbackRequest.objects.bulk_create(requests)
        FeedbackResponse.objects.bulk_create(
            FeedbackResponse(
                organisation=org,
                activity_id=requests[offset].activity_id,
                request=requests[offset],
                **fields,
            )
            for offset, fields in answers
        )


def _say_weights(activities, rng) -> dict[int, dict[str, float]]:
    """How much say people feel they had, per activity: mostly near the level agreed, but in
    one activity in ten that could be (agreed at least two steps up) most say two or more
    steps below it."""
    ladder = [level.key for level in InfluenceLevel.objects.order_by("position")]
    weights, could_be_token = {}, 0
    for activity in activities:
        agreed = getattr(activity.agreement, "influence_level", None)
        at = ladder.index(agreed.key) if agreed else None
        if at is None:
            on_ladder = dict.fromkeys(ladder, 10)
        elif at >= 2 and could_be_token % 10 == 0:
            could_be_token += 1
            on_ladder = {key: 30 if n <= at - 2 else 5 for n, key in enumerate(ladder)}
        else:
            could_be_token += at >= 2
            on_ladder = {key: max(0, 30 - 12 * abs(n - at)) + 1 for n, key in enumerate(ladder)}
        weights[activity.pk] = on_ladder | OFF_LADDER
    return weights


def _sent_at(part: Part, day, rng, now) -> datetime.datetime:
    """A session's request goes out after it; an activity's any time while someone is in it."""
    if day is None:
        days = (min(part.ended_on or now.date(), now.date()) - part.started_on).days
        day = part.started_on + datetime.timedelta(days=rng.randint(0, max(0, days)))
    moment = datetime.datetime.combine(day, datetime.time(17), tzinfo=now.tzinfo)
    return min(moment, now - datetime.timedelta(days=1))


def _answer(sent: datetime.datetime, good: float, says: dict, rng, now) -> dict:
    submitted_at = min(sent + datetime.timedelta(hours=rng.randint(1, 24 * 14)), now)
    ratings = {
        Rating.YES: 100 * good,
        Rating.PARTLY: 60 * (1 - good),
        Rating.NO: 40 * (1 - good),
        Rating.DONT_KNOW: 8,
        Rating.PREFER_NOT: 4,
        "": 6,
    }
    choices, weights = list(ratings), list(ratings.values())
    return {
        "status": FeedbackResponse.Status.SUBMITTED,
        "method": rng.choices(FeedbackResponse.Method.values, weights=[8, 1, 1])[0],
        "submitted_at": submitted_at,
        "anonymous": rng.random() < 0.3,
        "say": rng.choices(list(says), weights=list(says.values()))[0],
        "what_was_good": "Being listened to." if rng.random() < 0.3 else "",
        **{key: rng.choices(choices, weights=weights)[0] for key in RATING_KEYS},
    }


def _assessments(org, activities, character, rng) -> None:
    """Staff have judged most of the markers they judge on four activities in five; then the
    organisation added a marker of its own and retired one of Table 2's (its assessments are
    kept, as retiring keeps them)."""
    services.marker_create(
        organisation=org,
        data={"stage": Stage.FOLLOW_UP, "text": OWN_MARKER, "standards": ["impact"]},
    )
    markers = list(
        selectors.markers_of(org).filter(judged_by="", actor=QualityMarker.Actor.ORGANISATION)
    )
    staff = [m.user_id for m in Membership.objects.filter(organisation=org, role=Role.STAFF)]
    rows = []
    for activity in activities:
        if rng.random() >= 0.8:
            continue
        good = character[activity.pk]
        statuses = {
            Assessment.MET: good,
            Assessment.PARTLY: 0.6 * (1 - good),
            Assessment.NOT_MET: 0.4 * (1 - good),
            Assessment.NOT_APPLICABLE: 0.05,
        }
        for marker in rng.sample(markers, rng.randint(len(markers) // 2, len(markers))):
            rows.append(
                MarkerAssessment(
                    organisation=org,
                    activity=activity,
                    marker=marker,
                    status=rng.choices(list(statuses), weights=list(statuses.values()))[0],
                    evidence="Seen in the meeting notes." if rng.random() < 0.5 else "",
                    assessed_by_id=rng.choice(staff),
                )
            )
    MarkerAssessment.objects.bulk_create(rows, batch_size=BATCH)
    retired = QualityMarker.objects.get(organisation=org, catalogue_key=RETIRED_MARKER)
    services.marker_retire(marker=retired)


SAID = [
    "Start the meetings later, after the school run.",
    "Send the papers in large print.",
    "Pay travel on the day, not weeks later.",
    "Hold some meetings online.",
    "A quiet room for breaks.",
    "Tell us what happened to last year's ideas.",
]
DECIDED = {
    Contribution.Decision.ACCEPTED: 45,
    Contribution.Decision.PARTLY: 20,
    Contribution.Decision.NOT_ADOPTED: 20,
    Contribution.Decision.NOT_OURS: 15,
}
HAPPY = {
    Contribution.Satisfaction.YES: 50,
    Contribution.Satisfaction.PARTLY: 20,
    Contribution.Satisfaction.NO: 15,
    Contribution.Satisfaction.PREFER_NOT: 15,
}


def _contributions(org, size, activities, parts: list[Part], rng, today) -> None:
    """`size.contributions` things people asked for over the last year, in activities that
    ran then: seven in ten by someone involved in the activity at the time, the rest
    unnamed. Most were responded to within a few weeks (the rest are open, overdue once the
    30 days are up); named people were mostly told soon after, and many of them said whether
    they are happy."""
    year_ago = today - datetime.timedelta(days=365)
    ran = {}
    for activity in activities:
        first, last = max(activity.starts_on, year_ago), _ran_until(activity, today)
        if first <= last:
            ran[activity.pk] = (first, last)
    people = {}
    for part in parts:
        if part.activity not in ran:
            continue
        first = max(part.started_on, ran[part.activity][0])
        last = min(part.ended_on or today, today)
        if first <= last:
            people.setdefault(part.activity, []).append((part.participant, first, last))
    staff = [m.user_id for m in Membership.objects.filter(organisation=org, role=Role.STAFF)]
    zone = timezone.get_current_timezone()
    now = timezone.now()

    def moment(day) -> datetime.datetime:
        at = datetime.datetime.combine(day, datetime.time(rng.randint(9, 17)), tzinfo=zone)
        return min(at, now)

    chosen = rng.choices(sorted(ran), k=size.contributions)
    rows = []
    for activity_id in chosen:
        participant, (first, last) = None, ran[activity_id]
        if activity_id in people and rng.random() < NAMED:
            participant, first, last = rng.choice(people[activity_id])
        raised_on = first + datetime.timedelta(days=rng.randint(0, (last - first).days))
        row = Contribution(
            organisation=org,
            activity_id=activity_id,
            participant_id=participant,
            raised_on=raised_on,
            text=rng.choice(SAID),
            source=rng.choices([Contribution.Source.MEETING, Contribution.Source.OTHER], [7, 3])[0],
            created_by_id=rng.choice(staff),
        )
        rows.append(row)
        # Days to a response: mostly within the month, some later, a few never.
        responded_on = raised_on + datetime.timedelta(days=int(rng.expovariate(1 / 12)))
        if rng.random() < NEVER_RESPONDED or responded_on > today:
            continue
        _respond(row, rng.choices(list(DECIDED), list(DECIDED.values()))[0])
        row.responded_at, row.responded_by_id = moment(responded_on), rng.choice(staff)
        told_on = responded_on + datetime.timedelta(days=rng.randint(0, 21))
        if participant is None or rng.random() < NEVER_TOLD or told_on > today:
            continue
        row.status = Contribution.Status.TOLD
        row.told_at = max(moment(told_on), row.responded_at)
        row.told_how = rng.choices(Contribution.ToldHow.values, [6, 2, 2])[0]
        row.told_by_id = row.responded_by_id
        rated_on = told_on + datetime.timedelta(days=rng.randint(1, 14))
        if rng.random() < RATED and rated_on <= today:
            row.status, row.rated_at = Contribution.Status.RATED, moment(rated_on)
            row.satisfied = rng.choices(list(HAPPY), list(HAPPY.values()))[0]
    Contribution.objects.bulk_create(rows, batch_size=BATCH)


def _respond(row: Contribution, decision: str) -> None:
    """The words a response of this kind must have (`Contribution.check_response`)."""
    row.status, row.decision = Contribution.Status.RESPONDED, decision
    if decision in (Contribution.Decision.ACCEPTED, Contribution.Decision.PARTLY):
        row.what_changed = "We changed it from the next meeting."
    if decision in (Contribution.Decision.NOT_ADOPTED, Contribution.Decision.PARTLY):
        row.reason = "The budget for this year is already spent."
    if decision == Contribution.Decision.NOT_OURS:
        row.who_decides = "The council's transport team"
    row.check_response(
        decision=decision,
        what_changed=row.what_changed,
        reason=row.reason,
        who_decides=row.who_decides,
    )


def _data_sizes(org) -> list[tuple[str, int, str]]:
    today = timezone.localdate()
    involvements = Involvement.objects.filter(organisation=org)
    sessions = Session.objects.filter(organisation=org, starts_at__date__lte=today)
    answers = FeedbackResponse.objects.filter(
        organisation=org, status=FeedbackResponse.Status.SUBMITTED
    )
    papers_by = ExpressionWrapper(
        TruncDate("starts_at") - datetime.timedelta(days=NOTICE_DAYS), output_field=DateField()
    )
    agreements = Agreement.objects.filter(organisation=org)
    activities = list(org.activities.select_related("agreement__influence_level"))
    flags = selectors.influence_flags(org, activities)
    by_grade = selectors.organisation_ratings(org, activities)["activities_by_grade"]
    grades = zip(Grade.values, [count for _label, count in by_grade], strict=True)
    contributions = Contribution.objects.filter(organisation=org)
    loop = selectors.loop_figures(org)
    return [
        ("activities", len(activities), "activities"),
        ("agreed", agreements.filter(state=Agreement.State.AGREED).count(), "agreements"),
        ("markers", selectors.markers_of(org).count(), "markers"),
        ("sessions_held", sessions.count(), "sessions"),
        (
            "sessions_papers_early",
            sessions.filter(papers_sent_on__lte=papers_by).count(),
            "sessions",
        ),
        ("involvements", involvements.count(), "involvements"),
        ("feedback_answers", answers.count(), "answers"),
        ("assessments", MarkerAssessment.objects.filter(organisation=org).count(), "assessments"),
        ("contributions", contributions.count(), "contributions"),
        ("contributions_named", loop["named"], "contributions"),
        *(
            (
                f"contributions_{status}",
                contributions.filter(status=status).count(),
                "contributions",
            )
            for status in Contribution.Status.values
        ),
        ("contributions_overdue", loop["overdue"], "contributions"),
        ("contributions_fix_rate", loop["fix_rate"], "%"),
        ("flagged_tokenism", len(flags["tokenism"]), "activities"),
        ("drafts_with_sessions", len(flags["drafts_with_sessions"]), "activities"),
        *((f"rated_{key}", n, "activities") for key, n in grades),
    ]


def _time_page(visitor, requests: int, name: str, *, cold: bool, issue_name: str) -> None:
    again = partial(FIGURES.new_version, visitor.organisation.pk) if cold else None
    samples = harness.timed(partial(visitor.get, URL), requests, before_each=again)
    harness.say(f"{name}_requests", requests, "requests")
    harness.say_times(name, samples)
    # The goal is written against this line: a p95 under 300 ms at full size.
    harness.say(f"{issue_name} p95", f"{harness.p95(samples):.0f}", "ms")


def _query_count(visitor, *, cold: bool) -> int:
    """Queries of a visit with the figures cached, or worked out again (`cold`)."""
    again = partial(FIGURES.new_version, visitor.organisation.pk) if cold else None
    return harness.query_count(partial(visitor.get, URL), before=again)


if __name__ == "__main__":
    sys.exit(main())
