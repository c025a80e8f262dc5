"""Handing jobs to the broker so that an outage loses none.

Every job is enqueued on commit through `enqueue_on_commit`. When the broker refuses it
(Redis down: Celery raises kombu's OperationalError once its short publish retries are
spent), the request still succeeds: the job is logged and kept in an `UnsentJob` row, and
`send_unsent_jobs` (beat, every minute) sends it again. Nothing is written when the broker
takes the job. A job may be sent twice (two sweeps at once, or a sweep stopped between
sending and deleting); every job is safe to run twice (each claims its row).
"""

import logging

from django.db import transaction
from django.utils import timezone
from kombu.exceptions import OperationalError

from .celery import app
from .models import UnsentJob

logger = logging.getLogger(__name__)
SWEEP_BATCH = 200


def enqueue_on_commit(task, *args) -> None:
    """Send `task(*args)` once the transaction commits; never for one rolled back."""
    transaction.on_commit(lambda: enqueue(task, *args))


def enqueue(task, *args) -> bool:
    """Send the task now, or keep it for the sweep when the broker refuses it (False)."""
    try:
        task.delay(*args)
    except OperationalError as error:
        logger.warning("The broker refused %s%r; kept for the sweep: %s", task.name, args, error)
        UnsentJob.objects.create(task=task.name, args=list(args), error=str(error)[:300])
        return False
    return True


def unsent_jobs_send(*, limit: int = SWEEP_BATCH) -> int:
    """Send the kept jobs, oldest first, deleting each once the broker has it. A refusal
    stops the sweep (the broker is still down) and leaves the rest for the next one.
    Returns how many were sent."""
    sent = 0
    for job in UnsentJob.objects.order_by("created_at", "pk")[:limit]:
        try:
            _task(job.task).delay(*job.args)
        except OperationalError as error:
            logger.warning("The broker still refuses jobs (%s kept): %s", job.task, error)
            UnsentJob.objects.filter(pk=job.pk).update(
                error=str(error)[:300], updated_at=timezone.now()
            )
            break
        UnsentJob.objects.filter(pk=job.pk).delete()
        sent += 1
    return sent


def _task(name: str):
    """The registered task of that name. Celery's own autodiscovery loads every app's tasks
    first (a process imports a task module only when something needs it), so this core
    module names no app above it."""
    app.loader.import_default_modules()
    return app.tasks[name]
