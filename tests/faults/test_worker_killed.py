"""Fault: the email worker is killed (SIGKILL) while it sends.

django-tasks-db leaves the task RUNNING for ever (a new worker never takes it: the email is
lost) until `manage.py requeue_lost_emails` puts it back; `email_task` then makes the second
run send only if the first never committed. Real `db_worker` processes, a real SMTP server
that holds the message before answering it, the production settings.
"""

import re
import time

import pytest
from django_tasks_db.models import DBTaskResult

from pei_workflow.models import FinishedEmailTask, GapInService
from pei_workflow.tokens import hash_token
from tests.faults.processes import on_postgresql, production_environment, run_manage, wait_until
from tests.pei_forms.form_helpers import GAP_ANSWERS, complete

pytestmark = [on_postgresql, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

MAIL_PORT = 2527
ACKNOWLEDGEMENT = "pei_forms.notifications.acknowledge_submission"


def the_acknowledgement() -> DBTaskResult:
    return DBTaskResult.objects.get(task_path=ACKNOWLEDGEMENT)


def sent_form(client, gap_page) -> GapInService:
    response = complete(client, gap_page, GAP_ANSWERS)
    assert response.status_code == 302
    return GapInService.objects.get()


def test_a_worker_killed_mid_send_is_requeued_and_the_email_is_sent_exactly_once(
    client, gap_page, processes, mail_server, tmp_path
):
    """The worker dies while the mail server holds the message: the task stays RUNNING and
    a new worker alone sends nothing; `requeue_lost_emails` (cron) puts it back, and the new
    worker sends it once, with a status link that works."""
    env = production_environment(tmp_path, smtp_port=MAIL_PORT)
    mail_server.up()
    mail_server.hold()
    gap = sent_form(client, gap_page)

    first = processes.email_worker(env, "worker-one")
    wait_until(mail_server.held.is_set, timeout=30, what="the worker reaching send()")
    processes.kill(first)
    killed_at = time.monotonic()
    mail_server.release()
    assert the_acknowledgement().status == "RUNNING"

    second = processes.email_worker(env, "worker-two")
    time.sleep(3)  # a worker that sees only a RUNNING task leaves it alone
    assert the_acknowledgement().status == "RUNNING"
    assert mail_server.accepted == []

    requeued_at = time.monotonic()
    report = run_manage(env, "requeue_lost_emails", "--running-for", "0")
    assert report.startswith("Requeued 1 lost email task(s)"), report
    wait_until(lambda: mail_server.accepted, timeout=30, what="the requeued email's delivery")
    delivered = time.monotonic() - requeued_at
    wait_until(
        lambda: the_acknowledgement().status == "SUCCESSFUL", timeout=30, what="the task done"
    )
    time.sleep(1)  # anything sent twice would have arrived by now
    assert second.poll() is None, processes.log("worker-two")

    [message] = mail_server.accepted
    assert message.to == ("sam.taylor@example.org",)
    assert gap.reference in message.subject
    token = re.search(r"/status/([A-Za-z0-9_-]+)/", message.body).group(1)
    assert GapInService.objects.get().status_token_hash == hash_token(token)
    task = the_acknowledgement()
    assert task.worker_ids == ["worker-one", "worker-two"]
    assert FinishedEmailTask.objects.filter(task_result=task).exists()
    print(
        f"\nkilled worker: message data received {mail_server.data_received} times, "
        f"accepted {len(mail_server.accepted)}; runs {len(task.worker_ids)}; "
        f"sent {time.monotonic() - killed_at:.1f} s after the kill, "
        f"{delivered:.1f} s after requeue_lost_emails started (a process of its own)"
    )


def test_a_worker_that_is_only_slow_keeps_its_task_and_the_email_is_sent_once(
    client, gap_page, processes, mail_server, tmp_path
):
    """While a live worker waits on the mail server, `requeue_lost_emails` leaves its task
    alone (the worker holds its row locked), and a second worker waiting beside it never
    sends the message too."""
    env = production_environment(tmp_path, smtp_port=MAIL_PORT)
    mail_server.up()
    mail_server.hold()
    sent_form(client, gap_page)

    processes.email_worker(env, "worker-slow")
    wait_until(mail_server.held.is_set, timeout=30, what="the worker reaching send()")
    processes.email_worker(env, "worker-beside")
    report = run_manage(env, "requeue_lost_emails", "--running-for", "0")
    assert report.startswith("Requeued 0 lost email task(s)"), report

    time.sleep(1)
    mail_server.release()
    wait_until(
        lambda: the_acknowledgement().status == "SUCCESSFUL", timeout=30, what="the task done"
    )
    time.sleep(1.5)
    assert len(mail_server.accepted) == 1
    assert mail_server.data_received == 1
    assert the_acknowledgement().worker_ids == ["worker-slow"]
