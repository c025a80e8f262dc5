from django.apps import AppConfig


class ParticipantConfig(AppConfig):
    """Everything about one person across the apps: the pages behind their personal links,
    the order of those pages (steps.py), and the export and erasure of their data."""

    name = "participant"
    verbose_name = "The person involved"
