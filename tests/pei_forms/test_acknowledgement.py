"""The practitioner's acknowledgement email: sent after the commit through the durable queue,
with the reference and a private status link whose token is stored nowhere."""

import datetime
import re

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from pei_workflow.models import CafEscalation, GapInService
from pei_workflow.states import NEXT_STEPS
from pei_workflow.tokens import hash_token
from tests.email_queue import FAILING_EMAIL_BACKEND, run_email_worker
from tests.pei_forms.form_helpers import (
    CAF_ANSWERS,
    GAP_ANSWERS,
    fill_steps,
    html,
    send,
)

pytestmark = pytest.mark.django_db

STATUS_LINK = re.compile(r"http://testserver/status/(?P<token>[A-Za-z0-9_-]+)/")


def send_form(client, page, answers, django_capture_on_commit_callbacks):
    """Fill the form and press Send, running what waits for the commit (the enqueue)."""
    fill_steps(client, page, answers)
    with django_capture_on_commit_callbacks(execute=True):
        return send(client, page)


def emails_to(address: str) -> list:
    return [message for message in mail.outbox if message.to == [address]]


def stored_anywhere(value: str) -> list[str]:
    """The tables in which any column of any row holds `value`."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            if any(value in str(cell) for row in cursor.fetchall() for cell in row):
                found.append(table)
    return found


@pytest.mark.parametrize(
    ("page_fixture", "answers", "model"),
    [("gap_page", GAP_ANSWERS, GapInService), ("caf_page", CAF_ANSWERS, CafEscalation)],
)
def test_the_practitioner_is_emailed_the_reference_and_a_working_private_link(
    client, request, django_capture_on_commit_callbacks, page_fixture, answers, model
):
    """After sending, the worker emails the practitioner their reference, what happens next
    and a private status link; the link opens the status page, and only its hash is stored."""
    page = request.getfixturevalue(page_fixture)
    send_form(client, page, answers, django_capture_on_commit_callbacks)
    submission = model.objects.get()
    assert submission.status_token_hash is None  # no link exists until the email is sent

    run_email_worker()

    (message,) = emails_to(answers["about-you"]["email"])
    assert submission.reference in message.subject
    assert submission.reference in message.body
    assert NEXT_STEPS["submitted"] in message.body
    token = STATUS_LINK.search(message.body).group("token")
    submission.refresh_from_db()
    assert submission.status_token_hash == hash_token(token)

    status_page = client.get(f"/status/{token}/")
    assert status_page.status_code == 200
    assert submission.reference in html(status_page)


def test_the_token_is_stored_in_no_table_not_even_the_task_queue(
    client, gap_page, django_capture_on_commit_callbacks
):
    """Every column of every table, the task queue's included, is free of the raw token;
    the queued task holds only the submission's model and id."""
    send_form(client, gap_page, GAP_ANSWERS, django_capture_on_commit_callbacks)
    queued = DBTaskResult.objects.get(task_path__endswith="acknowledge_submission")
    gap = GapInService.objects.get()
    assert queued.args_kwargs == {
        "args": [],
        "kwargs": {"model_label": "pei_workflow.gapinservice", "pk": gap.pk},
    }

    run_email_worker()

    (message,) = emails_to("sam.taylor@example.org")
    token = STATUS_LINK.search(message.body).group("token")
    assert len(token) >= 22  # at least 128 random bits
    assert stored_anywhere(token) == []
    assert stored_anywhere(hash_token(token)) != []


def test_nothing_is_queued_before_the_submission_commits(client, gap_page):
    """Inside the send's transaction nothing is queued, so a rollback never sends an email."""
    fill_steps(client, gap_page, GAP_ANSWERS)
    send(client, gap_page)  # the test's transaction is still open: on_commit has not run
    assert GapInService.objects.count() == 1
    assert not DBTaskResult.objects.filter(task_path__endswith="acknowledge_submission").exists()


def test_a_mail_outage_keeps_the_submission_and_the_retry_sends_a_new_working_link(
    client, gap_page, settings, django_capture_on_commit_callbacks
):
    """With the mail server down the practitioner still gets the confirmation page and the
    submission is kept; the email is retried later, with a new token, and that link works."""
    settings.EMAIL_BACKEND = FAILING_EMAIL_BACKEND
    response = send_form(client, gap_page, GAP_ANSWERS, django_capture_on_commit_callbacks)
    assert response["Location"] == f"{gap_page.url}confirmation/"
    gap = GapInService.objects.get()
    assert gap.reference in html(client.get(response["Location"]))

    run_email_worker()

    assert mail.outbox == []
    gap.refresh_from_db()
    lost_link_hash = gap.status_token_hash
    retry = DBTaskResult.objects.get(status="READY", task_path__endswith="acknowledge_submission")
    assert retry.run_after > timezone.now()
    assert retry.args_kwargs["kwargs"] == {
        "model_label": "pei_workflow.gapinservice",
        "pk": gap.pk,
        "attempt": 2,
    }

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    DBTaskResult.objects.filter(pk=retry.pk).update(
        run_after=timezone.now() - datetime.timedelta(seconds=1)
    )
    run_email_worker()

    (message,) = emails_to("sam.taylor@example.org")
    token = STATUS_LINK.search(message.body).group("token")
    gap.refresh_from_db()
    assert gap.status_token_hash == hash_token(token) != lost_link_hash
    assert client.get(f"/status/{token}/").status_code == 200
    assert stored_anywhere(token) == []


def test_a_queue_failure_still_shows_the_confirmation(
    client, gap_page, monkeypatch, django_capture_on_commit_callbacks, caplog
):
    """If the acknowledgement cannot even be queued, the submission is kept, the practitioner
    sees their reference, and the failure is logged with the reference only."""

    class BrokenQueue:
        def enqueue(self, **kwargs):
            raise RuntimeError("queue unavailable")

    monkeypatch.setattr("pei_forms.services.acknowledge_submission", BrokenQueue())
    fill_steps(client, gap_page, GAP_ANSWERS)
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, gap_page)
    gap = GapInService.objects.get()
    assert response["Location"] == f"{gap_page.url}confirmation/"
    assert gap.reference in html(client.get(response["Location"]))
    logged = [r.getMessage() for r in caplog.records if r.name == "pei_forms.services"]
    assert logged == [f"Could not queue the acknowledgement of {gap.reference}"]
