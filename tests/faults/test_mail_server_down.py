"""Fault: the mail server is down while a practitioner sends a form and an EIDO takes a step.

Both succeed at once; a real `db_worker` (production settings, first retry after one second)
fails to send, queues each email again, and sends each exactly once when a real SMTP server
comes back.
"""

import time

import pytest
from django_tasks_db.models import DBTaskResult

from pei_workflow import services
from pei_workflow.models import GapInService, TransitionLog
from tests.factories import eido, submitted_gap
from tests.faults.processes import on_postgresql, production_environment, wait_until
from tests.pei_forms.form_helpers import GAP_ANSWERS, complete

pytestmark = [on_postgresql, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

MAIL_PORT = 2526
# The tasks that send: the acknowledgement, the EIDO's email (queued by
# notify_eidos_of_new_submission, which sends nothing itself) and the step's email.
EMAILS = ("acknowledge_submission", "deliver_email", "email_practitioner_about_step")


def attempts_queued() -> dict[str, int]:
    """The highest attempt queued for each email, by task name."""
    highest: dict[str, int] = {}
    for row in DBTaskResult.objects.all():
        name = row.task_path.rsplit(".", 1)[1]
        highest[name] = max(highest.get(name, 0), row.args_kwargs["kwargs"].get("attempt", 1))
    return highest


def queue_settled() -> bool:
    return not DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).exists()


def test_with_the_mail_server_down_the_form_and_the_step_succeed_and_each_email_goes_once_later(
    client, gap_page, processes, mail_server, tmp_path
):
    """The practitioner's form and the EIDO's question are saved while the mail server is
    down; the worker's attempts fail and are queued again; once the server is back, the
    acknowledgement, the EIDO's new-form email and the question's email each arrive once."""
    officer = eido("PEN", email="eido@example.org")
    in_review = services.start_review(submission=submitted_gap("PEN"), actor=officer)
    DBTaskResult.objects.all().delete()  # the set-up's own emails are not this test's
    env = production_environment(tmp_path, smtp_port=MAIL_PORT)
    processes.email_worker(env, "worker")

    assert complete(client, gap_page, GAP_ANSWERS).status_code == 302
    sent = GapInService.objects.exclude(pk=in_review.pk).get()
    asked = services.request_information(
        submission=in_review, actor=officer, message="How old is the young person?"
    )
    assert TransitionLog.objects.filter(object_id=sent.pk, transition="submit").exists()
    assert GapInService.objects.get(pk=asked.pk).state == "information_requested"

    # Each email fails at least twice: queued again after 1 s, then after 2 s.
    wait_until(
        lambda: all(attempts_queued().get(name, 0) >= 3 for name in EMAILS),
        timeout=30,
        what="two failed attempts of each email, each queued again",
    )
    assert mail_server.accepted == []

    mail_server.up()
    back_at = time.monotonic()
    wait_until(lambda: len(mail_server.accepted) >= 3, timeout=30, what="the three emails")
    delivered = time.monotonic() - back_at
    wait_until(queue_settled, timeout=30, what="the queue emptied")
    time.sleep(1)  # a second copy of anything would have arrived by now

    assert mail_server.subjects() == sorted(
        [
            f"New gap in service: {sent.reference}",
            f"We have received your form: {sent.reference}",
            f"We need more information about {in_review.reference}",
        ]
    )
    assert sorted(m.to for m in mail_server.accepted) == [
        ("eido@example.org",),
        ("sam.taylor@example.org",),
        ("sam.taylor@example.org",),
    ]
    failed = {name: attempts_queued()[name] - 1 for name in EMAILS}
    assert not DBTaskResult.objects.filter(status="FAILED").exists()
    print(
        f"\nmail server down: failed attempts before each email went {failed}; all three "
        f"delivered {delivered:.1f} s after the server came back"
    )
