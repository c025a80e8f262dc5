import datetime
import zoneinfo
from types import SimpleNamespace

import pytest

from activities.models import Aim, Approach
from involvement.models import Organisation
from outcomes.models import Measure
from outcomes.periods import quarters_between

from ..factories import (
    AboutYouFactory,
    ActivityFactory,
    FeedbackRequestFactory,
    FeedbackResponseFactory,
    InvolvementFactory,
    ParticipantFactory,
    SessionFactory,
    TrainingRecordFactory,
)


@pytest.fixture
def staff_client(client_for, staff):
    return client_for(staff)


@pytest.fixture
def table1():
    """`table1(organisation, catalogue_key, aim_key=None)`: one of the organisation's Table 1
    measures (the first aim that has it, unless `aim_key` says which)."""

    def find(organisation, catalogue_key, aim_key=None) -> Measure:
        measures = Measure.objects.filter(organisation=organisation, catalogue_key=catalogue_key)
        if aim_key:
            measures = measures.filter(aim__key=aim_key)
        return measures.order_by("aim__position").first()

    return find


@pytest.fixture
def activity(brightwater, staff):
    """Voices Council: 15 January to 31 December 2026, with one intended aim (extrinsic
    individual user outcomes); not agreed yet. It has an end, so the quarters its page shows
    stay the same whenever the tests run."""
    return ActivityFactory(
        organisation=brightwater,
        created_by=staff,
        title="Voices Council",
        starts_on=datetime.date(2026, 1, 15),
        ends_on=datetime.date(2026, 12, 31),
        aims=[Aim.objects.get(key="extrinsic_individual")],
    )


@pytest.fixture
def agreed_activity(brightwater, staff):
    """An activity agreed with the people involved, so changing its measures asks for
    agreement again."""
    return ActivityFactory(
        organisation=brightwater,
        created_by=staff,
        title="Carers' panel",
        starts_on=datetime.date(2026, 1, 15),
        agreed_with=["Ann Lee", "Kofi Mensah"],
    )


LONDON = zoneinfo.ZoneInfo("Europe/London")


def at(year, month, day, hour=12, minute=0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=LONDON)


@pytest.fixture
def quarters(brightwater):
    """Brightwater's year starts in April: Jan–Mar 2026 is 2025/26 Q4, then Q1 and Q2."""
    assert brightwater.year_start_month == 4
    return quarters_between(datetime.date(2026, 1, 1), datetime.date(2026, 9, 30), 4)


@pytest.fixture
def world(brightwater, people, quarters):
    """Counted by hand. Brightwater's threshold is lowered to 5 (the least allowed), so
    single-digit counts show; 1 to 4 are still hidden.

    Voices Council (A), from 15 Jan 2026; Carers' panel (B), from 1 Mar 2026.

        person  in  role             came in      from        to          about you
        p1      A   lead             invited      1 Feb       -           yes
        p1      B   participant      invited      1 May       -
        p2      A   co_chair         invited      1 Feb       -           yes
        p2      B   participant      invited      1 May       -
        p3      A   representative   invited      1 Feb       -           yes
        p4      A   peer_researcher  invited      1 Feb       -
        p5      A   participant      volunteered  1 Feb       -
        p6      A   co_facilitator   volunteered  1 Feb       -
        p7      B   representative   volunteered  1 May       -           yes
        p8      B   co_chair         volunteered  1 May       -
        p9      B   participant      volunteered  1 May       -           yes
        p10     A   lead             invited      20 Jan      31 Mar      yes
        p11     A   participant      volunteered  30 Jun      -
        p12     A   lead             invited      1 Jul       -           yes
        p13     B   lead             invited      1 Mar       1 Apr       yes

    Staff: A has staff and org_admin; B has staff; a winter survey (10 Jan–20 Mar) has
    the trustee. Sessions (London time): A 31 Mar 23:30, 10 Apr, 30 Jun 23:30, 1 Jul 00:30;
    B 5 May. Training: p1 twice (12 May, 1 Jun), p2 p3 p7 p8 on 1 Apr, p4 on 31 Mar, and
    Zed (never involved) on 12 May.
    """
    Organisation.objects.filter(pk=brightwater.pk).update(suppression_threshold=5)
    brightwater.refresh_from_db()
    staff, admin, trustee = people["staff"], people["org_admin"], people["trustee"]
    a = ActivityFactory(
        organisation=brightwater,
        created_by=staff,
        title="Voices Council",
        starts_on=datetime.date(2026, 1, 15),
        staff_involved=[staff, admin],
    )
    b = ActivityFactory(
        organisation=brightwater,
        created_by=staff,
        title="Carers' panel",
        starts_on=datetime.date(2026, 3, 1),
        staff_involved=[staff],
    )
    survey = ActivityFactory(
        organisation=brightwater,
        created_by=staff,
        title="Winter survey",
        starts_on=datetime.date(2026, 1, 10),
        ends_on=datetime.date(2026, 3, 20),
        staff_involved=[trustee],
    )
    p = {n: ParticipantFactory(organisation=brightwater, name=f"p{n}") for n in range(1, 14)}
    D = datetime.date
    rows = [
        (1, a, "lead", "invited", D(2026, 2, 1), None),
        (1, b, "participant", "invited", D(2026, 5, 1), None),
        (2, a, "co_chair", "invited", D(2026, 2, 1), None),
        (2, b, "participant", "invited", D(2026, 5, 1), None),
        (3, a, "representative", "invited", D(2026, 2, 1), None),
        (4, a, "peer_researcher", "invited", D(2026, 2, 1), None),
        (5, a, "participant", "volunteered", D(2026, 2, 1), None),
        (6, a, "co_facilitator", "volunteered", D(2026, 2, 1), None),
        (7, b, "representative", "volunteered", D(2026, 5, 1), None),
        (8, b, "co_chair", "volunteered", D(2026, 5, 1), None),
        (9, b, "participant", "volunteered", D(2026, 5, 1), None),
        (10, a, "lead", "invited", D(2026, 1, 20), D(2026, 3, 31)),
        (11, a, "participant", "volunteered", D(2026, 6, 30), None),
        (12, a, "lead", "invited", D(2026, 7, 1), None),
        (13, b, "lead", "invited", D(2026, 3, 1), D(2026, 4, 1)),
    ]
    for n, activity, role, came_in, started_on, ended_on in rows:
        InvolvementFactory(
            activity=activity,
            participant=p[n],
            role=role,
            came_in=came_in,
            started_on=started_on,
            ended_on=ended_on,
        )
    for n in (1, 2, 3, 7, 9, 10, 12, 13):
        AboutYouFactory(participant=p[n], age_band="25_34")
    for starts_at in (at(2026, 3, 31, 23, 30), at(2026, 4, 10), at(2026, 6, 30, 23, 30)):
        SessionFactory(activity=a, starts_at=starts_at)
    SessionFactory(activity=a, starts_at=at(2026, 7, 1, 0, 30))
    SessionFactory(activity=b, starts_at=at(2026, 5, 5))
    TrainingRecordFactory(participant=p[1], completed_on=D(2026, 5, 12))
    TrainingRecordFactory(participant=p[1], course="Safeguarding", completed_on=D(2026, 6, 1))
    for n in (2, 3, 7, 8):
        TrainingRecordFactory(participant=p[n], completed_on=D(2026, 4, 1))
    TrainingRecordFactory(participant=p[4], completed_on=D(2026, 3, 31))
    zed = ParticipantFactory(organisation=brightwater, name="Zed")
    TrainingRecordFactory(participant=zed, completed_on=D(2026, 5, 12))
    return SimpleNamespace(a=a, b=b, survey=survey, p=p, organisation=brightwater)


@pytest.fixture
def finished(brightwater, staff):
    """Activities finishing around 2026/27 Q1 (Apr–Jun), by hand:

    D  completed  user-led   ends 31 May   counted in Q1, user-led
    E  reviewed   co-design  ends 30 Jun   counted in Q1
    F  running    user-led   ends 1 May    not finished: not counted
    G  completed  user-led   ends 1 Jul    counted in Q2, user-led
    """
    user_led = Approach.objects.get(key="user_led")
    co_design = Approach.objects.get(key="co_design")
    D = datetime.date
    made = {}
    for name, status, approach, ends_on in [
        ("D", "completed", user_led, D(2026, 5, 31)),
        ("E", "reviewed", co_design, D(2026, 6, 30)),
        ("F", "running", user_led, D(2026, 5, 1)),
        ("G", "completed", user_led, D(2026, 7, 1)),
    ]:
        made[name] = ActivityFactory(
            organisation=brightwater,
            created_by=staff,
            title=f"Finished {name}",
            status=status,
            approach=approach,
            starts_on=D(2026, 2, 1),
            ends_on=ends_on,
        )
    return made


@pytest.fixture
def feedback(world):
    """Feedback sent in 2026/27 Q1 (by hand; "" is not answered):

        person  on  felt valued  understood  met peers
        p1      A   yes          yes         yes
        p2      A   yes          yes         yes
        p3      A   yes          yes         yes
        p4      A   yes          partly      yes
        p5      A   partly       partly      yes
        p6      A   no           dont_know   partly
        p11     A   dont_know    dont_know   no
        p7      B   prefer_not   prefer_not  dont_know
        p1      B   ""           no          yes        (p1's second answer)

    Not counted in Q1: p8's draft on B (felt valued yes), p9's sent 31 Mar 23:30 (Q4),
    p13's sent 1 Jul 00:10 (Q2), both felt valued yes.
    """
    a, b, p = world.a, world.b, world.p
    rows = [
        (1, a, "yes", "yes", "yes"),
        (2, a, "yes", "yes", "yes"),
        (3, a, "yes", "yes", "yes"),
        (4, a, "yes", "partly", "yes"),
        (5, a, "partly", "partly", "yes"),
        (6, a, "no", "dont_know", "partly"),
        (11, a, "dont_know", "dont_know", "no"),
        (7, b, "prefer_not", "prefer_not", "dont_know"),
        (1, b, "", "no", "yes"),
    ]
    sent = {}
    for n, activity, valued, understood, met in rows:
        sent[(n, activity.title)] = answer(
            activity,
            p[n],
            at(2026, 5, 10),
            felt_valued=valued,
            understood_role=understood,
            met_peers=met,
        )
    answer(b, p[8], None, status="draft")
    answer(b, p[9], at(2026, 3, 31, 23, 30))
    answer(b, p[13], at(2026, 7, 1, 0, 10))
    return sent


def answer(activity, participant, submitted_at, **answers):
    """A feedback response from someone already involved (no new involvement)."""
    request = FeedbackRequestFactory(activity=activity, participant=participant, involved=False)
    return FeedbackResponseFactory(request=request, submitted_at=submitted_at, **answers)
