"""Each open case's due date (`Submission.due_on`): the day it should move on from the state
it waits in, by its district's response-time target in working days.

A wait starts on the day the case reached its state, or, on an agenda, on the meeting's date.
Each step sets the due date in its own unit (`record_due_date`, called by `run_transition` and
the practitioner's submission); a change of target, closure day or meeting date works it out
again for the open cases it concerns (`refresh_due_dates`), in the caller's transaction.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import F, OuterRef, QuerySet, Subquery
from django.utils import timezone

from ..models import (
    AGENDA_STATES,
    DEFAULT_TARGET_DAYS,
    WAITING_STATES,
    CafEscalation,
    GapInService,
    ResponseTarget,
    Submission,
)
from ..working_days import WorkingCalendar, calendar

#: The most rows one UPDATE names, within every database's limit on query parameters.
CHUNK = 500


@dataclass(frozen=True)
class Targets:
    """The targets districts have set, keyed by (district id, kind, state); any other falls
    back to `DEFAULT_TARGET_DAYS`."""

    set_by_districts: dict[tuple[int, str, str], int]

    def working_days(self, district_id: int, kind: str, state: str) -> int:
        return self.set_by_districts.get((district_id, kind, state), DEFAULT_TARGET_DAYS[state])


def targets(target_model=ResponseTarget, **filters) -> Targets:
    """The targets districts have set (all, or those `filters` leave), in one query."""
    rows = target_model.objects.filter(**filters).values_list(
        "district_id", "kind", "state", "working_days"
    )
    return Targets({(d, k, s): days for d, k, s, days in rows})


def due_date(
    *,
    kind: str,
    state: str,
    district_id: int,
    since: datetime.date,
    targets: Targets,
    calendar: WorkingCalendar,
) -> datetime.date | None:
    """When a case of `kind` waiting in `state` since `since` (the meeting's date, for an
    agenda) is due, or None if nobody needs to act on it."""
    if state not in WAITING_STATES[kind]:
        return None
    return calendar.add(since, targets.working_days(district_id, kind, state))


def record_due_date(submission: Submission, *, stepped_at: datetime.datetime) -> None:
    """Called by a step, in its unit, once the case is saved in its new state: sets the due
    date from the step's moment (or its meeting's date)."""
    since = timezone.localdate(stepped_at)
    if submission.state in AGENDA_STATES and submission.meeting_id is not None:
        since = submission.meeting.date
    due = None
    if submission.state in WAITING_STATES[submission.kind]:
        due = due_date(
            kind=submission.kind,
            state=submission.state,
            district_id=submission.district_id,
            since=since,
            targets=targets(
                district_id=submission.district_id, kind=submission.kind, state=submission.state
            ),
            calendar=calendar(),
        )
    if due != submission.due_on:
        type(submission).objects.filter(pk=submission.pk).update(due_on=due)
        submission.due_on = due


def refresh_due_dates(submissions: QuerySet, *, kind: str | None = None) -> int:
    """Work out again the due date of each case of `submissions` (one kind), from the day it
    reached its state as its review history says (its meeting's date, on an agenda), and
    save those that change: one UPDATE for each new due date. Ended cases lose theirs.
    Returns how many rows changed.

    It reads its models through the queryset's, so a migration can pass its historical
    models (with `kind`, which those lack)."""
    model = submissions.model
    apps = model._meta.apps
    kind = kind or model.kind
    waiting = WAITING_STATES[kind]
    changed = submissions.exclude(state__in=waiting).exclude(due_on=None).update(due_on=None)
    open_cases = submissions.filter(state__in=waiting)
    if not open_cases.exists():
        return changed

    content_type = apps.get_model("contenttypes", "ContentType").objects.get_for_model(model)
    # The step that brought the case into its state: not a correction or a change of themes,
    # which leave the state as it was.
    reached = (
        apps.get_model("pei_workflow", "TransitionLog")
        .objects.filter(content_type=content_type, object_id=OuterRef("pk"))
        .filter(to_state=OuterRef("state"))
        .exclude(from_state=F("to_state"))
        .order_by("-created_at", "-pk")
        .values("created_at")[:1]
    )
    rows = (
        open_cases.order_by()
        .annotate(reached_at=Subquery(reached))
        .values_list(
            "pk", "district_id", "state", "meeting__date", "reached_at", "submitted_at", "due_on"
        )
    )
    known = targets(apps.get_model("pei_workflow", "ResponseTarget"))
    days_off = calendar(
        apps.get_model("pei_workflow", "ClosureDay").objects.values_list("date", flat=True)
    )
    moves: dict[datetime.date, list[int]] = defaultdict(list)
    for pk, district_id, state, meeting_date, reached_at, submitted_at, due_on in rows:
        if state in AGENDA_STATES and meeting_date is not None:
            since = meeting_date
        else:
            since = timezone.localdate(reached_at or submitted_at or timezone.now())
        due = due_date(
            kind=kind,
            state=state,
            district_id=district_id,
            since=since,
            targets=known,
            calendar=days_off,
        )
        if due != due_on:
            moves[due].append(pk)
    for due, pks in moves.items():
        for chunk in _chunks(pks):
            changed += model.objects.filter(pk__in=chunk).update(due_on=due)
    return changed


def refresh_open_cases(
    *, kinds: Iterable[str] | None = None, district_ids: Iterable[int] | None = None, **filters
) -> int:
    """`refresh_due_dates` for the open cases of the kinds given (both by default), in the
    districts given (every district by default), narrowed by `filters` (such as `state` or
    `due_on__gte`)."""
    changed = 0
    for model in (GapInService, CafEscalation):
        if kinds is not None and model.kind not in kinds:
            continue
        cases = model.objects.filter(state__in=WAITING_STATES[model.kind], **filters)
        if district_ids is not None:
            cases = cases.filter(district_id__in=list(district_ids))
        changed += refresh_due_dates(cases)
    return changed


def _chunks(pks: list[int]):
    for start in range(0, len(pks), CHUNK):
        yield pks[start : start + CHUNK]
