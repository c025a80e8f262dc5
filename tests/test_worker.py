"""A real Celery worker sends the invitation email (needs PostgreSQL and Redis).

Skipped when REDIS_URL is unset or the database is SQLite, unless REQUIRE_WORKER=1 (CI), which
turns the skip into a failure. The helpers are in tests/workers.py.
"""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from involvement import services
from involvement.models import Role

from .workers import needs_real_broker_and_database, running_worker, wait_for_email

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
