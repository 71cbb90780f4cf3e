"""Emails to EIDOs go through the durable queue, after the commit, and survive a mail outage."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from pei_workflow.models import GapInService
from pei_workflow.services import submit_gap_in_service
from tests.email_queue import FAILING_EMAIL_BACKEND, run_email_worker
from tests.factories import eido, gap_answers

pytestmark = pytest.mark.django_db


def submit_with_commit(django_capture_on_commit_callbacks, **overrides):
    with django_capture_on_commit_callbacks(execute=True):
        return submit_gap_in_service(answers=gap_answers("PEN", **overrides))


def test_each_eido_of_the_district_gets_the_reference_and_an_admin_link_not_the_answers(
    django_capture_on_commit_callbacks,
):
    """Every EIDO of Pendle is emailed the reference and the admin link; EIDOs of other
    districts are not; the practitioner's free text is not in the email."""
    eido("PEN", email="one@example.org")
    eido("PEN", email="two@example.org")
    eido("BUR", email="burnley@example.org")
    gap = submit_with_commit(django_capture_on_commit_callbacks)

    run_email_worker()

    to_eidos = [m for m in mail.outbox if "one@" in m.to[0] or "two@" in m.to[0]]
    assert sorted(m.to[0] for m in to_eidos) == ["one@example.org", "two@example.org"]
    assert not [m for m in mail.outbox if m.to == ["burnley@example.org"]]
    message = to_eidos[0]
    assert gap.reference in message.subject
    assert f"/admin/pei_workflow/gapinservice/inspect/{gap.pk}/" in message.body
    assert gap.unmet_need not in message.body
    assert gap.practitioner_name not in message.body


def test_no_email_is_queued_until_the_submission_commits():
    """Inside the transaction nothing is queued: a rollback can never send a stray email."""
    eido("PEN")
    submit_gap_in_service(answers=gap_answers("PEN"))  # test transaction still open
    assert DBTaskResult.objects.count() == 0


def test_a_mail_outage_keeps_the_submission_and_retries_the_email_later(
    settings, django_capture_on_commit_callbacks
):
    """With the mail server down the submission is kept and the email waits for a retry;
    when the server is back, the retry delivers it."""
    eido("PEN", email="eido@example.org")
    settings.EMAIL_BACKEND = FAILING_EMAIL_BACKEND
    gap = submit_with_commit(django_capture_on_commit_callbacks)

    run_email_worker()

    assert GapInService.objects.filter(pk=gap.pk).exists()
    waiting = DBTaskResult.objects.filter(status="READY", task_path__endswith="deliver_email")
    assert waiting.count() == 1
    retry = waiting.get()
    assert retry.run_after > timezone.now()
    assert retry.args_kwargs["kwargs"]["attempt"] == 2

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    waiting.update(run_after=timezone.now() - datetime.timedelta(seconds=1))
    run_email_worker()

    assert [m.to for m in mail.outbox] == [["eido@example.org"]]
    assert gap.reference in mail.outbox[0].subject


def test_retries_stop_after_the_last_attempt(settings, caplog):
    """After MAX_ATTEMPTS the failure is logged as an error, naming only the reference."""
    from pei_workflow.mail import MAX_ATTEMPTS, deliver_email

    settings.EMAIL_BACKEND = FAILING_EMAIL_BACKEND
    deliver_email.enqueue(
        subject="s",
        body="secret body",
        to=["x@example.org"],
        about="GAP-PEN-2026-0001",
        attempt=MAX_ATTEMPTS,
    )
    run_email_worker()
    assert not DBTaskResult.objects.filter(status="READY").exists()
    errors = [r for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1
    assert "GAP-PEN-2026-0001" in errors[0].getMessage()
    assert "secret body" not in errors[0].getMessage()
    assert "x@example.org" not in errors[0].getMessage()
