"""Table 1: the outcome measures an organisation uses, the ones each activity agreed to
measure, and the values recorded or reported for them."""

from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from activities.models import Activity, Aim, Participant
from involvement.models import CatalogueItem, Organisation, TimeStamped
from quality.models import FeedbackResponse

SCALE_MIN, SCALE_MAX = 1, 5
# Values are stored with 12 digits, one after the point.
LARGEST = Decimal(10) ** 11


class Measure(CatalogueItem):
    """One outcome measure in an organisation's catalogue, under one of Table 1's aims."""

    # Table 1 lists some measures under several aims: one row for each.
    catalogue_identity = ("aim_id", "catalogue_key")

    class Tier(models.TextChoices):
        OUTPUT = "output", _("Output")
        OUTCOME = "outcome", _("Outcome")
        LONGER_TERM = "longer_term", _("Longer-term outcome")

    class Kind(models.TextChoices):
        COUNT = "count", _("A count")
        PERCENTAGE = "percentage", _("A percentage")
        SCALE = "scale", _("A score from 1 to 5")
        YES_NO = "yes_no", _("Yes or no")
        NARRATIVE = "narrative", _("Words (a short account)")

    class Source(models.TextChoices):
        COMPUTED = "computed", _("Worked out by the app")
        RECORDED = "recorded", _("Recorded by staff")
        SELF_REPORTED = "self_reported", _("Told us by the people involved, in their feedback")
        OBSERVED = "observed", _("Observed by staff or others")

    aim = models.ForeignKey(Aim, on_delete=models.PROTECT, related_name="measures")
    tier = models.CharField(_("type of measure"), max_length=20, choices=Tier.choices)
    name = models.CharField(_("measure"), max_length=200)
    description = models.TextField(_("what it means and how to measure it"), blank=True)
    kind = models.CharField(_("kind of value"), max_length=20, choices=Kind.choices)
    source = models.CharField(
        _("where the value comes from"), max_length=20, choices=Source.choices
    )
    computed_key = models.CharField(max_length=40, blank=True, editable=False)
    self_defined = models.BooleanField(_("defined with the people involved"), default=False)
    # A count of people is shown as * when small; a count of decisions or changes is not.
    counts_people = models.BooleanField(_("a count of people"), default=True)
    question = models.CharField(_("question people are asked"), max_length=200, blank=True)
    easy_question = models.CharField(_("the question in easy read"), max_length=200, blank=True)

    class Meta:
        ordering = ["aim__position", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "aim", "catalogue_key"],
                condition=~Q(catalogue_key=""),
                name="measure_table1_once_per_aim",
            ),
            # Also makes a double submit of the add form one measure.
            models.UniqueConstraint(
                fields=["organisation", "aim", "name"], name="measure_name_once_per_aim"
            ),
            models.CheckConstraint(
                condition=~Q(source="computed") | ~Q(computed_key=""),
                name="measure_computed_has_key",
            ),
        ]
        indexes = [models.Index(fields=["organisation", "aim"], name="measure_by_aim")]

    def __str__(self):
        return self.name

    def is_computed(self) -> bool:
        return self.source == self.Source.COMPUTED

    def is_self_reported(self) -> bool:
        return self.source == self.Source.SELF_REPORTED

    def is_numeric(self) -> bool:
        return self.kind in (self.Kind.COUNT, self.Kind.PERCENTAGE, self.Kind.SCALE)

    def needs_baseline(self) -> bool:
        """A change can only be shown from a starting point: outcomes measured in numbers
        need a baseline before a target means anything. Outputs are plain counts."""
        return self.is_numeric() and self.tier != self.Tier.OUTPUT

    def check_can_be_chosen(self) -> None:
        if self.is_retired():
            raise ValidationError(
                _("“%(name)s” has been retired. Choose a measure that is still in use.")
                % {"name": self.name}
            )

    def clean_number(self, raw) -> Decimal:
        """`raw` as a number this measure can hold, or a ValidationError saying why not."""
        try:
            number = Decimal(str(raw).strip().rstrip("%").replace(",", ""))
        except (InvalidOperation, ValueError):
            raise ValidationError(_("Enter a number, like 12.")) from None
        if not number.is_finite():
            raise ValidationError(_("Enter a number, like 12."))
        if abs(number) >= LARGEST:
            raise ValidationError(_("Enter a number smaller than 100,000,000,000."))
        if self.kind == self.Kind.COUNT and (number < 0 or number != number.to_integral_value()):
            raise ValidationError(_("Enter a whole number of 0 or more, like 12."))
        if self.kind == self.Kind.PERCENTAGE and not 0 <= number <= 100:
            raise ValidationError(_("Enter a percentage from 0 to 100, like 65."))
        if self.kind == self.Kind.SCALE and not SCALE_MIN <= number <= SCALE_MAX:
            raise ValidationError(_("Enter a score from 1 to 5, like 3.5."))
        if abs(number.as_tuple().exponent) > 1 and self.kind != self.Kind.COUNT:
            number = number.quantize(Decimal("0.1"))
        return number


class ActivityMeasure(TimeStamped):
    """A measure an activity agreed to use: its starting point, its target, and how and
    when it will be measured (Table 2: monitoring is agreed beforehand)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="measures")
    measure = models.ForeignKey(Measure, on_delete=models.PROTECT, related_name="uses")
    baseline = models.DecimalField(
        _("baseline (where things start)"), max_digits=12, decimal_places=1, null=True, blank=True
    )
    target = models.DecimalField(
        _("target"), max_digits=12, decimal_places=1, null=True, blank=True
    )
    how_measured = models.TextField(_("how it will be measured"), blank=True)
    when_measured = models.CharField(_("when it will be measured"), max_length=200, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["measure__aim__position", "measure__position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "measure"], name="activity_measure_once")
        ]

    def __str__(self):
        return f"{self.measure} ({self.activity})"


class MeasureValue(TimeStamped):
    """What a measure showed for one activity in one reporting period, with its evidence."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    activity_measure = models.ForeignKey(
        ActivityMeasure, on_delete=models.CASCADE, related_name="values"
    )
    period_start = models.DateField(_("period"))
    period_end = models.DateField()
    number = models.DecimalField(max_digits=12, decimal_places=1, null=True, blank=True)
    answer = models.BooleanField(null=True, blank=True)
    narrative = models.TextField(blank=True, max_length=5000)
    evidence = models.TextField(_("evidence"), blank=True, max_length=5000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["period_start", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity_measure", "period_start"], name="measure_value_once_per_period"
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="measure_value_period_ends_after_start",
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "period_start"], name="measure_value_by_period")
        ]

    def __str__(self):
        return f"{self.activity_measure.measure} from {self.period_start}"


class SelfReport(TimeStamped):
    """One person's own before-and-after score for a self-reported measure, given with
    their feedback."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    activity_measure = models.ForeignKey(
        ActivityMeasure, on_delete=models.CASCADE, related_name="self_reports"
    )
    response = models.ForeignKey(
        FeedbackResponse, on_delete=models.CASCADE, related_name="self_reports"
    )
    # Null is "I prefer not to say".
    before = models.PositiveSmallIntegerField(null=True, blank=True)
    after = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "activity_measure"], name="self_report_once_per_response"
            ),
            models.CheckConstraint(
                condition=(Q(before__isnull=True) | Q(before__gte=1, before__lte=5))
                & (Q(after__isnull=True) | Q(after__gte=1, after__lte=5)),
                name="self_report_on_scale",
            ),
        ]

    def __str__(self):
        return f"{self.activity_measure.measure}: {self.before} → {self.after}"


class TrainingRecord(TimeStamped):
    """A person involved completing a piece of training (Table 1: users completing
    training)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="training_records"
    )
    course = models.CharField(_("training"), max_length=200)
    completed_on = models.DateField(_("date completed"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-completed_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "course", "completed_on"], name="training_record_once"
            )
        ]
        indexes = [models.Index(fields=["organisation", "completed_on"], name="training_by_date")]

    def __str__(self):
        return f"{self.participant} completed {self.course}"
