from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django_fsm import TransitionNotAllowed, can_proceed

from .. import audit
from ..events import transition_committed
from ..models import Submission, TransitionLog
from .due_dates import record_due_date
from .history import record_transition
from .milestones import record_first_times


class TransitionRefused(Exception):
    """The submission is not in a state that allows this step (perhaps someone else moved it
    first). Nothing was changed; the message says so in plain words."""


def refusal_message(submission: Submission) -> str:
    return (
        f"{submission.reference} is now “{submission.get_state_display()}”, "
        "so that step is no longer possible. Nothing has been changed."
    )


def may_take_step(submission: Submission, name: str, user) -> bool:
    """Whether this person may take the step on this submission in some state. django-fsm's
    `has_transition_perm` also says no when the current state does not allow the step, which
    would turn "someone moved it first" into "you may not": the two are told apart here."""
    meta = getattr(submission, name)._django_fsm
    return any(transition.has_perm(submission, user) for transition in meta.transitions.values())


def run_transition(
    *,
    submission: Submission,
    name: str,
    actor=None,
    comment: str = "",
    data: dict | None = None,
    reason: str = "",
    change: Callable[[Submission], None] | None = None,
) -> tuple[Submission, TransitionLog]:
    """Run one workflow step as a unit: lock the row, check the person may take the step and
    the state allows it, apply it, validate, save (with its field history) and write the
    review history row. After the commit, `transition_committed` is sent, so that emails are
    queued only for a step that was saved.

    `change`, if given, is called with the locked row after the checks and before the state
    moves: it checks the step's own input against the current data (raising ValidationError
    to refuse) and sets the step's fields. Everything it writes is part of the same unit.

    `actor` is None when the practitioner acts through their status link; the view has
    already checked the link.

    Raises PermissionDenied if the person may not take this step on this submission, and
    TransitionRefused if its state does not allow the step; in both cases nothing changes.
    """
    with transaction.atomic():
        locked = type(submission).objects.select_for_update().get(pk=submission.pk)
        method = getattr(locked, name)
        if actor is not None and not may_take_step(locked, name, actor):
            raise PermissionDenied
        if not can_proceed(method):
            raise TransitionRefused(refusal_message(locked))
        from_state = locked.state
        if change is not None:
            change(locked)
        try:
            method()
        except TransitionNotAllowed as error:  # a condition changed under us
            raise TransitionRefused(refusal_message(locked)) from error
        locked.full_clean(exclude=["state"])  # protected: only transitions set it
        locked._change_reason = reason or comment or name.replace("_", " ")
        if actor is not None:
            locked._history_user = actor
        locked.save()
        log = record_transition(
            submission=locked,
            transition=name,
            from_state=from_state,
            actor=actor,
            comment=comment,
            data=data,
        )
        record_first_times(locked, log)
        record_due_date(locked, stepped_at=log.created_at)
        # In the transaction: the audit log holds a step exactly when the step was saved.
        step = audit.step_data(name, from_state, locked, actor)
        audit.record(actor, audit.STEP, locked, data=step)
        transaction.on_commit(
            lambda: transition_committed.send(sender=type(locked), submission=locked, log=log),
            robust=True,
        )
    return locked, log
