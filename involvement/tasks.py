from celery import shared_task
from django.core.management import call_command

from . import jobs, sending


@shared_task(bind=True, max_retries=5, default_retry_delay=60)
def send_invitation_email(self, invitation_id: int) -> None:
    """E-mail an invitation with a new link, made here so it never passes through the
    broker. Safe to run twice: a second delivery finds nothing queued and sends nothing."""
    try:
        sending.invitation_link_email(invitation_id=invitation_id)
    except OSError as exc:
        raise self.retry(exc=exc) from exc


@shared_task
def send_unsent_jobs() -> int:
    """Send again the jobs the broker refused while it was down. Beat runs it every minute."""
    return jobs.unsent_jobs_send()


@shared_task
def clear_expired_sessions() -> None:
    """Delete expired sessions, with anything kept in them (typing kept when a session
    ended lasts an hour: involvement/sessions.py). Beat runs it every night."""
    call_command("clearsessions")
