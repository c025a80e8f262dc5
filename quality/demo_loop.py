"""The demo's "we did" messages on the Carers' forum: one person told by letter who said
they are happy, one told by email whose message is left for a demo user to answer through
its link, as the person would; two more are waiting to be told (see demo_quality.py)."""

import datetime

from django.utils import timezone

from activities.models import Activity
from involvement.models import User

from . import services
from .links import reply_link_path
from .models import Contribution, ReplyLink

HOW = Contribution.ToldHow
# (who raised it, the decision, how they were told, days after the response, their answer)
TOLD = [
    (
        "Pat S.",
        Contribution.Decision.ACCEPTED,
        HOW.LETTER,
        3,
        ("yes", "The large print papers come in good time now. Thank you."),
    ),
    # Told by email and not answered yet: the demo prints a fresh link to answer it.
    ("Hannah Cole", Contribution.Decision.ACCEPTED, HOW.EMAIL, 1, None),
]
TRY_IT = "Hannah Cole"


def ensure_demo_telling(activity: Activity, staff: User) -> str | None:
    """Tell and rate where not done yet, with dates moved back to when the demo says;
    returns the path of a fresh reply link for the message still to be answered."""
    for name, decision, how, days_after, answer in TOLD:
        contribution = _contribution(activity, name, decision)
        if contribution is None:
            continue
        if contribution.status == Contribution.Status.RESPONDED:
            _tell(contribution, how, days_after, staff)
        if answer and contribution.status == Contribution.Status.TOLD:
            _rate(contribution, *answer)
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
