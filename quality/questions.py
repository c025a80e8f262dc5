"""The feedback questions: Table 2's quality markers for the individual involved, asked in
plain English, each with an easy-read version and a picture for every answer.

The order here is the order people are asked in, on one page or one per page in easy read.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import Rating

RATING = "rating"
SAY = "say"
TEXT = "text"
NAME = "name"
QUOTE = "quote"


@dataclass(frozen=True)
class Question:
    key: str
    kind: str
    text: str
    easy: str
    marker: str = ""
    hint: str = ""


QUESTIONS = [
    Question(
        "understood_role",
        RATING,
        _("I understood my role and the purpose of this work."),
        _("I knew what my job was and why we were doing this."),
        marker="People understood role and purpose.",
    ),
    Question(
        "listened_to",
        RATING,
        _("I felt listened to."),
        _("People listened to me."),
        marker="They felt listened to.",
    ),
    Question(
        "able_to_disagree",
        RATING,
        _("I felt able to disagree."),
        _("I could say when I did not agree."),
        marker="Felt able to disagree with facilitators.",
    ),
    Question(
        "expectations_met",
        RATING,
        _("My expectations were met."),
        _("It was what I hoped it would be."),
        marker="People's expectations were met.",
    ),
    Question(
        "made_difference",
        RATING,
        _("My input made a difference and was worthwhile."),
        _("What I said made a difference."),
        marker="People felt their input made a difference and was worthwhile.",
    ),
    Question(
        "felt_valued",
        RATING,
        _("I felt valued."),
        _("I felt that I mattered."),
    ),
    Question(
        "had_support",
        RATING,
        _("I had the training or support I needed."),
        _("I got the help I needed."),
    ),
    Question(
        "met_peers",
        RATING,
        _("I met other people with experiences like mine."),
        _("I met people like me."),
    ),
    Question(
        "stay_involved",
        RATING,
        _("I would like to stay involved."),
        _("I want to take part again."),
        marker="They continue to be involved afterwards.",
    ),
    Question(
        "say",
        SAY,
        _("How much say did you have?"),
        _("How much say did you have?"),
        hint=_("Choose the one that fits best."),
    ),
    Question(
        "what_was_good",
        TEXT,
        _("What was good?"),
        _("What was good?"),
        hint=_("You do not have to write anything."),
    ),
    Question(
        "do_differently",
        TEXT,
        _("What should we do differently?"),
        _("What should we change?"),
        hint=_("You do not have to write anything."),
    ),
    Question(
        "anything_else",
        TEXT,
        _("Is there anything else you want to tell us?"),
        _("Anything else?"),
        hint=_("You do not have to write anything."),
    ),
    Question(
        "anonymous",
        NAME,
        _("Can staff see your name with your answers?"),
        _("Can staff see your name?"),
        hint=_("Your answers count either way."),
    ),
    # Reports quote people's words only with their say-so (reports/selectors/voices.py).
    Question(
        "may_quote",
        QUOTE,
        _("Can we quote what you wrote in our reports, without your name? (optional)"),
        _("Can we use your words in our reports? We will not say your name."),
        hint=_("Only the words you wrote in the boxes. If you do not answer, we will not."),
    ),
]
BY_KEY = {q.key: q for q in QUESTIONS}
RATING_KEYS = [q.key for q in QUESTIONS if q.kind == RATING]
TEXT_KEYS = [q.key for q in QUESTIONS if q.kind == TEXT]

# The ladder of influence (seed 004) in plain words, keyed like the InfluenceLevel catalogue.
SAY_CHOICES = [
    ("informing", _("None: they told us about it")),
    ("researching", _("A little: they asked about our experiences")),
    ("consulting", _("Some: they asked what we think before they decided")),
    ("participation", _("A lot: we worked on it together")),
    ("delegated_power", _("We made some of the decisions")),
    ("empowerment", _("We ran it and made the decisions")),
    (Rating.DONT_KNOW.value, Rating.DONT_KNOW.label),
    (Rating.PREFER_NOT.value, Rating.PREFER_NOT.label),
]
NAME_CHOICES = [
    ("no", _("Yes, they can see my name")),
    ("yes", _("No, keep my name hidden")),
]
QUOTE_CHOICES = [
    ("yes", _("Yes, you can quote my words")),
    ("no", _("No, do not quote me")),
]

# A picture for every answer, always with its words beside it (static/img/easy/).
PICTURES = {
    "yes": "yes.svg",
    "partly": "partly.svg",
    "no": "no.svg",
    "dont_know": "dont-know.svg",
    "prefer_not": "prefer-not.svg",
    "informing": "say-informing.svg",
    "researching": "say-researching.svg",
    "consulting": "say-consulting.svg",
    "participation": "say-participation.svg",
    "delegated_power": "say-delegated.svg",
    "empowerment": "say-empowerment.svg",
}


def choices_for(question: Question) -> list[tuple[str, str]]:
    if question.kind == RATING:
        return list(Rating.choices)
    if question.kind == SAY:
        return SAY_CHOICES
    if question.kind == NAME:
        return NAME_CHOICES
    if question.kind == QUOTE:
        return QUOTE_CHOICES
    return []
