"""The core every app imports: people, organisations and their roles."""

import base64
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .tokens import new_token, token_hash


class TimeStamped(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create(self, email, password, **extra):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **extra)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractUser):
    """A person who signs in with their e-mail address."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]
    objects = UserManager()

    class Meta:
        ordering = ["full_name", "email"]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email


class Organisation(TimeStamped):
    """A charity, trust or council using the installation; nothing crosses between them."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    suppression_threshold = models.PositiveSmallIntegerField(
        _("smallest count shown"),
        default=8,
        validators=[MinValueValidator(5)],
        help_text=_(
            "Counts from 1 up to one below this are shown as * so nobody can be picked out. "
            "It can go up, never below 5."
        ),
    )
    year_start_month = models.PositiveSmallIntegerField(
        _("month the financial year starts"),
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("1 is January, 4 is April."),
    )
    # "You said, we did": a contribution with no response after this many days is overdue.
    response_days = models.PositiveSmallIntegerField(
        _("days to respond to what people say"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_("Suggestions with no response after this many days are listed as overdue."),
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class OrganisationLogo(models.Model):
    """The logo on an organisation's reports: always a PNG redrawn from the upload
    (involvement/logos.py). Its own table, so loading an organisation never loads it."""

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="logo")
    png = models.BinaryField(editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Logo of {self.organisation}"

    def as_base64(self) -> str:
        """For a `data:image/png;base64,` URL (the settings page, the report's cover)."""
        return base64.b64encode(bytes(self.png)).decode()


class Role(models.TextChoices):
    ADMIN = "admin", _("Organisation admin")
    STAFF = "staff", _("Staff")
    TRUSTEE = "trustee", _("Trustee")
    SERVICE_USER = "service_user", _("Service user")


class Membership(TimeStamped):
    """A person's role in one organisation."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        ordering = ["organisation__name", "user__full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"], name="membership_one_per_organisation"
            )
        ]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()}, {self.organisation})"


def _unusable_token_hash() -> str:
    """The hash of a token nobody holds: a new invitation opens nothing until its email job
    gives it a link (`Invitation.issue_link`)."""
    return new_token()[1]


# The default of the plain-text token column that migration 0001 made.
_invitation_token = _unusable_token_hash

INVITATION_DAYS = 14


def _invitation_expiry():
    return timezone.now() + timedelta(days=INVITATION_DAYS)


class Invitation(TimeStamped):
    """An e-mailed invitation to join an organisation with a role."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    # Only the hash of the link's token, as for feedback links (involvement/tokens.py).
    token_hash = models.CharField(max_length=64, unique=True, default=_unusable_token_hash)
    # Set when the email is queued and cleared by the job that sends it, so a job delivered
    # twice sends once.
    email_queued_at = models.DateTimeField(null=True, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    expires_at = models.DateTimeField(default=_invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "email"],
                condition=models.Q(accepted_at__isnull=True),
                name="invitation_one_open_per_email",
            )
        ]

    def __str__(self):
        return f"{self.email} → {self.organisation}"

    def is_usable(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()

    def issue_link(self) -> str:
        """A new link, working for INVITATION_DAYS from now; any earlier one stops working.
        The token is returned once and never stored."""
        token, self.token_hash = new_token()
        self.expires_at = _invitation_expiry()
        self.save(update_fields=["token_hash", "expires_at", "updated_at"])
        return token


class PersonalLinkQuerySet(models.QuerySet):
    def usable(self):
        """Links that still open something: not expired, and what they open still takes
        them (each kind's `opens_only_when`)."""
        return self.filter(expires_at__gt=timezone.now(), **self.model.opens_only_when)


class PersonalLink(models.Model):
    """A personal link (abstract): a feedback link, or the link in a "we did" message. The
    token is a bearer credential, so only its hash is kept (involvement/tokens.py); each kind
    has its own table and the foreign key `owner_field` to what the link opens."""

    # Each kind names its foreign key, and what that must still be for the link to open it.
    owner_field: str
    opens_only_when: dict = {}

    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    first_used_at = models.DateTimeField(null=True, blank=True)

    objects = PersonalLinkQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    @classmethod
    def issue(cls, owner) -> tuple["PersonalLink", str]:
        """A new link to `owner`, working for FEEDBACK_LINK_DAYS; earlier ones still work.
        The token is returned once and never stored."""
        token, hashed = new_token()
        link = cls.objects.create(
            **{cls.owner_field: owner},
            token_hash=hashed,
            expires_at=timezone.now() + timedelta(days=settings.FEEDBACK_LINK_DAYS),
        )
        return link, token

    @classmethod
    def redeem(cls, token: str) -> "PersonalLink | None":
        """The usable link of this token, with what it opens, its first use recorded. None
        when unknown, expired or no longer taken (the caller shows one page for all)."""
        link = (
            cls.objects.usable()
            .select_related(cls.owner_field)
            .filter(token_hash=token_hash(token))
            .first()
        )
        if link is None:
            return None
        if link.first_used_at is None:
            # Conditional, so two opening at once keep the first time.
            cls.objects.filter(pk=link.pk, first_used_at__isnull=True).update(
                first_used_at=timezone.now()
            )
        return link

    def is_usable(self) -> bool:
        """Whether this link still opens what it is for (the same rule as `usable()`)."""
        return type(self).objects.usable().filter(pk=self.pk).exists()


class UnsentJob(TimeStamped):
    """A job the broker refused (Redis down), kept until the sweep sends it
    (involvement/jobs.py). Written only on a failure."""

    task = models.CharField(max_length=200)
    args = models.JSONField(default=list)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.task}{tuple(self.args)}"


class CatalogueItemQuerySet(models.QuerySet):
    def in_use(self):
        return self.filter(retired_at__isnull=True)

    def retired(self):
        return self.filter(retired_at__isnull=False)


class CatalogueItem(TimeStamped):
    """One item of an organisation's own copy of a reference catalogue (Table 1's measures,
    Table 2's markers), or one the organisation added itself; see involvement/catalogue.py.

    Items are retired, never deleted, so what was recorded with them keeps its meaning."""

    # What makes two items the same reference item in one organisation (a subclass whose
    # reference list repeats a key, such as Table 1 under each aim, adds the field that
    # tells them apart). ensure_catalogue compares these.
    catalogue_identity: tuple[str, ...] = ("catalogue_key",)

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    # The reference item this came from; blank for an organisation's own.
    catalogue_key = models.SlugField(max_length=120, blank=True, editable=False)
    position = models.PositiveSmallIntegerField(default=0)
    retired_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = CatalogueItemQuerySet.as_manager()

    class Meta:
        abstract = True

    def is_retired(self) -> bool:
        return self.retired_at is not None

    def retire(self) -> None:
        """Stop offering the item; what was recorded with it stays. Retiring it again keeps
        the first date (a conditional UPDATE, so two requests at once cannot move it)."""
        now = timezone.now()
        type(self).objects.filter(pk=self.pk, retired_at__isnull=True).update(
            retired_at=now, updated_at=now
        )
        self.refresh_from_db()

    def restore(self) -> None:
        """Offer the item again, with everything recorded with it."""
        type(self).objects.filter(pk=self.pk).update(retired_at=None, updated_at=timezone.now())
        self.refresh_from_db()
