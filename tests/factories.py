"""factory_boy factories. Activities go through `services.activity_create`, so each one has
exactly one Agreement and its accessibility checklist, as in the app."""

import datetime
import zoneinfo

import factory
from django.utils import timezone

from activities import services
from activities.models import (
    Activity,
    AgreementEvent,
    Approach,
    Attendance,
    DecisionLevel,
    InfluenceLevel,
    Involvement,
    Participant,
    Session,
)
from involvement.models import Invitation, Membership, Organisation, Role, User


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["email"]

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.django.Password("a-long-test-password")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.STAFF


class InvitationFactory(factory.django.DjangoModelFactory):
    """An invitation without a working link yet; `invitation_link` gives it one."""

    class Meta:
        model = Invitation

    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"invited{n}@example.org")
    role = Role.STAFF


def invitation_link(invitation: Invitation) -> str:
    """A new working link for `invitation`: the token, as the email would carry it."""
    return invitation.issue_link()


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Participant {n}")


def first_approach() -> Approach:
    return Approach.objects.order_by("position").first()


def influence_level(key: str = "consulting") -> InfluenceLevel:
    return InfluenceLevel.objects.get(key=key)


class ActivityFactory(factory.django.DjangoModelFactory):
    """An activity made by the service, in draft unless `status=` says otherwise.

    `agreed_with=[names or Participants]` writes a purpose and influence level and records the
    agreement with those people (which makes a draft activity agreed).
    """

    class Meta:
        model = Activity
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    created_by = None
    title = factory.Sequence(lambda n: f"Activity {n}")
    overview = "Work with people who use the service to improve it."
    lead = None
    starts_on = datetime.date(2026, 1, 15)
    ends_on = None
    approach = factory.LazyFunction(first_approach)
    decision_level = DecisionLevel.SERVICE

    @classmethod
    def _create(cls, model_class, *, organisation, created_by, status=None, **data):
        activity = services.activity_create(
            organisation=organisation, created_by=created_by, data=data
        )
        if status and status != activity.status:
            Activity.objects.filter(pk=activity.pk).update(status=status)
            activity.status = status
        return activity

    @factory.post_generation
    def agreed_with(activity, create, extracted, **kwargs):
        if not create or extracted is None:
            return
        agreement = activity.agreement
        agreement.purpose = agreement.purpose or f"Why {activity.title} exists."
        agreement.influence_level = agreement.influence_level or influence_level()
        agreement.save()
        services.agreement_record(
            agreement=agreement,
            recorded_by=activity.created_by,
            agreed_on=timezone.localdate(),
            agreed_how="Talked through at the first meeting.",
            participant_names=[getattr(p, "name", p) for p in extracted],
        )
        activity.refresh_from_db()


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    activity = factory.SubFactory(ActivityFactory)
    organisation = factory.SelfAttribute("activity.organisation")
    starts_at = datetime.datetime(2026, 3, 10, 14, 0, tzinfo=zoneinfo.ZoneInfo("Europe/London"))
    place = "Community room, Brightwater Library"


class AgreementEventFactory(factory.django.DjangoModelFactory):
    """Pass `agreement=`."""

    class Meta:
        model = AgreementEvent

    organisation = factory.SelfAttribute("agreement.organisation")
    kind = AgreementEvent.Kind.CHANGED
    changes = factory.LazyFunction(
        lambda: [{"field": "purpose", "label": "purpose", "old": "Before", "new": "After"}]
    )


class InvolvementFactory(factory.django.DjangoModelFactory):
    """Pass `activity=`; the participant is new, in the activity's organisation, unless given."""

    class Meta:
        model = Involvement

    activity = factory.SubFactory(ActivityFactory)
    organisation = factory.SelfAttribute("activity.organisation")
    participant = factory.SubFactory(
        ParticipantFactory, organisation=factory.SelfAttribute("..organisation")
    )
    role = Involvement.Role.PARTICIPANT
    came_in = Involvement.CameIn.INVITED
    started_on = datetime.date(2026, 2, 1)


class AttendanceFactory(factory.django.DjangoModelFactory):
    """Pass `session=` and `participant=`."""

    class Meta:
        model = Attendance

    organisation = factory.SelfAttribute("session.organisation")
    status = Attendance.Status.ATTENDED


class AboutYouFactory(factory.django.DjangoModelFactory):
    """Pass `participant=`; answers default to blank (not answered)."""

    class Meta:
        model = "activities.AboutYou"

    participant = factory.SubFactory(ParticipantFactory)
    organisation = factory.SelfAttribute("participant.organisation")
    consent_wording = "You can use my answers, counted with other people's, to see who is missing."
    consented_at = factory.LazyFunction(timezone.now)


class PopulationGroupFactory(factory.django.DjangoModelFactory):
    """Pass `organisation=`, `question=`, `answer=` and `percent=`."""

    class Meta:
        model = "activities.PopulationGroup"
        django_get_or_create = ["organisation", "question", "answer"]


class FeedbackRequestFactory(factory.django.DjangoModelFactory):
    """Pass `activity=`. The person is new (with an email address) and involved in the
    activity, unless `participant=` is given; they are involved either way."""

    class Meta:
        model = "quality.FeedbackRequest"
        skip_postgeneration_save = True

    activity = factory.SubFactory(ActivityFactory)
    organisation = factory.SelfAttribute("activity.organisation")
    participant = factory.SubFactory(
        ParticipantFactory,
        organisation=factory.SelfAttribute("..organisation"),
        email=factory.Sequence(lambda n: f"asked{n}@example.org"),
    )
    channel = "email"
    sent_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def involved(request, create, extracted, **kwargs):
        if create and extracted is not False:
            Involvement.objects.get_or_create(
                activity=request.activity,
                participant=request.participant,
                defaults={
                    "organisation": request.organisation,
                    "role": Involvement.Role.PARTICIPANT,
                    "came_in": Involvement.CameIn.INVITED,
                    "started_on": datetime.date(2026, 2, 1),
                },
            )


def feedback_link(request) -> str:
    """A new working link for `request`: the token, as the email or letter would carry it."""
    from quality.models import FeedbackLink

    return FeedbackLink.issue(request)[1]


class FeedbackResponseFactory(factory.django.DjangoModelFactory):
    """A sent answer (every rating "yes", some say, named). Pass `request=`."""

    class Meta:
        model = "quality.FeedbackResponse"

    request = factory.SubFactory(FeedbackRequestFactory)
    organisation = factory.SelfAttribute("request.organisation")
    activity = factory.SelfAttribute("request.activity")
    status = "submitted"
    method = "link"
    anonymous = False
    understood_role = "yes"
    listened_to = "yes"
    able_to_disagree = "yes"
    expectations_met = "yes"
    made_difference = "yes"
    felt_valued = "yes"
    had_support = "yes"
    met_peers = "yes"
    stay_involved = "yes"
    say = "consulting"
    submitted_at = factory.LazyFunction(timezone.now)


def first_aim():
    from activities.models import Aim

    return Aim.objects.order_by("position").first()


class MeasureFactory(factory.django.DjangoModelFactory):
    """An organisation's own measure (not one of Table 1's): a count of people, recorded by
    staff, as an outcome of the first aim unless said otherwise. Pass `organisation=`."""

    class Meta:
        model = "outcomes.Measure"

    organisation = factory.SubFactory(OrganisationFactory)
    aim = factory.LazyFunction(first_aim)
    tier = "outcome"
    name = factory.Sequence(lambda n: f"Our own measure {n}")
    kind = "count"
    source = "recorded"
    position = 1000


class ActivityMeasureFactory(factory.django.DjangoModelFactory):
    """A measure an activity uses. Pass `activity=`; the measure is a new one of the
    activity's organisation unless `measure=` is given."""

    class Meta:
        model = "outcomes.ActivityMeasure"

    activity = factory.SubFactory(ActivityFactory)
    organisation = factory.SelfAttribute("activity.organisation")
    measure = factory.SubFactory(
        MeasureFactory, organisation=factory.SelfAttribute("..organisation")
    )


class MeasureValueFactory(factory.django.DjangoModelFactory):
    """A value recorded for April to June 2026. Pass `activity_measure=`."""

    class Meta:
        model = "outcomes.MeasureValue"

    organisation = factory.SelfAttribute("activity_measure.organisation")
    period_start = datetime.date(2026, 4, 1)
    period_end = datetime.date(2026, 6, 30)
    number = 5


class SelfReportFactory(factory.django.DjangoModelFactory):
    """One person's before and after. Pass `activity_measure=` and `response=`."""

    class Meta:
        model = "outcomes.SelfReport"

    organisation = factory.SelfAttribute("activity_measure.organisation")
    before = 2
    after = 4


class TrainingRecordFactory(factory.django.DjangoModelFactory):
    """Pass `participant=`."""

    class Meta:
        model = "outcomes.TrainingRecord"

    organisation = factory.SelfAttribute("participant.organisation")
    course = "Recruitment panel training"
    completed_on = datetime.date(2026, 5, 12)


class QualityMarkerFactory(factory.django.DjangoModelFactory):
    """An organisation's own quality marker (not one of Table 2's), judged by staff, at the
    preparation stage and serving the process standard. Pass `organisation=`."""

    class Meta:
        model = "quality.QualityMarker"

    organisation = factory.SubFactory(OrganisationFactory)
    actor = "organisation"
    stage = "preparation"
    text = factory.Sequence(lambda n: f"Our own marker {n}")
    standards = factory.LazyFunction(lambda: ["process"])
    elements = factory.LazyFunction(list)
    position = 1000


class MarkerAssessmentFactory(factory.django.DjangoModelFactory):
    """Staff's judgement of one marker for one activity: met, with evidence. Pass
    `activity=` and `marker=`."""

    class Meta:
        model = "quality.MarkerAssessment"

    organisation = factory.SelfAttribute("activity.organisation")
    status = "met"
    evidence = "Minutes of the first meeting."


class ContributionFactory(factory.django.DjangoModelFactory):
    """Something the people involved asked for, typed by staff after a meeting, unnamed and
    waiting for a response. Pass `activity=`."""

    class Meta:
        model = "quality.Contribution"

    activity = factory.SubFactory(ActivityFactory)
    organisation = factory.SelfAttribute("activity.organisation")
    raised_on = factory.LazyFunction(timezone.localdate)
    text = factory.Sequence(lambda n: f"Suggestion {n}: start the meetings later.")
    source = "meeting"
