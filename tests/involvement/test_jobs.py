"""Jobs survive a broker outage: a task the broker refuses is kept in the outbox
(involvement.jobs) and the sweep, every minute, sends it again."""

import logging
from unittest import mock

from django.conf import settings
from django.core import mail
from django.db import transaction
from django.urls import reverse

from involvement import celery_app, jobs
from involvement.models import Invitation, Role, UnsentJob
from involvement.tasks import send_invitation_email, send_unsent_jobs


def test_a_task_the_broker_takes_leaves_nothing_behind(brightwater, org_admin, db):
    jobs.enqueue(send_invitation_email, 12345)
    assert not UnsentJob.objects.exists()


def test_a_task_the_broker_refuses_is_kept_with_the_reason_and_a_warning(
    db, broker_down, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.WARNING, logger="involvement.jobs")
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        jobs.enqueue_on_commit(send_invitation_email, 12345)
    [job] = UnsentJob.objects.all()
    assert (job.task, job.args) == ("involvement.tasks.send_invitation_email", [12345])
    assert "Connection refused" in job.error
    assert "involvement.tasks.send_invitation_email" in caplog.text
    assert "Connection refused" in caplog.text


def test_nothing_is_sent_or_kept_when_the_transaction_rolls_back(
    db, broker_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                jobs.enqueue_on_commit(send_invitation_email, 12345)
                raise RuntimeError("the request failed later")
        except RuntimeError:
            pass
    assert callbacks == []
    assert not UnsentJob.objects.exists()


def test_inviting_with_the_broker_down_succeeds_and_the_sweep_sends_the_email(
    client_for, org_admin, broker_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(org_admin).post(
            reverse("membership-invite"), {"email": "nia@example.org", "role": Role.STAFF}
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert UnsentJob.objects.get().args == [invitation.pk]
    assert mail.outbox == []

    broker_down()
    assert send_unsent_jobs() == 1
    [message] = mail.outbox
    assert message.to == ["nia@example.org"]
    assert not UnsentJob.objects.exists()


def test_the_sweep_stops_at_the_first_refusal_and_keeps_the_rest(db, broker_down):
    for pk in (1, 2, 3):
        UnsentJob.objects.create(task=send_invitation_email.name, args=[pk], error="before")
    assert send_unsent_jobs() == 0
    assert UnsentJob.objects.count() == 3
    assert "Connection refused" in UnsentJob.objects.order_by("pk").first().error


def test_the_sweep_runs_every_minute_and_publishing_gives_up_fast():
    [entry] = [
        e
        for e in settings.CELERY_BEAT_SCHEDULE.values()
        if e["task"] == "involvement.tasks.send_unsent_jobs"
    ]
    assert entry["schedule"] == 60
    # A request with Redis down waits for at most two tries of a 2-second connect.
    assert celery_app.conf.task_publish_retry_policy["max_retries"] <= 1
    assert celery_app.conf.broker_transport_options["socket_connect_timeout"] <= 2
    assert celery_app.conf.broker_transport_options["socket_timeout"] <= 5


def test_after_a_refusal_jobs_are_kept_at_once_without_asking_the_broker(db, broker_down):
    """With a broker that does not answer each try costs seconds: a request sending many
    links asks once, then keeps the rest straight away."""
    jobs.enqueue(send_invitation_email, 1)
    with mock.patch("celery.app.task.Task.apply_async") as publish:
        assert not jobs.enqueue(send_invitation_email, 2)
        assert not jobs.enqueue(send_invitation_email, 3)
    publish.assert_not_called()
    assert sorted(job.args[0] for job in UnsentJob.objects.all()) == [1, 2, 3]


def test_a_kept_job_naming_no_task_does_not_stop_the_others(db, caplog):
    caplog.set_level(logging.ERROR, logger="involvement.jobs")
    UnsentJob.objects.create(task="reports.tasks.renamed_long_ago", args=[1])
    UnsentJob.objects.create(task="involvement.tasks.send_invitation_email", args=[12345])
    assert jobs.unsent_jobs_send() == 1
    [left] = UnsentJob.objects.all()
    assert left.task == "reports.tasks.renamed_long_ago"
    assert "names no task" in caplog.text
