"""Table 2's quality markers, each organisation's own copy, and each activity's checklist."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from activities.models import Activity
from involvement.models import CatalogueItem, Organisation, TimeStamped


class Stage(models.TextChoices):
    PREPARATION = "preparation", _("Preparation")
    ACCESS = "access_and_participation", _("Access and participation")
    MONITORING = "monitoring_and_evaluation", _("Monitoring and evaluation")
    FOLLOW_UP = "follow_up", _("Follow-up")


class Standard(models.TextChoices):
    """The 4Pi National Involvement Standards (NSUN), seeds 000 and 003."""

    PRINCIPLES = "principles", _("Principles")
    PURPOSE = "purpose", _("Purpose")
    PRESENCE = "presence", _("Presence")
    PROCESS = "process", _("Process")
    IMPACT = "impact", _("Impact")


class Element(models.TextChoices):
    """The eight essential elements of effective involvement and co-production (seed 003)."""

    EQUALITY = "equality", _("Equality")
    INCLUSION = "inclusion", _("Inclusion")
    MUTUAL_RESPECT = "mutual_respect", _("Mutual respect")
    OWNERSHIP = "ownership", _("Ownership")
    STRUCTURE = "structure", _("Structure")
    COMMITMENT = "commitment", _("Commitment")
    FEEDBACK = "feedback", _("Feedback")
    PERSONAL_DEVELOPMENT = "personal_development", _("Personal development")


class QualityMarker(CatalogueItem):
    """One quality marker in an organisation's catalogue (Table 2 of Make it count)."""

    class Actor(models.TextChoices):
        ORGANISATION = "organisation", _("The organisation")
        INDIVIDUAL = "individual", _("The people involved")

    actor = models.CharField(_("who it is about"), max_length=20, choices=Actor.choices)
    stage = models.CharField(_("stage"), max_length=30, choices=Stage.choices)
    text = models.CharField(_("marker"), max_length=300)
    standards = models.JSONField(_("4Pi standards"), default=list, blank=True)
    elements = models.JSONField(_("essential elements"), default=list, blank=True)
    # How the app judges it from its own data ("" when staff judge it); see quality/judging.py.
    judged_by = models.CharField(max_length=40, blank=True, editable=False)

    class Meta:
        ordering = ["actor", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "catalogue_key"],
                condition=~Q(catalogue_key=""),
                name="quality_marker_table2_once",
            ),
            models.UniqueConstraint(
                fields=["organisation", "stage", "text"], name="quality_marker_text_once"
            ),
        ]

    def __str__(self):
        return self.text

    def is_judged_by_app(self) -> bool:
        return bool(self.judged_by)


class Assessment(models.TextChoices):
    MET = "met", _("Met")
    PARTLY = "partly", _("Partly met")
    NOT_MET = "not_met", _("Not met")
    NOT_APPLICABLE = "not_applicable", _("Does not apply")


class MarkerAssessment(TimeStamped):
    """Staff's judgement of one organisation marker for one activity, with the evidence."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="marker_assessments"
    )
    marker = models.ForeignKey(QualityMarker, on_delete=models.CASCADE, related_name="assessments")
    status = models.CharField(_("assessment"), max_length=20, choices=Assessment.choices)
    evidence = models.TextField(_("evidence"), blank=True, max_length=5000)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["marker__position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "marker"], name="marker_assessed_once")
        ]
        indexes = [models.Index(fields=["organisation", "status"], name="assessment_by_status")]

    def __str__(self):
        return f"{self.marker}: {self.get_status_display()}"
