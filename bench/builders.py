"""Rows the data benches share, made in bulk: an organisation from `seed_scale` with its
activities, people, sessions, involvements, and feedback requests with their answers.

Each bench gives its own shape where it differs (an involvement's role, a session's papers,
how an answer is rated) as arguments; every builder draws from the bench's `rng` in a fixed
order, so a bench seeded the same way builds the same rows.

Not a bench: it is imported by them (after harness, which sets Django up).
"""

import datetime
import io
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import harness  # noqa: F401  (sets Django up when this module is imported first)

# isort: split
from django.core.management import call_command
from django.utils import timezone

from activities.models import Involvement, Participant, Session
from involvement.models import Membership, Organisation, Role
from quality.models import FeedbackRequest, FeedbackResponse
from quality.questions import RATING_KEYS

BATCH = 5000


def seeded(slug: str, activities: int) -> Organisation:
    """A new organisation `slug` with `activities` activities from `seed_scale`."""
    call_command(
        "seed_scale", organisation=slug, activities=activities, force=True, stdout=io.StringIO()
    )
    return Organisation.objects.get(slug=slug)


def people(org: Organisation, count: int) -> list[Participant]:
    return Participant.objects.bulk_create(
        (Participant(organisation=org, name=f"Person {n:06d}") for n in range(count)),
        batch_size=BATCH,
    )


def staff_ids(org: Organisation) -> list[int]:
    return [m.user_id for m in Membership.objects.filter(organisation=org, role=Role.STAFF)]


def ran_until(activity, today: datetime.date) -> datetime.date:
    return min(activity.ends_on or today, today)


def started(activities: Iterable, today: datetime.date) -> list:
    return [activity for activity in activities if activity.starts_on <= today]


def session_days(activity, rng: random.Random, today: datetime.date) -> list[datetime.date]:
    """Monthly while a started activity runs (up to a year), one or two still to come."""
    last = min(activity.ends_on or today + datetime.timedelta(days=60), today)
    day = activity.starts_on + datetime.timedelta(days=rng.randint(0, 14))
    days = []
    while day <= last + datetime.timedelta(days=40) and len(days) < 12:
        days.append(day)
        day += datetime.timedelta(days=28)
    return days


def session(org, activity, day: datetime.date, rng: random.Random, **fields) -> Session:
    """An unsaved session on `day` at ten; `fields` are the bench's own."""
    zone = timezone.get_current_timezone()
    return Session(
        organisation=org,
        activity=activity,
        starts_at=datetime.datetime.combine(day, datetime.time(10), tzinfo=zone),
        place="Community centre",
        venue_accessible=rng.random() < 0.8,
        **fields,
    )


def sessions_held(rows: list[Session], today: datetime.date) -> dict[int, list[tuple]]:
    """Saves `rows`; {activity id: [(session id, day)]} of the ones held by `today`."""
    held = {}
    for row in Session.objects.bulk_create(rows, batch_size=BATCH):
        day = row.starts_at.date()
        if day <= today:
            held.setdefault(row.activity_id, []).append((row.pk, day))
    return held


@dataclass(frozen=True)
class Part:
    """What later rows need of one involvement, without keeping the model object."""

    participant: int
    activity: int
    started_on: datetime.date
    ended_on: datetime.date | None


def involvements(org, started, people, rng, today, *, fields: Callable) -> list[Part]:
    """Each person in one to four of the `started` activities, most in one or two; some
    leave before the activity ends. `fields(activity)` gives the bench's own fields (role,
    how they came in), drawn after the dates. Saved in the order they began."""
    rows = []
    for person in people:
        count = rng.choices([1, 2, 3, 4], weights=[45, 30, 15, 10])[0]
        for activity in rng.sample(started, min(count, len(started))):
            joined = activity.starts_on + datetime.timedelta(days=rng.randint(0, 60))
            started_on = min(joined, ran_until(activity, today))
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
                    started_on=started_on,
                    ended_on=ended_on,
                    **fields(activity),
                )
            )
    rows.sort(key=lambda row: row.started_on)
    Involvement.objects.bulk_create(rows, batch_size=BATCH)
    return [Part(r.participant_id, r.activity_id, r.started_on, r.ended_on) for r in rows]


def feedback(org, *, answers: int, parts, sessions, rng, answer: Callable, then=None) -> None:
    """`answers` submitted answers, asked about an activity as a whole or one of its held
    `sessions`, sent in time order; a few more requests are unanswered or still drafts.
    `answer(sent, part, now)` gives a submitted answer's fields; `then(responses)` runs on
    each batch saved (rows that hang off the answers)."""
    asks = _asks(parts, sessions)
    rng.shuffle(asks)
    # Nine in ten requests are answered, some of the rest are drafts.
    wanted = min(len(asks), answers * 10 // 9)
    if wanted < answers:
        raise SystemExit(f"only {len(asks)} requests possible for {answers} answers")
    now = timezone.now()
    asks = sorted(
        ((sent_at(part, day, rng, now), part, session) for part, session, day in asks[:wanted]),
        key=lambda ask: ask[0],
    )
    submitted = set(rng.sample(range(wanted), answers))
    admin = Membership.objects.get(organisation=org, role=Role.ADMIN).user_id
    for start in range(0, wanted, BATCH):
        requests, fields = [], []
        for offset, (sent, part, session_id) in enumerate(asks[start : start + BATCH]):
            requests.append(_request(org, part, session_id, sent, admin, rng))
            if start + offset in submitted:
                fields.append((offset, answer(sent, part, now)))
            elif rng.random() < 0.3:
                fields.append((offset, {"status": FeedbackResponse.Status.DRAFT}))
        responses = _save_batch(org, requests, fields)
        if then:
            then(responses)


def _asks(parts: list[Part], sessions: dict) -> list[tuple]:
    """(part, session id, day) of every request that could be sent: the whole activity, and
    each session held while the person was in it."""
    asks = []
    for part in parts:
        asks.append((part, None, None))
        end = part.ended_on or datetime.date.max
        for session_id, day in sessions.get(part.activity, []):
            if part.started_on <= day <= end:
                asks.append((part, session_id, day))
    return asks


def _request(org, part: Part, session_id, sent, admin: int, rng) -> FeedbackRequest:
    return FeedbackRequest(
        organisation=org,
        activity_id=part.activity,
        participant_id=part.participant,
        session_id=session_id,
        channel=rng.choice(FeedbackRequest.Channel.values),
        created_by_id=admin,
        sent_at=sent,
    )


def _save_batch(org, requests: list, fields: list[tuple[int, dict]]) -> list[FeedbackResponse]:
    requests = FeedbackRequest.objects.bulk_create(requests)
    return FeedbackResponse.objects.bulk_create(
        FeedbackResponse(
            organisation=org,
            activity_id=requests[offset].activity_id,
            request=requests[offset],
            **answer,
        )
        for offset, answer in fields
    )


def sent_at(part: Part, day, rng, now) -> datetime.datetime:
    """A session's request goes out after it; an activity's any time while someone is in it."""
    if day is None:
        days = (min(part.ended_on or now.date(), now.date()) - part.started_on).days
        day = part.started_on + datetime.timedelta(days=rng.randint(0, max(0, days)))
    moment = datetime.datetime.combine(day, datetime.time(17), tzinfo=now.tzinfo)
    return min(moment, now - datetime.timedelta(days=1))


def answer(sent, rng, now, *, ratings: dict, say: Callable[[], str]) -> dict:
    """A submitted answer's fields, each rating drawn with the weights of `ratings`; `say()`
    draws how much say the person felt they had (in its place in the draws)."""
    submitted_at = min(sent + datetime.timedelta(hours=rng.randint(1, 24 * 14)), now)
    choices, weights = list(ratings), list(ratings.values())
    return {
        "status": FeedbackResponse.Status.SUBMITTED,
        "method": rng.choices(FeedbackResponse.Method.values, weights=[8, 1, 1])[0],
        "submitted_at": submitted_at,
        "anonymous": rng.random() < 0.3,
        "say": say(),
        "what_was_good": "Being listened to." if rng.random() < 0.3 else "",
        **{key: rng.choices(choices, weights=weights)[0] for key in RATING_KEYS},
    }
