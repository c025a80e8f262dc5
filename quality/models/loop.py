"""Closing the loop: what the people involved asked for ("you said") and what the
organisation did about it ("we did")."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from activities.models import Activity, Participant
from involvement.models import Organisation, TimeStamped

from .feedback import FeedbackResponse


class Contribution(TimeStamped):
    """A suggestion or request from the people involved, and the organisation's response."""

    class Source(models.TextChoices):
        MEETING = "meeting", _("Said at a meeting or session")
        FEEDBACK = "feedback", _("From a feedback comment")
        OTHER = "other", _("Another way (a call, a letter, a conversation)")

    class Status(models.TextChoices):
        OPEN = "open", _("Waiting for a response")
        RESPONDED = "responded", _("Responded")

    class Decision(models.TextChoices):
        ACCEPTED = "accepted", _("Accepted: we did it")
        PARTLY = "partly", _("Partly accepted")
        NOT_ADOPTED = "not_adopted", _("Not adopted")
        NOT_OURS = "not_ours", _("Not ours to decide")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="contributions")
    # Blank when the person asked not to be named, or nobody knows who said it.
    participant = models.ForeignKey(
        Participant,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contributions",
        verbose_name=_("who raised it"),
    )
    raised_on = models.DateField(_("date raised"))
    text = models.TextField(_("what they asked for or suggested"), max_length=5000)
    source = models.CharField(_("where it came from"), max_length=20, choices=Source.choices)
    feedback_response = models.ForeignKey(
        FeedbackResponse,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contributions",
    )
    # Which of the answer's comment boxes it came from, so one comment is taken once.
    feedback_field = models.CharField(max_length=30, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices, blank=True)
    who_decides = models.CharField(_("who decides"), max_length=200, blank=True)
    what_changed = models.TextField(_("what changed"), blank=True, max_length=5000)
    changed_on = models.DateField(_("when it changed"), null=True, blank=True)
    reason = models.TextField(_("the reason, in plain words"), blank=True, max_length=5000)
    responded_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # The hidden key the add form carries, so a double submit finds the first contribution.
    submission_key = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-raised_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "submission_key"], name="contribution_one_per_submission"
            ),
            models.UniqueConstraint(
                fields=["feedback_response", "feedback_field"],
                condition=Q(feedback_response__isnull=False),
                name="contribution_once_per_comment",
            ),
            models.CheckConstraint(
                condition=Q(status="open") | ~Q(decision=""),
                name="contribution_responded_has_decision",
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "status", "raised_on"], name="contribution_open"),
            models.Index(fields=["activity", "status"], name="contribution_by_activity"),
        ]

    def __str__(self):
        return self.text[:60]

    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    def check_response(self, *, decision: str, what_changed: str, reason: str, who_decides: str):
        """What a response must say: what changed when accepted, the reason in plain words
        when not adopted (or only partly), and who decides when it is not ours to decide."""
        errors = {}
        if decision in (self.Decision.ACCEPTED, self.Decision.PARTLY) and not what_changed.strip():
            errors["what_changed"] = _("Say what changed.")
        if decision in (self.Decision.NOT_ADOPTED, self.Decision.PARTLY) and not reason.strip():
            errors["reason"] = _("Give the reason in plain words.")
        if decision == self.Decision.NOT_OURS and not who_decides.strip():
            errors["who_decides"] = _("Say who decides, so the person knows where it went.")
        if errors:
            raise ValidationError(errors)


class LoopPage(TimeStamped):
    """An activity's public "you said, we did" page, when staff choose to publish it."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    activity = models.OneToOneField(Activity, on_delete=models.CASCADE, related_name="loop_page")
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["activity"]

    def __str__(self):
        return f"You said, we did: {self.activity}"
