from django.db import transaction
from django.utils import timezone

from ..models import CafEscalation, GapInService, Submission
from ..notifications import notify_eidos_of_new_submission
from .due_dates import record_due_date
from .history import record_transition
from .need_vectors import encoded_need, store_need_vector
from .references import allocate_reference


def submit_gap_in_service(*, answers: dict) -> GapInService:
    """Save a practitioner's Gap in Service form as a submitted case. See `_submit`."""
    return _submit(GapInService, answers)


def submit_caf_escalation(*, answers: dict) -> CafEscalation:
    """Save a practitioner's CAF escalation form as a submitted case. See `_submit`."""
    return _submit(CafEscalation, answers)


def _submit(model: type[Submission], answers: dict) -> Submission:
    """The submission, its reference and its first history row are saved together or not at
    all; the district's EIDOs are told after the commit, through the durable email queue.

    The answers must already have passed the form's checks, anonymity included; `full_clean`
    here guards the model's own rules.
    """
    submission = model(**answers)
    # Before the transaction: the model that reads the words holds no lock while it runs.
    vector = encoded_need(submission)
    with transaction.atomic():
        from_state = submission.state
        submission.submit()
        submission.submitted_at = timezone.now()
        submission.reference = allocate_reference(
            kind=model.kind,
            district=submission.district,
            year=timezone.localdate(submission.submitted_at).year,
        )
        # The state field is protected: clean_fields would try to set it again.
        submission.full_clean(exclude=["state"])
        submission._change_reason = "Sent by the practitioner"
        submission.save()
        log = record_transition(submission=submission, transition="submit", from_state=from_state)
        record_due_date(submission, stepped_at=log.created_at)
        store_need_vector(submission, vector)
        label = submission._meta.label_lower
        transaction.on_commit(
            lambda: notify_eidos_of_new_submission.enqueue(model_label=label, pk=submission.pk)
        )
    return submission
