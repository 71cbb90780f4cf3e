"""Tasks of the durable email queue do their work once, even when a worker dies mid-task.

django-tasks-db marks a task RUNNING when a worker claims it and nothing ever looks at it
again: a worker killed while it runs one (a deploy, the OOM killer, a host lost) leaves it
RUNNING for ever, and its email is never sent. `lost_tasks.requeue_lost_email_tasks` puts
such a task back in the queue, which makes a second run of one task possible; `email_task`
makes that second run harmless:

- the run holds its own queue row locked (SELECT ... FOR UPDATE) in one transaction from
  start to end. PostgreSQL drops the lock the moment the worker's connection ends, so a
  locked RUNNING row is a task whose worker is alive, and two runs of one task take turns;
- what the run does in the database (the retry it queues, the emails it queues, a status
  link's new token) commits together with a `FinishedEmailTask` row, after the message was
  handed to the mail server. A run that finds that row does nothing.

The guarantee: each queued email task does its work once and its email is sent once, with
one window that no design closes over SMTP: the mail server accepted the message and the
worker died (or lost the database) before the commit. The task is then run again and the
email is sent twice (with a status link, only the second one's link works). SMTP cannot be
asked whether it already took a message, and sending twice is better than never.

The cost: a row of the queue stays locked while the mail server answers (EMAIL_TIMEOUT
bounds each wait), and a status link's new token keeps its submission's row locked as long,
so a step taken on that case in that moment waits for the send.
"""

import logging

from django.db import transaction
from django_tasks import TaskContext, task
from django_tasks_db.models import DBTaskResult

from .models import FinishedEmailTask

logger = logging.getLogger(__name__)

EMAIL_QUEUE = "email"


def email_task(function):
    """Make `function` (keyword arguments only) a task of the durable email queue that does
    its work at most once per queued task; see the module's docstring."""

    def run_once(context: TaskContext, **kwargs):
        task_id = context.task_result.id
        with transaction.atomic():
            queued = (
                DBTaskResult.objects.select_for_update()
                .filter(pk=task_id)
                .values_list("pk", flat=True)
            )
            if not queued:
                # Run by another backend (no queue row): nothing can run it twice, and
                # there is no row to record against.
                return function(**kwargs)
            if FinishedEmailTask.objects.filter(task_result_id=task_id).exists():
                logger.info("Email task %s did its work already; not running it again", task_id)
                return None
            result = function(**kwargs)
            FinishedEmailTask.objects.create(task_result_id=task_id)
        return result

    # Not functools.wraps: its __wrapped__ would give the task the wrapped function's
    # signature, without the `context` django-tasks requires first. The name and module
    # are the function's, so the queue rows name the same task path as before.
    run_once.__module__ = function.__module__
    run_once.__name__ = function.__name__
    run_once.__qualname__ = function.__qualname__
    run_once.__doc__ = function.__doc__
    return task(backend="durable", queue_name=EMAIL_QUEUE, takes_context=True)(run_once)
