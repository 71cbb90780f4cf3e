"""The rules for recording meetings and keeping their members, met by calling the services
directly, as a command or another screen would: no form, no view."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from pei_workflow.models import GapInService, Meeting, PanelMember
from pei_workflow.services import add_to_agenda, save_meeting, save_panel_member, start_review
from pei_workflow.services import agenda as agenda_steps
from tests.factories import (
    admin_eido,
    county_lead,
    district,
    eido,
    listed_member,
    meeting,
    on_agenda,
    panel_member,
    submitted_gap,
)
from tests.pei_workflow.test_concurrency import Overlap, without_row_locks  # noqa: F401


def days_from_today(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def record(actor, existing=None, *, code="PEN", kind="resource_panel", days=7, **fields):
    """`save_meeting` with a Pendle Resource Panel a week ahead unless told otherwise; a change
    to an existing meeting gives its reason."""
    if existing is not None:
        fields.setdefault("reason", "The panel asked for the change.")
    return save_meeting(
        actor=actor,
        meeting=existing,
        district=district(code),
        kind=kind,
        date=days_from_today(days),
        **fields,
    )


def messages(refused: ValidationError, field: str) -> str:
    return " ".join(refused.message_dict[field])


@pytest.mark.django_db
def test_an_eido_records_their_districts_meeting_with_who_came_and_who_sent_apologies():
    """A Pendle EIDO's meeting is saved with its members present and apologies."""
    came, sorry = listed_member("PEN", name="Ann Came"), listed_member("PEN", name="Bo Sorry")
    saved = record(eido("PEN"), members_present=[came], apologies=[sorry.pk])
    assert list(saved.members_present.all()) == [came]
    assert list(saved.apologies.all()) == [sorry]
    assert Meeting.objects.get().district.code == "PEN"


@pytest.mark.django_db
def test_recording_a_meeting_writes_its_field_history_and_wagtail_log_entry():
    """The meeting's history names who saved it and why, and Site history shows a create and
    then an edit by them, as the admin's own views write them."""
    officer = eido("PEN")
    saved = record(officer, location="Nelson Town Hall")
    record(officer, saved, location="Colne Library")
    history = saved.history.order_by("history_date")
    assert [(h.history_user, h.history_change_reason) for h in history] == [
        (officer, "Meeting added"),
        (officer, "The panel asked for the change."),
    ]
    entries = ModelLogEntry.objects.filter(object_id=str(saved.pk)).order_by("timestamp", "pk")
    assert [(e.action, e.user, e.content_changed) for e in entries] == [
        ("wagtail.create", officer, True),
        ("wagtail.edit", officer, True),
    ]


@pytest.mark.django_db
def test_a_member_of_another_district_cannot_be_recorded_present():
    """A Burnley member is refused at a Pendle meeting, by name and body, even for a county
    lead; nothing is saved."""
    outsider = listed_member("BUR", name="Cy Outsider")
    with pytest.raises(ValidationError) as refused:
        record(county_lead(), members_present=[outsider])
    assert messages(refused.value, "members_present") == (
        "Cy Outsider is not a member of the Pendle Resource Panel. "
        "Choose members of the Pendle Resource Panel only."
    )
    assert not Meeting.objects.exists()


@pytest.mark.django_db
def test_a_member_of_the_other_body_cannot_send_apologies():
    """A Sub Group member cannot be recorded as sending apologies to a Resource Panel."""
    sub_group = listed_member("PEN", body="sub_group", name="Di Subgroup")
    with pytest.raises(ValidationError) as refused:
        record(eido("PEN"), apologies=[sub_group])
    assert "Di Subgroup is not a member of the Pendle Resource Panel" in messages(
        refused.value, "apologies"
    )


@pytest.mark.django_db
def test_nobody_is_both_present_and_sending_apologies():
    """A member in both lists is refused, by name, on the apologies."""
    both = listed_member("PEN", name="Ed Both")
    with pytest.raises(ValidationError) as refused:
        record(eido("PEN"), members_present=[both], apologies=[both])
    assert messages(refused.value, "apologies") == (
        "Ed Both cannot be both present and sending apologies. Untick them in one of the two lists."
    )
    assert not Meeting.objects.exists()


@pytest.mark.django_db
def test_someone_who_has_left_cannot_be_recorded_at_a_meeting():
    """A member marked as no longer a member is not recorded at a new meeting."""
    gone = listed_member("PEN", name="Fay Gone", is_active=False)
    with pytest.raises(ValidationError) as refused:
        record(eido("PEN"), members_present=[gone])
    assert "Fay Gone is no longer a member of the Pendle Resource Panel" in messages(
        refused.value, "members_present"
    )


@pytest.mark.django_db
def test_someone_who_has_left_stays_recorded_at_the_meetings_they_came_to():
    """Editing a meeting keeps a member who came to it and has since left."""
    officer = eido("PEN")
    member = listed_member("PEN", name="Gil Came")
    saved = record(officer, members_present=[member])
    PanelMember.objects.filter(pk=member.pk).update(is_active=False)
    changed = record(officer, saved, members_present=[member], location="Colne Library")
    assert list(changed.members_present.all()) == [member]


@pytest.mark.django_db
def test_a_meeting_with_items_keeps_its_district_and_kind():
    """A meeting with an item on its agenda cannot move to another district or become a Sub
    Group, even for a county lead; it keeps both."""
    lead = county_lead()
    panel = meeting("PEN")
    on_agenda(submitted_gap("PEN"), panel, lead)
    with pytest.raises(ValidationError) as refused:
        record(lead, panel, code="BUR", kind="sub_group")
    assert messages(refused.value, "district") == (
        "This meeting has items on its agenda, so you cannot change its district."
    )
    assert messages(refused.value, "kind") == (
        "This meeting has items on its agenda, so you cannot change its kind of meeting."
    )
    saved = Meeting.objects.get(pk=panel.pk)
    assert (saved.district.code, saved.kind) == ("PEN", "resource_panel")


@pytest.mark.django_db
def test_an_empty_meeting_can_change_its_district_and_kind():
    """With nothing on its agenda, a county lead may correct a meeting's district and kind."""
    panel = meeting("PEN")
    changed = record(county_lead(), panel, code="BUR", kind="sub_group")
    assert (changed.district.code, changed.kind) == ("BUR", "sub_group")


@pytest.mark.django_db
def test_a_meeting_with_waiting_items_cannot_move_into_the_past():
    """An item waiting on the agenda stops the meeting moving to a past date; the date stays."""
    officer = eido("PEN")
    panel = meeting("PEN")
    on_agenda(submitted_gap("PEN"), panel, officer)
    with pytest.raises(ValidationError) as refused:
        record(officer, panel, days=-3)
    assert messages(refused.value, "date").startswith(
        "1 item is waiting on this meeting's agenda, so you cannot move it to a date in the past."
    )
    assert Meeting.objects.get(pk=panel.pk).date == panel.date


@pytest.mark.django_db
def test_a_meeting_with_nothing_waiting_can_move_into_the_past():
    """An EIDO records a meeting's real, earlier date when nothing waits on it."""
    panel = meeting("PEN")
    assert record(eido("PEN"), panel, days=-3).is_past


@pytest.mark.django_db
def test_a_panel_member_cannot_record_or_change_a_meeting():
    """A panel member changes nothing: PermissionDenied, and nothing is saved."""
    reader = panel_member("PEN")
    panel = meeting("PEN", location="Nelson Town Hall")
    with pytest.raises(PermissionDenied):
        record(reader)
    with pytest.raises(PermissionDenied):
        record(reader, panel, location="Somewhere else")
    assert list(Meeting.objects.values_list("location", flat=True)) == ["Nelson Town Hall"]


@pytest.mark.django_db
def test_a_panel_member_is_refused_before_their_input_is_read():
    """Someone who changes no district is told they may not, not what is wrong with what
    they sent."""
    with pytest.raises(PermissionDenied):
        save_meeting(actor=panel_member("PEN"), district=None, kind="", date=None)
    with pytest.raises(PermissionDenied):
        save_panel_member(actor=panel_member("PEN"), district=None, body="", name="", agency="")


@pytest.mark.django_db
def test_an_eido_of_another_district_cannot_record_or_change_its_meetings():
    """A Burnley EIDO can neither add a Pendle meeting nor change one."""
    burnley = eido("BUR")
    panel = meeting("PEN", location="Nelson Town Hall")
    with pytest.raises(PermissionDenied):
        record(burnley)
    with pytest.raises(PermissionDenied):
        record(burnley, panel, code="BUR")
    assert Meeting.objects.get().location == "Nelson Town Hall"


@pytest.mark.django_db
def test_an_eido_cannot_move_their_meeting_to_a_district_that_is_not_theirs():
    """A Pendle EIDO cannot hand a Pendle meeting to Burnley."""
    panel = meeting("PEN")
    with pytest.raises(PermissionDenied):
        record(eido("PEN"), panel, code="BUR")
    assert Meeting.objects.get().district.code == "PEN"


@pytest.mark.django_db
def test_a_meeting_needs_a_district_a_kind_and_a_date():
    """Missing answers are refused field by field."""
    with pytest.raises(ValidationError) as refused:
        save_meeting(actor=county_lead(), district=None, kind="", date=None)
    assert set(refused.value.message_dict) == {"district", "kind", "date"}


@pytest.mark.django_db
def test_an_agenda_takes_the_meeting_as_saved_not_a_stale_copy():
    """Putting a gap on an agenda checks the meeting as it is now: a meeting since moved into
    the past is refused, though the caller's copy still shows the old date."""
    officer = eido("PEN")
    stale = meeting("PEN")
    Meeting.objects.filter(pk=stale.pk).update(date=days_from_today(-1))
    gap = start_review(submission=submitted_gap("PEN"), actor=officer)
    with pytest.raises(ValidationError) as refused:
        add_to_agenda(submission=gap, actor=officer, meeting=stale)
    assert "already happened" in messages(refused.value, "meeting")


# Panel members.


def member_fields(code="PEN", *, body="resource_panel", **fields):
    return {
        "district": district(code),
        "body": body,
        "name": "Flo New",
        "agency": "NHS",
        "role": "Manager",
    } | fields


@pytest.mark.django_db
def test_an_eido_adds_a_member_of_their_district():
    """A Pendle EIDO adds a Pendle Resource Panel member, with its history and log entry."""
    officer = eido("PEN")
    member = save_panel_member(actor=officer, **member_fields())
    assert (member.district.code, member.body, member.name, member.is_active) == (
        "PEN",
        "resource_panel",
        "Flo New",
        True,
    )
    assert member.history.get().history_user == officer
    entry = ModelLogEntry.objects.get(object_id=str(member.pk))
    assert (entry.action, entry.user) == ("wagtail.create", officer)


@pytest.mark.django_db
def test_a_member_recorded_at_a_meeting_keeps_their_district_and_body():
    """Moving a member who came to a Resource Panel meeting onto the Sub Group is refused, so
    the meeting's attendance stays true."""
    officer = eido("PEN")
    member = listed_member("PEN", name="Gus Moved")
    meeting("PEN").members_present.add(member)
    with pytest.raises(ValidationError) as refused:
        save_panel_member(
            actor=officer,
            member=member,
            reason="Their details changed.",
            **member_fields(body="sub_group", name="Gus Moved"),
        )
    assert "so their district and body cannot change" in " ".join(refused.value.messages)
    assert PanelMember.objects.get(pk=member.pk).body == "resource_panel"


@pytest.mark.django_db
def test_a_member_who_sent_apologies_keeps_their_district_and_body():
    """Apologies count as being recorded at the meeting too."""
    member = listed_member("PEN", name="Hal Sorry")
    meeting("PEN").apologies.add(member)
    with pytest.raises(ValidationError):
        save_panel_member(
            actor=county_lead(),
            member=member,
            reason="Their details changed.",
            **member_fields("BUR", name="Hal Sorry"),
        )
    assert PanelMember.objects.get(pk=member.pk).district.code == "PEN"


@pytest.mark.django_db
def test_a_member_recorded_at_a_meeting_can_be_marked_as_having_left():
    """Keeping the district and body still lets a member be marked as no longer a member."""
    member = listed_member("PEN", name="Ivy Left")
    meeting("PEN").members_present.add(member)
    changed = save_panel_member(
        actor=eido("PEN"),
        member=member,
        reason="Their details changed.",
        **member_fields(name="Ivy Left", is_active=False),
    )
    assert changed.is_active is False


@pytest.mark.django_db
def test_a_member_never_recorded_can_move_to_the_other_body():
    """A member at no meeting yet may be moved onto the Sub Group."""
    member = listed_member("PEN", name="Jay Early")
    changed = save_panel_member(
        actor=eido("PEN"),
        member=member,
        reason="Their details changed.",
        **member_fields(body="sub_group", name="Jay Early"),
    )
    assert changed.body == "sub_group"


@pytest.mark.django_db
def test_a_panel_member_cannot_add_or_change_members():
    """A panel member's change to the membership list is PermissionDenied."""
    reader = panel_member("PEN")
    member = listed_member("PEN", name="Kit Kept")
    with pytest.raises(PermissionDenied):
        save_panel_member(actor=reader, **member_fields())
    with pytest.raises(PermissionDenied):
        save_panel_member(
            actor=reader,
            member=member,
            reason="Their details changed.",
            **member_fields(name="Kit Changed"),
        )
    assert list(PanelMember.objects.values_list("name", flat=True)) == ["Kit Kept"]


@pytest.mark.django_db
def test_an_eido_of_another_district_cannot_add_or_change_its_members():
    """A Burnley EIDO can neither add a Pendle member nor change one, nor move one to
    Burnley."""
    burnley = eido("BUR")
    member = listed_member("PEN", name="Lou Pendle")
    with pytest.raises(PermissionDenied):
        save_panel_member(actor=burnley, **member_fields())
    with pytest.raises(PermissionDenied):
        save_panel_member(
            actor=burnley,
            member=member,
            reason="Their details changed.",
            **member_fields("BUR", name="Lou"),
        )
    assert PanelMember.objects.get().district.code == "PEN"


@pytest.mark.django_db
def test_a_member_needs_a_district_a_body_a_name_and_an_agency():
    """Missing answers are refused field by field."""
    with pytest.raises(ValidationError) as refused:
        save_panel_member(actor=county_lead(), district=None, body="", name=" ", agency="")
    assert set(refused.value.message_dict) == {"district", "body", "name", "agency"}


# A meeting edited while a gap is put on its agenda (PostgreSQL, where row locks are real).

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks are only real there"
)
# Threads need committed data (see test_concurrency).
committed = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def racing_agenda_and_move(monkeypatch):
    """An EIDO puts a Pendle gap on an empty Pendle meeting while a county lead moves the
    meeting to Burnley: the agenda step holds the meeting's lock first."""
    overlap = Overlap()
    monkeypatch.setattr(agenda_steps, "_locked_meeting", overlap.hold(agenda_steps._locked_meeting))
    panel = meeting("PEN")
    officer, lead = eido("PEN"), county_lead()
    gap = start_review(submission=submitted_gap("PEN"), actor=officer)
    results = overlap.run(
        lambda: add_to_agenda(submission=gap, actor=officer, meeting=panel),
        lambda: record(lead, panel, code="BUR"),
    )
    return overlap, panel, gap, results


@on_postgresql
@committed
def test_a_meeting_moved_while_a_gap_joins_its_agenda_waits_and_keeps_its_district(monkeypatch):
    """The move waits for the agenda step, then sees the item and is refused: the gap is on
    a meeting of its own district."""
    overlap, panel, gap, (added, moved) = racing_agenda_and_move(monkeypatch)
    assert overlap.second_was_blocked
    assert not isinstance(added, Exception)
    assert isinstance(moved, ValidationError)
    assert "district" in moved.message_dict
    assert Meeting.objects.get(pk=panel.pk).district.code == "PEN"
    assert GapInService.objects.get(pk=gap.pk).meeting_id == panel.pk


@on_postgresql
@committed
def test_without_row_locks_a_gap_would_join_a_meeting_of_another_district(
    monkeypatch,
    without_row_locks,  # noqa: F811
):
    """Without the lock, the same overlap moves the meeting to Burnley and still puts the
    Pendle gap on it."""
    overlap, panel, gap, (added, moved) = racing_agenda_and_move(monkeypatch)
    assert not overlap.second_was_blocked
    assert not isinstance(added, Exception) and not isinstance(moved, Exception)
    saved = GapInService.objects.select_related("meeting__district").get(pk=gap.pk)
    assert (saved.district.code, saved.meeting.district.code) == ("PEN", "BUR")


@pytest.mark.django_db
def test_the_admin_screen_writes_one_log_entry_by_the_signed_in_eido(client):
    """Changing a meeting on the screen goes through `save_meeting`: one edit in Site
    history, by the person signed in, as wagtail-modeladmin's own view wrote it."""
    officer = admin_eido("PEN")
    panel = meeting("PEN")
    client.force_login(officer)
    form = {
        "district": district("PEN").pk,
        "kind": "resource_panel",
        "date": panel.date.isoformat(),
        "location": "Colne Library",
        "change_reason": "The town hall is closed for repairs.",
    }
    response = client.post(reverse("pei_workflow_meeting_modeladmin_edit", args=[panel.pk]), form)
    assert response.status_code == 302
    entries = ModelLogEntry.objects.filter(object_id=str(panel.pk))
    assert [(e.action, e.user) for e in entries] == [("wagtail.edit", officer)]
    assert Meeting.objects.get(pk=panel.pk).history.latest().history_change_reason == (
        "The town hall is closed for repairs."
    )
