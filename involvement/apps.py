from django.apps import AppConfig


class InvolvementConfig(AppConfig):
    name = "involvement"
    verbose_name = "Organisations and people"
