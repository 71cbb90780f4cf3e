"""Running a caseload: who has each case, and what staff note about it.

Neither moves a case through its workflow. Each writes a review-history row, shown to staff
only (the practitioner's status page lists only its public steps, an agenda only decisions,
and the practitioner's emails only the steps they are sent for), and an audit-log entry
without the text. A note's text is a review-history comment, so redaction and the retention
schedule scrub it as they scrub every other comment.
"""

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from simple_history.utils import bulk_update_with_history

from .. import audit
from ..models import DistrictAssignment, DistrictRole, Submission, TransitionLog
from ..models.roles import person_label
from ..permissions import can_moderate, can_moderate_districts, county_leads
from ..selectors import visible_district_ids
from .editing import NOTES, editable_parts
from .history import history_rows_for, record_transition
from .inputs import required_text
from .transitions import TransitionRefused

ASSIGN = "assign"
UNASSIGN = "unassign"
ADD_NOTE = "add_note"
#: The most cases one assignment takes at once: several pages of a list, and a bound on
#: how long the rows stay locked.
MOST_AT_ONCE = 500


def caseholders(district_ids: Iterable[int], *, of_every: bool = True) -> QuerySet:
    """The people who may hold cases of every one of these districts (or, with `of_every`
    False, of any of them): county leads, and the active EIDOs of the districts. In name
    order."""
    wanted = set(district_ids)
    users = get_user_model().objects
    leads = county_leads().values("pk")
    eidos = DistrictAssignment.objects.filter(role=DistrictRole.EIDO, district_id__in=wanted)
    if of_every:
        eidos = (
            eidos.values("user")
            .annotate(districts=Count("district", distinct=True))
            .filter(districts=len(wanted))
        )
    return users.filter(Q(pk__in=leads) | Q(pk__in=eidos.values("user"), is_active=True)).order_by(
        "first_name", "last_name", "username"
    )


def caseholders_offered_to(user) -> list:
    """The people a casework list offers this person to filter by and to assign to: anyone
    who may hold cases of a district whose casework they see (`assign` checks each against
    the cases actually ticked). Read once per request: the list's filter and its assignment
    form both ask."""
    offered = getattr(user, "_pei_caseholders", None)
    if offered is None:
        offered = list(caseholders(visible_district_ids(user), of_every=False))
        user._pei_caseholders = offered
    return offered


def _refuse_ended(locked: list[Submission]) -> None:
    ended = [s.reference for s in locked if not s.is_active_case]
    if ended:
        references = ", ".join(sorted(ended))
        raise TransitionRefused(
            f"{references} cannot be assigned: a case is assigned only while it is open. "
            "Nothing has been changed."
        )


def assign(*, submissions, actor, assignee) -> list[Submission]:
    """Give these open cases (one, or many of one kind: a queryset or a list) to `assignee`,
    or to nobody (None). Done by an EIDO of every case's district or a county lead, for a
    person who may hold all of them (`caseholders`).

    One unit in a fixed number of queries, however many cases: the rows locked together,
    one update with its field history, one INSERT each of review-history rows and audit
    entries. The assignee is emailed once, after the commit, unless they assigned
    themselves. Cases already with the assignee are left as they are.

    Raises ValidationError for an assignee who may not hold the cases (or none selected),
    PermissionDenied if the actor may not act on them all, TransitionRefused if one has
    ended since the list was shown; in each case nothing changes.
    """
    if isinstance(submissions, Submission):
        submissions = [submissions]
    if isinstance(submissions, QuerySet):
        model, ids = submissions.model, list(submissions.values_list("pk", flat=True))
    else:
        submissions = list(submissions)
        model = type(submissions[0]) if submissions else Submission
        ids = [s.pk for s in submissions]
    if not ids:
        raise ValidationError({"selected": "Select the cases to assign."})
    if len(ids) > MOST_AT_ONCE:
        raise ValidationError(
            {"selected": f"Select {MOST_AT_ONCE} cases or fewer to assign at once."}
        )
    with transaction.atomic():
        locked = list(model.objects.select_for_update(of=("self",)).filter(pk__in=ids))
        district_ids = {s.district_id for s in locked}
        if len(locked) != len(set(ids)) or not can_moderate_districts(actor, district_ids):
            raise PermissionDenied
        _refuse_ended(locked)
        if assignee is not None and not caseholders(district_ids).filter(pk=assignee.pk).exists():
            raise ValidationError(
                {
                    "assignee": f"{person_label(assignee)} cannot hold these cases. Choose an "
                    "EIDO of each case's district, or a county lead."
                }
            )
        wanted = assignee.pk if assignee is not None else None
        changed = [s for s in locked if s.assigned_to_id != wanted]
        if not changed:
            return locked
        for submission in changed:
            submission.assigned_to = assignee
        bulk_update_with_history(
            changed,
            model,
            ["assigned_to"],
            default_user=actor,
            default_change_reason="Assigned" if assignee else "Assignment taken off",
        )
        # The staff member's name, not only their id, so the history still says who had
        # the case if their account is removed.
        if assignee is None:
            data = {}
            rows = history_rows_for(changed, transition=UNASSIGN, actor=actor)
        else:
            data = {"assignee": person_label(assignee), "assignee_id": wanted}
            rows = history_rows_for(changed, transition=ASSIGN, actor=actor, data=data)
        TransitionLog.objects.bulk_create(rows)
        audit.record_many(actor, audit.ASSIGNED, changed, lambda submission: data)
        if assignee is not None and assignee.pk != getattr(actor, "pk", None):
            _email_assignee_after_commit(model, changed, assignee)
    return locked


def _email_assignee_after_commit(model, submissions: list[Submission], assignee) -> None:
    from ..notifications import notify_assignee

    label, pks = model._meta.label_lower, [s.pk for s in submissions]
    transaction.on_commit(
        lambda: notify_assignee.enqueue(model_label=label, pks=pks, assignee_id=assignee.pk),
        robust=True,
    )


def add_note(*, submission: Submission, actor, text: str) -> TransitionLog:
    """A note for staff on an open case: who, when and what. It passes the anonymity guard
    like every staff text; it is never shown to the practitioner or on an agenda."""
    text = required_text(text, field="text", label="The note", message="Enter the note.")
    with transaction.atomic():
        locked = type(submission).objects.select_for_update().get(pk=submission.pk)
        if not can_moderate(locked, actor):
            raise PermissionDenied
        if NOTES not in editable_parts(locked, actor):
            raise TransitionRefused(
                f"{locked.reference} is “{locked.get_state_display()}”, so notes cannot be "
                "added. Reopen it first. Nothing has been changed."
            )
        log = record_transition(
            submission=locked,
            transition=ADD_NOTE,
            from_state=locked.state,
            actor=actor,
            comment=text,
        )
        audit.record(actor, audit.NOTE_ADDED, locked)
    return log
