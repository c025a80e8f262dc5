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
import random
import sys
from dataclasses import dataclass
from functools import partial

import harness

# isort: split
import builders
from django.conf import settings
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
from quality.rating import Grade
from quality.selectors.cached import FIGURES

URL = "/quality/"
REUSE_DAYS = 7
# Answers off the ladder: not sure, rather not say, or left blank.
OFF_LADDER = {"dont_know": 8, "prefer_not": 4, "": 5}
OWN_MARKER = "People who leave are asked why"
RETIRED_MARKER = "good-practice-guidelines-are-used"
# Analysed after a build: every table the overview reads.
TABLES = [Activity, Agreement, Session, Participant, Involvement, FeedbackRequest]
TABLES += [FeedbackResponse, QualityMarker, MarkerAssessment, Contribution]


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
    options = harness.sized_options(__doc__, quick=QUICK, full=FULL)
    harness.begin()
    harness.say("cache", settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1], "")
    small = _visitor(SMALL, rebuild=options.rebuild)
    full = _visitor(options.size, rebuild=options.rebuild)
    for name, value, unit in _data_sizes(full.organisation):
        harness.say(f"quality_overview_{name}", value, unit)
    with override_settings(DEBUG=False, ALLOWED_HOSTS=["testserver"]):
        harness.time_page(
            full, URL, options.requests, "quality_overview", issue_name="quality overview cached"
        )
        harness.time_page(
            full,
            URL,
            options.requests,
            "quality_overview_after_write",
            issue_name="quality overview worked out",
            again=partial(FIGURES.new_version, full.organisation.pk),
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


def _visitor(size: Size, rebuild: bool) -> harness.Visitor:
    """A signed-in staff member of an organisation holding data of `size`, built or reused."""
    organisation = harness.organisation_built(
        size.slug,
        rebuild=rebuild,
        build=partial(_build, size),
        # Requests go before their sessions are emptied (see harness.remove).
        remove_first=[FeedbackRequest],
        tables=TABLES,
        name=f"quality_overview_build_{size.activities}",
        # Rows are dated from the day they were made: after a week sessions "to come" have
        # been held without papers or answers, so they are made again.
        reuse_days=REUSE_DAYS,
    )
    return harness.Visitor(organisation)


def _build(size: Size) -> None:
    """Every row the overview reads, for one new organisation, seeded by its size."""
    org = builders.seeded(size.slug, size.activities)
    rng = random.Random(size.slug)
    today = timezone.localdate()
    activities = list(org.activities.select_related("agreement__influence_level").order_by("pk"))
    # How well each activity goes (0.3 to 0.95): it shapes its answers and staff's judgements.
    character = {activity.pk: rng.uniform(0.3, 0.95) for activity in activities}
    sessions = _sessions(org, activities, rng, today)
    people = builders.people(org, size.people)
    parts = _involvements(org, activities, people, rng, today)
    _feedback(org, size, activities, parts, sessions, character, rng)
    _assessments(org, activities, character, rng)
    _contributions(org, size, activities, parts, rng, today)


def _sessions(org, activities, rng, today) -> dict[int, list[tuple[int, datetime.date]]]:
    """Monthly sessions of the activities that have started. Papers for most held sessions
    went a week or more before, for some only days before, for a few not at all. One draft
    in thirty (the first among them) met once before anything was agreed.
    {activity id: [(session id, day)]} of the ones held."""
    rows, drafts = [], 0
    for activity in activities:
        days = []
        if activity.starts_on <= today:
            days = builders.session_days(activity, rng, today)
        elif activity.status == Activity.Status.DRAFT:
            if drafts % 30 == 0:
                days.append(today - datetime.timedelta(days=rng.randint(7, 60)))
            drafts += 1
        # Some teams always send papers early, others often leave them late.
        early = rng.choice([0.95, 0.8, 0.6])
        for day in days:
            papers = _papers_sent(day, early, rng, today)
            rows.append(builders.session(org, activity, day, rng, papers_sent_on=papers))
    return builders.sessions_held(rows, today)


def _papers_sent(day, early: float, rng, today) -> datetime.date | None:
    if day > today:
        return None
    chance = rng.random()
    if chance < early:
        return day - datetime.timedelta(days=rng.randint(7, 21))
    if chance < 0.97:
        return day - datetime.timedelta(days=rng.randint(0, 6))
    return None


def _involvements(org, activities, people, rng, today) -> list[builders.Part]:
    """People invited or volunteered (each activity recruits its own way)."""
    started = builders.started(activities, today)
    invited = {a.pk: rng.choice([0.2, 0.55, 0.9]) for a in started}

    def way_in(activity) -> dict:
        if rng.random() >= invited[activity.pk]:
            return {"came_in": Involvement.CameIn.VOLUNTEERED}
        return {"came_in": Involvement.CameIn.INVITED}

    return builders.involvements(org, started, people, rng, today, fields=way_in)


def _feedback(org, size, activities, parts, sessions, character, rng) -> None:
    """`size.answers` submitted answers, rated as well as the activity goes, with as much
    say as its people feel they had."""
    says = _say_weights(activities)

    def answer(sent, part, now) -> dict:
        return _answer(sent, character[part.activity], says[part.activity], rng, now)

    builders.feedback(
        org, answers=size.answers, parts=parts, sessions=sessions, rng=rng, answer=answer
    )


def _say_weights(activities) -> dict[int, dict[str, float]]:
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


def _answer(sent: datetime.datetime, good: float, says: dict, rng, now) -> dict:
    ratings = {
        Rating.YES: 100 * good,
        Rating.PARTLY: 60 * (1 - good),
        Rating.NO: 40 * (1 - good),
        Rating.DONT_KNOW: 8,
        Rating.PREFER_NOT: 4,
        "": 6,
    }

    def say() -> str:
        return rng.choices(list(says), weights=list(says.values()))[0]

    return builders.answer(sent, rng, now, ratings=ratings, say=say)


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
    staff = builders.staff_ids(org)
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
    MarkerAssessment.objects.bulk_create(rows, batch_size=builders.BATCH)
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


def _contributions(org, size, activities, parts: list[builders.Part], rng, today) -> None:
    """`size.contributions` things people asked for over the last year, in activities that
    ran then: seven in ten by someone involved in the activity at the time, the rest
    unnamed. Most were responded to within a few weeks (the rest are open, overdue once the
    30 days are up); named people were mostly told soon after, and many of them said whether
    they are happy."""
    year_ago = today - datetime.timedelta(days=365)
    ran = {}
    for activity in activities:
        first, last = max(activity.starts_on, year_ago), builders.ran_until(activity, today)
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
    staff = builders.staff_ids(org)
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
    Contribution.objects.bulk_create(rows, batch_size=builders.BATCH)


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
    loop = selectors.loop_figures(organisation=org)
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


def _query_count(visitor, *, cold: bool) -> int:
    """Queries of a visit with the figures cached, or worked out again (`cold`)."""
    again = partial(FIGURES.new_version, visitor.organisation.pk) if cold else None
    return harness.query_count(partial(visitor.get, URL), before=again)


if __name__ == "__main__":
    sys.exit(main())
