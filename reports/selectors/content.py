"""What a report says, gathered from every app below this one for the report's period and
activities. Counts of people arrive suppressed (the organisation's threshold); every list
has a fixed order, so the same data always gives the same text.

A report is made inside a job, once, so these reads favour being plain over being cached.
"""

import datetime
from collections import Counter

from django.db.models import Q
from django.utils.translation import gettext as _

from activities import figures as activity_figures
from activities.models import Activity, Involvement, Participant
from activities.selectors.demographics import range_of_people
from involvement.figures import Span, evaluate_one
from involvement.models import OrganisationLogo
from outcomes.periods import quarter_of, quarters_ending
from outcomes.selectors.dashboard import TREND_QUARTERS, outcomes_dashboard
from quality import figures as quality_figures
from quality import rating
from quality.selectors import influence_flags, organisation_ratings

from ..models import Report
from .loop import loop_section
from .voices import voices

Window = tuple[datetime.date, datetime.date]


def previous_window(report: Report) -> Window:
    """The period just before, as long as the report's own."""
    end = report.period_start - datetime.timedelta(days=1)
    return end - (report.period_end - report.period_start), end


def scoped_activities(report: Report, window: Window) -> list[Activity]:
    """The report's activities that ran at some time in `window`."""
    start, end = window
    activities = Activity.objects.filter(organisation=report.organisation).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=start), starts_on__lte=end
    )
    if report.scope == Report.Scope.CHOSEN:
        activities = activities.filter(pk__in=report.activities.values("pk"))
    elif report.scope == Report.Scope.PROGRAMME:
        activities = activities.filter(programme=report.programme)
    related = ("approach", "agreement__influence_level")
    return list(activities.select_related(*related).order_by("title", "pk"))


def _people(activity_ids: list[int], window: Window):
    start, end = window
    places = Involvement.objects.filter(activity_id__in=activity_ids, started_on__lte=end).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=start)
    )
    return Participant.objects.filter(pk__in=places.values("participant_id"))


# The summary's figures, as activities/ and quality/figures.py define them.
KEY_FIGURES = {
    "sessions": activity_figures.EVENTS_HELD,
    "people": activity_figures.USERS_INVOLVED,
    "answers": quality_figures.GAVE_FEEDBACK,
    "felt_valued": quality_figures.FELT_VALUED,
}


def _key_numbers(organisation, activity_ids: list[int], window: Window) -> dict:
    figures = evaluate_one(
        KEY_FIGURES.values(),
        organisation=organisation,
        period=Span(*window),
        activity_ids=activity_ids,
    )
    return {
        "activities": len(activity_ids),
        **{name: figures[definition.key].shown for name, definition in KEY_FIGURES.items()},
    }


def _change(now, before) -> str:
    """The change from the previous period, when both numbers can be shown."""
    if not isinstance(now, int) or not isinstance(before, int):
        return "–"
    return f"{now - before:+d}" if now != before else _("no change")


def summary(report: Report, activities: list[Activity]) -> list[dict]:
    organisation = report.organisation
    window = (report.period_start, report.period_end)
    earlier = [a.pk for a in scoped_activities(report, previous_window(report))]
    now = _key_numbers(organisation, [a.pk for a in activities], window)
    before = _key_numbers(organisation, earlier, previous_window(report))
    labels = {
        "activities": _("Activities running"),
        "sessions": _("Sessions held"),
        "people": _("People involved"),
        "answers": _("People who gave feedback"),
        "felt_valued": _("Felt valued (% of those who answered)"),
    }
    return [
        {
            "key": key,
            "label": label,
            "now": now[key],
            "before": before[key],
            "change": _change(now[key], before[key]),
            "unit": "%" if key == "felt_valued" else "",
        }
        for key, label in labels.items()
    ]


def by_approach_and_level(activities: list[Activity]) -> dict:
    approaches = Counter(a.approach.name for a in activities)
    levels = Counter(
        a.agreement.influence_level.name
        if getattr(a, "agreement", None) and a.agreement.influence_level
        else _("Not agreed yet")
        for a in activities
    )
    return {
        "approaches": sorted(approaches.items(), key=lambda item: (-item[1], item[0])),
        "levels": sorted(levels.items(), key=lambda item: (-item[1], item[0])),
    }


def _logo(organisation) -> str:
    """The logo for a `data:` URL: the PDF's fetcher serves nothing else from outside."""
    logo = OrganisationLogo.objects.filter(organisation=organisation).first()
    return logo.as_base64() if logo else ""


def _flags(organisation, activities: list[Activity]) -> dict:
    flags = influence_flags(organisation, activities)
    ids = {a.pk for a in activities}
    flags["drafts_with_sessions"] = [a for a in flags["drafts_with_sessions"] if a.pk in ids]
    return flags


def report_content(report: Report) -> dict:
    """Everything the report template shows, for `report`."""
    organisation = report.organisation
    window = (report.period_start, report.period_end)
    activities = scoped_activities(report, window)
    ids = [a.pk for a in activities]
    last = quarter_of(report.period_end, organisation.year_start_month)
    rows = summary(report, activities)
    return {
        "report": report,
        "organisation": organisation,
        "logo": _logo(organisation),
        "threshold": organisation.suppression_threshold,
        "rules": rating,
        "empty": not activities,
        "activities": activities,
        "summary": rows,
        "people_involved": next(row["now"] for row in rows if row["key"] == "people"),
        "counts": by_approach_and_level(activities),
        "flags": _flags(organisation, activities),
        "presence": range_of_people(_people(ids, window), organisation),
        "outcomes": outcomes_dashboard(organisation, quarters_ending(last, TREND_QUARTERS)),
        "quality": organisation_ratings(organisation, activities),
        "loop": loop_section(organisation, ids, window),
        "voices": voices(ids, window),
    }
