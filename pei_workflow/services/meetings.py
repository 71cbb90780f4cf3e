"""Meetings and the people who sit on them: the rules for recording a Resource Panel or Sub
Group meeting (who came, who sent apologies) and for keeping its members, in one place.

The "Meetings and budgets" admin screens call these functions, and so can a command or a
test: all meet the same rules. A district's EIDO or a county lead makes these changes;
panel and Sub Group members read them (`pei_workflow.selectors.districts_visible_to`).
"""

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from ..choices import MeetingKind
from ..labels import in_words
from ..models import District, Meeting, PanelMember
from ..selectors import districts_visible_to, items_waiting_on
from .due_dates import refresh_open_cases
from .inputs import optional_text
from .records import change_reason, field_values, log_saved, save_record

__all__ = ["MAY_NOT_CHANGE", "save_meeting", "save_panel_member"]

#: Why someone who is not the district's EIDO or a county lead is refused.
MAY_NOT_CHANGE = "Only your district's EIDO or a county lead can make this change."

MEETING_FIELDS = ("district_id", "kind", "date", "start_time", "location", "notes")
ATTENDANCE = ("members_present", "apologies")
MEMBER_FIELDS = ("district_id", "body", "name", "agency", "role", "is_active")


def _check_may_change(actor, *district_ids: int) -> None:
    """The actor is the EIDO of every one of these districts, or a county lead."""
    ids = set(district_ids)
    if len(ids) != districts_visible_to(actor).filter(pk__in=ids).count():
        raise PermissionDenied(MAY_NOT_CHANGE)


def _check_may_change_some_district(actor) -> None:
    """Panel members and everyone else who changes no district are refused before their
    input is read."""
    if not districts_visible_to(actor).exists():
        raise PermissionDenied(MAY_NOT_CHANGE)


def _names(members) -> str:
    return in_words(m.name for m in members)


def _is_are(members) -> str:
    return "is" if len(members) == 1 else "are"


def _ids(members: Iterable) -> list[int]:
    return [member if isinstance(member, int) else member.pk for member in members]


def _check_attendance(
    meeting: Meeting, present: list[PanelMember], apologies: list[PanelMember]
) -> dict:
    """Members present and apologies are members of the meeting's district and body; someone
    who has left is recorded only at the meetings they were already recorded at; nobody is
    both present and sending apologies."""
    errors: dict[str, list[str]] = {}
    body = f"{meeting.district} {MeetingKind(meeting.kind).label}"
    already = set()
    if meeting.pk:
        already = set(meeting.members_present.values_list("pk", flat=True)) | set(
            meeting.apologies.values_list("pk", flat=True)
        )
    for name, members in (("members_present", present), ("apologies", apologies)):
        outsiders = [
            m for m in members if m.district_id != meeting.district_id or m.body != meeting.kind
        ]
        if outsiders:
            errors.setdefault(name, []).append(
                f"{_names(outsiders)} {_is_are(outsiders)} not a member of the {body}. "
                f"Choose members of the {body} only."
            )
        left = [m for m in members if m not in outsiders and not m.is_active]
        left = [m for m in left if m.pk not in already]
        if left:
            errors.setdefault(name, []).append(
                f"{_names(left)} {_is_are(left)} no longer a member of the {body}. "
                "Choose current members only."
            )
    both = [m for m in present if m in apologies]
    if both:
        errors.setdefault("apologies", []).append(
            f"{_names(both)} cannot be both present and sending apologies. "
            "Untick them in one of the two lists."
        )
    return errors


def _check_agenda_stays_valid(meeting: Meeting, saved: dict) -> dict:
    """The agenda's items were checked against the meeting's district, kind and date when
    they were added (`services.agenda.check_meeting`); an edit must not make that check
    untrue behind their backs. `saved` holds the meeting's fields as they were."""
    errors = {}
    if meeting.gaps.exists() or meeting.caf_escalations.exists():
        for name, label, changed in (
            ("district", "district", meeting.district_id != saved["district_id"]),
            ("kind", "kind of meeting", meeting.kind != saved["kind"]),
        ):
            if changed:
                errors[name] = [
                    f"This meeting has items on its agenda, so you cannot change its {label}."
                ]
    if meeting.date != saved["date"] and meeting.date < timezone.localdate():
        waiting = items_waiting_on(meeting)
        if waiting:
            items = "1 item is" if waiting == 1 else f"{waiting} items are"
            errors["date"] = [
                f"{items} waiting on this meeting's agenda, so you cannot move it to a date in "
                "the past. Choose today or a later date, or record the decisions first."
            ]
    return errors


def _check_meeting_input(*, district, kind, date) -> None:
    errors = {}
    if district is None:
        errors["district"] = "Select the district whose meeting it is."
    if kind not in MeetingKind.values:
        errors["kind"] = "Select the kind of meeting: Resource Panel or Sub Group."
    if not isinstance(date, datetime.date):
        errors["date"] = "Enter the date of the meeting."
    if errors:
        raise ValidationError(errors)


def save_meeting(
    *,
    actor,
    meeting: Meeting | None = None,
    district: District,
    kind: str,
    date: datetime.date,
    start_time: datetime.time | None = None,
    location: str = "",
    notes: str = "",
    members_present: Iterable[PanelMember | int] = (),
    apologies: Iterable[PanelMember | int] = (),
    reason: str = "",
) -> Meeting:
    """Record a new meeting of a district, or change `meeting`, with who came and who sent
    apologies.

    The actor is the EIDO of the meeting's district (both its district before and after the
    change) or a county lead. Members present and apologies are members of the meeting's
    district and body (Resource Panel or Sub Group) who have not left, or who were already
    recorded at this meeting; nobody is both. A meeting with items on its agenda keeps its
    district and kind, and cannot move into the past while items wait on it.

    One unit of work: the meeting and the members chosen are locked while they are checked
    and saved (putting a submission on the agenda locks the meeting too, and changing a
    member locks the member), then saved with the field history and Wagtail's log entry.
    Raises PermissionDenied if the actor may not, ValidationError keyed by field if a rule
    is broken; either way nothing changes. Returns the saved meeting.
    """
    _check_may_change_some_district(actor)
    _check_meeting_input(district=district, kind=kind, date=date)
    notes = optional_text(notes, field="notes", label="The meeting notes")
    # Everyone at the meeting reads the location on the agenda: name the venue, never a home.
    location = optional_text(location, field="location", label="The location")
    created = meeting is None or meeting.pk is None
    reason = change_reason(reason, created=created, added="Meeting added")
    with transaction.atomic():
        if created:
            _check_may_change(actor, district.pk)
            locked = Meeting()
        else:
            locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
            _check_may_change(actor, locked.district_id, district.pk)
        before = field_values(locked, MEETING_FIELDS, ATTENDANCE)

        locked.district, locked.kind, locked.date = district, kind, date
        locked.start_time, locked.location, locked.notes = start_time, location, notes
        chosen = PanelMember.objects.select_for_update().order_by("name", "pk")
        present = list(chosen.filter(pk__in=_ids(members_present)))
        sorry = list(chosen.filter(pk__in=_ids(apologies)))
        errors = _check_attendance(locked, present, sorry)
        if not created:
            for name, messages in _check_agenda_stays_valid(locked, before).items():
                errors.setdefault(name, []).extend(messages)
        if errors:
            raise ValidationError(errors)

        save_record(locked, actor=actor, reason=reason)
        locked.members_present.set(present)
        locked.apologies.set(sorry)
        log_saved(
            locked,
            actor=actor,
            created=created,
            changed=field_values(locked, MEETING_FIELDS, ATTENDANCE) != before,
        )
        if not created and before["date"] != locked.date:
            # Its agenda's items are due at the meeting: they move with it.
            refresh_open_cases(meeting_id=locked.pk)
    return locked


def _check_member_input(*, district, body, name, agency) -> None:
    errors = {}
    if district is None:
        errors["district"] = "Select the district they are a member for."
    if body not in MeetingKind.values:
        errors["body"] = "Select what they sit on: the Resource Panel or the Sub Group."
    if not (name or "").strip():
        errors["name"] = "Enter their name."
    if not (agency or "").strip():
        errors["agency"] = "Enter the agency they work for."
    if errors:
        raise ValidationError(errors)


def save_panel_member(
    *,
    actor,
    member: PanelMember | None = None,
    district: District,
    body: str,
    name: str,
    agency: str,
    role: str = "",
    is_active: bool = True,
    reason: str = "",
) -> PanelMember:
    """Add a member of a district's Resource Panel or Sub Group, or change `member`.

    The actor is the EIDO of the member's district (before and after the change) or a county
    lead. A member recorded at any meeting keeps their district and body, so that the
    meeting's attendance stays true: they are marked as no longer a member and added again
    instead. One unit of work, with the member's row locked; saved with the field history
    and Wagtail's log entry. Raises as `save_meeting` does; returns the saved member.
    """
    _check_may_change_some_district(actor)
    _check_member_input(district=district, body=body, name=name, agency=agency)
    created = member is None or member.pk is None
    reason = change_reason(reason, created=created, added="Member added")
    with transaction.atomic():
        if created:
            _check_may_change(actor, district.pk)
            locked = PanelMember()
        else:
            locked = PanelMember.objects.select_for_update().get(pk=member.pk)
            _check_may_change(actor, locked.district_id, district.pk)
        before = field_values(locked, MEMBER_FIELDS)
        moved = not created and (district.pk != locked.district_id or body != locked.body)
        if moved and (locked.meetings_attended.exists() or locked.meetings_missed.exists()):
            raise ValidationError(
                f"{locked.name} is recorded at meetings of the {locked.district} "
                f"{locked.get_body_display()}, so their district and body cannot change. "
                "Untick “still a member” and add them again for the other body instead."
            )
        locked.district, locked.body = district, body
        locked.name, locked.agency, locked.role = name.strip(), agency.strip(), (role or "").strip()
        locked.is_active = bool(is_active)
        save_record(locked, actor=actor, reason=reason)
        log_saved(
            locked,
            actor=actor,
            created=created,
            changed=field_values(locked, MEMBER_FIELDS) != before,
        )
    return locked
