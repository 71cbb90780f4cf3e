"""Email tasks do their work once (`email_tasks.email_task`), and a task whose worker died is
put back in the queue (`lost_tasks`, `manage.py requeue_lost_emails`). The worker's death is
staged here by setting the queue row as a dead worker leaves it; tests/faults kills real
workers."""

import datetime
import importlib
import pkgutil
import threading
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.utils import timezone
from django_tasks.base import Task
from django_tasks_db.models import DBTaskResult

from pei_workflow import email_tasks
from pei_workflow.lost_tasks import requeue_lost_email_tasks
from pei_workflow.mail import deliver_email, retry_delay
from pei_workflow.models import FinishedEmailTask
from tests.email_queue import FAILING_EMAIL_BACKEND, run_email_worker

pytestmark = pytest.mark.django_db

LONG_AGO = datetime.timedelta(minutes=10)
NO_TASKS_IN = (".migrations", ".management.", ".settings")


def queue_email(**changes) -> DBTaskResult:
    queued = deliver_email.enqueue(subject="Hi", body="Body", to=["x@example.org"], about="GAP-1")
    row = DBTaskResult.objects.get(pk=queued.id)
    if changes:
        DBTaskResult.objects.filter(pk=row.pk).update(**changes)
    return row


def left_by_a_dead_worker(row: DBTaskResult, ago: datetime.timedelta = LONG_AGO) -> None:
    """The row as a worker killed mid-task leaves it: claimed, never marked."""
    DBTaskResult.objects.filter(pk=row.pk).update(
        status="RUNNING", started_at=timezone.now() - ago, worker_ids=["dead-worker"]
    )


def test_a_task_whose_worker_died_before_its_work_committed_is_requeued_and_sent_once():
    """Killed mid-send: the task goes back in the queue as it was, the next worker sends it,
    and its worker ids count both runs."""
    row = queue_email()
    left_by_a_dead_worker(row)

    lost = requeue_lost_email_tasks()
    assert lost.requeued == [str(row.pk)] and lost.finished == []
    assert DBTaskResult.objects.get(pk=row.pk).status == "READY"
    run_email_worker()

    assert [m.to for m in mail.outbox] == [["x@example.org"]]
    row.refresh_from_db()
    assert row.status == "SUCCESSFUL"
    assert row.worker_ids[0] == "dead-worker" and len(row.worker_ids) == 2


def test_a_task_whose_worker_died_after_its_work_committed_is_marked_done_not_sent_again():
    """Killed between the commit and marking the task: the record of its work marks it
    successful, and nothing more is sent."""
    row = queue_email()
    run_email_worker()
    left_by_a_dead_worker(row)

    lost = requeue_lost_email_tasks()
    assert lost.finished == [str(row.pk)] and lost.requeued == []
    row.refresh_from_db()
    assert row.status == "SUCCESSFUL"
    assert row.finished_at == FinishedEmailTask.objects.get(task_result=row).finished_at
    run_email_worker()
    assert len(mail.outbox) == 1


def test_a_task_run_again_after_its_work_committed_sends_nothing():
    """However a finished task comes to run again, its record stops a second send."""
    row = queue_email()
    run_email_worker()
    DBTaskResult.objects.filter(pk=row.pk).update(status="READY")

    run_email_worker()

    assert len(mail.outbox) == 1
    assert DBTaskResult.objects.get(pk=row.pk).status == "SUCCESSFUL"


def test_a_failed_attempt_queues_its_retry_once_however_often_it_runs(settings):
    """The retry an attempt queues is that attempt's work: run twice, it queues one retry."""
    settings.EMAIL_BACKEND = FAILING_EMAIL_BACKEND
    row = queue_email()
    run_email_worker()
    DBTaskResult.objects.filter(pk=row.pk).update(status="READY")
    run_email_worker()

    retries = DBTaskResult.objects.exclude(pk=row.pk)
    assert [r.args_kwargs["kwargs"]["attempt"] for r in retries] == [2]


def test_a_task_claimed_moments_ago_is_left_alone():
    """A worker takes its lock just after claiming a task: `running_for` covers that moment."""
    row = queue_email()
    left_by_a_dead_worker(row, ago=datetime.timedelta(seconds=5))

    assert requeue_lost_email_tasks().requeued == []
    assert DBTaskResult.objects.get(pk=row.pk).status == "RUNNING"


def test_tasks_of_other_queues_and_finished_tasks_are_left_alone():
    """Only RUNNING tasks of the email queue are judged: others do not lock their rows."""
    row = queue_email(queue_name="default")
    left_by_a_dead_worker(row)
    done = queue_email(status="SUCCESSFUL", started_at=timezone.now() - LONG_AGO)

    assert requeue_lost_email_tasks(running_for=datetime.timedelta(0)).requeued == []
    assert DBTaskResult.objects.get(pk=row.pk).status == "RUNNING"
    assert DBTaskResult.objects.get(pk=done.pk).status == "SUCCESSFUL"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are only real there")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_task_whose_row_a_live_worker_holds_is_left_alone():
    """A worker still sending holds its task's row: however long it has run, it is not
    requeued; once the lock goes (the worker's connection ended), it is."""
    row = queue_email()
    left_by_a_dead_worker(row)
    holding, release = threading.Event(), threading.Event()

    def live_worker():
        with transaction.atomic():
            DBTaskResult.objects.select_for_update().get(pk=row.pk)
            holding.set()
            release.wait(timeout=30)
        connection.close()

    worker = threading.Thread(target=live_worker)
    worker.start()
    try:
        assert holding.wait(timeout=30)
        assert requeue_lost_email_tasks().requeued == []
    finally:
        release.set()
        worker.join()
    assert requeue_lost_email_tasks().requeued == [str(row.pk)]


def test_every_task_of_the_email_queue_does_its_work_once():
    """`requeue_lost_emails` may run a task twice only if it holds its row: so every task on
    the email queue must be made by `email_task`."""
    found = []
    for package in ("pei_workflow", "pei_forms", "pei_site", "guidance_pages"):
        root = importlib.import_module(package)
        for module_info in pkgutil.walk_packages(root.__path__, f"{package}."):
            if any(
                part in module_info.name for part in (".migrations", ".management.", ".settings")
            ):
                continue
            module = importlib.import_module(module_info.name)
            for value in vars(module).values():
                if isinstance(value, Task) and value.func.__module__ == module.__name__:
                    found.append(value)
    email_queue = [found_task for found_task in found if found_task.queue_name == "email"]
    assert len(email_queue) == 7, [t.module_path for t in found]
    # Every task email_task makes runs its one inner function.
    made_by_email_task = deliver_email.func.__code__
    assert made_by_email_task.co_filename == email_tasks.__file__
    assert [t.module_path for t in email_queue if t.func.__code__ is not made_by_email_task] == []
    assert all(t.takes_context and t.backend == "durable" for t in email_queue)


def test_the_command_prints_what_it_did_by_task_id():
    row = queue_email()
    left_by_a_dead_worker(row)
    out = StringIO()
    call_command("requeue_lost_emails", stdout=out)
    assert out.getvalue().strip() == (
        f"Requeued 1 lost email task(s) ({row.pk}); marked 0 already done."
    )
    with pytest.raises(CommandError, match="0 or more seconds"):
        call_command("requeue_lost_emails", "--running-for", "-1")


def test_the_retry_delay_doubles_from_the_setting_up_to_six_hours(settings):
    """1, 2, 4 minutes... by default, at most 6 hours; the fault tests shorten the first."""
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3)] == [60, 120, 240]
    assert retry_delay(20) == datetime.timedelta(hours=6)
    settings.PEI_EMAIL_FIRST_RETRY_SECONDS = 1
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3)] == [1, 2, 4]
