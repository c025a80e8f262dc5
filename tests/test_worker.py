"""A real Celery worker sends the invitation email, also one asked for while Redis was down
(needs PostgreSQL and Redis).

Skipped when REDIS_URL is unset or the database is SQLite, unless REQUIRE_WORKER=1 (CI), which
turns the skip into a failure. The helpers are in tests/workers.py.
"""

import os
import re
import socket
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse

from involvement import jobs, services
from involvement.models import Role, UnsentJob

from .workers import (
    BASE_DIR,
    needs_real_broker_and_database,
    running_worker,
    wait_for_email,
    worker_database_url,
)

pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("catalogues"),
]


def test_a_real_worker_emails_the_invitation_with_its_link(
    tmp_path, brightwater, org_admin, client
):
    needs_real_broker_and_database()
    with running_worker(tmp_path) as worker:
        invitation = services.membership_invite(
            organisation=brightwater,
            email="worker-test@example.org",
            role=Role.STAFF,
            invited_by=org_admin,
        )
        email = wait_for_email(worker.outbox, "worker-test@example.org")

    assert "To: worker-test@example.org" in email
    link = re.search(re.escape(settings.SITE_URL) + r"/invitations/[\w-]+/", email).group(0)
    response = client.get(link.removeprefix(settings.SITE_URL), follow=True)
    assert response.redirect_chain == [(reverse("invitation-accept", args=[invitation.pk]), 302)]
    assert response.status_code == 200


def closed_port() -> int:
    """A local port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_an_invitation_made_while_redis_is_down_is_kept_and_sent_by_the_sweep(
    tmp_path, brightwater, org_admin
):
    """The web side runs in its own process with REDIS_URL at a closed port, as a real
    outage looks to it: the real Celery raises, the request does not wait long, and the job
    is kept; once Redis is back the sweep hands it to a real worker."""
    needs_real_broker_and_database()
    code = (
        "import time\n"
        "from involvement import services\n"
        "from involvement.models import Organisation, User\n"
        "start = time.monotonic()\n"
        f"services.membership_invite(organisation=Organisation.objects.get(pk={brightwater.pk}),"
        " email='outage@example.org', role='staff',"
        f" invited_by=User.objects.get(pk={org_admin.pk}))\n"
        "print('took', time.monotonic() - start)\n"
    )
    environment = {
        **os.environ,
        "DATABASE_URL": worker_database_url(),
        "REDIS_URL": f"redis://127.0.0.1:{closed_port()}/0",
    }
    web = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert web.returncode == 0, web.stderr
    assert float(re.search(r"took ([\d.]+)", web.stdout).group(1)) < 5
    [job] = UnsentJob.objects.all()
    assert job.task == "involvement.tasks.send_invitation_email"
    assert "Connection refused" in job.error

    with running_worker(tmp_path) as worker:
        assert jobs.unsent_jobs_send() == 1
        email = wait_for_email(worker.outbox, "outage@example.org")
    assert "/invitations/" in email
    assert not UnsentJob.objects.exists()
