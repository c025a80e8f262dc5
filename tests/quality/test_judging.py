"""The markers the app judges from its own records: purpose agreed and written down, notice
given, invited compared to volunteered, and the people's markers from their feedback.
(Changes communicated, judged from the loop, is in test_loop_figures.py.)"""

import datetime
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from activities import services as activity_services
from activities.models import Activity, Agreement, Involvement
from involvement.models import Organisation
from quality.judging import NOTICE_DAYS, SHARE_MET, SHARE_PARTLY, judge

from ..factories import (
    ActivityFactory,
    ContributionFactory,
    FeedbackRequestFactory,
    FeedbackResponseFactory,
    InvolvementFactory,
    ParticipantFactory,
    SessionFactory,
)

LONDON = zoneinfo.ZoneInfo("Europe/London")


def judged(activity, key: str):
    """The app's judgement of one marker (`judged_by` key) for the activity."""
    activity = Activity.objects.select_related("agreement").get(pk=activity.pk)
    organisation = Organisation.objects.get(pk=activity.organisation_id)
    questions = [key.removeprefix("feedback:")] if key.startswith("feedback:") else []
    return judge(organisation, [activity], questions)[activity.pk][key]


def days_ago(days: int, hour: int = 14) -> datetime.datetime:
    day = timezone.localdate() - datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=LONDON)


@pytest.fixture
def activity(brightwater, staff):
    return ActivityFactory(organisation=brightwater, created_by=staff, title="Voices Council")


def test_the_thresholds_are_the_ones_written_on_the_rules_page():
    assert (NOTICE_DAYS, SHARE_MET, SHARE_PARTLY) == (7, 80, 50)


# Purpose agreed and written down


def write_purpose(activity, purpose="To shape the new carers' service."):
    Agreement.objects.filter(activity=activity).update(purpose=purpose)


def test_a_purpose_not_written_down_is_not_met(activity):
    judgement = judged(activity, "purpose_agreed")
    assert (judgement.status, judgement.evidence) == (
        "not_met",
        "The purpose is not written down yet.",
    )


def test_a_purpose_of_only_spaces_is_not_written_down(activity):
    write_purpose(activity, "   \n ")
    assert judged(activity, "purpose_agreed").status == "not_met"


def test_a_purpose_written_down_but_not_agreed_is_partly_met(activity):
    write_purpose(activity)
    judgement = judged(activity, "purpose_agreed")
    assert (judgement.status, judgement.evidence) == (
        "partly",
        "Written down, but not agreed with the people involved yet.",
    )


def test_a_purpose_agreed_is_met_with_the_day_it_was_agreed(brightwater, staff):
    activity = ActivityFactory(organisation=brightwater, created_by=staff, agreed_with=["Ann Lee"])
    judgement = judged(activity, "purpose_agreed")
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert (judgement.status, judgement.evidence) == ("met", f"Written down and agreed on {today}.")


def test_a_purpose_changed_since_it_was_agreed_is_partly_met(brightwater, staff):
    activity = ActivityFactory(organisation=brightwater, created_by=staff, agreed_with=["Ann Lee"])
    activity_services.agreement_update(
        agreement=activity.agreement, changed_by=staff, data={"purpose": "Something else now."}
    )
    assert Agreement.objects.get(activity=activity).state == Agreement.State.NEEDS_REAGREEMENT
    assert judged(activity, "purpose_agreed").status == "partly"


# Appropriate notice: papers NOTICE_DAYS or more before every session held


def session(activity, starts_at, papers_days_before=None):
    papers = None
    if papers_days_before is not None:
        papers = timezone.localtime(starts_at).date() - datetime.timedelta(days=papers_days_before)
    return SessionFactory(activity=activity, starts_at=starts_at, papers_sent_on=papers)


def test_papers_exactly_notice_days_before_are_appropriate_notice(activity):
    session(activity, days_ago(10), papers_days_before=NOTICE_DAYS)
    judgement = judged(activity, "notice_given")
    assert (judgement.status, judgement.evidence) == (
        "met",
        "Papers went 7 days or more before 1 of 1 sessions held.",
    )


def test_papers_a_day_less_than_notice_days_before_are_not(activity):
    session(activity, days_ago(10), papers_days_before=NOTICE_DAYS - 1)
    judgement = judged(activity, "notice_given")
    assert (judgement.status, judgement.evidence) == (
        "not_met",
        "Papers went 7 days or more before 0 of 1 sessions held.",
    )


def test_papers_never_sent_are_not_notice(activity):
    session(activity, days_ago(3))
    assert judged(activity, "notice_given").status == "not_met"


def test_notice_before_some_sessions_is_partly_met(activity):
    session(activity, days_ago(30), papers_days_before=14)
    session(activity, days_ago(20), papers_days_before=2)
    session(activity, days_ago(10), papers_days_before=NOTICE_DAYS)
    judgement = judged(activity, "notice_given")
    assert (judgement.status, judgement.evidence) == (
        "partly",
        "Papers went 7 days or more before 2 of 3 sessions held.",
    )


def test_with_no_session_held_notice_does_not_apply(activity):
    judgement = judged(activity, "notice_given")
    assert (judgement.status, judgement.evidence) == ("not_applicable", "No sessions held yet.")


def test_sessions_still_to_come_are_left_out(activity):
    session(activity, timezone.now() + datetime.timedelta(days=3))
    assert judged(activity, "notice_given").status == "not_applicable"
    session(activity, days_ago(10), papers_days_before=NOTICE_DAYS)
    judgement = judged(activity, "notice_given")
    assert (judgement.status, judgement.evidence) == (
        "met",
        "Papers went 7 days or more before 1 of 1 sessions held.",
    )


def test_notice_counts_days_in_london_for_a_session_just_after_midnight(activity):
    # 00:30 on 1 July in London is still 30 June in UTC: the papers went 7 days before in
    # London's calendar, 6 in UTC's.
    starts_at = datetime.datetime(2025, 7, 1, 0, 30, tzinfo=LONDON)
    SessionFactory(
        activity=activity, starts_at=starts_at, papers_sent_on=datetime.date(2025, 6, 24)
    )
    assert judged(activity, "notice_given").status == "met"


def test_another_activitys_sessions_are_not_counted(activity, brightwater, staff):
    other = ActivityFactory(organisation=brightwater, created_by=staff)
    session(other, days_ago(10), papers_days_before=1)
    session(activity, days_ago(10), papers_days_before=NOTICE_DAYS)
    assert judged(activity, "notice_given").status == "met"


# Invited compared to volunteered


def involve(activity, invited=0, volunteered=0):
    for came_in, count in (("invited", invited), ("volunteered", volunteered)):
        for _ in range(count):
            InvolvementFactory(activity=activity, came_in=came_in)


def test_with_nobody_involved_invited_or_volunteered_does_not_apply(activity):
    judgement = judged(activity, "invited_volunteered")
    assert (judgement.status, judgement.evidence) == ("not_applicable", "Nobody involved yet.")


def test_how_people_came_in_is_recorded_for_everyone(activity):
    involve(activity, invited=10, volunteered=8)
    judgement = judged(activity, "invited_volunteered")
    assert (judgement.status, judgement.evidence) == (
        "met",
        "Recorded for everyone: 10 invited, 8 volunteered.",
    )


def test_how_people_came_in_hides_small_counts(activity):
    involve(activity, invited=3, volunteered=2)
    assert judged(activity, "invited_volunteered").evidence == (
        "Recorded for everyone: * invited, * volunteered."
    )


def test_how_people_came_in_hides_one_more_so_a_small_count_cannot_be_worked_out(activity):
    # 12 of 15 invited would give away the 3 who volunteered, with the total known.
    involve(activity, invited=12, volunteered=3)
    assert judged(activity, "invited_volunteered").evidence == (
        "Recorded for everyone: * invited, * volunteered."
    )


def test_nobody_coming_in_one_way_is_shown_as_zero(activity):
    involve(activity, invited=9)
    assert judged(activity, "invited_volunteered").evidence == (
        "Recorded for everyone: 9 invited, 0 volunteered."
    )


# The people's markers, from their feedback


def answer(activity, count, status="submitted", **values):
    for _ in range(count):
        FeedbackResponseFactory(
            request=FeedbackRequestFactory(activity=activity), status=status, **values
        )


UNDERSTOOD = "feedback:understood_role"


def test_the_organisations_threshold_is_8_unless_it_says_otherwise(brightwater):
    assert brightwater.suppression_threshold == 8


def test_fewer_answers_than_the_threshold_are_too_few_to_judge(activity):
    answer(activity, 7, understood_role="yes")
    judgement = judged(activity, UNDERSTOOD)
    assert (judgement.status, judgement.evidence) == (
        None,
        "Fewer than 8 people answered, too few to judge.",
    )


def test_as_many_answers_as_the_threshold_are_judged(activity):
    answer(activity, 8, understood_role="yes")
    judgement = judged(activity, UNDERSTOOD)
    assert (judgement.status, judgement.evidence) == ("met", "100% of 8 people said yes.")


def test_the_threshold_is_the_organisations_own(activity, brightwater):
    Organisation.objects.filter(pk=brightwater.pk).update(suppression_threshold=10)
    answer(activity, 9, understood_role="yes")
    judgement = judged(activity, UNDERSTOOD)
    assert (judgement.status, judgement.evidence) == (
        None,
        "Fewer than 10 people answered, too few to judge.",
    )
    answer(activity, 1, understood_role="yes")
    assert judged(activity, UNDERSTOOD).status == "met"


def test_80_percent_saying_yes_is_met(activity):
    answer(activity, 8, understood_role="yes")
    answer(activity, 2, understood_role="no")
    judgement = judged(activity, UNDERSTOOD)
    assert (judgement.status, judgement.evidence) == ("met", "10 people answered.")


def test_79_percent_saying_yes_is_partly_met(activity):
    answer(activity, 11, understood_role="yes")
    answer(activity, 3, understood_role="no")
    judgement = judged(activity, UNDERSTOOD)
    assert (judgement.status, judgement.evidence) == ("partly", "14 people answered.")


def test_50_percent_saying_yes_is_partly_met(activity):
    answer(activity, 5, understood_role="yes")
    answer(activity, 5, understood_role="no")
    judgement = judged(activity, UNDERSTOOD)
    assert (judgement.status, judgement.evidence) == ("partly", "10 people answered.")


def test_49_percent_saying_yes_is_not_met(activity):
    answer(activity, 17, understood_role="yes")
    answer(activity, 18, understood_role="no")
    judgement = judged(activity, UNDERSTOOD)
    assert (judgement.status, judgement.evidence) == ("not_met", "49% of 35 people said yes.")


def test_a_bit_counts_as_answered_but_not_as_yes(activity):
    answer(activity, 5, understood_role="yes")
    answer(activity, 5, understood_role="partly")
    judgement = judged(activity, UNDERSTOOD)
    assert (judgement.status, judgement.evidence) == ("partly", "10 people answered.")


def test_dont_know_prefer_not_and_no_answer_are_left_out(activity):
    answer(activity, 7, understood_role="yes")
    answer(activity, 4, understood_role="dont_know")
    answer(activity, 4, understood_role="prefer_not")
    answer(activity, 4, understood_role="")
    assert judged(activity, UNDERSTOOD).status is None
    answer(activity, 1, understood_role="yes")
    judgement = judged(activity, UNDERSTOOD)
    assert (judgement.status, judgement.evidence) == ("met", "100% of 8 people said yes.")


def test_only_answers_sent_are_counted(activity):
    answer(activity, 8, understood_role="yes")
    answer(activity, 8, status="draft", understood_role="no")
    judgement = judged(activity, UNDERSTOOD)
    assert (judgement.status, judgement.evidence) == ("met", "100% of 8 people said yes.")


def test_another_activitys_answers_are_not_counted(activity, brightwater, staff):
    other = ActivityFactory(organisation=brightwater, created_by=staff)
    answer(other, 8, understood_role="no")
    answer(activity, 8, understood_role="yes")
    assert judged(activity, UNDERSTOOD).evidence == "100% of 8 people said yes."


def test_each_marker_reads_its_own_question(activity):
    answer(activity, 8, listened_to="no", stay_involved="yes")
    assert judged(activity, "feedback:listened_to").status == "not_met"
    assert judged(activity, "feedback:stay_involved").status == "met"


# Many activities at once


def test_many_activities_are_judged_in_the_same_four_queries(brightwater, staff):
    def make(count):
        for _ in range(count):
            activity = ActivityFactory(organisation=brightwater, created_by=staff)
            session(activity, days_ago(10), papers_days_before=NOTICE_DAYS)
            involve(activity, invited=1)
            answer(activity, 1)
            ContributionFactory(
                activity=activity,
                participant=ParticipantFactory(organisation=brightwater),
                status="told",
                decision="accepted",
                what_changed="Done.",
                responded_at=timezone.now(),
                told_at=timezone.now(),
            )

    def queries():
        activities = list(Activity.objects.select_related("agreement"))
        questions = ["understood_role", "listened_to"]
        with CaptureQueriesContext(connection) as context:
            result = judge(brightwater, activities, questions)
        assert set(result) == {a.pk for a in activities}
        return len(context.captured_queries)

    make(2)
    at_2 = queries()
    make(18)
    # Sessions, how people came in, the feedback, and who was told: one grouped query each.
    assert queries() == at_2 == 4


def test_every_activity_gets_its_own_judgement(brightwater, staff):
    early, late = (ActivityFactory(organisation=brightwater, created_by=staff) for _ in range(2))
    session(early, days_ago(10), papers_days_before=NOTICE_DAYS)
    session(late, days_ago(10), papers_days_before=1)
    involve(late, invited=1)
    activities = list(
        Activity.objects.select_related("agreement").filter(pk__in=[early.pk, late.pk])
    )
    result = judge(brightwater, activities, [])
    assert result[early.pk]["notice_given"].status == "met"
    assert result[late.pk]["notice_given"].status == "not_met"
    assert result[early.pk]["invited_volunteered"].status == "not_applicable"
    assert result[late.pk]["invited_volunteered"].status == "met"
    assert Involvement.objects.filter(activity=late).count() == 1


def test_the_share_is_shown_only_when_the_yes_and_the_rest_are_both_big_enough(activity):
    from quality.judging import _share

    assert _share(8, 16, 8).evidence == "50% of 16 people said yes."
    # 9 of 16: the other 7 are too few to show, and the share would give them away.
    assert _share(9, 16, 8).evidence == "16 people answered."
    assert _share(9, 16, 8).status == "partly"
