"""The practitioner is emailed when the EIDO takes a step they need to know about; the email
sends them to the status page, where the detail stays behind the private link."""

import pytest
from django.core import mail
from django.test import override_settings

from pei_workflow import services
from pei_workflow.models import GapInService
from tests.email_queue import FAILING_EMAIL_BACKEND, run_email_worker
from tests.factories import eido, service, submitted_gap

pytestmark = pytest.mark.django_db

PRACTITIONER = ["sam.taylor@example.org"]


@pytest.fixture
def officer():
    return eido("PEN", email="")


@pytest.fixture
def gap_in_review(officer):
    gap = services.start_review(submission=submitted_gap("PEN"), actor=officer)
    run_email_worker()
    mail.outbox.clear()
    return gap


def emails_to_practitioner():
    return [m for m in mail.outbox if m.to == PRACTITIONER]


def test_a_decline_emails_the_practitioner_without_the_reason(
    officer, gap_in_review, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.decline(submission=gap_in_review, actor=officer, reason="Outside our remit")
    run_email_worker()
    [message] = emails_to_practitioner()
    assert message.subject == f"{gap_in_review.reference} has been declined"
    assert "Outside our remit" not in message.body
    assert "/status/resend/" in message.body


@pytest.mark.parametrize(
    "step,subject",
    [
        (
            lambda gap, officer: services.signpost(
                submission=gap, actor=officer, service=service(), unknown_to_practitioner=True
            ),
            "A decision about",
        ),
        (
            lambda gap, officer: services.withdraw_for_practitioner(submission=gap, actor=officer),
            "has been withdrawn",
        ),
    ],
    ids=["decision", "withdrawn by the EIDO"],
)
def test_decisions_and_withdrawals_by_the_eido_are_emailed(
    officer, gap_in_review, django_capture_on_commit_callbacks, step, subject
):
    with django_capture_on_commit_callbacks(execute=True):
        step(gap_in_review, officer)
    run_email_worker()
    [message] = emails_to_practitioner()
    assert subject in message.subject


def test_closing_is_emailed(officer, gap_in_review, django_capture_on_commit_callbacks):
    gap = services.signpost(
        submission=gap_in_review, actor=officer, service=service(), unknown_to_practitioner=False
    )
    run_email_worker()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.close(
            submission=gap,
            actor=officer,
            outcome="met",
            children_benefiting=1,
            families_benefiting=1,
            caf_in_place="yes",
        )
    run_email_worker()
    [message] = emails_to_practitioner()
    assert message.subject == f"{gap.reference} is closed"


def test_starting_a_review_and_the_practitioners_own_steps_are_not_emailed_to_them(
    officer, django_capture_on_commit_callbacks
):
    """Only the steps the practitioner needs to hear about are emailed, and never their own
    withdrawal back to them."""
    gap = submitted_gap("PEN")
    run_email_worker()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        gap = services.start_review(submission=gap, actor=officer)
        services.withdraw_by_practitioner(submission=gap)
    run_email_worker()
    assert emails_to_practitioner() == []


def test_a_mail_failure_never_loses_the_step_and_the_email_goes_later(
    officer, gap_in_review, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.request_information(submission=gap_in_review, actor=officer, message="Age?")
    with override_settings(EMAIL_BACKEND=FAILING_EMAIL_BACKEND):
        run_email_worker()
    assert GapInService.objects.get(pk=gap_in_review.pk).state == "information_requested"
    assert emails_to_practitioner() == []

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    run_email_worker()
    [message] = emails_to_practitioner()
    assert "more information" in message.subject
