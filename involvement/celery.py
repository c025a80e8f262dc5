"""The Celery app; it reads every CELERY_* setting from Django settings."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "involvement.settings")

app = Celery("involvement")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
