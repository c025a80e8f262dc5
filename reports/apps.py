from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Quarterly PDF impact reports: the top layer, reading every app below it."""

    name = "reports"
    verbose_name = _("Impact reports")
    default_auto_field = "django.db.models.BigAutoField"
