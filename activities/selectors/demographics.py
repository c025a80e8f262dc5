"""Who is involved and who is missing (seed 000's "range of people involved", 4Pi's Presence):
people's own "about you" answers counted against the population the organisation serves.

Only counts leave this module, suppressed with the organisation's threshold; never a person.
"""

from decimal import Decimal

from django.db.models import Count, QuerySet
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from involvement.figures import evaluate_one
from involvement.models import Organisation
from involvement.suppression import SUPPRESSED, suppress_breakdown

from .. import figures
from ..models import (
    DEMOGRAPHIC_FIELDS,
    AboutYou,
    Participant,
    PopulationGroup,
)

# A group this share of the population served, or more, is worth a "who is missing" prompt.
MISSING_FROM = Decimal(5)

# Each answer as a group of people, for the plain-English prompts.
GROUP_NAMES = {
    ("age_band", "under_18"): _("People under 18"),
    ("age_band", "18_24"): _("People aged 18 to 24"),
    ("age_band", "25_34"): _("People aged 25 to 34"),
    ("age_band", "35_44"): _("People aged 35 to 44"),
    ("age_band", "45_54"): _("People aged 45 to 54"),
    ("age_band", "55_64"): _("People aged 55 to 64"),
    ("age_band", "65_74"): _("People aged 65 to 74"),
    ("age_band", "75_plus"): _("People aged 75 or over"),
    ("gender", "woman"): _("Women"),
    ("gender", "man"): _("Men"),
    ("gender", "non_binary"): _("Non-binary people"),
    ("gender", "another"): _("People who describe their gender in another way"),
    ("ethnicity", "asian"): _("Asian or Asian British people"),
    ("ethnicity", "black"): _("Black, Black British, Caribbean or African people"),
    ("ethnicity", "mixed"): _("People from mixed or multiple ethnic groups"),
    ("ethnicity", "white"): _("White people"),
    ("ethnicity", "other"): _("People from another ethnic group"),
    ("disability", "yes"): _("Disabled people and people with a long-term condition"),
    ("disability", "no"): _("People without a disability or long-term condition"),
}


def population_answers() -> dict[str, list[tuple[str, str]]]:
    """The answers a population profile has a share for: every choice but "prefer not"."""
    return {
        question: [(value, label) for value, label in choices.choices if value != "prefer_not"]
        for question, choices in DEMOGRAPHIC_FIELDS.items()
    }


def question_label(question: str) -> str:
    return capfirst(AboutYou._meta.get_field(question).verbose_name)


def about_you_of(participant: Participant) -> dict | None:
    """One person's own answers with their labels, for their own record only."""
    about = AboutYou.objects.filter(participant=participant).first()
    if about is None:
        return None
    answers = [
        (question_label(question), getattr(about, f"get_{question}_display")())
        for question in DEMOGRAPHIC_FIELDS
    ]
    return {"record": about, "answers": answers}


def population_profile(organisation: Organisation) -> dict[str, dict[str, Decimal]]:
    """{question: {answer: percent}} as the organisation entered it: one query."""
    profile = {}
    rows = PopulationGroup.objects.filter(organisation=organisation)
    for question, answer, percent in rows.values_list("question", "answer", "percent"):
        profile.setdefault(question, {})[answer] = percent
    return profile


def answer_counts(participants: QuerySet) -> dict[str, dict[str, int]]:
    """{question: {answer: people}} among `participants`, blanks left out: one grouped query."""
    counts = {q: dict.fromkeys(choices.values, 0) for q, choices in DEMOGRAPHIC_FIELDS.items()}
    rows = (
        AboutYou.objects.filter(participant__in=participants.values("pk"))
        .values_list(*DEMOGRAPHIC_FIELDS)
        .annotate(n=Count("pk"))
        .order_by()
    )
    for *answers, n in rows:
        for question, answer in zip(DEMOGRAPHIC_FIELDS, answers, strict=True):
            if answer in counts[question]:
                counts[question][answer] += n
    return counts


def _percent(count: int, total: int) -> int | None:
    return round(100 * count / total) if total else None


def _question_shown(question: str, counts: dict, population: dict, threshold: int) -> dict:
    """One question's table: the total who answered and each answer's count, suppressed so
    that no hidden count can be worked out; a percent only beside a count that is shown."""
    answered = sum(counts.values())
    total, shown = suppress_breakdown(answered, counts, threshold)
    rows = [
        {
            "answer": value,
            "label": label,
            "count": shown[value],
            "percent": None if shown[value] == SUPPRESSED else _percent(counts[value], answered),
            "population": population.get(value),
        }
        for value, label in DEMOGRAPHIC_FIELDS[question].choices
    ]
    return {"key": question, "label": question_label(question), "answered": total, "rows": rows}


def who_is_missing(counts: dict, population: dict) -> list[dict]:
    """Groups that are at least 5% of the people served but, among the people involved who
    answered, fewer than half that share. Only the population's percent is given back."""
    missing = []
    for question, answers in population_answers().items():
        answered = sum(counts[question].values())
        if not answered:
            continue
        for value, _label in answers:
            percent = population.get(question, {}).get(value)
            if percent is None or percent < MISSING_FROM:
                continue
            if 100 * counts[question][value] / answered < percent / 2:
                missing.append({"group": GROUP_NAMES[(question, value)], "percent": percent})
    return missing


def range_of_people(
    participants: QuerySet, organisation: Organisation, *, compare: bool = True
) -> dict:
    """The range of people among `participants` by age, gender, ethnicity and disability, as it
    may be shown, beside the population the organisation serves unless `compare` is off. Two
    queries (one without comparing), however many people."""
    counts = answer_counts(participants)
    population = population_profile(organisation) if compare else {}
    threshold = organisation.suppression_threshold
    return {
        "questions": [
            _question_shown(question, counts[question], population.get(question, {}), threshold)
            for question in DEMOGRAPHIC_FIELDS
        ],
        "anyone_answered": any(sum(answers.values()) for answers in counts.values()),
        "population_entered": bool(population),
        "missing": who_is_missing(counts, population),
    }


def who_is_involved(*, organisation: Organisation) -> dict:
    """Table 1's outputs for the whole organisation at any time, as activities/figures.py
    defines them and as they may be shown: people involved (distinct people; erased people
    still count), staff involved, sessions held, places taken in activities, how the people
    came in (invited, volunteered: distinct people, so someone who came in both ways is in
    both) and the range of people."""
    shown = evaluate_one(figures.WHO_IS_INVOLVED, organisation=organisation)
    came_in = shown[figures.INVITED_VOLUNTEERED.key]
    return {
        "people": shown[figures.USERS_INVOLVED.key].shown,
        "staff": shown[figures.STAFF_INVOLVED.key].shown,
        "sessions_held": shown[figures.EVENTS_HELD.key].shown,
        "places": shown[figures.PLACES.key].shown,
        "invited": came_in.parts["invited"],
        "volunteered": came_in.parts["volunteered"],
        "came_in": came_in,
        "range": range_of_people(Participant.objects.involved_in(organisation), organisation),
    }
