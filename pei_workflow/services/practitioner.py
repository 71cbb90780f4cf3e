"""Steps a practitioner takes through their private status link."""

from django.db import transaction

from ..models import Submission
from ..notifications import notify_eidos_of_practitioner_step
from .transitions import run_transition


def provide_information(*, submission: Submission, answer: str) -> Submission:
    """Record the practitioner's answer to an information request and hand the case back to
    the EIDO, who is emailed. The answer must have passed the anonymity checks."""
    with transaction.atomic():
        updated, log = run_transition(
            submission=submission,
            name="provide_information",
            comment=answer,
            reason="The practitioner answered the information request",
        )
        _notify_after_commit(updated, log.pk)
    return updated


def withdraw_by_practitioner(*, submission: Submission) -> Submission:
    """Withdraw an open submission at the practitioner's request; the EIDO is emailed."""
    with transaction.atomic():
        updated, log = run_transition(
            submission=submission,
            name="withdraw",
            reason="Withdrawn by the practitioner",
        )
        _notify_after_commit(updated, log.pk)
    return updated


def _notify_after_commit(submission: Submission, log_pk: int) -> None:
    label = submission._meta.label_lower
    transaction.on_commit(
        lambda: notify_eidos_of_practitioner_step.enqueue(
            model_label=label, pk=submission.pk, log_pk=log_pk
        )
    )
