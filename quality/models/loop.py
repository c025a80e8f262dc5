"""Closing the loop: what the people involved asked for ("you said") and what the
organisation did about it ("we did")."""

import datetime
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from activities.models import Activity, ContactRoute, Participant
from involvement.models import Organisation, PersonalLink, TimeStamped

from .feedback import FeedbackResponse


def overdue_since(organisation: Organisation, today: datetime.date | None = None) -> datetime.date:
    """Contributions raised before this day with no response are overdue."""
    today = today or timezone.localdate()
    return today - timedelta(days=organisation.response_days)


def overdue_rule(organisation: Organisation) -> Q:
    """The one overdue rule: still waiting for a response after the organisation's days
    to respond (every count, list and tag of what is overdue uses it)."""
    return Q(status=Contribution.Status.OPEN, raised_on__lt=overdue_since(organisation))


class ContributionQuerySet(models.QuerySet):
    def overdue(self, organisation: Organisation):
        """The organisation's contributions overdue for a response."""
        return self.filter(overdue_rule(organisation), organisation=organisation)

    def with_is_overdue(self, organisation: Organisation):
        """Each contribution with `is_overdue`, for the page to read rather than work out."""
        return self.annotate(
            is_overdue=ExpressionWrapper(overdue_rule(organisation), output_field=BooleanField())
        )


class Contribution(TimeStamped):
    """A suggestion or request from the people involved, and the organisation's response."""

    class Source(models.TextChoices):
        MEETING = "meeting", _("Said at a meeting or session")
        FEEDBACK = "feedback", _("From a feedback comment")
        OTHER = "other", _("Another way (a call, a letter, a conversation)")

    class Status(models.TextChoices):
        # The steps go in this order; none can be skipped (see `check_step`).
        OPEN = "open", _("Waiting for a response")
        RESPONDED = "responded", _("Responded, not told yet")
        TOLD = "told", _("Person told")
        RATED = "rated", _("Person said if they are happy")

    class ToldHow(models.TextChoices):
        EMAIL = "email", _("By email")
        LETTER = "letter", _("By letter")
        IN_PERSON = "in_person", _("In person or by phone")

    class Satisfaction(models.TextChoices):
        YES = "yes", _("Yes, I am happy with it")
        PARTLY = "partly", _("Partly")
        NO = "no", _("No, I am not happy with it")
        PREFER_NOT = "prefer_not", _("I prefer not to say")

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
    told_at = models.DateTimeField(null=True, blank=True)
    told_how = models.CharField(max_length=20, choices=ToldHow.choices, blank=True)
    told_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # Set when an email is queued and cleared by the job that sends it (a job delivered
    # twice sends once); the error says why the last one failed, for staff to try again.
    tell_queued_at = models.DateTimeField(null=True, blank=True)
    tell_error = models.CharField(max_length=300, blank=True)
    satisfied = models.CharField(
        _("happy with the response"), max_length=20, choices=Satisfaction.choices, blank=True
    )
    satisfaction_comment = models.TextField(_("anything else"), blank=True, max_length=5000)
    rated_at = models.DateTimeField(null=True, blank=True)
    # The hidden key the add form carries, so a double submit finds the first contribution.
    submission_key = models.UUIDField(null=True, blank=True, editable=False)

    objects = ContributionQuerySet.as_manager()

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
            models.CheckConstraint(
                condition=~Q(status__in=["told", "rated"]) | Q(told_at__isnull=False),
                name="contribution_told_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status="rated") | ~Q(satisfied=""),
                name="contribution_rated_has_answer",
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

    def can_change_response(self) -> bool:
        """Once the person has been told, the message they got is the response."""
        return self.status in (self.Status.OPEN, self.Status.RESPONDED)

    def can_tell(self) -> bool:
        """Telling needs a response and someone to tell; telling again (a lost letter)
        is allowed until they have answered."""
        named = self.participant_id is not None and self.participant.erased_at is None
        return named and self.status in (self.Status.RESPONDED, self.Status.TOLD)

    def can_rate(self) -> bool:
        return self.status in (self.Status.TOLD, self.Status.RATED)

    def check_step(self, step: str) -> None:
        """Refuse a change that skips a step: respond, then tell, then the person rates."""
        allowed = {
            "respond": self.can_change_response,
            "tell": self.can_tell,
            "rate": self.can_rate,
        }[step]()
        if allowed:
            return
        if step == "respond":
            raise ValidationError(
                _(
                    "They have been told already, so the response cannot change now. "
                    "Add a new contribution if something else changed."
                )
            )
        if step == "tell" and self.is_open():
            raise ValidationError(_("Record the response before telling them."))
        if step == "tell":
            raise ValidationError(
                _("There is nobody to tell: it was raised without a name.")
                if self.status != self.Status.RATED
                else _("They have already said whether they are happy with it.")
            )
        raise ValidationError(_("They can say whether they are happy once they have been told."))

    def mark_told(self, how: str, told_by) -> None:
        """Record the telling. Telling again (a letter that went astray) keeps the first date,
        so the days taken to tell stay true."""
        self.told_at = self.told_at or timezone.now()
        self.told_how = how
        self.told_by = told_by or self.told_by
        self.status = self.Status.TOLD
        # Told another way after a failed email: the job's retry must not email them as well.
        self.tell_queued_at = None
        self.tell_error = ""
        self.save(
            update_fields=[
                "told_at",
                "told_how",
                "told_by",
                "status",
                "tell_queued_at",
                "tell_error",
                "updated_at",
            ]
        )

    def route(self) -> str:
        """How to tell the person: email when they have an address and have not asked for
        something else; otherwise a letter to print ("needs printing")."""
        person = self.participant
        if person and person.email and person.contact_by in ("", ContactRoute.EMAIL):
            return self.ToldHow.EMAIL
        return self.ToldHow.LETTER

    def needs_printing(self) -> bool:
        return (
            self.status == self.Status.RESPONDED
            and self.can_tell()
            and (self.route() == self.ToldHow.LETTER)
        )

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


def new_loop_page_slug() -> str:
    """A public page's address: 128 random bits, so one published page's address tells
    nothing about another's (an activity's id would let anyone count through them)."""
    return secrets.token_urlsafe(16)


class LoopPage(TimeStamped):
    """An activity's public "you said, we did" page, when staff choose to publish it."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    activity = models.OneToOneField(Activity, on_delete=models.CASCADE, related_name="loop_page")
    # Made with the row, at the first publish, and kept when the page is taken down, so a
    # link already shared works again if the page is published again.
    slug = models.CharField(
        _("address"), max_length=32, unique=True, default=new_loop_page_slug, editable=False
    )
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["activity"]

    def __str__(self):
        return f"You said, we did: {self.activity}"


class ReplyLink(PersonalLink):
    """The personal link in a "we did" message, through which the person says whether they
    are happy with the response; the token itself is never stored."""

    owner_field = "contribution"
    # A contribution with no person any more (theirs was deleted or erased) has no one to
    # answer it.
    opens_only_when = {"contribution__participant__isnull": False}

    contribution = models.ForeignKey(
        Contribution, on_delete=models.CASCADE, related_name="reply_links"
    )

    def __str__(self):
        return f"Reply link for contribution {self.contribution_id}"
