"""Feedback from the people involved (Table 2's markers for the individual involved), asked
through a personal link, a letter, or entered by staff from paper or a phone call."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from activities.models import Activity, Participant, Session
from involvement.models import Organisation, PersonalLink, TimeStamped
from involvement.tokens import new_token, token_hash  # noqa: F401 - quality.models exports them


class Rating(models.TextChoices):
    YES = "yes", _("Yes")
    PARTLY = "partly", _("A bit")
    NO = "no", _("No")
    DONT_KNOW = "dont_know", _("I don't know")
    PREFER_NOT = "prefer_not", _("I prefer not to say")


class FeedbackRequest(TimeStamped):
    """Staff asking one person for feedback on one activity (or one of its sessions)."""

    class Channel(models.TextChoices):
        EMAIL = "email", _("Email")
        LETTER = "letter", _("Letter")
        ON_BEHALF = "on_behalf", _("Entered by staff")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="feedback_requests"
    )
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="feedback_requests"
    )
    session = models.ForeignKey(
        Session, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    channel = models.CharField(_("sent by"), max_length=10, choices=Channel.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    reminders = models.PositiveSmallIntegerField(default=0)
    revoked_at = models.DateTimeField(null=True, blank=True)
    # Set when an email is queued and cleared by the job that sends it, so a job delivered
    # twice sends once.
    email_queued_at = models.DateTimeField(null=True, blank=True)
    # Why the last email could not be sent, shown to staff with a way to try again.
    email_error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["participant__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "participant"],
                condition=Q(session__isnull=True),
                name="feedback_request_once_per_activity",
            ),
            models.UniqueConstraint(
                fields=["activity", "participant", "session"],
                condition=Q(session__isnull=False),
                name="feedback_request_once_per_session",
            ),
        ]

    def __str__(self):
        return f"{self.participant} – {self.activity}"

    def is_revoked(self) -> bool:
        return self.revoked_at is not None


class FeedbackLink(PersonalLink):
    """One personal link (a reminder adds another); the token itself is never stored."""

    owner_field = "request"
    # A revoked request stops every one of its links at once.
    opens_only_when = {"request__revoked_at__isnull": True}

    request = models.ForeignKey(FeedbackRequest, on_delete=models.CASCADE, related_name="links")

    def __str__(self):
        return f"Link for {self.request} until {self.expires_at:%Y-%m-%d}"


class FeedbackResponseQuerySet(models.QuerySet):
    def submitted(self):
        """Answers the person has sent (drafts are theirs until then and count nowhere)."""
        return self.filter(status=FeedbackResponse.Status.SUBMITTED)


class FeedbackResponse(TimeStamped):
    """One person's answers about one activity: a draft until they send it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Started")
        SUBMITTED = "submitted", _("Answered")

    class Method(models.TextChoices):
        LINK = "link", _("Online, by their own link")
        PAPER = "paper", _("On paper, entered by staff")
        PHONE = "phone", _("By phone, entered by staff")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="feedback_responses"
    )
    request = models.OneToOneField(
        FeedbackRequest, on_delete=models.CASCADE, related_name="response"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    method = models.CharField(max_length=10, choices=Method.choices, default=Method.LINK)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    anonymous = models.BooleanField(_("name hidden from staff"), null=True)
    understood_role = models.CharField(max_length=12, choices=Rating.choices, blank=True)
    listened_to = models.CharField(max_length=12, choices=Rating.choices, blank=True)
    able_to_disagree = models.CharField(max_length=12, choices=Rating.choices, blank=True)
    expectations_met = models.CharField(max_length=12, choices=Rating.choices, blank=True)
    made_difference = models.CharField(max_length=12, choices=Rating.choices, blank=True)
    felt_valued = models.CharField(max_length=12, choices=Rating.choices, blank=True)
    had_support = models.CharField(max_length=12, choices=Rating.choices, blank=True)
    # Table 1: the number of users who met peers.
    met_peers = models.CharField(max_length=12, choices=Rating.choices, blank=True)
    stay_involved = models.CharField(max_length=12, choices=Rating.choices, blank=True)
    # An influence level key (the same ladder as the agreement), "dont_know" or "prefer_not".
    say = models.CharField(max_length=40, blank=True)
    what_was_good = models.TextField(blank=True, max_length=5000)
    do_differently = models.TextField(blank=True, max_length=5000)
    anything_else = models.TextField(blank=True, max_length=5000)
    # Whether their words may be quoted, without their name, in reports (None: not asked).
    may_quote = models.BooleanField(_("words may be quoted in reports"), null=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    objects = FeedbackResponseQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at"]
        indexes = [
            models.Index(fields=["activity", "status"], name="feedback_response_by_status"),
            # Outcome figures count answers sent in each quarter across the organisation.
            # Only sent answers, and carrying the columns those figures read, so PostgreSQL
            # counts from the index alone and never reads the wide rows (typed comments).
            models.Index(
                fields=["organisation", "submitted_at"],
                include=["id", "request", "felt_valued", "understood_role", "met_peers"],
                condition=models.Q(status="submitted"),
                name="feedback_response_by_date",
            ),
            # People's own before-and-after scores count by the date their answer was sent:
            # that query starts from the scores, so it looks up answers by date alone.
            models.Index(fields=["status", "submitted_at"], name="feedback_response_by_sent"),
        ]

    def __str__(self):
        return f"Feedback on {self.activity} ({self.get_status_display()})"

    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED
