"""The demo's "we did" messages on the Carers' forum: one person told by letter who said
they are happy, one told by email whose message is left for a demo user to answer through
its link, as the person would; two more are waiting to be told (see quality.py)."""

import datetime

from django.utils import timezone

from activities.models import Activity
from involvement.models import User
from quality import services
from quality.links import reply_link_path
from quality.models import Contribution, ReplyLink

from .data import load

# Who was told how, and what they answered: `told` in brightwater-quality.yaml.
TOLD = load("brightwater-quality")["told"]
# Told by email and not answered yet: the demo prints a fresh link to answer it.
TRY_IT = "Hannah Cole"


def ensure_demo_telling(activity: Activity, staff: User) -> str | None:
    """Tell and rate where not done yet, with dates moved back to when the demo says;
    returns the path of a fresh reply link for the message still to be answered."""
    for told in TOLD:
        contribution = _contribution(activity, told["name"], told["decision"])
        if contribution is None:
            continue
        if contribution.status == Contribution.Status.RESPONDED:
            _tell(contribution, told["told_how"], told["days_after"], staff)
        answer = told["answer"]
        if answer and contribution.status == Contribution.Status.TOLD:
            _rate(contribution, answer["satisfied"], answer["comment"])
    waiting = _contribution(activity, TRY_IT, Contribution.Decision.ACCEPTED)
    if waiting is None or not waiting.can_rate():
        return None
    _link, token = ReplyLink.issue(waiting)
    return reply_link_path(token)


def _contribution(activity, name, decision) -> Contribution | None:
    return (
        Contribution.objects.select_related("participant", "activity", "organisation")
        .filter(activity=activity, participant__name=name, decision=decision)
        .first()
    )


def _back_to(moment: datetime.datetime, days: int) -> datetime.datetime:
    return min(moment + datetime.timedelta(days=days), timezone.now())


def _tell(contribution: Contribution, how: str, days_after: int, staff: User) -> None:
    services.contribution_told_in_person(contribution=contribution, told_by=staff)
    when = _back_to(contribution.responded_at, days_after)
    Contribution.objects.filter(pk=contribution.pk).update(told_how=how, told_at=when)
    contribution.refresh_from_db()


def _rate(contribution: Contribution, satisfied: str, comment: str) -> None:
    services.contribution_rate(contribution=contribution, satisfied=satisfied, comment=comment)
    when = _back_to(contribution.told_at, 2)
    Contribution.objects.filter(pk=contribution.pk).update(rated_at=when)
