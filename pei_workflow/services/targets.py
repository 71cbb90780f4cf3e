"""Setting response-time targets and closure days. County leads alone change them; each
change, its field history, its log entry and the new due dates of the open cases it
concerns are one unit of work."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from wagtail.log_actions import log

from ..models import ClosureDay, District, ResponseTarget
from ..permissions import is_county_lead
from .due_dates import refresh_open_cases
from .records import change_reason, field_values, log_saved, save_record

TARGETS_REFUSED = "Only a county lead can change response-time targets."
CLOSURES_REFUSED = "Only a county lead can change closure days."
TARGET_FIELDS = ("district_id", "kind", "state", "working_days")
CLOSURE_FIELDS = ("date", "name")


def _refresh_for_target(district_id: int, kind: str, state: str) -> int:
    return refresh_open_cases(kinds=[kind], district_ids=[district_id], state=state)


def save_target(
    *,
    actor,
    target: ResponseTarget | None = None,
    district: District,
    kind: str,
    state: str,
    working_days: int,
    reason: str = "",
) -> ResponseTarget:
    """Set a district's target for a kind of case in a waiting state: a new target, or a
    change to `target`. The open cases it concerns, before and after the change, get their
    due dates worked out again.

    Raises PermissionDenied if `actor` is not a county lead, ValidationError (keyed by field)
    if a rule is broken; either way nothing changes."""
    if not is_county_lead(actor):
        raise PermissionDenied(TARGETS_REFUSED)
    created = target is None or target.pk is None
    reason = change_reason(reason, created=created, added="Target set")
    try:
        with transaction.atomic():
            if created:
                locked = ResponseTarget()
            else:
                locked = ResponseTarget.objects.select_for_update().get(pk=target.pk)
            before = field_values(locked, TARGET_FIELDS)
            locked.district, locked.kind, locked.state = district, kind, state
            locked.working_days = working_days
            save_record(locked, actor=actor, reason=reason)
            log_saved(
                locked,
                actor=actor,
                created=created,
                changed=field_values(locked, TARGET_FIELDS) != before,
            )
            if not created:
                _refresh_for_target(before["district_id"], before["kind"], before["state"])
            _refresh_for_target(locked.district_id, locked.kind, locked.state)
    except IntegrityError:
        # Someone else set the same target between the check and the save.
        raise ValidationError(
            {"state": "This district already has a target for that state. Change that one."}
        ) from None
    return locked


def delete_target(*, actor, target: ResponseTarget) -> None:
    """Remove a district's own target: its cases go back to the county's default."""
    if not is_county_lead(actor):
        raise PermissionDenied(TARGETS_REFUSED)
    with transaction.atomic():
        locked = ResponseTarget.objects.select_for_update().get(pk=target.pk)
        concerned = (locked.district_id, locked.kind, locked.state)
        log_saved_deleted(locked, actor=actor)
        locked.delete()
        _refresh_for_target(*concerned)


def save_closure_day(
    *,
    actor,
    closure: ClosureDay | None = None,
    date: datetime.date,
    name: str,
    reason: str = "",
) -> ClosureDay:
    """Add a closure day, or change `closure`. Every open case due on or after the earliest
    day concerned gets its due date worked out again (a case due before it cannot have
    counted it)."""
    if not is_county_lead(actor):
        raise PermissionDenied(CLOSURES_REFUSED)
    created = closure is None or closure.pk is None
    reason = change_reason(reason, created=created, added="Closure day added")
    try:
        with transaction.atomic():
            locked = (
                ClosureDay()
                if created
                else ClosureDay.objects.select_for_update().get(pk=closure.pk)
            )
            before = field_values(locked, CLOSURE_FIELDS)
            locked.date, locked.name = date, (name or "").strip()
            save_record(locked, actor=actor, reason=reason)
            log_saved(
                locked,
                actor=actor,
                created=created,
                changed=field_values(locked, CLOSURE_FIELDS) != before,
            )
            earliest = min(d for d in (before["date"], locked.date) if d is not None)
            refresh_open_cases(due_on__gte=earliest)
    except IntegrityError:
        raise ValidationError({"date": "That day is already a closure day."}) from None
    return locked


def delete_closure_day(*, actor, closure: ClosureDay) -> None:
    """Remove a closure day: it counts as a working day again."""
    if not is_county_lead(actor):
        raise PermissionDenied(CLOSURES_REFUSED)
    with transaction.atomic():
        locked = ClosureDay.objects.select_for_update().get(pk=closure.pk)
        day = locked.date
        log_saved_deleted(locked, actor=actor)
        locked.delete()
        refresh_open_cases(due_on__gte=day)


def log_saved_deleted(instance, *, actor) -> None:
    """Wagtail's log entry for a record deleted, as wagtail-modeladmin's delete view writes
    it."""
    log(instance=instance, action="wagtail.delete", user=actor, deleted=True)
