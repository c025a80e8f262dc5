"""Reads about the people involved: the scoped list, their involvements and attendance."""

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from ..models import Activity, Attendance, Involvement, Participant, Session


def participants_for(*, people: QuerySet, search: str = "") -> QuerySet:
    """`people` (the user's scope of them) with how many involvements each has, searched."""
    people = people.annotate(n_involvements=Count("involvements"))
    if search:
        people = people.filter(Q(name__icontains=search) | Q(email__icontains=search))
    return people.order_by("name")


def involvements_of(activity: Activity) -> QuerySet:
    return Involvement.objects.filter(activity=activity).select_related("participant")


def involvements_at(session: Session) -> QuerySet:
    """Who was involved in the session's activity on the day of the session."""
    day = timezone.localtime(session.starts_at).date()
    return involvements_of(session.activity).filter(pk__in=Involvement.objects.on(day))


def involvements_of_participant(participant: Participant) -> QuerySet:
    return (
        Involvement.objects.filter(participant=participant)
        .select_related("activity")
        .order_by("-started_on")
    )


def attendance_of(session: Session) -> dict[int, str]:
    return dict(Attendance.objects.filter(session=session).values_list("participant", "status"))
