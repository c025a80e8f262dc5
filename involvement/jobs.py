"""Handing jobs to the broker so that an outage loses none.

Every job is enqueued on commit through `enqueue_on_commit`. When the broker refuses it
(Redis down: Celery raises kombu's OperationalError once its short publish retries are
spent), the request still succeeds: the job is logged and kept in an `UnsentJob` row, and
`send_unsent_jobs` (beat, every minute) sends it again. Nothing is written when the broker
takes the job. A job may be sent twice (two sweeps at once, or a sweep stopped between
sending and deleting); every job is safe to run twice (each claims its row).
"""

import logging
import time

from celery.exceptions import NotRegistered
from django.db import transaction
from django.utils import timezone
from kombu.exceptions import OperationalError

from .celery import app
from .models import UnsentJob

logger = logging.getLogger(__name__)
SWEEP_BATCH = 200
BROKER_DOWN_SECONDS = 10
_refused_until = 0.0


def enqueue_on_commit(task, *args) -> None:
    """Send `task(*args)` once the transaction commits; never for one rolled back."""
    transaction.on_commit(lambda: enqueue(task, *args))


def enqueue(task, *args) -> bool:
    """Send the task now, or keep it for the sweep when the broker refuses it (False).

    After one refusal, this process keeps jobs straight away for BROKER_DOWN_SECONDS without
    asking the broker: with a broker that does not answer each try costs seconds, and a
    request sending a hundred links must not outlive its worker's timeout."""
    global _refused_until
    if time.monotonic() < _refused_until:
        _keep(task.name, args, "The broker refused a job moments ago.")
        return False
    try:
        task.delay(*args)
    except OperationalError as error:
        _refused_until = time.monotonic() + BROKER_DOWN_SECONDS
        logger.warning("The broker refused %s%r; kept for the sweep: %s", task.name, args, error)
        _keep(task.name, args, str(error))
        return False
    return True


def _keep(name: str, args, error: str) -> None:
    UnsentJob.objects.create(task=name, args=list(args), error=error[:300])


def unsent_jobs_send(*, limit: int = SWEEP_BATCH) -> int:
    """Send the kept jobs, oldest first, deleting each once the broker has it. A refusal
    stops the sweep (the broker is still down) and leaves the rest for the next one.
    Returns how many were sent."""
    sent = 0
    for job in UnsentJob.objects.order_by("created_at", "pk")[:limit]:
        try:
            task = _task(job.task)
        except NotRegistered:
            # Renamed or removed in a release: kept for an operator, and the rest go on.
            logger.error("Kept job %s names no task; left in the outbox.", job)
            continue
        try:
            task.delay(*job.args)
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
    """The registered task of that name. The sweep runs on a worker, which registered every
    app's tasks when it started (Celery's autodiscovery), so this core module names no app
    above it; a name no longer registered raises NotRegistered."""
    return app.tasks[name]
