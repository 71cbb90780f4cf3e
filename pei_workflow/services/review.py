"""The EIDO's review steps, common to both kinds of submission: start, ask, decline,
withdraw, close and reopen. Each function is one unit of work (see `run_transition`); the
practitioner's emails are queued after the commit by pei_forms, which listens for
`transition_committed`."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ..choices import MonitoringOutcome, YesNo
from ..models import Submission
from .inputs import optional_text, required_text
from .message_templates import checked_practitioner_message, message_data
from .transitions import run_transition


def staff_step(*, submission: Submission, name: str, actor, **kwargs) -> Submission:
    """Run a step that only a signed-in person may take (see `run_transition`)."""
    if actor is None or not actor.is_authenticated:
        raise PermissionDenied
    updated, _log = run_transition(submission=submission, name=name, actor=actor, **kwargs)
    return updated


def start_review(*, submission: Submission, actor) -> Submission:
    """The EIDO starts reviewing a submitted form."""
    return staff_step(submission=submission, name="start_review", actor=actor)


def request_information(*, submission: Submission, actor, message: str) -> Submission:
    """Ask the practitioner a question. They are emailed and answer on their status page,
    which shows the message; so it must not hold anything the practitioner should not see."""
    message = required_text(
        message,
        field="message",
        label="The question for the practitioner",
        message="Enter the question for the practitioner.",
    )
    return staff_step(
        submission=submission,
        name="request_information",
        actor=actor,
        comment=message,
        reason="Information requested",
    )


def decline(*, submission: Submission, actor, reason: str) -> Submission:
    """Decline a submission; the practitioner is emailed and sees the reason."""
    reason = required_text(
        reason,
        field="reason",
        label="The reason",
        message="Enter why it is declined. The practitioner sees this.",
    )
    return staff_step(
        submission=submission, name="decline", actor=actor, comment=reason, reason="Declined"
    )


def withdraw_for_practitioner(*, submission: Submission, actor, reason: str = "") -> Submission:
    """The EIDO withdraws an open submission, usually at the practitioner's request."""
    reason = optional_text(reason, field="reason", label="The reason")
    return staff_step(
        submission=submission,
        name="withdraw",
        actor=actor,
        comment=reason,
        reason="Withdrawn by the EIDO",
    )


def reopen(*, submission: Submission, actor, reason: str) -> Submission:
    """Reopen a closed, declined or withdrawn submission for review."""
    reason = required_text(
        reason, field="reason", label="The reason", message="Enter why it is being reopened."
    )
    return staff_step(
        submission=submission, name="reopen", actor=actor, comment=reason, reason="Reopened"
    )


def close(
    *,
    submission: Submission,
    actor,
    outcome: str,
    children_benefiting: int | None,
    families_benefiting: int | None,
    caf_in_place: str,
    notes: str = "",
    practitioner_message: str = "",
) -> Submission:
    """Close a case whose action is agreed, recording the monitoring outcome: whether the need
    was met, how many children, young people and families benefit, and whether a CAF is in
    place. The notes are for staff; `practitioner_message`, if given, is shown on the
    practitioner's status page."""
    errors = {}
    if outcome not in MonitoringOutcome.values:
        errors["outcome"] = "Select whether the need was met, partly met or not met."
    for field, value, who in (
        ("children_benefiting", children_benefiting, "children and young people"),
        ("families_benefiting", families_benefiting, "families"),
    ):
        if value is None or value < 0:
            errors[field] = (
                f"Enter the number of {who} benefiting, as a whole number. Enter 0 if none."
            )
    if caf_in_place not in YesNo.values:
        errors["caf_in_place"] = "Select whether a CAF is in place."
    if errors:
        raise ValidationError(errors)
    notes = optional_text(notes, field="notes", label="The notes")
    message = checked_practitioner_message(practitioner_message)

    def record(locked: Submission) -> None:
        locked.monitoring_outcome = outcome
        locked.children_benefiting = children_benefiting
        locked.families_benefiting = families_benefiting
        locked.caf_in_place_at_close = caf_in_place
        locked.closing_notes = notes
        locked.closed_at = timezone.now()

    return staff_step(
        submission=submission,
        name="close",
        actor=actor,
        comment=notes,
        reason="Closed",
        change=record,
        data={
            "outcome": outcome,
            "children_benefiting": children_benefiting,
            "families_benefiting": families_benefiting,
            "caf_in_place": caf_in_place,
            **message_data(message),
        },
    )
