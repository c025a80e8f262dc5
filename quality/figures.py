"""Figures counted from feedback and from closing the loop, each defined once (the mechanism
is involvement/figures.py): the shares of Table 1 worked out from feedback answers, the
people who gave feedback, and the loop's counts. Only sent answers count; a draft is the
person's own until they send it."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _lazy

from involvement.figures import (
    SHARE_OF_PEOPLE,
    Definition,
    at_moment_in,
    people_count,
    share_of_people,
)
from involvement.models import Organisation

from .models import Contribution, FeedbackResponse, Rating
from .models.loop import overdue_rule

ANSWERED = [Rating.YES, Rating.PARTLY, Rating.NO]


def _submitted(organisation):
    return FeedbackResponse.objects.submitted().filter(organisation=organisation)


def _sent_in(period) -> Q:
    return at_moment_in(period, "submitted_at")


def _rating_share(question: str):
    def parts(period):
        sent = _sent_in(period)
        return {
            "yes": Count("pk", filter=sent & Q(**{question: Rating.YES})),
            "total": Count("pk", filter=sent & Q(**{f"{question}__in": ANSWERED})),
        }

    return parts


def _met_peers_in(period) -> Q:
    return _sent_in(period) & Q(met_peers=Rating.YES)


def _people_answering(organisation):
    # The same rows as _submitted: saying the requests' organisation too lets PostgreSQL
    # read only this organisation's requests when it looks up whose answer each one is.
    return _submitted(organisation).filter(request__organisation=organisation)


def _answers_of_people(filter_for):
    return lambda period: {
        "n": Count("request__participant", distinct=True, filter=filter_for(period))
    }


OUT_OF_ANSWERS = _lazy("answers of Yes, A bit or No")

FELT_VALUED = Definition(
    "felt_valued",
    _lazy("Felt valued"),
    _lazy(
        "Feedback sent in the period answering “I felt valued” with Yes, out of all who "
        "answered Yes, A bit or No."
    ),
    _submitted,
    "activity",
    _rating_share("felt_valued"),
    share_of_people,
    _sent_in,
    unit="%",
    denominator=OUT_OF_ANSWERS,
    suppression=SHARE_OF_PEOPLE,
)
UNDERSTOOD = Definition(
    "understood",
    _lazy("Understood their role"),
    _lazy(
        "Feedback sent in the period answering “I understood my role and the purpose of "
        "this work” with Yes, out of all who answered Yes, A bit or No."
    ),
    _submitted,
    "activity",
    _rating_share("understood_role"),
    share_of_people,
    _sent_in,
    unit="%",
    denominator=OUT_OF_ANSWERS,
    suppression=SHARE_OF_PEOPLE,
)
MET_PEERS = Definition(
    "met_peers",
    _lazy("Met peers"),
    _lazy(
        "People whose feedback sent in the period answered “I met other people with "
        "experiences like mine” with Yes."
    ),
    _people_answering,
    "activity",
    _answers_of_people(_met_peers_in),
    people_count,
    _met_peers_in,
)
GAVE_FEEDBACK = Definition(
    "gave_feedback",
    _lazy("People who gave feedback"),
    _lazy(
        "People who sent feedback in the period. People, not answers: someone asked about "
        "two activities counts once."
    ),
    _people_answering,
    "activity",
    _answers_of_people(_sent_in),
    people_count,
    _sent_in,
)


def loop_counts(organisation: Organisation) -> dict:
    """The loop's counts as SQL aggregates over contributions, defined once: what was
    raised, by named people, rated, fixed to their satisfaction, not happy, and overdue.
    (`quality.selectors.loop_figures_of` adds the medians and shares from these.)"""
    named = Q(participant__isnull=False)
    satisfied = Contribution.Satisfaction
    return {
        "total": Count("pk"),
        "named": Count("participant"),
        "rated": Count("pk", filter=named & ~Q(satisfied="")),
        "fixed": Count("pk", filter=named & Q(satisfied=satisfied.YES)),
        "not_happy": Count("pk", filter=named & Q(satisfied=satisfied.NO)),
        "overdue": Count("pk", filter=overdue_rule(organisation)),
    }
