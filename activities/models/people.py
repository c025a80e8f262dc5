"""The people involved: participant records, their involvement in activities, attendance."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from involvement.models import Organisation, TimeStamped

from .planning import Activity, Session


class ContactRoute(models.TextChoices):
    EMAIL = "email", _("Email")
    PHONE = "phone", _("Phone call")
    SMS = "sms", _("Text message (SMS)")
    POST = "post", _("Post")


class PreferredFormat(models.TextChoices):
    EASY_READ = "easy_read", _("Easy read")
    LARGE_PRINT = "large_print", _("Large print")
    BSL = "bsl", _("British Sign Language (BSL)")
    AUDIO = "audio", _("Audio")
    PAPERS_IN_ADVANCE = "papers_in_advance", _("Papers well in advance")


class AccessNeed(models.TextChoices):
    STEP_FREE = "step_free", _("Step-free access")
    HEARING_LOOP = "hearing_loop", _("Hearing loop")
    BSL_INTERPRETER = "bsl_interpreter", _("BSL interpreter")
    SUPPORT_WORKER = "support_worker", _("Support worker")
    BREAKS = "breaks", _("Regular breaks")
    QUIET_ROOM = "quiet_room", _("Quiet room")
    SCREEN_READER = "screen_reader", _("Documents that work with a screen reader")


class ParticipantQuerySet(models.QuerySet):
    def not_erased(self):
        """People whose identity is still held (erased people still count in figures)."""
        return self.filter(erased_at__isnull=True)

    def involved_in(self, scope):
        """People with a place in `scope`: one activity, or any activity of an organisation
        (erased people included: their involvement still counts, anonymously)."""
        if isinstance(scope, Organisation):
            return self.filter(organisation=scope, involvements__isnull=False).distinct()
        return self.filter(involvements__activity=scope)


class Participant(TimeStamped):
    """A person with lived experience, by name or pseudonym; an account is optional."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="participants"
    )
    name = models.CharField(_("name or pseudonym"), max_length=150)
    email = models.EmailField(_("email address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=40, blank=True)
    postal_address = models.TextField(_("postal address"), blank=True)
    contact_by = models.CharField(
        _("best way to contact"), max_length=10, choices=ContactRoute.choices, blank=True
    )
    preferred_formats = models.JSONField(_("preferred formats"), default=list, blank=True)
    access_needs = models.JSONField(_("access needs"), default=list, blank=True)
    access_notes = models.TextField(_("other access needs"), blank=True)
    wants_payment = models.BooleanField(_("wants to be paid for their time"), null=True)
    # Set when the person's identity was erased; their involvement still counts, anonymously.
    erased_at = models.DateTimeField(null=True, blank=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participant_records",
    )

    objects = ParticipantQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="participant_unique_name")
        ]

    def __str__(self):
        return self.name

    def preferred_format_labels(self) -> list[str]:
        return [
            PreferredFormat(v).label for v in self.preferred_formats if v in PreferredFormat.values
        ]

    def access_need_labels(self) -> list[str]:
        return [AccessNeed(v).label for v in self.access_needs if v in AccessNeed.values]


class InvolvementQuerySet(models.QuerySet):
    def on(self, day):
        """Involvements that had started and not yet ended on `day`."""
        return self.filter(started_on__lte=day).filter(
            Q(ended_on__isnull=True) | Q(ended_on__gte=day)
        )


class Involvement(TimeStamped):
    """A person's part in one activity: their role, and whether they were invited or came
    forward themselves (Table 1 asks for invited compared to volunteered)."""

    class Role(models.TextChoices):
        PARTICIPANT = "participant", _("Participant")
        REPRESENTATIVE = "representative", _("Representative")
        PEER_RESEARCHER = "peer_researcher", _("Peer researcher")
        CO_FACILITATOR = "co_facilitator", _("Co-facilitator")
        CO_CHAIR = "co_chair", _("Co-chair")
        LEAD = "lead", _("Lead")

    class CameIn(models.TextChoices):
        INVITED = "invited", _("Invited")
        VOLUNTEERED = "volunteered", _("Volunteered")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    participant = models.ForeignKey(
        "activities.Participant", on_delete=models.CASCADE, related_name="involvements"
    )
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="involvements")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    came_in = models.CharField(_("how they came in"), max_length=20, choices=CameIn.choices)
    started_on = models.DateField(_("start date"))
    ended_on = models.DateField(_("end date"), null=True, blank=True)

    objects = InvolvementQuerySet.as_manager()

    class Meta:
        ordering = ["participant__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "participant"], name="involvement_once_per_activity"
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="involvement_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.participant} – {self.activity} ({self.get_role_display()})"


class Attendance(TimeStamped):
    """Whether one person came to one session."""

    class Status(models.TextChoices):
        ATTENDED = "attended", _("Attended")
        APOLOGIES = "apologies", _("Sent apologies")
        ABSENT = "absent", _("Absent")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendances")
    participant = models.ForeignKey(
        "activities.Participant", on_delete=models.CASCADE, related_name="attendances"
    )
    status = models.CharField(_("attendance"), max_length=20, choices=Status.choices)

    class Meta:
        ordering = ["session", "participant__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "participant"], name="attendance_once_per_session"
            )
        ]

    def __str__(self):
        return f"{self.participant} at {self.session}: {self.get_status_display()}"
