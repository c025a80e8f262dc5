from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Quarterly PDF impact reports: the top layer, reading every app below it."""

    name = "reports"
    verbose_name = _("Impact reports")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from activities.signals import participant_erasing

        from .erasure import erase_from_reports

        def erase_words(sender, participant, **kwargs):
            erase_from_reports(participant=participant)

        # Erasing a person takes their words out of the reports already made.
        participant_erasing.connect(erase_words, weak=False, dispatch_uid="reports.erase_words")
