"""activities/services.py and the rules on the models they call."""

import datetime
import uuid
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from activities import services
from activities.forms import AccessibilityCheckFormSet
from activities.models import (
    AccessibilityCheck,
    AccessibilitySystem,
    Activity,
    Agreement,
    AgreementEvent,
    Aim,
    Approach,
    Attendance,
    Participant,
)

from ..factories import (
    ActivityFactory,
    InvolvementFactory,
    ParticipantFactory,
    SessionFactory,
    first_approach,
    influence_level,
)

Status = Activity.Status


def activity_data(**overrides) -> dict:
    return {
        "title": "Voices Council",
        "overview": "A monthly group that shapes the service.",
        "starts_on": datetime.date(2026, 4, 1),
        "approach": first_approach(),
        "decision_level": "service",
        **overrides,
    }


@pytest.fixture
def activity(brightwater, staff):
    return ActivityFactory(organisation=brightwater, created_by=staff)


def write_terms(activity, **terms):
    terms = {"purpose": "To shape the service", "influence_level": influence_level(), **terms}
    Agreement.objects.filter(activity=activity).update(**terms)
    activity.refresh_from_db()
    return activity.agreement


def record(agreement, by, names=("Ann",), on=datetime.date(2026, 1, 20)):
    return services.agreement_record(
        agreement=agreement,
        recorded_by=by,
        agreed_on=on,
        agreed_how="At the first meeting",
        participant_names=list(names),
    )


def test_activity_create_makes_a_draft_with_one_agreement_and_the_checklist(brightwater, staff):
    aims = list(Aim.objects.all()[:2])
    activity = services.activity_create(
        organisation=brightwater, created_by=staff, data=activity_data(aims=aims)
    )
    assert activity.status == Status.DRAFT
    assert activity.created_by == staff
    assert set(activity.aims.all()) == set(aims)
    assert Agreement.objects.get(activity=activity).state == Agreement.State.NOT_AGREED
    checks = AccessibilityCheck.objects.filter(activity=activity, organisation=brightwater)
    assert sorted(checks.values_list("system", flat=True)) == sorted(AccessibilitySystem.values)


def test_activity_create_with_the_same_submission_key_returns_the_first(brightwater, staff):
    key = uuid.uuid4()
    first = services.activity_create(
        organisation=brightwater, created_by=staff, data=activity_data(), submission_key=key
    )
    again = services.activity_create(
        organisation=brightwater, created_by=staff, data=activity_data(), submission_key=key
    )
    assert again == first
    assert Activity.objects.count() == Agreement.objects.count() == 1


def test_submission_keys_belong_to_one_organisation(brightwater, northgate, staff):
    key = uuid.uuid4()
    for organisation in (brightwater, northgate):
        services.activity_create(
            organisation=organisation, created_by=staff, data=activity_data(), submission_key=key
        )
    assert Activity.objects.count() == 2


def test_activity_update_changes_fields_and_aims(activity):
    aim = Aim.objects.first()
    approach = Approach.objects.last()
    services.activity_update(
        activity=activity, data={"title": "Renamed", "approach": approach, "aims": [aim]}
    )
    activity = Activity.objects.get(pk=activity.pk)
    assert (activity.title, activity.approach) == ("Renamed", approach)
    assert list(activity.aims.all()) == [aim]


ALLOWED = {
    (Status.DRAFT, Status.AGREED),
    (Status.AGREED, Status.RUNNING),
    (Status.AGREED, Status.DRAFT),
    (Status.RUNNING, Status.COMPLETED),
    (Status.COMPLETED, Status.REVIEWED),
    (Status.COMPLETED, Status.RUNNING),
}


@pytest.mark.parametrize("to_status", Status.values)
@pytest.mark.parametrize("from_status", Status.values)
def test_transitions_follow_the_table(from_status, to_status, brightwater, staff):
    activity = ActivityFactory(organisation=brightwater, created_by=staff, agreed_with=["Ann"])
    Activity.objects.filter(pk=activity.pk).update(status=from_status)
    activity.refresh_from_db()
    if (from_status, to_status) in ALLOWED:
        assert services.activity_transition(activity=activity, to_status=to_status)
        assert Activity.objects.get(pk=activity.pk).status == to_status
    else:
        with pytest.raises(ValidationError, match="cannot go from"):
            services.activity_transition(activity=activity, to_status=to_status)
        assert Activity.objects.get(pk=activity.pk).status == from_status


def test_a_draft_cannot_be_agreed_with_nothing_written_down(activity):
    with pytest.raises(ValidationError, match="cannot leave draft"):
        services.activity_transition(activity=activity, to_status=Status.AGREED)


def test_a_draft_cannot_be_agreed_until_the_agreement_is_recorded(activity, staff):
    agreement = write_terms(activity)
    with pytest.raises(ValidationError, match="cannot leave draft"):
        services.activity_transition(activity=activity, to_status=Status.AGREED)

    record(agreement, staff)
    Activity.objects.filter(pk=activity.pk).update(status=Status.DRAFT)
    services.activity_transition(activity=activity, to_status=Status.AGREED)
    assert Activity.objects.get(pk=activity.pk).status == Status.AGREED


def test_a_draft_whose_agreement_needs_agreeing_again_stays_draft(activity, staff):
    record(write_terms(activity), staff)
    Activity.objects.filter(pk=activity.pk).update(status=Status.DRAFT)
    services.agreement_update(
        agreement=activity.agreement, changed_by=staff, data={"purpose": "Something else"}
    )
    with pytest.raises(ValidationError, match="cannot leave draft"):
        services.activity_transition(activity=activity, to_status=Status.AGREED)


def test_an_unknown_status_is_refused(activity):
    with pytest.raises(ValidationError, match="Choose a status from the list"):
        services.activity_transition(activity=activity, to_status="archived")


def test_agreement_update_keeps_who_changed_what_and_when(activity, staff):
    before = timezone.now()
    level = influence_level("participation")
    services.agreement_update(
        agreement=activity.agreement,
        changed_by=staff,
        data={"purpose": "To shape the service", "influence_level": level, "monitoring": ""},
    )
    event = AgreementEvent.objects.get()
    assert event.kind == AgreementEvent.Kind.CHANGED
    assert event.actor == staff
    assert event.organisation == activity.organisation
    assert before <= event.created_at <= timezone.now()
    assert event.changes == [
        {"field": "purpose", "label": "purpose", "old": "", "new": "To shape the service"},
        {"field": "influence_level", "label": "influence level", "old": "", "new": level.name},
    ]
    agreement = Agreement.objects.get(pk=activity.agreement.pk)
    assert (agreement.purpose, agreement.influence_level) == ("To shape the service", level)


def test_agreement_update_without_a_change_writes_no_history(activity, staff):
    services.agreement_update(agreement=activity.agreement, changed_by=staff, data={"purpose": ""})
    assert not AgreementEvent.objects.exists()


@pytest.mark.parametrize(
    "field, value",
    [
        ("purpose", "A different purpose"),
        ("objectives", "New objectives"),
        ("influence_level", "delegated_power"),
        ("can_influence", "The budget"),
        ("cannot_influence", "Staffing"),
    ],
)
def test_changing_agreed_terms_means_agreeing_again(activity, staff, field, value):
    agreement = record(write_terms(activity), staff)
    if field == "influence_level":
        value = influence_level(value)
    services.agreement_update(agreement=agreement, changed_by=staff, data={field: value})
    agreement.refresh_from_db()
    assert agreement.state == Agreement.State.NEEDS_REAGREEMENT


def test_changing_only_the_monitoring_keeps_the_agreement(activity, staff):
    agreement = record(write_terms(activity), staff)
    services.agreement_update(
        agreement=agreement, changed_by=staff, data={"monitoring": "A review every quarter"}
    )
    agreement.refresh_from_db()
    assert agreement.state == Agreement.State.AGREED
    assert AgreementEvent.objects.filter(kind=AgreementEvent.Kind.CHANGED).count() == 1


def test_changing_terms_before_agreement_leaves_it_not_agreed(activity, staff):
    services.agreement_update(
        agreement=activity.agreement, changed_by=staff, data={"purpose": "To shape the service"}
    )
    assert Agreement.objects.get(activity=activity).state == Agreement.State.NOT_AGREED


def test_agreement_record_agrees_a_draft_and_keeps_the_history(activity, staff):
    agreement = record(write_terms(activity), staff, names=["Ann", "Bo"])
    assert agreement.state == Agreement.State.AGREED
    assert agreement.agreed_on == datetime.date(2026, 1, 20)
    assert agreement.agreed_how == "At the first meeting"
    assert Activity.objects.get(pk=activity.pk).status == Status.AGREED
    event = AgreementEvent.objects.get()
    assert (event.kind, event.actor) == (AgreementEvent.Kind.AGREED, staff)
    # Names are rows, not text, so only people allowed to see names see them.
    assert event.note == "Agreed on 20/01/2026. At the first meeting"
    assert sorted(p.name for p in event.participants.all()) == ["Ann", "Bo"]


def test_agreement_record_finds_or_creates_participants_by_name(
    activity, staff, brightwater, northgate
):
    ann = ParticipantFactory(organisation=brightwater, name="Ann")
    ParticipantFactory(organisation=northgate, name="Bo")
    agreement = record(write_terms(activity), staff, names=["Ann", "Bo"])
    participants = list(agreement.participants.order_by("name"))
    assert participants[0] == ann
    assert participants[1].organisation == brightwater
    assert Participant.objects.filter(name="Bo").count() == 2


def test_agreeing_again_replaces_who_took_part_and_keeps_a_running_activity_running(
    activity, staff
):
    agreement = record(write_terms(activity), staff, names=["Ann"])
    Activity.objects.filter(pk=activity.pk).update(status=Status.RUNNING)
    services.agreement_update(agreement=agreement, changed_by=staff, data={"purpose": "New"})
    agreement = record(agreement, staff, names=["Bo", "Cy"])
    assert agreement.state == Agreement.State.AGREED
    assert sorted(agreement.participants.values_list("name", flat=True)) == ["Bo", "Cy"]
    assert Activity.objects.get(pk=activity.pk).status == Status.RUNNING
    assert AgreementEvent.objects.filter(kind=AgreementEvent.Kind.AGREED).count() == 2


def test_agreement_record_refuses_when_purpose_or_level_is_missing(activity, staff):
    write_terms(activity, influence_level=None)
    with pytest.raises(ValueError, match="purpose and choose the influence level"):
        record(activity.agreement, staff)
    assert not AgreementEvent.objects.exists()
    assert not Participant.objects.exists()


def test_session_notice_days_counts_days_from_papers_to_the_session_day(activity):
    london = zoneinfo.ZoneInfo("Europe/London")
    # Half past midnight in London is still the day before in UTC: count London days.
    starts_at = datetime.datetime(2026, 6, 11, 0, 30, tzinfo=london)
    session = SessionFactory(
        activity=activity, starts_at=starts_at, papers_sent_on=datetime.date(2026, 6, 4)
    )
    assert session.notice_days == 7


def test_session_notice_days_is_none_before_papers_are_sent(activity):
    assert SessionFactory(activity=activity, papers_sent_on=None).notice_days is None


def test_accessibility_checks_save_writes_the_changed_status(activity):
    checks = list(AccessibilityCheck.objects.filter(activity=activity))
    data = {"form-TOTAL_FORMS": len(checks), "form-INITIAL_FORMS": len(checks)}
    for i, check in enumerate(checks):
        data |= {f"form-{i}-id": check.pk, f"form-{i}-status": check.status}
    data["form-2-status"] = AccessibilityCheck.Status.IN_PLACE
    formset = AccessibilityCheckFormSet(
        data, queryset=AccessibilityCheck.objects.filter(activity=activity)
    )
    assert formset.is_valid(), formset.errors
    services.accessibility_checks_save(formset=formset)
    statuses = AccessibilityCheck.objects.filter(activity=activity).values_list("status", flat=True)
    assert sorted(statuses).count(AccessibilityCheck.Status.IN_PLACE) == 1


@pytest.fixture
def session(activity):
    return SessionFactory(activity=activity)


def attendance(session) -> dict[str, str]:
    return {a.participant.name: a.status for a in Attendance.objects.filter(session=session)}


def test_attendance_record_sets_changes_and_clears(activity, session, brightwater):
    ann = InvolvementFactory(activity=activity, participant__name="Ann").participant
    bo = InvolvementFactory(activity=activity, participant__name="Bo").participant

    services.attendance_record(session=session, statuses={ann.pk: "attended", bo.pk: "absent"})
    assert attendance(session) == {"Ann": "attended", "Bo": "absent"}

    services.attendance_record(session=session, statuses={ann.pk: "apologies", bo.pk: ""})
    assert attendance(session) == {"Ann": "apologies"}
    assert Attendance.objects.get().organisation == brightwater


def test_attendance_record_ignores_people_not_involved_in_the_activity(
    activity, session, brightwater, staff
):
    ann = InvolvementFactory(activity=activity, participant__name="Ann").participant
    elsewhere = InvolvementFactory(
        activity=ActivityFactory(organisation=brightwater, created_by=staff),
        participant__name="Elsewhere",
    ).participant
    nobody = ParticipantFactory(organisation=brightwater, name="Nobody")
    statuses = {ann.pk: "attended", elsewhere.pk: "attended", nobody.pk: "attended"}
    services.attendance_record(session=session, statuses=statuses)
    assert attendance(session) == {"Ann": "attended"}


def test_agreement_record_finds_a_person_whatever_the_case(activity, staff, brightwater):
    ann = ParticipantFactory(organisation=brightwater, name="Ann Lee")
    agreement = record(write_terms(activity), staff, names=["ann lee"])
    assert list(agreement.participants.all()) == [ann]
    assert Participant.objects.filter(organisation=brightwater).count() == 1


def test_attendance_record_only_takes_people_involved_on_the_day(activity, session):
    # The session is on 10 March 2026.
    joined_later = InvolvementFactory(
        activity=activity, participant__name="Later", started_on=datetime.date(2026, 3, 11)
    ).participant
    left_before = InvolvementFactory(
        activity=activity,
        participant__name="Left",
        started_on=datetime.date(2026, 1, 1),
        ended_on=datetime.date(2026, 3, 9),
    ).participant
    on_the_day = InvolvementFactory(
        activity=activity, participant__name="Here", ended_on=datetime.date(2026, 3, 10)
    ).participant
    statuses = {p.pk: "attended" for p in (joined_later, left_before, on_the_day)}

    services.attendance_record(session=session, statuses=statuses)

    assert attendance(session) == {"Here": "attended"}


def test_attendance_record_touches_only_its_own_session(activity, session):
    ann = InvolvementFactory(activity=activity, participant__name="Ann").participant
    next_week = SessionFactory(activity=activity)
    services.attendance_record(session=next_week, statuses={ann.pk: "apologies"})

    services.attendance_record(session=session, statuses={ann.pk: "attended"})
    services.attendance_record(session=session, statuses={ann.pk: ""})

    assert attendance(session) == {}
    assert attendance(next_week) == {"Ann": "apologies"}


def test_involvement_remove_takes_their_attendance_at_this_activity_and_keeps_the_person(
    activity, session, brightwater, staff
):
    involvement = InvolvementFactory(activity=activity, participant__name="Ann")
    ann = involvement.participant
    bo = InvolvementFactory(activity=activity, participant__name="Bo").participant
    services.attendance_record(session=session, statuses={ann.pk: "attended", bo.pk: "attended"})
    elsewhere = InvolvementFactory(
        activity=ActivityFactory(organisation=brightwater, created_by=staff), participant=ann
    )
    other_session = SessionFactory(activity=elsewhere.activity)
    services.attendance_record(session=other_session, statuses={ann.pk: "apologies"})

    services.involvement_remove(involvement=involvement)

    assert attendance(session) == {"Bo": "attended"}
    assert attendance(other_session) == {"Ann": "apologies"}
    assert Participant.objects.filter(pk=ann.pk).exists()
    assert list(ann.involvements.all()) == [elsewhere]
