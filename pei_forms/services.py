"""Sending a completed form: the casework service saves it, and the practitioner's
acknowledgement is queued once that has committed."""

import logging

from django.db import transaction

from pei_workflow.models import CafEscalation, GapInService, Submission
from pei_workflow.services import submit_caf_escalation, submit_gap_in_service

from .notifications import acknowledge_submission

logger = logging.getLogger(__name__)


def send_gap_in_service(*, answers: dict) -> GapInService:
    """Submit a practitioner's checked Gap in Service answers and acknowledge them."""
    with transaction.atomic():
        submission = submit_gap_in_service(answers=answers)
        _acknowledge_after_commit(submission)
    return submission


def send_caf_escalation(*, answers: dict) -> CafEscalation:
    """Submit a practitioner's checked CAF escalation answers and acknowledge them."""
    with transaction.atomic():
        submission = submit_caf_escalation(answers=answers)
        _acknowledge_after_commit(submission)
    return submission


def _acknowledge_after_commit(submission: Submission) -> None:
    label = submission._meta.label_lower
    reference = submission.reference

    def enqueue():
        try:
            acknowledge_submission.enqueue(model_label=label, pk=submission.pk)
        except Exception:
            # The submission is saved whatever happens here: the practitioner still sees
            # their reference, and can ask for the status link again later.
            logger.exception("Could not queue the acknowledgement of %s", reference)

    transaction.on_commit(enqueue)
