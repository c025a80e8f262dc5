from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo: `seed_demo`, `seed_scale` and the builders they call. The top floor: it
    imports every app below it and none imports it."""

    name = "demo"
    verbose_name = "Demo data"
