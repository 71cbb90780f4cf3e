"""Email through the durable queue: a message that cannot be sent now is tried again later.

Tasks run on the "durable" backend (django-tasks-db), drained by `manage.py db_worker`. A
failure is caught and the task enqueues itself again with a growing delay, so a mail server
that is down for hours loses nothing; only after MAX_ATTEMPTS is the failure logged as an
error for an operator to act on. Every task of the queue is an `email_task`, so a worker
killed mid-task sends nothing twice once the task is requeued (see `email_tasks`).
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone

from .email_tasks import email_task

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 10
LONGEST_WAIT = datetime.timedelta(hours=6)


def retry_delay(attempt: int) -> datetime.timedelta:
    """How long to wait after the given failed attempt: 1, 2, 4, 8... minutes (from
    PEI_EMAIL_FIRST_RETRY_SECONDS, 60 unless the fault tests shorten it), at most 6 h."""
    first = settings.PEI_EMAIL_FIRST_RETRY_SECONDS
    return min(datetime.timedelta(seconds=first * 2 ** (attempt - 1)), LONGEST_WAIT)


def try_again_later(task_function, *, attempt: int, what: str, **kwargs) -> None:
    """Queue another attempt, or give up loudly after MAX_ATTEMPTS. `what` is logged: it must
    name the message (a reference), never hold its content or an address."""
    if attempt >= MAX_ATTEMPTS:
        logger.error("Gave up sending %s after %d attempts", what, attempt)
        return
    logger.warning("Could not send %s (attempt %d); trying again later", what, attempt)
    task_function.using(run_after=timezone.now() + retry_delay(attempt)).enqueue(
        attempt=attempt + 1, **kwargs
    )


def send_or_try_again(message, task_function, *, attempt: int, what: str, **kwargs) -> bool:
    """Send an EmailMessage; on any mail failure (SMTP errors, refused connections, timeouts)
    queue `task_function` again with `kwargs` (see `try_again_later`). True if it was sent."""
    try:
        message.send()
    except Exception:
        try_again_later(task_function, attempt=attempt, what=what, **kwargs)
        return False
    return True


@email_task
def deliver_email(*, subject: str, body: str, to: list[str], about: str, attempt: int = 1):
    """Send one plain-text email. `about` names it in logs, such as "GAP-PEN-2026-0007"."""
    message = EmailMessage(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=to
    )
    send_or_try_again(
        message,
        deliver_email,
        attempt=attempt,
        what=f"email about {about}",
        subject=subject,
        body=body,
        to=to,
        about=about,
    )
