"""Table 1's outputs counted from the activities' own tables, each defined once (the
mechanism is involvement/figures.py). The activity page, "who is involved", the outcomes
dashboard and figure pages, their CSVs and the report all read these.

People involved are distinct people: someone in two activities counts once, and people
whose identity was erased still count (their involvement happened; only who they are is
gone)."""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from involvement.figures import (
    NOT_PEOPLE,
    SHARE_OF_PEOPLE,
    Definition,
    Figure,
    at_moment_in,
    during,
    on_day_in,
    people_count,
    plain_count,
)
from involvement.suppression import SUPPRESSED, suppress_breakdown

from .models import Activity, Attendance, Involvement, Session

INFLUENCE_ROLES = [
    Involvement.Role.REPRESENTATIVE,
    Involvement.Role.CO_CHAIR,
    Involvement.Role.LEAD,
]
FINISHED = [Activity.Status.COMPLETED, Activity.Status.REVIEWED]


def involvements_of(organisation):
    return Involvement.objects.filter(organisation=organisation)


def _staff(organisation):
    return Activity.staff_involved.through.objects.filter(activity__organisation=organisation)


def _sessions(organisation):
    # Sessions and attendances share these rows, so an activity's page counts both in one
    # query (sessions are then counted distinct, as each attendance joins in).
    return Session.objects.filter(organisation=organisation)


def _finished(organisation):
    return Activity.objects.filter(organisation=organisation, status__in=FINISHED)


def _staff_during(period) -> Q:
    return during(period, "activity__starts_on", "activity__ends_on")


def _people(filter_for, distinct: str = "participant"):
    return lambda period: {"n": Count(distinct, distinct=True, filter=filter_for(period))}


def _came_in_parts(period) -> dict:
    def people(extra: Q):
        return Count("participant", distinct=True, filter=during(period) & extra)

    return {
        "people": people(Q()),
        "invited": people(Q(came_in=Involvement.CameIn.INVITED)),
        "volunteered": people(Q(came_in=Involvement.CameIn.VOLUNTEERED)),
    }


def came_in_shown(parts: dict, threshold: int) -> Figure:
    """Invited compared to volunteered, as distinct people: the share of the people
    involved who were invited, with both counts and the people they are out of.

    Someone invited to one activity who volunteered for another is in both counts, so the
    people are split three ways (invited only, volunteered only, both); when any of the
    three is too few to show, both counts and the share are hidden, so no small group can
    be worked out by subtraction."""
    people, invited, volunteered = parts["people"], parts["invited"], parts["volunteered"]
    groups = {
        "invited_only": people - volunteered,
        "volunteered_only": people - invited,
        "both": invited + volunteered - people,
    }
    shown_people, shown_groups = suppress_breakdown(people, groups, threshold)
    hidden = shown_people == SUPPRESSED or SUPPRESSED in shown_groups.values()
    shown = {
        "people": shown_people,
        "invited": SUPPRESSED if hidden else invited,
        "volunteered": SUPPRESSED if hidden else volunteered,
    }
    if not people:
        return Figure(shown=None, value=None, detail=_("Nobody yet"), parts=shown)
    detail = _("%(invited)s invited, %(volunteered)s volunteered, of %(people)s people") % shown
    if hidden:
        return Figure(shown=SUPPRESSED, value=None, detail=detail, parts=shown)
    percent = round(100 * invited / people)
    return Figure(shown=percent, value=percent, detail=detail, parts=shown, unit="%")


def _user_led(parts: dict, threshold: int) -> Figure:
    # Activities, not people: nothing to suppress.
    if not parts["total"]:
        return Figure(shown=None, value=None, detail=_("None finished in this period"))
    percent = round(100 * parts["yes"] / parts["total"])
    detail = _("%(yes)s of %(total)s finished") % parts
    return Figure(shown=percent, value=percent, detail=detail, parts=parts, unit="%")


def _told_us_during(period) -> Q:
    return during(period) & Q(participant__about_you__isnull=False)


def _influencing_during(period) -> Q:
    return during(period) & Q(role__in=INFLUENCE_ROLES)


def _held_in(period) -> Q:
    return at_moment_in(period, "starts_at")


def _sessions_held_in(period) -> dict:
    # Held: started by now; sessions still to come are not counted.
    held = _held_in(period) & Q(starts_at__lte=timezone.now())
    return {"n": Count("pk", distinct=True, filter=held)}


def _attended_in(period) -> dict:
    attended = _held_in(period) & Q(attendances__status=Attendance.Status.ATTENDED)
    return {"n": Count("attendances", filter=attended)}


def _finished_in(period) -> Q:
    return on_day_in(period, "ends_on")


USERS_INVOLVED = Definition(
    "users_involved",
    _lazy("People involved"),
    _lazy(
        "People with an involvement in an activity at any time in the period. Someone in two "
        "activities counts once. People whose details were erased still count."
    ),
    involvements_of,
    "activity",
    _people(during),
    people_count,
    during,
)
PLACES = Definition(
    "places",
    _lazy("Places taken in activities"),
    _lazy("Involvements in an activity in the period: a person in two activities takes two."),
    involvements_of,
    "activity",
    lambda period: {"n": Count("pk", filter=during(period))},
    people_count,
    during,
)
STAFF_INVOLVED = Definition(
    "staff_involved",
    _lazy("Staff involved"),
    _lazy("Staff named as involved in an activity that ran during the period."),
    _staff,
    "activity",
    _people(_staff_during, "user"),
    plain_count,
    _staff_during,
    suppression=NOT_PEOPLE,
)
RANGE_OF_USERS = Definition(
    "range_of_users",
    _lazy("The range of people involved"),
    _lazy(
        "People involved in the period who told us about themselves (age, gender, ethnic "
        "group, disability). The breakdown is on the figure's page."
    ),
    involvements_of,
    "activity",
    _people(_told_us_during),
    people_count,
    _told_us_during,
)
EVENTS_HELD = Definition(
    "events_held",
    _lazy("Sessions held"),
    _lazy("Sessions that took place in the period (sessions still to come are not counted)."),
    _sessions,
    "activity",
    _sessions_held_in,
    plain_count,
    _held_in,
    suppression=NOT_PEOPLE,
)
INVITED_VOLUNTEERED = Definition(
    "invited_volunteered",
    _lazy("Invited compared to volunteered"),
    _lazy(
        "Of the people involved in the period (each person once), how many were invited and "
        "how many volunteered, and the share who were invited. Someone invited to one "
        "activity who volunteered for another is counted in both, so the two can add up to "
        "more than the people involved."
    ),
    involvements_of,
    "activity",
    _came_in_parts,
    came_in_shown,
    during,
    unit="%",
    denominator="users_involved",
    suppression=SHARE_OF_PEOPLE,
)
IN_INFLUENCE_ROLES = Definition(
    "in_influence_roles",
    _lazy("People in an influence role"),
    _lazy("People involved in the period as a representative, co-chair or lead."),
    involvements_of,
    "activity",
    _people(_influencing_during),
    people_count,
    _influencing_during,
)
ATTENDED = Definition(
    "attended",
    _lazy("Attendances recorded"),
    _lazy("Times a person was recorded as attending a session held in the period."),
    _sessions,
    "activity",
    _attended_in,
    people_count,
    _held_in,
)
USER_LED = Definition(
    "user_led",
    _lazy("User-led to completion"),
    _lazy(
        "Activities that finished in the period (completed or reviewed, with an end date in "
        "the period) whose approach is user-led."
    ),
    _finished,
    "pk",
    lambda period: {
        "yes": Count("pk", filter=_finished_in(period) & Q(approach__key="user_led")),
        "total": Count("pk", filter=_finished_in(period)),
    },
    _user_led,
    _finished_in,
    unit="%",
    denominator=_lazy("activities finished in the period"),
    suppression=NOT_PEOPLE,
)

# The activity page's and "who is involved"'s figures, in the order they print them.
AT_A_GLANCE = [USERS_INVOLVED, INVITED_VOLUNTEERED, STAFF_INVOLVED, EVENTS_HELD, ATTENDED]
WHO_IS_INVOLVED = [USERS_INVOLVED, STAFF_INVOLVED, EVENTS_HELD, PLACES, INVITED_VOLUNTEERED]
