from django.contrib.contenttypes.models import ContentType

from ..models import Submission, TransitionLog


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
    return TransitionLog.objects.create(
        content_type=ContentType.objects.get_for_model(submission),
        object_id=submission.pk,
        transition=transition,
        from_state=from_state,
        to_state=submission.state,
        actor=actor if actor is not None and actor.is_authenticated else None,
        comment=comment,
        data=data or {},
    )
