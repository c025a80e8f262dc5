"""The quality markers the app judges from its own data, for many activities at once: a
few grouped queries, whatever the number of activities.

Each judgement says how it was reached (`evidence`), so the checklist never shows a status
nobody can explain. The thresholds are written on the rating rules page.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, DateField, ExpressionWrapper, Q
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.models import Agreement, Involvement, Session
from involvement.models import Organisation
from involvement.suppression import SUPPRESSED, suppress_breakdown, suppress_part, suppress_share

from .models import Assessment, Contribution, FeedbackResponse, Rating

# Papers this many days or more before a session count as appropriate notice (seed 003:
# papers well in advance, so people can read them and ask for another format).
NOTICE_DAYS = 7
# The share of people agreeing with a marker's question for it to be met, or partly met.
SHARE_MET, SHARE_PARTLY = 80, 50
ANSWERED = [Rating.YES, Rating.PARTLY, Rating.NO]


@dataclass(frozen=True)
class Judgement:
    """`status` is an Assessment value, or None when there is not enough to judge by."""

    status: str | None
    evidence: str


# Each marker's status comes from a `_*_status` function; the Judgement adds the evidence.
# Statuses alone are enough to pool many activities, and cost far less than the words.


def _purpose_status(agreement) -> str:
    if agreement is None or not agreement.purpose.strip():
        return Assessment.NOT_MET
    return Assessment.MET if agreement.state == Agreement.State.AGREED else Assessment.PARTLY


def _purpose(agreement) -> Judgement:
    status = _purpose_status(agreement)
    if status == Assessment.NOT_MET:
        return Judgement(status, _("The purpose is not written down yet."))
    if status == Assessment.MET:
        day = agreement.agreed_on.strftime("%d/%m/%Y") if agreement.agreed_on else ""
        return Judgement(status, _("Written down and agreed on %(day)s.") % {"day": day})
    return Judgement(status, _("Written down, but not agreed with the people involved yet."))


def _notice_status(row) -> str:
    if not row or not row["held"]:
        return Assessment.NOT_APPLICABLE
    if row["early"] == row["held"]:
        return Assessment.MET
    return Assessment.PARTLY if row["early"] else Assessment.NOT_MET


def _notice(row) -> Judgement:
    status = _notice_status(row)
    if status == Assessment.NOT_APPLICABLE:
        return Judgement(status, _("No sessions held yet."))
    evidence = _(
        "Papers went %(days)s days or more before %(early)s of %(held)s sessions held."
    ) % {
        "days": NOTICE_DAYS,
        "early": row["early"],
        "held": row["held"],
    }
    return Judgement(status, evidence)


def _came_in_status(parts: dict) -> str:
    return Assessment.MET if sum(parts.values()) else Assessment.NOT_APPLICABLE


def _came_in(parts: dict, threshold: int) -> Judgement:
    status = _came_in_status(parts)
    if status == Assessment.NOT_APPLICABLE:
        return Judgement(status, _("Nobody involved yet."))
    _total, shown = suppress_breakdown(sum(parts.values()), parts, threshold)
    evidence = _("Recorded for everyone: %(invited)s invited, %(volunteered)s volunteered.") % {
        "invited": shown.get(Involvement.CameIn.INVITED, 0),
        "volunteered": shown.get(Involvement.CameIn.VOLUNTEERED, 0),
    }
    return Judgement(status, evidence)


def _share_status(yes: int, answered: int, threshold: int) -> str | None:
    if answered < threshold:
        return None
    percent = round(100 * yes / answered)
    if percent >= SHARE_MET:
        return Assessment.MET
    return Assessment.PARTLY if percent >= SHARE_PARTLY else Assessment.NOT_MET


def _share(yes: int, answered: int, threshold: int) -> Judgement:
    """A marker for the people involved, from how many agreed in their feedback."""
    status = _share_status(yes, answered, threshold)
    if answered < threshold:
        return Judgement(
            status, _("Fewer than %(n)s people answered, too few to judge.") % {"n": threshold}
        )
    percent = suppress_share(yes, answered, threshold)
    if percent == SUPPRESSED:
        # The status says enough; an exact share would give away a handful of people.
        evidence = _("%(answered)s people answered.") % {"answered": answered}
    else:
        evidence = _("%(percent)s%% of %(answered)s people said yes.") % {
            "percent": percent,
            "answered": answered,
        }
    return Judgement(status, evidence)


def _told_status(row) -> str:
    if not row or not row["responded"]:
        return Assessment.NOT_APPLICABLE
    percent = 100 * row["told"] // row["responded"]
    if percent >= SHARE_MET:
        return Assessment.MET
    return Assessment.PARTLY if percent >= SHARE_PARTLY else Assessment.NOT_MET


def _told(row, threshold: int) -> Judgement:
    """Changes made are communicated to those involved: of the responses to suggestions
    from people who gave their name, how many they have been told about."""
    status = _told_status(row)
    if status == Assessment.NOT_APPLICABLE:
        return Judgement(status, _("No responses to tell anyone about yet."))
    told, responded = suppress_part(row["told"], row["responded"], threshold)
    evidence = _("People were told the response to %(told)s of %(responded)s suggestions.")
    return Judgement(status, evidence % {"told": told, "responded": responded})


def _told_counts(activity_ids) -> dict[int, dict]:
    told = [Contribution.Status.TOLD, Contribution.Status.RATED]
    rows = (
        Contribution.objects.filter(activity_id__in=activity_ids, participant__isnull=False)
        .exclude(status=Contribution.Status.OPEN)
        .values("activity")
        .annotate(responded=Count("pk"), told=Count("pk", filter=Q(status__in=told)))
        .order_by()
    )
    return {row["activity"]: row for row in rows}


def _sessions(activity_ids) -> dict[int, dict]:
    papers_by = ExpressionWrapper(
        TruncDate("starts_at") - datetime.timedelta(days=NOTICE_DAYS), output_field=DateField()
    )
    rows = (
        Session.objects.filter(activity_id__in=activity_ids, starts_at__lte=timezone.now())
        .values("activity")
        .annotate(held=Count("pk"), early=Count("pk", filter=Q(papers_sent_on__lte=papers_by)))
        .order_by()
    )
    return {row["activity"]: row for row in rows}


def _came_in_counts(activity_ids) -> dict[int, dict]:
    counts: dict[int, dict] = {}
    rows = (
        Involvement.objects.filter(activity_id__in=activity_ids)
        .values_list("activity", "came_in")
        .annotate(n=Count("pk"))
        .order_by()
    )
    ways = Involvement.CameIn.values
    for activity_id, came_in, n in rows:
        counts.setdefault(activity_id, dict.fromkeys(ways, 0))[came_in] = n
    return counts


def answer_counts(activity_ids, questions: list[str], rungs: list[str] = ()) -> dict[int, dict]:
    """{activity id: counts of its submitted answers}: `<question>_yes` and
    `<question>_answered` for each question, and `say_<rung>` for each rung key of the
    influence ladder given. The overview counts both in one scan of the answers: two took
    100 ms more over 200,000 answers."""
    aggregates = {f"say_{rung}": Count("pk", filter=Q(say=rung)) for rung in rungs}
    for question in questions:
        aggregates[f"{question}_yes"] = Count("pk", filter=Q(**{question: Rating.YES}))
        aggregates[f"{question}_answered"] = Count("pk", filter=Q(**{f"{question}__in": ANSWERED}))
    rows = (
        FeedbackResponse.objects.submitted()
        .filter(activity_id__in=activity_ids)
        .values("activity")
        .annotate(**aggregates)
        .order_by()
    )
    return {row["activity"]: row for row in rows}


def _facts(ids, questions: list[str], feedback=None) -> tuple[dict, dict, dict, dict]:
    """What the judgements are made from: sessions, how people came in, feedback (unless
    the caller counted it already), and who was told about the responses."""
    if feedback is None:
        feedback = answer_counts(ids, questions) if questions else {}
    return _sessions(ids), _came_in_counts(ids), feedback, _told_counts(ids)


def judge(organisation: Organisation, activities: list, questions: list[str]) -> dict:
    """{activity id: {judged_by key: Judgement}} for `activities` (with their agreement
    selected), judging the app's markers and the feedback `questions` named by markers."""
    threshold = organisation.suppression_threshold
    sessions, came_in, feedback, told = _facts([a.pk for a in activities], questions)
    judged = {}
    for activity in activities:
        agreement = getattr(activity, "agreement", None)
        answers = feedback.get(activity.pk, {})
        judged[activity.pk] = {
            "purpose_agreed": _purpose(agreement),
            "notice_given": _notice(sessions.get(activity.pk)),
            "invited_volunteered": _came_in(came_in.get(activity.pk, {}), threshold),
            "changes_communicated": _told(told.get(activity.pk), threshold),
            **{
                f"feedback:{q}": _share(
                    answers.get(f"{q}_yes", 0), answers.get(f"{q}_answered", 0), threshold
                )
                for q in questions
            },
        }
    return judged


def judge_statuses(
    organisation: Organisation,
    activities: list,
    questions: list[str],
    *,
    feedback=None,
    ids=None,
) -> dict:
    """{activity id: {judged_by key: status}}: `judge` without the evidence, for pooling
    many activities (writing every judgement's evidence cost most of the overview's time).
    `feedback`: the activities' `answer_counts` for `questions`, when already counted;
    `ids`: their ids as a query, to filter by instead of a list of every id."""
    threshold = organisation.suppression_threshold
    ids = [a.pk for a in activities] if ids is None else ids
    sessions, came_in, feedback, told = _facts(ids, questions, feedback)
    keys = [(f"feedback:{q}", f"{q}_yes", f"{q}_answered") for q in questions]
    judged = {}
    for activity in activities:
        answers = feedback.get(activity.pk, {})
        judged[activity.pk] = {
            "purpose_agreed": _purpose_status(getattr(activity, "agreement", None)),
            "notice_given": _notice_status(sessions.get(activity.pk)),
            "invited_volunteered": _came_in_status(came_in.get(activity.pk, {})),
            "changes_communicated": _told_status(told.get(activity.pk)),
            **{
                key: _share_status(answers.get(yes, 0), answers.get(answered, 0), threshold)
                for key, yes, answered in keys
            },
        }
    return judged
