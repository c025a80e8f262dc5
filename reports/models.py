"""Impact reports for boards and funders: one row per version of a report, which is the
source of truth for its job (status, tries, why it failed), and its finished PDF."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from activities.models import Activity
from involvement.models import Organisation, TimeStamped

# A report that failed this many times stops, marked failed with the reason.
MAX_TRIES = 3


class Report(TimeStamped):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RENDERING = "rendering", _("Being made")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    class Audience(models.TextChoices):
        BOARD = "board", _("The board (trustees)")
        FUNDER = "funder", _("A funder")

    class Scope(models.TextChoices):
        ALL = "all", _("All activities")
        CHOSEN = "chosen", _("Chosen activities")
        PROGRAMME = "programme", _("One programme")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    audience = models.CharField(_("audience"), max_length=10, choices=Audience.choices)
    scope = models.CharField(_("which activities"), max_length=10, choices=Scope.choices)
    activities = models.ManyToManyField(Activity, blank=True, related_name="+")
    programme = models.CharField(_("programme"), max_length=120, blank=True)
    do_differently = models.TextField(_("What we will do differently"), blank=True, max_length=3000)
    # Made by the quarterly schedule rather than by a person.
    automatic = models.BooleanField(default=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # The same report (organisation, period, audience, scope) has one key; versions share it.
    key = models.CharField(max_length=64, editable=False)
    version = models.PositiveSmallIntegerField(default=1)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    # How many times a worker has taken it (the delivery counter), and the current claim.
    tries = models.PositiveSmallIntegerField(default=0)
    claim = models.UUIDField(null=True, blank=True, editable=False)
    claimed_at = models.DateTimeField(null=True, blank=True)
    failure = models.CharField(_("why it failed"), max_length=500, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    trustees_told_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            # Asking again while one is waiting or being made gives that one.
            models.UniqueConstraint(
                fields=["organisation", "key"],
                condition=Q(status__in=["queued", "rendering"]),
                name="report_one_in_progress",
            ),
            models.UniqueConstraint(
                fields=["organisation", "key", "version"], name="report_version_once"
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="report_period_in_order",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "updated_at"], name="report_by_status"),
        ]

    def __str__(self):
        return f"{self.organisation} {self.period_start}–{self.period_end} v{self.version}"

    def is_finished(self) -> bool:
        return self.status in (self.Status.READY, self.Status.FAILED)

    def is_in_progress(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RENDERING)


class ReportDocument(models.Model):
    """A finished report's PDF, kept apart so lists never load it. Changed only to take out
    the words of a person who was erased (each change is a `ReportRedaction`); making the
    report again gives a new version with its own document."""

    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="document")
    pdf = models.BinaryField(editable=False)
    # The same report as a web page, made with the PDF from the same data. Each person's
    # own words in it are marked with where they came from (reports.redaction).
    html = models.TextField(editable=False)
    sha256 = models.CharField(max_length=64, editable=False)
    pages = models.PositiveSmallIntegerField(default=0)
    size = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    # 1 as made; one more for each change.
    revision = models.PositiveSmallIntegerField(default=1)
    # Set while the PDF is to be made again from the changed page (its old bytes are gone);
    # moved on by each try and by the sweep, which counts from it.
    pdf_wanted_at = models.DateTimeField(null=True, blank=True)
    pdf_tries = models.PositiveSmallIntegerField(default=0)

    def __str__(self):
        return f"PDF of {self.report}"

    def is_pdf_waiting(self) -> bool:
        return self.pdf_wanted_at is not None

    def pdf_gave_up(self) -> bool:
        return self.is_pdf_waiting() and self.pdf_tries >= MAX_TRIES


class ReportRedaction(models.Model):
    """A change to a finished report: a person's words taken out at their request. Keeps the
    checksum of the PDF it destroyed, so the report's history of checksums stays whole."""

    class Reason(models.TextChoices):
        ERASURE = "erasure", _("Words removed at a person’s request")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="redactions")
    # The document's revision this change made.
    revision = models.PositiveSmallIntegerField()
    reason = models.CharField(max_length=20, choices=Reason.choices, default=Reason.ERASURE)
    passages = models.PositiveSmallIntegerField(_("passages removed"))
    # Blank when no PDF of the revision before had been made yet.
    replaced_sha256 = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["report", "revision"]
        constraints = [
            models.UniqueConstraint(fields=["report", "revision"], name="report_redaction_once")
        ]

    def __str__(self):
        return f"{self.report} revision {self.revision}"
