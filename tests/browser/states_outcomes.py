"""Page states for outcome measures: the organisation's dashboard and figures, the measures
catalogue, an activity's measures and the forms that choose, agree and record them, training
records, and the changes page a person answers after their feedback, in both modes."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from activities.models import Aim
from outcomes import services
from outcomes.models import ActivityMeasure, Measure
from outcomes.periods import quarter_of, quarters_ending
from quality import services as feedback_services
from quality.models import FeedbackResponse

from .helpers import (
    expect_error_summary,
    expect_heading,
    make_activity,
    organisation_of,
    sign_in,
    submit,
)
from .states_feedback import ANSWERS, answer_on_behalf, easy_read_on, link_for, open_link
from .states_people import COUNCIL, council

# --- data -------------------------------------------------------------------------------------

AIMS = ["collective_intrinsic", "further_reaching_intrinsic", "service_organisational"]
ALTERED = ("service_organisational", "altered-decisions-because-of-service-user-influence")
DEFINED = ("service_organisational", "an-altered-set-of-outcomes-relevant-to-user-is-defined")
REPRESENTED = ("service_organisational", "views-of-those-involved-are-more-clearly-represented")
FEEDBACK_SHARE = (
    "service_organisational",
    "percentage-of-services-and-products-which-include-user-feedback",
)
STAFF_UNDERSTANDING = ("service_organisational", "improved-staff-understanding-of-user-experience")
WENT_ON = ("further_reaching_intrinsic", "gone-on-to-do-other-involvement-work-in-the-community")
INVOLVED = ("collective_intrinsic", "number-of-users-involved")
MET_PEERS = ("collective_intrinsic", "number-of-users-who-met-peers")
CONTACT = ("collective_intrinsic", "opportunities-to-meet-people-social-contact")
PEER_SUPPORT = ("collective_intrinsic", "users-can-give-and-receive-peer-support")

# Values for the last four quarters, oldest first (None: nothing recorded). The count of
# people who went on is small, so it shows as *.
VALUES = {
    ALTERED: [2, 3, 5, None],
    DEFINED: [False, False, True, None],
    REPRESENTED: [
        "Views went to the board in a staff report.",
        None,
        "The council wrote its own board paper.",
        None,
    ],
    FEEDBACK_SHARE: [30, 45, 55, 60],
    WENT_ON: [None, 2, 3, None],
}
ABOUT_YOU = [
    ("18_24", "woman", "white", "no"),
    ("25_34", "man", "black", "yes"),
    ("25_34", "woman", "asian", "no"),
    ("35_44", "woman", "white", "prefer_not"),
    ("35_44", "man", "white", "no"),
    ("45_54", "non_binary", "mixed", "yes"),
    ("55_64", "woman", "white", "no"),
    ("65_74", "man", "black", "no"),
    ("25_34", "woman", "white", "yes"),
]


def measure(organisation, key) -> Measure:
    aim, item = key
    return Measure.objects.get(organisation=organisation, aim__key=aim, catalogue_key=item)


def quarters_run(activity) -> list:
    """The last four quarters, each only if the activity ran in it."""
    today = timezone.localdate()
    periods = quarters_ending(quarter_of(today, activity.organisation.year_start_month), 4)
    fits = []
    for period in periods:
        try:
            services.check_period_fits(activity, period)
        except ValidationError:
            fits.append(None)
        else:
            fits.append(period)
    return fits


def choose(activity, keys, by) -> dict:
    chosen = [measure(activity.organisation, key) for key in keys]
    uses = services.activity_measures_choose(activity=activity, measures=chosen, added_by=by)
    return dict(zip(keys, uses, strict=True))


def record(use, values, by) -> None:
    kind = use.measure.kind
    for period, shown in zip(quarters_run(use.activity), values, strict=True):
        if period is None or shown is None:
            continue
        if kind == Measure.Kind.YES_NO:
            value = {"answer": shown}
        elif kind == Measure.Kind.NARRATIVE:
            value = {"narrative": shown}
        else:
            value = {"number": Decimal(str(shown))}
        services.measure_value_record(
            activity_measure=use,
            period=period,
            value=value,
            evidence="From the minutes of the council meeting.",
            recorded_by=by,
        )


def outcomes_council(people):
    """The Voices Council with three intended aims and a measure of every kind: counts,
    yes/no, words and a percentage recorded with values, a count of people small enough to
    show as *, computed figures, and two self-reported measures; everyone has sent feedback
    and scored one change (enough people to show), three scored the other (shown as *)."""
    staff = people["staff"]
    activity = council(people)
    activity.aims.set(Aim.objects.filter(key__in=AIMS))
    keys = [*VALUES, STAFF_UNDERSTANDING, INVOLVED, MET_PEERS, CONTACT, PEER_SUPPORT]
    uses = choose(activity, keys, staff)
    services.activity_measure_update(
        activity_measure=uses[ALTERED],
        data={
            "baseline": Decimal(2),
            "target": Decimal(6),
            "how_measured": "Decisions the council changed, from the minutes.",
            "when_measured": "Every quarter",
        },
        changed_by=staff,
    )
    services.activity_measure_update(
        activity_measure=uses[CONTACT],
        data={"baseline": Decimal("2.5"), "target": Decimal("3.5")},
        changed_by=staff,
    )
    for key, values in VALUES.items():
        record(uses[key], values, staff)
    names = [name for name, *_rest in COUNCIL]
    answer_on_behalf(activity, people, names)
    responses = FeedbackResponse.objects.filter(activity=activity).order_by("pk")
    for number, response in enumerate(responses):
        answers = {uses[CONTACT].pk: (2, 4)}
        if number < 3:
            answers[uses[PEER_SUPPORT].pk] = (1, 3)
        services.self_reports_save(response=response, answers=answers)
    for person, answers in zip(
        activity.organisation.participants.order_by("pk"), ABOUT_YOU, strict=False
    ):
        feedback_services.about_you_save(
            participant=person,
            values=dict(
                zip(["age_band", "gender", "ethnicity", "disability"], answers, strict=True)
            ),
            consent_wording="I agree to you keeping these answers.",
        )
    return activity, uses


def training(activity, people, names) -> None:
    day = quarter_of(timezone.localdate(), activity.organisation.year_start_month).start
    for name in names:
        services.training_record_add(
            participant=activity.organisation.participants.get(name=name),
            course="Recruitment panel training",
            completed_on=min(day + datetime.timedelta(days=5), timezone.localdate()),
            recorded_by=people["staff"],
        )


def planned(people):
    """An activity with intended aims and no measures yet."""
    activity = make_activity(by=people["staff"], title="Carers' forum", days_from_now=-200)
    activity.aims.set(
        Aim.objects.filter(key__in=["collective_intrinsic", "service_organisational"])
    )
    return activity


def use_of(activity, key) -> ActivityMeasure:
    return ActivityMeasure.objects.get(
        activity=activity, measure__aim__key=key[0], measure__catalogue_key=key[1]
    )


def with_changes_questions(people):
    """The council asking two changes after feedback, and Dee's link: (request, token)."""
    activity = council(people)
    choose(activity, [CONTACT, PEER_SUPPORT], people["staff"])
    _activity, request, token = link_for(people, activity)
    return request, token


def expect_summary_links_work(page):
    """Every link in the error summary goes to a control on the page (crispy-forms-gds gets
    radios and checkboxes wrong upstream, #92; axe cannot tell)."""
    expect_error_summary(page)
    targets = page.eval_on_selector_all(
        ".govuk-error-summary a",
        "links => links.map(a => {"
        "  const el = document.getElementById(a.hash.slice(1));"
        "  return [a.hash, Boolean(el && el.matches('input, select, textarea'))];"
        "})",
    )
    assert targets and all(found for _hash, found in targets), targets


# --- the dashboard and its figures ------------------------------------------------------------


def dashboard_outputs_only(page, people, live_server):
    """Nothing chosen yet: computed outputs only, and a warning under every aim."""
    council(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("outcomes:dashboard"))
    expect_heading(page, "Outcomes")
    assert page.get_by_text("Only outputs are measured for this aim.").first.is_visible()


def dashboard_with_data(page, people, live_server):
    activity, _uses = outcomes_council(people)
    training(activity, people, ["Dee Walsh", "Kofi Mensah", "Marion B."])
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("outcomes:dashboard"))
    main = page.locator("main")
    assert main.locator("svg.inv-trend").count() >= 2, "trend charts"
    assert main.get_by_text("(too few to show)").count() >= 2, "suppressed cells"
    assert "2 → 4" in main.inner_text()


def dashboard_earlier_quarter(page, people, live_server):
    outcomes_council(people)
    sign_in(page, people["trustee"], live_server)
    year_start = organisation_of(people["trustee"]).year_start_month
    earlier = quarter_of(timezone.localdate(), year_start).previous().previous()
    page.goto(reverse("outcomes:dashboard") + f"?period={earlier.key}")
    assert page.locator("#period").input_value() == earlier.key


def figure_users_involved(page, people, live_server):
    outcomes_council(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("outcomes:figure-detail", args=["users_involved"]))
    expect_heading(page, "Number of users involved")
    assert page.get_by_role("link", name="Voices Council").is_visible()


def figure_range_of_users(page, people, live_server):
    outcomes_council(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("outcomes:figure-detail", args=["range_of_users"]))
    assert page.get_by_text("The range of people involved this quarter").is_visible()
    assert page.locator("main table").count() >= 2


def figure_nothing_this_quarter(page, people, live_server):
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("outcomes:figure-detail", args=["user_led"]))
    assert page.get_by_text("No activity added to this figure in this quarter.").is_visible()


# --- the catalogue ----------------------------------------------------------------------------


def measure_list(page, people, live_server):
    """Table 1's measures, one of the organisation's own, and a retired one."""
    organisation = organisation_of(people["staff"])
    services.measure_create(
        organisation=organisation,
        data={
            "aim": Aim.objects.get(key="collective_intrinsic"),
            "tier": Measure.Tier.OUTCOME,
            "name": "People feel the group is theirs",
            "kind": Measure.Kind.SCALE,
            "source": Measure.Source.SELF_REPORTED,
            "self_defined": True,
            "question": "How much do you feel the group is yours?",
        },
    )
    services.measure_retire(measure=measure(organisation, WENT_ON))
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("outcomes:measure-list"))
    expect_heading(page, "Outcome measures")
    assert page.get_by_text("Your own").is_visible()


def measure_add(page, people, live_server):
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("outcomes:measure-create"))
    expect_heading(page, "Add a measure")


def measure_add_error(page, people, live_server):
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("outcomes:measure-create"))
    submit(page, "Save measure")
    expect_summary_links_work(page)
    assert page.title().startswith("Error:")


def measure_add_self_reported_error(page, people, live_server):
    """Self-reported, but a count and with no question: errors on a radio group and a field."""
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("outcomes:measure-create"))
    page.get_by_label("Collective intrinsic process outcomes").check()
    page.get_by_label("Outcome", exact=True).check()
    page.get_by_label("Measure", exact=True).fill("People feel the group is theirs")
    page.get_by_role("radio", name="A count").check()
    page.get_by_label("Told us by the people involved, in their feedback").check()
    submit(page, "Save measure")
    expect_summary_links_work(page)
    assert page.locator(".govuk-error-message").count() == 2


def measure_edit(page, people, live_server):
    organisation = organisation_of(people["staff"])
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("outcomes:measure-update", args=[measure(organisation, ALTERED).pk]))
    expect_heading(page, "Change a measure")
    assert page.get_by_role("radio", name="A count").is_checked()


def measure_edit_with_values(page, people, live_server):
    """Values recorded: only the wording can change."""
    activity, _uses = outcomes_council(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("outcomes:measure-update", args=[measure(activity.organisation, ALTERED).pk]))
    assert page.locator("input[name=kind]").count() == 0
    assert page.locator(".govuk-inset-text").is_visible()


# --- one activity's measures ------------------------------------------------------------------


def activity_measures_none(page, people, live_server):
    activity = planned(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("outcomes:activity-measures", args=[activity.pk]))
    assert page.get_by_text("No measures chosen yet.").is_visible()


def activity_measures_with_values(page, people, live_server):
    """Recorded, computed and self-reported rows, with charts, evidence and *; changed after
    agreement, so a warning to agree again."""
    activity, _uses = outcomes_council(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("outcomes:activity-measures", args=[activity.pk]))
    main = page.locator("main")
    assert main.locator(".govuk-summary-card").count() == 10
    assert main.locator("svg.inv-chart-bar").count() >= 2
    assert "2 → 4" in main.inner_text()
    assert main.get_by_text("(too few to show)").count() >= 1
    assert main.locator(".govuk-warning-text").is_visible()


def activity_measures_trustee(page, people, live_server):
    activity, _uses = outcomes_council(people)
    sign_in(page, people["trustee"], live_server)
    page.goto(reverse("outcomes:activity-measures", args=[activity.pk]))
    assert page.get_by_role("link", name="Record a value").count() == 0


def choose_measures(page, people, live_server):
    activity = planned(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("outcomes:activity-measures-choose", args=[activity.pk]))
    expect_heading(page, "Choose outcome measures")
    assert page.locator("main .govuk-checkboxes__input:visible").count() > 10


def choose_measures_error(page, people, live_server):
    activity = planned(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("outcomes:activity-measures-choose", args=[activity.pk]))
    submit(page, "Add these measures")
    expect_summary_links_work(page)
    assert page.get_by_text("Tick at least one measure.").first.is_visible()


def choose_measures_no_aims(page, people, live_server):
    """No intended aims: every measure is under "All measures", open."""
    activity = make_activity(by=people["staff"], title="Ward food tasting panel")
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("outcomes:activity-measures-choose", args=[activity.pk]))
    assert page.locator("details[open]").count() == 1


def activity_measure_edit(page, people, live_server):
    activity, uses = outcomes_council(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("outcomes:activity-measure-update", args=[uses[ALTERED].pk]))
    assert page.locator("#id_baseline").input_value() == "2.0"


def activity_measure_target_without_baseline(page, people, live_server):
    activity, uses = outcomes_council(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("outcomes:activity-measure-update", args=[uses[STAFF_UNDERSTANDING].pk]))
    page.locator("#id_target").fill("4")
    submit(page, "Save")
    expect_summary_links_work(page)
    assert page.get_by_text("Enter a baseline").first.is_visible()


def activity_measure_bad_numbers(page, people, live_server):
    activity, uses = outcomes_council(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("outcomes:activity-measure-update", args=[uses[STAFF_UNDERSTANDING].pk]))
    page.locator("#id_baseline").fill("lots")
    page.locator("#id_target").fill("9")
    submit(page, "Save")
    expect_summary_links_work(page)
    assert page.locator(".govuk-error-message").count() == 2


def record_value(page, people, live_server):
    activity, uses = outcomes_council(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("outcomes:measure-value-record", args=[uses[ALTERED].pk]))
    expect_heading(page, "Record a value")


def record_value_bad_number(page, people, live_server):
    activity, uses = outcomes_council(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("outcomes:measure-value-record", args=[uses[ALTERED].pk]))
    page.locator("#id_value").fill("twelve")
    submit(page, "Save value")
    expect_summary_links_work(page)
    assert page.get_by_text("Enter a number, like 12.").first.is_visible()


def record_value_yes_no_error(page, people, live_server):
    activity, uses = outcomes_council(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("outcomes:measure-value-record", args=[uses[DEFINED].pk]))
    assert not page.locator("input[name=value]:checked").count()
    submit(page, "Save value")
    expect_summary_links_work(page)


def record_value_words(page, people, live_server):
    activity, uses = outcomes_council(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("outcomes:measure-value-record", args=[uses[REPRESENTED].pk]))
    assert page.locator("textarea#id_value").is_visible()


# --- training ---------------------------------------------------------------------------------


def training_list_empty(page, people, live_server):
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("outcomes:training-list"))
    assert page.get_by_text("No training recorded yet.").is_visible()


def training_list(page, people, live_server):
    activity = council(people)
    training(activity, people, [name for name, *_rest in COUNCIL])
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("outcomes:training-list"))
    assert page.locator("main tbody tr").count() == len(COUNCIL)


def training_add(page, people, live_server):
    council(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("outcomes:training-create"))
    expect_heading(page, "Record training completed")


def training_add_error(page, people, live_server):
    council(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("outcomes:training-create"))
    page.locator("#id_completed_on").fill(
        (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    )
    submit(page, "Save training")
    expect_summary_links_work(page)
    assert page.get_by_text("The date cannot be in the future.").first.is_visible()


# --- the person's changes page, through their link --------------------------------------------


def changes_standard(page, people, live_server):
    request, token = with_changes_questions(people)
    feedback_services.feedback_save(request=request, values=ANSWERS, submit=True)
    open_link(page, token)
    page.goto(reverse("participant:self-report", args=[request.pk]))
    expect_heading(page, "What has changed for you")
    assert page.locator("input[type=radio]").count() == 4 * 6


def changes_easy_read(page, people, live_server):
    request, token = with_changes_questions(people)
    open_link(page, token)
    easy_read_on(page)
    feedback_services.feedback_save(request=request, values=ANSWERS, submit=True)
    page.goto(reverse("participant:self-report", args=[request.pk]))
    expect_heading(page, "Has anything changed for you?")
    assert page.locator("body.inv-easy-read").count() == 1


def changes_answered_before(page, people, live_server):
    """Coming back to the page: the scores given are chosen."""
    request, token = with_changes_questions(people)
    response = feedback_services.feedback_save(request=request, values=ANSWERS, submit=True)
    uses = ActivityMeasure.objects.filter(activity=request.activity).order_by("pk")
    services.self_reports_save(response=response, answers={uses[0].pk: (2, 4)})
    open_link(page, token)
    page.goto(reverse("participant:self-report", args=[request.pk]))
    assert page.locator("input[type=radio]:checked").count() == 2


OUTCOMES_STATES = [
    dashboard_outputs_only,
    dashboard_with_data,
    dashboard_earlier_quarter,
    figure_users_involved,
    figure_range_of_users,
    figure_nothing_this_quarter,
    measure_list,
    measure_add,
    measure_add_error,
    measure_add_self_reported_error,
    measure_edit,
    measure_edit_with_values,
    activity_measures_none,
    activity_measures_with_values,
    activity_measures_trustee,
    choose_measures,
    choose_measures_error,
    choose_measures_no_aims,
    activity_measure_edit,
    activity_measure_target_without_baseline,
    activity_measure_bad_numbers,
    record_value,
    record_value_bad_number,
    record_value_yes_no_error,
    record_value_words,
    training_list_empty,
    training_list,
    training_add,
    training_add_error,
    changes_standard,
    changes_easy_read,
    changes_answered_before,
]
