"""Helpers for tests that hand tasks to a real Celery worker (needs PostgreSQL and Redis).

Such tests are skipped when REDIS_URL is unset or the database is SQLite, unless
REQUIRE_WORKER=1 (CI), which turns the skip into a failure. Each worker is started and stopped
by its own process id, on the test database this run created.
"""

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import connection

from involvement import celery_app

BASE_DIR = Path(__file__).resolve().parent.parent
WAIT_SECONDS = 30


def needs_real_broker_and_database() -> None:
    reason = None
    if not settings.REDIS_URL:
        reason = "REDIS_URL is not set, so there is no broker for a worker"
    elif connection.vendor != "postgresql":
        reason = f"the test database is {connection.vendor}; a worker needs PostgreSQL"
    if reason and os.environ.get("REQUIRE_WORKER") == "1":
        pytest.fail(f"REQUIRE_WORKER=1 but {reason}")
    if reason:
        pytest.skip(reason)


def worker_database_url() -> str:
    """DATABASE_URL, pointing at the test database this run created."""
    url = urlsplit(os.environ["DATABASE_URL"])
    return url._replace(path="/" + connection.settings_dict["NAME"]).geturl()


@dataclass
class Worker:
    process: subprocess.Popen
    outbox: Path
    log: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    def children(self) -> list[int]:
        """The pool's child processes (prefork), by process id."""
        ps = subprocess.run(
            ["ps", "-o", "pid=", "--ppid", str(self.pid)], capture_output=True, text=True
        )
        return [int(pid) for pid in ps.stdout.split()]

    def log_text(self) -> str:
        return self.log.read_text()


@contextmanager
def running_worker(
    tmp_path: Path,
    *,
    name: str = "worker",
    pool: str = "solo",
    concurrency: int | None = None,
    include: tuple[str, ...] = (),
    env: dict[str, str] | None = None,
) -> Iterator[Worker]:
    """A `celery worker` on the test database that writes emails to files.

    Tasks already waiting in the broker's queue (left by an earlier, failed run) are purged
    first. `include` modules are imported by the worker (`-I`): test-only hooks live there.
    """
    outbox = tmp_path / "outbox"
    outbox.mkdir(exist_ok=True)
    log_path = tmp_path / f"{name}.log"
    command = [
        str(Path(sys.executable).parent / "celery"),
        "-A",
        "involvement",
        "worker",
        f"--pool={pool}",
        f"--hostname={name}-{os.getpid()}@%h",
        "--loglevel=INFO",
        "--without-gossip",
        "--without-mingle",
    ]
    if concurrency is not None:
        command.append(f"--concurrency={concurrency}")
    if include:
        command.append("--include=" + ",".join(include))
    environment = {
        **os.environ,
        "DATABASE_URL": worker_database_url(),
        "REDIS_URL": settings.REDIS_URL,
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(outbox),
        **(env or {}),
    }
    celery_app.conf.task_always_eager = False  # hand tasks to the broker, not this process
    celery_app.control.purge()
    log = log_path.open("w")
    process = subprocess.Popen(
        command, cwd=BASE_DIR, env=environment, stdout=log, stderr=subprocess.STDOUT
    )
    try:
        yield Worker(process, outbox, log_path)
    finally:
        stop(process)
        log.close()
        print(f"--- {name} (pid {process.pid}) ---")
        print(log_path.read_text())


def stop(process: subprocess.Popen) -> None:
    """Stop the worker by its process id: a warm shutdown, then a kill of it and its pool."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        children = subprocess.run(
            ["ps", "-o", "pid=", "--ppid", str(process.pid)], capture_output=True, text=True
        ).stdout.split()
        process.kill()
        process.wait()
        for pid in children:
            try:
                os.kill(int(pid), signal.SIGKILL)
            except ProcessLookupError:
                pass


def wait_until(check: Callable[[], object], what: str, seconds: float = WAIT_SECONDS):
    """Poll `check` until it gives something true, and return that."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := check():
            return value
        time.sleep(0.2)
    pytest.fail(f"not {what} within {seconds} s")


def wait_for_email(outbox: Path, containing: str) -> str:
    def found():
        for path in outbox.glob("*.log"):
            text = path.read_text()
            if containing in text:
                return text
        return None

    return wait_until(found, f"an email containing {containing!r}")
