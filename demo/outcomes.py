"""Demo outcome measures for Brightwater, for seed_demo: four activities with measures chosen
from Table 1, baselines and targets, a year of quarterly values with their evidence, people's
own before-and-after scores on the feedback they sent, and training completed.

Everything goes through the services, as a member of staff clicking through would. The
agreement history is then moved back to when the measures were agreed, before the first
value, and the agreement recorded again, as it would have been. Each part is written only
where it is missing, so running seed_demo again changes nothing. Youth Voice and the other
activities are left without measures, for whoever tries the demo to choose some.
"""

import datetime
import random
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from activities.models import Activity, AgreementEvent, Participant
from activities.services import agreement_record
from involvement.models import Organisation, User
from outcomes import services
from outcomes.models import ActivityMeasure, Measure, TrainingRecord
from outcomes.periods import Period, quarter_of, quarters_ending
from quality.models import FeedbackResponse

from .activities import demo_key

ORGANISATION = "brightwater"
QUARTERS = 4
# Left for the demo: an activity with intended aims and no measures yet.
TO_CHOOSE = "Youth Voice: a member-led activity programme"


@dataclass(frozen=True)
class Use:
    """A measure an activity uses. `values` are for the last four quarters, oldest first,
    the current quarter last; None leaves a quarter for someone to record."""

    aim: str
    item: str
    baseline: str | None = None
    target: str | None = None
    how: str = ""
    when: str = ""
    values: tuple = ()
    evidence: tuple = ()


@dataclass(frozen=True)
class Plan:
    agreed_how: str
    uses: list[Use] = field(default_factory=list)


EVERY_QUARTER = "Every quarter, at the review meeting."
AFTER_FEEDBACK = "After each person's feedback, from their own scores."

PLANS = {
    "Voices Council": Plan(
        "Measures talked through at the council meeting. Everyone agreed to count the decisions "
        "we change, and to check in a year whether the outcomes we report are ones we chose.",
        [
            Use(
                "service_organisational",
                "altered-decisions-because-of-service-user-influence",
                baseline="2",
                target="6",
                how="Decisions the council changed, from the minutes and the action log.",
                when=EVERY_QUARTER,
                values=(3, 4, 5, None),
                evidence=(
                    "Minutes, January to March: opening hours, menu, the volunteer expenses form.",
                    "Action log: four changes agreed by the service managers.",
                    "Minutes and the managers' replies: five decisions changed, two of them on "
                    "the new booking system.",
                ),
            ),
            Use(
                "service_organisational",
                "an-altered-set-of-outcomes-relevant-to-user-is-defined",
                how="The council checks the outcomes in the annual report against its own list.",
                when="Every quarter until it is done.",
                values=(False, False, True, None),
                evidence=(
                    "First workshop held; list not agreed yet.",
                    "Draft list of eight outcomes sent round in large print.",
                    "List of six outcomes agreed at the July meeting and sent to the board.",
                ),
            ),
            Use(
                "collective_intrinsic",
                "opportunities-to-meet-people-social-contact",
                baseline="2.5",
                target="3.5",
                how="The changes questions after each person's feedback.",
                when=AFTER_FEEDBACK,
            ),
            Use("service_organisational", "number-of-events-involving-users"),
        ],
    ),
    "Carers' forum": Plan(
        "Agreed at the forum: we will ask carers how things have changed for them, and keep a "
        "record of what the forum changed.",
        [
            Use(
                "collective_intrinsic",
                "opportunities-to-meet-people-social-contact",
                baseline="2.2",
                target="3.5",
                how="The changes questions after each carer's feedback.",
                when=AFTER_FEEDBACK,
            ),
            Use(
                "collective_intrinsic",
                "users-can-give-and-receive-peer-support",
                baseline="2.4",
                target="3.5",
                how="The changes questions after each carer's feedback.",
                when=AFTER_FEEDBACK,
            ),
            Use("collective_intrinsic", "number-of-users-involved"),
            Use("collective_intrinsic", "number-of-users-who-met-peers"),
            Use(
                "service_organisational",
                "changes-to-products-and-service",
                baseline="1",
                target="4",
                how="Changes made because of the forum, from the 'you said, we did' list.",
                when=EVERY_QUARTER,
                values=(1, 2, 4, 3),
                evidence=(
                    "Respite booking line now open on Saturdays.",
                    "Carers' leaflet rewritten; carers' card trial started.",
                    "Carers' card for all wards, new parking passes, a quiet room, and "
                    "discharge letters copied to carers.",
                    "Hospital discharge checklist now asks who the carer is; two more on the list.",
                ),
            ),
            Use(
                "service_organisational",
                "views-of-those-involved-are-more-clearly-represented",
                how="A short account from the forum's notes, read back to the forum.",
                when=EVERY_QUARTER,
                values=(
                    "Carers' views went to the board in a staff report.",
                    "Two carers presented their own paper to the board for the first time.",
                    "The board now has a standing item from the forum, written by carers.",
                    None,
                ),
                evidence=("Board papers, February.", "Board minutes, May.", "Board agenda, July."),
            ),
        ],
    ),
    "Quality Checkers": Plan(
        "Agreed with the checkers: a count of the services checked that change because of what "
        "they find, and the staff's own view of what they learnt.",
        [
            Use(
                "service_organisational",
                "percentage-of-services-and-products-which-include-user-feedback",
                baseline="20",
                target="60",
                how="Services visited by the checkers whose action plan includes their findings.",
                when=EVERY_QUARTER,
                values=(30, 40, 45, 55),
                evidence=(
                    "3 of 10 action plans.",
                    "4 of 10 action plans.",
                    "9 of 20 action plans, after the checkers' visits to the wards.",
                    "11 of 20 action plans so far this quarter.",
                ),
            ),
            Use(
                "service_organisational",
                "improved-staff-understanding-of-user-experience",
                baseline="2.5",
                target="4",
                how="Staff score it from 1 to 5 after a checkers' visit; the average is recorded.",
                when=EVERY_QUARTER,
                values=("2.6", "3.0", "3.3", None),
                evidence=(
                    "Average of 12 staff forms.",
                    "Average of 15 staff forms.",
                    "Average of 18 staff forms.",
                ),
            ),
            Use(
                "extrinsic_individual",
                "improved-user-confidence",
                baseline="2",
                target="3.5",
                how="The changes questions after each checker's feedback.",
                when=AFTER_FEEDBACK,
            ),
        ],
    ),
    "Recovery College: courses led by peer tutors": Plan(
        "Agreed with the peer tutors at the planning day.",
        [
            Use(
                "further_reaching_intrinsic",
                "percentage-of-users-who-had-access-to-training-to-develop-their-skills",
                baseline="40",
                target="75",
                how="Students offered a place on a course, out of all who asked, from bookings.",
                when=EVERY_QUARTER,
                values=(45, 55, 60, 70),
                evidence=(
                    "Bookings spreadsheet: 18 of 40.",
                    "Bookings spreadsheet: 22 of 40.",
                    "Bookings spreadsheet: 27 of 45, after the second tutor started.",
                    "Bookings spreadsheet: 28 of 40 so far.",
                ),
            ),
            Use(
                "further_reaching_intrinsic",
                "further-opportunities-for-learning-and-development",
                baseline="2",
                target="6",
                how="New courses and placements offered to students, from the prospectus.",
                when=EVERY_QUARTER,
                values=(3, 4, 6, None),
                evidence=(
                    "Two new courses and one placement.",
                    "Spring prospectus.",
                    "Summer prospectus and two volunteer placements.",
                ),
            ),
            Use(
                "further_reaching_intrinsic",
                "range-of-training-available-to-users",
                how="A short account from the prospectus.",
                when=EVERY_QUARTER,
                values=(
                    "Understanding recovery; Wellbeing planning.",
                    "Added: Living with voices, and Money and benefits.",
                    "Added: Becoming a peer tutor, led by two former students.",
                    None,
                ),
            ),
        ],
    ),
}

# Training completed: (course, quarters before the current one, people).
TRAINING = [
    ("Peer support: the basics", 2, ["Lena Brooks", "Ife Adeyemi", "Carl J.", "Femi Ade"]),
    (
        "Recruitment panel training",
        1,
        [
            "Hannah Cole",
            "Beth Carter",
            "Bernie T.",
            "Dee Walsh",
            "Lewis Grant",
            "Marion B.",
            "Kofi Mensah",
            "Martin O.",
            "Gwen Price",
        ],
    ),
    ("Chairing a meeting", 0, ["Dee Walsh", "Tyler M.", "Aisha K."]),
]


def ensure_demo_outcomes(people: dict[str, User]) -> list[tuple[str, str]]:
    """Measures, values, people's own scores and training for the demo organisation, where
    missing; returns the (label, path) lines seed_demo prints."""
    organisation = Organisation.objects.get(slug=ORGANISATION)
    quarters = quarters_ending(
        quarter_of(timezone.localdate(), organisation.year_start_month), QUARTERS
    )
    for title, plan in PLANS.items():
        activity = _activity(organisation, title)
        if activity is None or ActivityMeasure.objects.filter(activity=activity).exists():
            continue
        _measures_agree(activity, plan, quarters, people)
        # Only now: later answers are someone trying the demo, who may have skipped them.
        _self_reports_add(activity)
    _training_ensure(organisation, quarters, people["staff"])
    lines = [("See the outcomes for the organisation", reverse("outcomes:dashboard"))]
    shown = _activity(organisation, "Carers' forum")
    if shown is not None:
        path = reverse("outcomes:activity-measures", args=[shown.pk])
        lines.append(("See an activity's measures, values and people's own scores", path))
    empty = _activity(organisation, TO_CHOOSE)
    if empty is not None and not ActivityMeasure.objects.filter(activity=empty).exists():
        path = reverse("outcomes:activity-measures-choose", args=[empty.pk])
        lines.append(("Choose outcome measures for an activity", path))
    return lines


def _activity(organisation: Organisation, title: str) -> Activity | None:
    return (
        Activity.objects.filter(
            organisation=organisation, submission_key=demo_key(organisation, title)
        )
        .select_related("agreement", "lead")
        .first()
    )


def _measures_agree(activity: Activity, plan: Plan, quarters: list[Period], people) -> None:
    """Choose the measures, set baselines and targets, agree them again and record values."""
    actor = activity.lead or people["staff"]
    started = timezone.now()
    was_agreed = activity.agreement.state == activity.agreement.State.AGREED
    measures = {
        (m.aim.key, m.catalogue_key): m
        for m in Measure.objects.filter(organisation=activity.organisation).select_related("aim")
    }
    chosen = [(use, measures[(use.aim, use.item)]) for use in plan.uses]
    uses = services.activity_measures_choose(
        activity=activity, measures=[measure for _use, measure in chosen], added_by=actor
    )
    for (use, measure), activity_measure in zip(chosen, uses, strict=True):
        data = {"how_measured": use.how, "when_measured": use.when}
        if measure.is_numeric():
            data["baseline"] = measure.clean_number(use.baseline) if use.baseline else None
            data["target"] = measure.clean_number(use.target) if use.target else None
        if any(data.values()):
            services.activity_measure_update(
                activity_measure=activity_measure, data=data, changed_by=actor
            )
    # Agreed again a fortnight before the first quarter with values, never before the
    # activity started or was first agreed.
    earliest = [activity.starts_on, activity.agreement.agreed_on]
    first = quarters[0].start - datetime.timedelta(days=14)
    agreed_on = min(max([first, *filter(None, earliest)]), timezone.localdate())
    if was_agreed:
        agreement_record(
            agreement=activity.agreement,
            recorded_by=actor,
            agreed_on=agreed_on,
            agreed_how=plan.agreed_how,
            participant_names=list(activity.agreement.participants.values_list("name", flat=True)),
        )
    _backdate_events(activity, started, agreed_on)
    for (use, measure), activity_measure in zip(chosen, uses, strict=True):
        _values_record(activity_measure, measure, use, quarters, actor)


def _backdate_events(activity: Activity, since: datetime.datetime, agreed_on) -> None:
    """The history as it happened: measures written a week before they were agreed."""
    events = AgreementEvent.objects.filter(agreement=activity.agreement, created_at__gte=since)
    agreed = datetime.datetime.combine(
        agreed_on, datetime.time(11, 0), tzinfo=timezone.get_current_timezone()
    )
    events.filter(kind=AgreementEvent.Kind.AGREED).update(created_at=agreed)
    events.exclude(kind=AgreementEvent.Kind.AGREED).update(
        created_at=agreed - datetime.timedelta(days=7)
    )


def _values_record(activity_measure, measure: Measure, use: Use, quarters, actor) -> None:
    evidence = list(use.evidence) + [""] * len(quarters)
    for period, shown, note in zip(quarters, use.values, evidence, strict=False):
        if shown is None or _outside(activity_measure.activity, period):
            continue
        if measure.kind == Measure.Kind.YES_NO:
            value = {"answer": shown}
        elif measure.kind == Measure.Kind.NARRATIVE:
            value = {"narrative": shown}
        else:
            value = {"number": measure.clean_number(shown)}
        services.measure_value_record(
            activity_measure=activity_measure,
            period=period,
            value=value,
            evidence=note,
            recorded_by=actor,
        )


def _outside(activity: Activity, period: Period) -> bool:
    try:
        services.check_period_fits(activity, period)
    except ValidationError:
        return True
    return False


def _self_reports_add(activity: Activity) -> None:
    """Before-and-after scores on each answer sent: most people say things got a little
    better, a few that nothing changed."""
    uses = list(
        ActivityMeasure.objects.filter(
            activity=activity, measure__source=Measure.Source.SELF_REPORTED
        ).select_related("measure")
    )
    if not uses:
        return
    responses = FeedbackResponse.objects.filter(
        activity=activity, status=FeedbackResponse.Status.SUBMITTED
    ).select_related("request__participant")
    for response in responses:
        name = response.request.participant.name
        answers = {}
        for use in uses:
            rng = random.Random(f"{activity.title}:{name}:{use.measure.catalogue_key}")
            before = rng.choice([1, 2, 2, 2, 3, 3, 4])
            after = min(5, before + rng.choice([0, 1, 1, 1, 2]))
            answers[use.pk] = (before, after)
        services.self_reports_save(response=response, answers=answers)


def _training_ensure(organisation: Organisation, quarters: list[Period], staff: User) -> None:
    courses = [course for course, _ago, _names in TRAINING]
    if TrainingRecord.objects.filter(organisation=organisation, course__in=courses).exists():
        return
    today = timezone.localdate()
    for course, ago, names in TRAINING:
        period = quarters[-1 - ago]
        people = Participant.objects.filter(
            organisation=organisation, name__in=names, erased_at__isnull=True
        )
        for number, person in enumerate(people.order_by("name")):
            day = min(period.start + datetime.timedelta(days=20 + number * 3), period.end, today)
            services.training_record_add(
                participant=person, course=course, completed_on=day, recorded_by=staff
            )
