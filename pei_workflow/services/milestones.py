"""The first time a case was reviewed and the first time it was settled, kept on the case
beside its review history (the reports read them; see `Submission.first_reviewed_at`)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, QuerySet, Subquery

from ..models import Submission, TransitionLog

FIRST_REVIEW = "start_review"
#: The states in which a case is settled: action agreed (by signposting or a meeting), or
#: declined.
SETTLED_STATES = ("action_agreed", "declined")


def first_times(submission: Submission, log: TransitionLog) -> dict:
    """The first-time fields a step sets: those it reaches for the first time."""
    found = {}
    if log.transition == FIRST_REVIEW and submission.first_reviewed_at is None:
        found["first_reviewed_at"] = log.created_at
    if log.to_state in SETTLED_STATES and submission.first_decided_at is None:
        found["first_decided_at"] = log.created_at
    return found


def record_first_times(submission: Submission, log: TransitionLog) -> None:
    """Called by the step, in its unit, with the review history row it wrote."""
    found = first_times(submission, log)
    if found:
        type(submission).objects.filter(pk=submission.pk).update(**found)
        for name, value in found.items():
            setattr(submission, name, value)


def fill_first_times(submissions: QuerySet) -> int:
    """Set both fields from the review history for many cases at once (cases written in
    bulk, such as synthetic casework). Returns how many rows were updated."""
    steps = TransitionLog.objects.filter(
        content_type=ContentType.objects.get_for_model(submissions.model),
        object_id=OuterRef("pk"),
    ).order_by("created_at", "pk")
    return submissions.update(
        first_reviewed_at=Subquery(steps.filter(transition=FIRST_REVIEW).values("created_at")[:1]),
        first_decided_at=Subquery(
            steps.filter(to_state__in=SETTLED_STATES).values("created_at")[:1]
        ),
    )
