"""A real Celery worker sends the invitation email (needs PostgreSQL and Redis).

Skipped when REDIS_URL is unset or the database is SQLite, unless REQUIRE_WORKER=1 (CI), which
turns the skip into a failure.
"""

import os
import re
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from involvement import celery_app, services
from involvement.models import Role

BASE_DIR = Path(__file__).resolve().parent.parent
WAIT_SECONDS = 30

pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("catalogues"),
]


def needs_real_broker_and_database():
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


@contextmanager
def running_worker(tmp_path: Path):
    """A `celery worker --pool=solo` on the test database that writes emails to files."""
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    env = {
        **os.environ,
        "DATABASE_URL": worker_database_url(),
        "REDIS_URL": settings.REDIS_URL,
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(outbox),
    }
    log = (tmp_path / "worker.log").open("w")
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "celery"),
            "-A",
            "involvement",
            "worker",
            "--pool=solo",
            "--loglevel=INFO",
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    celery_app.conf.task_always_eager = False  # hand tasks to the broker, not this process
    try:
        yield outbox
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
        print((tmp_path / "worker.log").read_text())


def wait_for_email(outbox: Path, containing: str) -> str:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        for path in outbox.glob("*.log"):
            text = path.read_text()
            if containing in text:
                return text
        time.sleep(0.25)
    pytest.fail(f"no email containing {containing!r} within {WAIT_SECONDS} s")


def test_a_real_worker_emails_the_invitation_with_its_link(
    tmp_path, brightwater, org_admin, client
):
    needs_real_broker_and_database()
    with running_worker(tmp_path) as outbox:
        invitation = services.membership_invite(
            organisation=brightwater,
            email="worker-test@example.org",
            role=Role.STAFF,
            invited_by=org_admin,
        )
        path = reverse("invitation-accept", args=[invitation.token])
        email = wait_for_email(outbox, path)

    assert "To: worker-test@example.org" in email
    link = re.search(r"https?://\S+" + re.escape(path), email).group(0)
    assert link == settings.SITE_URL + path
    assert client.get(path).status_code == 200
