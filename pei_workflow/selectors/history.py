"""A submission's review history, read and decoded in one place."""

import datetime
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    F,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.fields.json import KeyTextTransform

from ..choices import MonitoringOutcome, PanelOutcome, SubGroupAgreement, YesNo
from ..models import (
    Submission,
    TransitionLog,
)
from ..models.history import ASSIGNMENT_ROWS
from ..models.messages import MESSAGE_IN_DATA_STEPS, PRACTITIONER_MESSAGE

# The review history. Every screen that reads a submission's review history (the staff
# timeline, an agenda's decisions, the practitioner's status page, the "Waiting for you"
# panel) reads it here, and its structured data is decoded here once.

#: The steps whose comment is written for the practitioner: the EIDO's question and the
#: reason for declining. Every other comment in the history is for staff only.
PRACTITIONER_COMMENT_STEPS = frozenset({"request_information", "decline"})

# What each data key the services write holds, decoded from its JSON form. A value that no
# longer decodes (a choice since renamed) is kept as written.
_CHOICE_KEYS = {
    "outcome": PanelOutcome,
    "agreement": SubGroupAgreement,
    "caf_in_place": YesNo,
}
# Closing records the monitoring outcome under the same key as a panel's outcome.
_CHOICE_KEYS_BY_STEP = {"close": {"outcome": MonitoringOutcome}}


def _decoded(choices, value):
    return choices(value) if value in choices.values else value


def _decoded_amount(value):
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return value


def _decoded_date(value):
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return value


def decode_history_data(transition: str, data: dict | None) -> dict:
    """A review history row's `data` with its values as Python values: choices as their
    TextChoices members (PanelOutcome, SubGroupAgreement, YesNo, and MonitoringOutcome for a
    close), `amount` as a Decimal, `meeting_date` as a date; the rest as written, in the
    order written."""
    choices = {**_CHOICE_KEYS, **_CHOICE_KEYS_BY_STEP.get(transition, {})}
    decoded = {}
    for key, value in (data or {}).items():
        if key in choices and isinstance(value, str):
            value = _decoded(choices[key], value)
        elif key == "amount" and value not in (None, ""):
            value = _decoded_amount(value)
        elif key == "meeting_date" and value:
            value = _decoded_date(value)
        decoded[key] = value
    return decoded


def _history_rows(model: type[Submission]) -> QuerySet[TransitionLog]:
    return TransitionLog.objects.filter(content_type=ContentType.objects.get_for_model(model))


def review_history(
    submissions: Submission | QuerySet | Iterable[Submission],
    *,
    transitions: Iterable[str] | None = None,
    for_practitioner: bool = False,
) -> list[TransitionLog]:
    """The review history of a submission, or of several submissions of one model (a
    queryset or a list), oldest first, in one query. Callers pass submissions the person may
    see (`visible_to`); `transitions` keeps only those steps.

    Each row has `details`: its `data` decoded (`decode_history_data`). For the practitioner
    (`for_practitioner`) the rows hold only what their status page may show: the step and
    when, the comment only of the steps written for them (`PRACTITIONER_COMMENT_STEPS`),
    and `practitioner_message`, the message to them of a decision or a closure (empty for
    any other step); no staff names and no other data.
    """
    if isinstance(submissions, Submission):
        model, ids = type(submissions), [submissions.pk]
    elif isinstance(submissions, QuerySet):
        model, ids = submissions.model, submissions.order_by().values("pk")
    else:
        submissions = list(submissions)
        if not submissions:
            return []
        model, ids = type(submissions[0]), [submission.pk for submission in submissions]
    rows = _history_rows(model).filter(object_id__in=ids).order_by("created_at", "pk")
    if transitions is not None:
        rows = rows.filter(transition__in=list(transitions))
    if for_practitioner:
        # Of the data, only the message to the practitioner is read: the rest stays unread.
        rows = rows.only("object_id", "transition", "comment", "created_at").annotate(
            message_to_practitioner=KeyTextTransform(PRACTITIONER_MESSAGE, "data")
        )
    else:
        rows = rows.select_related("actor")
    history = list(rows)
    for row in history:
        if for_practitioner:
            if row.transition not in PRACTITIONER_COMMENT_STEPS:
                row.comment = ""
            in_data = row.transition in MESSAGE_IN_DATA_STEPS
            row.practitioner_message = (row.message_to_practitioner or "") if in_data else ""
            row.details = {}
        else:
            row.details = decode_history_data(row.transition, row.data)
    return history


def last_review_step(model: type[Submission]) -> Subquery:
    """The step of each submission's latest review history row, as a subquery on `pk`, to
    annotate a queryset of `model` with (a list stays one query however long it is)."""
    latest = _history_rows(model).filter(object_id=OuterRef("pk"))
    return Subquery(latest.order_by("-created_at", "-pk").values("transition")[:1])


def latest_step_is(submissions: QuerySet, transition: str) -> QuerySet:
    """The submissions of `submissions` whose latest review history row is `transition`,
    leaving out the rows that only say who has the case (`ASSIGNMENT_ROWS`).

    One grouped subquery over their history, run once: each submission's latest row is
    found by comparing the time of its latest row with that of its latest `transition` row,
    instead of a subquery per submission (`last_review_step`), which a list of thousands
    runs thousands of times. (Rows of one submission are written one at a time, the row
    locked, so two never share a time.)
    """
    model = submissions.model
    rows = _history_rows(model).filter(object_id__in=submissions.order_by().values("pk"))
    # Handing the case to someone after the step leaves it the latest step.
    steps = ~Q(transition__in=ASSIGNMENT_ROWS)
    latest = (
        rows.order_by()
        .values("object_id")
        .annotate(
            last=Max("created_at", filter=steps),
            step=Max("created_at", filter=Q(transition=transition)),
        )
        .filter(last=F("step"))
        .values("object_id")
    )
    return submissions.filter(pk__in=latest)
