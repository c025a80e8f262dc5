"""Feedback emails and "tell them" with the broker down: the page still says the email will
be sent shortly, the job waits in the outbox (involvement.jobs), and the next minute's sweep
sends it, once."""

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from involvement.models import UnsentJob
from involvement.tasks import send_unsent_jobs
from quality.models import Contribution

from ..factories import ContributionFactory, InvolvementFactory, ParticipantFactory


def test_sending_feedback_links_with_the_broker_down_succeeds_and_the_sweep_sends_them(
    staff_client, activity, brightwater, broker_down, django_capture_on_commit_callbacks
):
    people = [
        ParticipantFactory(organisation=brightwater, name=name, email=f"{name}@example.org")
        for name in ("alex", "bo")
    ]
    for person in people:
        InvolvementFactory(activity=activity, participant=person)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse("quality:feedback-send", args=[activity.pk]),
            {"people": [p.pk for p in people]},
            follow=True,
        )
    assert response.status_code == 200
    assert "2 personal links will be sent by email shortly." in response.content.decode()
    jobs = UnsentJob.objects.all()
    assert {job.task for job in jobs} == {"quality.tasks.send_feedback_link"}
    assert len(jobs) == 2
    assert mail.outbox == []

    broker_down()
    assert send_unsent_jobs() == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["alex@example.org", "bo@example.org"]
    assert not UnsentJob.objects.exists()
    # A second sweep, or the job delivered again, sends nothing more.
    assert send_unsent_jobs() == 0
    assert len(mail.outbox) == 2


def test_telling_them_by_email_with_the_broker_down_succeeds_and_the_sweep_sends_it(
    staff_client, activity, sam, broker_down, django_capture_on_commit_callbacks
):
    contribution = ContributionFactory(
        activity=activity,
        participant=sam,
        text="Meet in the evenings.",
        status="responded",
        decision="accepted",
        what_changed="Some meetings are in the evening now.",
        responded_at=timezone.now(),
    )
    tell = reverse("quality:contribution-tell", args=[contribution.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(tell, {"how": "email"}, follow=True)
    assert response.status_code == 200
    assert "The email will be sent shortly." in response.content.decode()
    [job] = UnsentJob.objects.all()
    assert (job.task, job.args) == ("quality.tasks.send_loop_message", [contribution.pk])

    broker_down()
    assert send_unsent_jobs() == 1
    [message] = mail.outbox
    assert message.to == [sam.email]
    assert Contribution.objects.get(pk=contribution.pk).status == "told"
    assert not UnsentJob.objects.exists()
