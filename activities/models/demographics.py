"""Who the people involved are, told by them with consent, and who the organisation serves:
the two sides of 4Pi's *Presence* and seed 000's "range of people involved"."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from involvement.models import Organisation, TimeStamped

PREFER_NOT = ("prefer_not", _("Prefer not to say"))


class AgeBand(models.TextChoices):
    UNDER_18 = "under_18", _("Under 18")
    AGE_18_24 = "18_24", _("18 to 24")
    AGE_25_34 = "25_34", _("25 to 34")
    AGE_35_44 = "35_44", _("35 to 44")
    AGE_45_54 = "45_54", _("45 to 54")
    AGE_55_64 = "55_64", _("55 to 64")
    AGE_65_74 = "65_74", _("65 to 74")
    AGE_75_PLUS = "75_plus", _("75 or over")
    PREFER_NOT_TO_SAY = PREFER_NOT


class Gender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    NON_BINARY = "non_binary", _("Non-binary")
    ANOTHER = "another", _("In another way")
    PREFER_NOT_TO_SAY = PREFER_NOT


class Ethnicity(models.TextChoices):
    """The ONS high-level ethnic groups (England and Wales, 2021)."""

    ASIAN = "asian", _("Asian or Asian British")
    BLACK = "black", _("Black, Black British, Caribbean or African")
    MIXED = "mixed", _("Mixed or multiple ethnic groups")
    WHITE = "white", _("White")
    OTHER = "other", _("Another ethnic group")
    PREFER_NOT_TO_SAY = PREFER_NOT


class Disability(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    PREFER_NOT_TO_SAY = PREFER_NOT


# The four "about you" questions: field name → its choices. Reports and the population
# profile walk this, so a new question is added here once.
DEMOGRAPHIC_FIELDS = {
    "age_band": AgeBand,
    "gender": Gender,
    "ethnicity": Ethnicity,
    "disability": Disability,
}


class AboutYou(TimeStamped):
    """A person's optional answers about themselves, kept only with their recorded consent."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    participant = models.OneToOneField(
        "activities.Participant", on_delete=models.CASCADE, related_name="about_you"
    )
    age_band = models.CharField(_("age"), max_length=12, choices=AgeBand.choices, blank=True)
    gender = models.CharField(_("gender"), max_length=12, choices=Gender.choices, blank=True)
    ethnicity = models.CharField(
        _("ethnic group"), max_length=12, choices=Ethnicity.choices, blank=True
    )
    disability = models.CharField(
        _("disability or long-term condition"),
        max_length=12,
        choices=Disability.choices,
        blank=True,
    )
    consent_wording = models.TextField(_("what they agreed to"))
    consented_at = models.DateTimeField(_("when they agreed"))

    class Meta:
        verbose_name = "about you answers"
        verbose_name_plural = "about you answers"
        ordering = ["-consented_at"]

    def __str__(self):
        return f"About {self.participant}"


class PopulationGroup(TimeStamped):
    """The share of the people the organisation's services serve who are in one group, to
    compare with who is involved."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="population_profile"
    )
    question = models.CharField(max_length=20, choices=[(k, k) for k in DEMOGRAPHIC_FIELDS])
    answer = models.CharField(max_length=12)
    percent = models.DecimalField(
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )

    class Meta:
        ordering = ["question", "answer"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "question", "answer"], name="population_group_once"
            )
        ]

    def __str__(self):
        return f"{self.question}={self.answer}: {self.percent}%"
