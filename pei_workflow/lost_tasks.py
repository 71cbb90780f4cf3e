"""Email tasks left RUNNING by a worker that died go back in the queue.

django-tasks-db (0.13) has no recovery of its own: a worker records its id on the task when
it claims it (`worker_ids`) and keeps no heartbeat, and neither `db_worker` nor
`prune_db_task_results` looks at a RUNNING task again, so a task whose worker was killed
stays RUNNING for ever and its email is never sent.

A task of the email queue holds its own row locked while it runs (`email_tasks.email_task`),
and PostgreSQL releases that lock when the worker's connection ends. So a RUNNING row that
can be locked now has no live worker. It is put back in the queue, or marked done if its
work had committed before the worker died. `requeue_lost_emails` (cron, every 5 minutes)
runs this.

`running_for` leaves alone tasks claimed moments ago, which take their lock just after the
claim. On SQLite (development) there are no row locks, so there `running_for` alone decides:
keep it above the longest send.
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .email_tasks import EMAIL_QUEUE
from .models import FinishedEmailTask

DEFAULT_RUNNING_FOR = datetime.timedelta(minutes=5)


@dataclass
class LostTasks:
    """What one recovery did: ids of the tasks put back in the queue, and of those marked
    done because their work had committed."""

    requeued: list[str] = field(default_factory=list)
    finished: list[str] = field(default_factory=list)


def requeue_lost_email_tasks(*, running_for: datetime.timedelta = DEFAULT_RUNNING_FOR):
    """Put back in the queue each email task RUNNING for longer than `running_for` whose
    worker has gone (its row is not locked), in one transaction with the rows locked; a
    task that had finished its work is marked successful instead. Safe to run at any time,
    alongside any number of workers."""
    lost = LostTasks()
    with transaction.atomic():
        rows = list(
            DBTaskResult.objects.running()
            .filter(queue_name=EMAIL_QUEUE, started_at__lt=timezone.now() - running_for)
            .select_for_update(skip_locked=True)
            .order_by("started_at")
        )
        finished = dict(
            FinishedEmailTask.objects.filter(task_result__in=rows).values_list(
                "task_result_id", "finished_at"
            )
        )
        for row in rows:
            if row.pk in finished:
                # The worker died after the commit, before it marked the task.
                row.status = TaskResultStatus.SUCCESSFUL
                row.finished_at = finished[row.pk]
                row.save(update_fields=["status", "finished_at"])
                lost.finished.append(str(row.pk))
            else:
                # `worker_ids` keeps the dead worker's id: it counts the runs begun.
                row.status = TaskResultStatus.READY
                row.save(update_fields=["status"])
                lost.requeued.append(str(row.pk))
    return lost
