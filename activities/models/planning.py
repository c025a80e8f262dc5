"""Planning: activities, their agreement (purpose + influence level), sessions and the
accessibility systems put in place before they start."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from involvement.models import Organisation, TimeStamped


class Catalogue(models.Model):
    """A reference list loaded by data migration from the seeds (see activities/reference)."""

    key = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=120)
    meaning = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField()

    class Meta:
        abstract = True
        ordering = ["position"]

    def __str__(self):
        return self.name


class Approach(Catalogue):
    """A point on the spectrum from consultation to user-led (seed 000)."""

    class Meta(Catalogue.Meta):
        verbose_name_plural = "approaches"


class InfluenceLevel(Catalogue):
    """A rung on the ladder of influence offered, informing to empowerment (seed 004)."""


class Aim(Catalogue):
    """One of Table 1's five intended aims of involvement (seed 000)."""


class DecisionLevel(models.TextChoices):
    STRATEGIC = "strategic", _("Strategic and governance")
    SERVICE = "service", _("Service design and development")
    INDIVIDUAL = "individual", _("An individual's experience of a service")


class Motive(models.TextChoices):
    MORAL_POLITICAL = (
        "moral_political",
        _("People should have a say on decisions affecting them (moral or political)"),
    )
    INTRINSIC = "intrinsic", _("It is good for the people involved (intrinsic value)")
    INSTRUMENTAL = "instrumental", _("It improves decisions or services (instrumental value)")


class Activity(TimeStamped):
    """An involvement activity an organisation plans with the people who use its services."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        AGREED = "agreed", _("Agreed")
        RUNNING = "running", _("Running")
        COMPLETED = "completed", _("Completed")
        REVIEWED = "reviewed", _("Reviewed")

    TRANSITIONS = {
        Status.DRAFT: [Status.AGREED],
        Status.AGREED: [Status.RUNNING, Status.DRAFT],
        Status.RUNNING: [Status.COMPLETED],
        Status.COMPLETED: [Status.REVIEWED, Status.RUNNING],
        Status.REVIEWED: [],
    }

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="activities"
    )
    title = models.CharField(_("title"), max_length=200)
    # A group of activities reported on together (e.g. "Maternity services").
    programme = models.CharField(_("programme (optional)"), max_length=120, blank=True)
    overview = models.TextField(_("overview"))
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_activities",
    )
    # Table 1 counts the staff involved alongside the people with lived experience.
    staff_involved = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff involved"),
        blank=True,
        related_name="activities_involved_in",
    )
    starts_on = models.DateField(_("start date"))
    ends_on = models.DateField(_("end date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    approach = models.ForeignKey(Approach, on_delete=models.PROTECT, related_name="activities")
    decision_level = models.CharField(
        _("decision level"), max_length=20, choices=DecisionLevel.choices
    )
    motives = models.JSONField(_("motives"), default=list, blank=True)
    aims = models.ManyToManyField(Aim, blank=True, related_name="activities")
    frequency = models.CharField(_("how often"), max_length=120, blank=True)
    session_length = models.CharField(_("session length"), max_length=120, blank=True)
    time_commitment = models.CharField(_("time commitment"), max_length=200, blank=True)
    commitment_duration = models.CharField(_("for how long"), max_length=120, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # The hidden key a create form carries, so a double submit finds the first activity.
    submission_key = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-starts_on", "-pk"]
        verbose_name_plural = "activities"
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "submission_key"], name="activity_one_per_submission"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="activity_ends_after_start",
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "status"]),
            models.Index(fields=["organisation", "-starts_on", "-id"]),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("activities:activity-detail", args=[self.pk])

    def motive_labels(self) -> list[str]:
        return [Motive(key).label for key in self.motives if key in Motive.values]

    def allowed_transitions(self) -> list[str]:
        return list(self.TRANSITIONS.get(self.status, []))

    def check_transition(self, to_status: str) -> None:
        """Raise ValidationError unless the plan may move to `to_status` now."""
        if to_status not in self.Status.values:
            raise ValidationError(_("Choose a status from the list."))
        if to_status not in self.allowed_transitions():
            raise ValidationError(
                _("An activity cannot go from %(a)s to %(b)s.")
                % {"a": self.get_status_display(), "b": self.Status(to_status).label}
            )
        if self.status == self.Status.DRAFT:
            agreement = getattr(self, "agreement", None)
            if agreement is None or not agreement.is_agreed():
                raise ValidationError(
                    _(
                        "This activity cannot leave draft until its purpose and influence level "
                        "are written down and the agreement is recorded."
                    )
                )


class Agreement(TimeStamped):
    """The purpose and influence level agreed with the people involved."""

    class State(models.TextChoices):
        NOT_AGREED = "not_agreed", _("Not yet agreed")
        AGREED = "agreed", _("Agreed")
        NEEDS_REAGREEMENT = "needs_reagreement", _("Changed since agreed: needs agreeing again")

    # Changing any of these after agreement means it must be agreed again.
    AGREED_TERMS = ["purpose", "objectives", "influence_level", "can_influence", "cannot_influence"]

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="agreements"
    )
    activity = models.OneToOneField(Activity, on_delete=models.CASCADE, related_name="agreement")
    purpose = models.TextField(_("purpose"), blank=True)
    objectives = models.TextField(_("objectives"), blank=True)
    influence_level = models.ForeignKey(
        InfluenceLevel, on_delete=models.PROTECT, null=True, blank=True, related_name="agreements"
    )
    can_influence = models.TextField(_("decisions they can influence"), blank=True)
    cannot_influence = models.TextField(_("decisions they cannot influence"), blank=True)
    monitoring = models.TextField(_("how progress will be monitored"), blank=True)
    state = models.CharField(max_length=20, choices=State.choices, default=State.NOT_AGREED)
    agreed_on = models.DateField(_("date agreed"), null=True, blank=True)
    agreed_how = models.TextField(_("how it was agreed"), blank=True)
    participants = models.ManyToManyField(
        "activities.Participant", blank=True, related_name="agreements"
    )

    class Meta:
        ordering = ["activity"]

    def __str__(self):
        return f"Agreement for {self.activity}"

    def is_ready_to_agree(self) -> bool:
        return bool(self.purpose.strip()) and self.influence_level_id is not None

    def is_agreed(self) -> bool:
        return self.state == self.State.AGREED

    def log_event(
        self, *, kind: str, actor, changes=None, note: str = "", participants=()
    ) -> "AgreementEvent":
        """Add an entry to this agreement's history."""
        event = AgreementEvent.objects.create(
            organisation_id=self.organisation_id,
            agreement=self,
            kind=kind,
            actor=actor,
            changes=changes or [],
            note=note,
        )
        if participants:
            event.participants.set(participants)
        return event


class AgreementEvent(TimeStamped):
    """One entry in an agreement's history: who changed or agreed what, and when."""

    class Kind(models.TextChoices):
        CHANGED = "changed", _("Changed")
        AGREED = "agreed", _("Agreed")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # [{"field": ..., "label": ..., "old": ..., "new": ...}] as plain text at the time.
    changes = models.JSONField(default=list, blank=True)
    note = models.TextField(blank=True)
    # Who took part in this agreement: rows, not names in the note, so only people allowed to
    # see names see them, and an erased person's name is gone from history too.
    participants = models.ManyToManyField("activities.Participant", blank=True, related_name="+")

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.created_at:%Y-%m-%d}"


class AccessibilitySystem(models.TextChoices):
    """The systems seed 003 asks for before an activity starts."""

    TERMS_OF_REFERENCE = "terms_of_reference", _("Terms of reference")
    ROLE_DESCRIPTIONS = "role_descriptions", _("Role descriptions")
    TIME_COMMITMENT = "time_commitment", _("Time commitment guidance")
    EXPENSES_POLICY = "expenses_policy", _("Expenses policy")
    PAYMENT_POLICY = "payment_policy", _("Involvement payment policy")
    SKILLS_AUDIT = "skills_audit", _("Skills audit")
    ACCESS_AUDIT = "access_audit", _("Access audit")
    PRACTICAL_ARRANGEMENTS = "practical_arrangements", _("Practical arrangements confirmed")


class AccessibilityCheck(TimeStamped):
    """Where one accessibility system stands for one activity."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        IN_PLACE = "in_place", _("In place")
        NOT_NEEDED = "not_needed", _("Not needed")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="accessibility_checks"
    )
    system = models.CharField(max_length=40, choices=AccessibilitySystem.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["activity", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "system"], name="accessibility_check_once")
        ]

    def __str__(self):
        return f"{self.get_system_display()}: {self.get_status_display()}"


class Session(TimeStamped):
    """A meeting or event of an activity."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("date and time"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    venue_accessible = models.BooleanField(_("venue accessibility confirmed"), default=False)
    papers_sent_on = models.DateField(_("papers sent on"), null=True, blank=True)
    agenda_set_with_participants = models.BooleanField(
        _("agenda set with participants"), default=False
    )
    # The hidden key the add form carries, so a double submit finds the first session.
    submission_key = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "submission_key"], name="session_one_per_submission"
            )
        ]

    def __str__(self):
        return f"{self.activity} – {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def notice_days(self) -> int | None:
        """Days between sending papers and the session: seed 003 asks for papers well before."""
        if self.papers_sent_on is None:
            return None
        from django.utils import timezone

        return (timezone.localtime(self.starts_at).date() - self.papers_sent_on).days
