from django.core.exceptions import PermissionDenied
from django.db import transaction
from django_fsm import TransitionNotAllowed, can_proceed, has_transition_perm

from ..models import Submission, TransitionLog
from .history import record_transition


class TransitionRefused(Exception):
    """The submission is not in a state that allows this step (perhaps someone else moved it
    first). Nothing was changed; the message says so in plain words."""


def run_transition(
    *,
    submission: Submission,
    name: str,
    actor=None,
    comment: str = "",
    data: dict | None = None,
    reason: str = "",
) -> tuple[Submission, TransitionLog]:
    """Run one workflow step as a unit: lock the row, check the person may take the step and
    the state allows it, apply it, validate, save (with its field history) and write the
    review history row. The caller queues emails with `transaction.on_commit` inside the same
    transaction, or after this returns.

    `actor` is None when the practitioner acts through their status link; the view has
    already checked the link.
    """
    with transaction.atomic():
        locked = type(submission).objects.select_for_update().get(pk=submission.pk)
        method = getattr(locked, name)
        if actor is not None and not has_transition_perm(method, actor):
            raise PermissionDenied
        if not can_proceed(method):
            raise TransitionRefused(
                f"This submission is now “{locked.get_state_display().lower()}”, "
                "so that step is no longer possible. Nothing has been changed."
            )
        from_state = locked.state
        try:
            method()
        except TransitionNotAllowed as error:  # a condition changed under us
            raise TransitionRefused(str(error)) from error
        locked.full_clean(exclude=["state"])  # protected: only transitions set it
        locked._change_reason = reason or comment or name.replace("_", " ")
        locked.save()
        log = record_transition(
            submission=locked,
            transition=name,
            from_state=from_state,
            actor=actor,
            comment=comment,
            data=data,
        )
    return locked, log
