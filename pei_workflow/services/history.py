from django.contrib.contenttypes.models import ContentType

from ..models import Submission, TransitionLog


def history_rows_for(
    submissions: list[Submission],
    *,
    transition: str,
    actor=None,
    comment: str = "",
    data: dict | None = None,
    from_state: str | None = None,
) -> list[TransitionLog]:
    """The review-history rows, not yet saved, of the same change to several submissions of
    one model, for one `bulk_create`. Without `from_state`, each row records a change that
    left its submission's state as it was."""
    if not submissions:
        return []
    content_type = ContentType.objects.get_for_model(submissions[0])
    actor = actor if actor is not None and actor.is_authenticated else None
    return [
        TransitionLog(
            content_type=content_type,
            object_id=submission.pk,
            transition=transition,
            from_state=submission.state if from_state is None else from_state,
            to_state=submission.state,
            actor=actor,
            comment=comment,
            data=data or {},
        )
        for submission in submissions
    ]


def record_transition(
    *,
    submission: Submission,
    transition: str,
    from_state: str,
    actor=None,
    comment: str = "",
    data: dict | None = None,
) -> TransitionLog:
    """Write one row of a submission's review history, in the caller's transaction."""
    (row,) = history_rows_for(
        [submission],
        transition=transition,
        actor=actor,
        comment=comment,
        data=data,
        from_state=from_state,
    )
    row.save()
    return row
