from celery import shared_task

from . import sending


@shared_task(bind=True, max_retries=4, default_retry_delay=120)
def send_feedback_link(self, request_id: int) -> None:
    """Email one person their feedback link. The link is made here, so it never passes
    through the broker; a second delivery of the job sends nothing.

    A mail server that will not take the message is retried a few times; after that (or at
    once when jobs run in-process) the reason stays on the request for staff, who can try
    again."""
    try:
        sending.feedback_link_email(request_id=request_id)
    except OSError as exc:
        if self.request.is_eager or self.request.retries >= self.max_retries:
            return
        raise self.retry(exc=exc) from exc


@shared_task(bind=True, max_retries=4, default_retry_delay=120)
def send_loop_message(self, contribution_id: int) -> None:
    """Email one person what was done about what they said, with a new link to say whether
    they are happy with it. Made and sent here, as `send_feedback_link` is; a failure stays
    on the contribution with the reason, and staff can try again."""
    try:
        sending.loop_message_email(contribution_id=contribution_id)
    except OSError as exc:
        if self.request.is_eager or self.request.retries >= self.max_retries:
            return
        raise self.retry(exc=exc) from exc
