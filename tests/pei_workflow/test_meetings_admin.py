"""The meetings and panel members screens: who may read and change what, and the rules a
meeting's form keeps."""

import datetime
import html

import pytest
from django.urls import reverse
from django.utils import timezone

from pei_workflow.models import Meeting, PanelMember
from tests.factories import (
    EditorFactory,
    admin_county_lead,
    admin_eido,
    admin_panel_member,
    budget,
    district,
    listed_member,
    meeting,
    on_agenda,
    submitted_gap,
)

pytestmark = pytest.mark.django_db

ROLES = ["pendle_eido", "burnley_eido", "pendle_panel_member", "county_lead", "editor"]


def text(response) -> str:
    """The page as a person reads it (entities such as &#x27; unescaped)."""
    return html.unescape(response.content.decode())


def url(model, action, *args):
    return reverse(f"pei_workflow_{model}_modeladmin_{action}", args=args)


def make_user(role):
    return {
        "pendle_eido": lambda: admin_eido("PEN"),
        "burnley_eido": lambda: admin_eido("BUR"),
        "pendle_panel_member": lambda: admin_panel_member("PEN"),
        "county_lead": admin_county_lead,
        "editor": EditorFactory,
    }[role]()


@pytest.fixture
def pendle():
    """A Pendle meeting with nothing on its agenda, a member and a budget."""
    return {
        "meeting": meeting("PEN"),
        "member": listed_member("PEN"),
        "budget": budget("PEN"),
        "district": district("PEN"),
    }


# Expected status of each view of Pendle's rows, for each role, in the order of ROLES.
MATRIX = {
    ("meeting", "index", None): [200, 200, 200, 200, 403],
    ("meeting", "create", None): [200, 200, 403, 200, 403],
    ("meeting", "inspect", "meeting"): [200, 404, 200, 200, 404],
    ("meeting", "edit", "meeting"): [200, 404, 403, 200, 404],
    ("meeting", "delete", "meeting"): [200, 404, 403, 200, 404],
    ("agenda", None, "meeting"): [200, 404, 200, 200, 404],
    ("panelmember", "index", None): [200, 200, 200, 200, 403],
    ("panelmember", "create", None): [200, 200, 403, 200, 403],
    ("panelmember", "inspect", "member"): [200, 404, 200, 200, 404],
    ("panelmember", "edit", "member"): [200, 404, 403, 200, 404],
    ("spotpurchasebudget", "index", None): [200, 200, 200, 200, 403],
    ("spotpurchasebudget", "create", None): [403, 403, 403, 200, 403],
    ("spotpurchasebudget", "inspect", "budget"): [200, 404, 200, 200, 404],
    ("spotpurchasebudget", "edit", "budget"): [403, 404, 403, 200, 404],
    ("spotpurchasebudget", "delete", "budget"): [403, 404, 403, 200, 404],
    ("district", "index", None): [200, 200, 200, 200, 403],
    ("district", "inspect", "district"): [200, 404, 200, 200, 404],
    ("district", "edit", "district"): [403, 404, 403, 200, 404],
}
CASES = [
    (view, role, statuses[i]) for view, statuses in MATRIX.items() for i, role in enumerate(ROLES)
]


@pytest.mark.parametrize(
    ("view", "role", "status"), CASES, ids=[f"{v[0]}-{v[1]}-{r}" for v, r, _ in CASES]
)
def test_each_role_gets_the_expected_answer_from_each_view(client, pendle, view, role, status):
    """Each role reads, changes or is refused each meetings-and-budgets view of Pendle's rows
    exactly as the permission matrix says: 403 for a step they may not take, 404 for a row
    outside their districts."""
    model, action, target = view
    client.force_login(make_user(role))
    args = [pendle[target].pk] if target else []
    address = reverse("pei_workflow_agenda", args=args) if model == "agenda" else None
    response = client.get(address or url(model, action, *args))
    assert response.status_code == status


def test_lists_show_only_the_rows_of_your_districts(client, pendle):
    """A Burnley EIDO's meetings, members and budgets lists hold Burnley's rows, not
    Pendle's."""
    burnley_meeting = meeting("BUR", location="Burnley Town Hall")
    listed_member("BUR", name="Kit Burnley")
    client.force_login(admin_eido("BUR"))
    meetings = text(client.get(url("meeting", "index")))
    assert "Burnley Town Hall" in meetings
    assert "Nelson Town Hall" not in meetings
    assert reverse("pei_workflow_agenda", args=[burnley_meeting.pk]) in meetings
    members = text(client.get(url("panelmember", "index")))
    assert "Kit Burnley" in members
    assert "Jo Price" not in members
    budgets = text(client.get(url("spotpurchasebudget", "index")))
    assert "Pendle" not in budgets


def test_a_panel_member_sees_no_add_edit_or_delete_buttons(client, pendle):
    """A Pendle panel member reads Pendle's meetings and members but is offered no change."""
    client.force_login(admin_panel_member("PEN"))
    for model, row in (("meeting", pendle["meeting"]), ("panelmember", pendle["member"])):
        body = text(client.get(url(model, "index")))
        assert url(model, "inspect", row.pk) in body
        assert url(model, "create") not in body
        assert url(model, "edit", row.pk) not in body
        assert url(model, "delete", row.pk) not in body


def test_a_panel_member_cannot_change_a_meeting_by_posting(client, pendle):
    """A panel member's forced create, edit and delete change nothing (403)."""
    client.force_login(admin_panel_member("PEN"))
    target = pendle["meeting"]
    form = meeting_form(target.district, location="Changed")
    assert client.post(url("meeting", "create"), form).status_code == 403
    assert client.post(url("meeting", "edit", target.pk), form).status_code == 403
    assert client.post(url("meeting", "delete", target.pk)).status_code == 403
    assert Meeting.objects.get(pk=target.pk).location == "Nelson Town Hall"
    assert Meeting.objects.count() == 1


def test_an_eido_cannot_change_another_districts_meeting_by_posting(client, pendle):
    """A Burnley EIDO's forced edit or delete of a Pendle meeting answers 404 and changes
    nothing."""
    client.force_login(admin_eido("BUR"))
    target = pendle["meeting"]
    form = meeting_form(district("BUR"), location="Changed")
    assert client.post(url("meeting", "edit", target.pk), form).status_code == 404
    assert client.post(url("meeting", "delete", target.pk)).status_code == 404
    assert Meeting.objects.get(pk=target.pk).location == "Nelson Town Hall"


def meeting_form(place, *, kind="resource_panel", days_ahead=14, **fields):
    data = {
        "district": place.pk,
        "kind": kind,
        "date": (timezone.localdate() + datetime.timedelta(days=days_ahead)).isoformat(),
        "start_time": "10:00",
        "location": "Nelson Town Hall",
        "notes": "",
        "change_reason": "The panel moved it.",
    }
    data.update(fields)
    return data


def test_an_eido_creates_a_meeting_of_their_district_with_its_members(client):
    """An EIDO adds a Pendle Resource Panel meeting and records who came and who sent
    apologies."""
    came = listed_member("PEN", name="Ann Came")
    sorry = listed_member("PEN", name="Bo Sorry")
    client.force_login(admin_eido("PEN"))
    form = meeting_form(district("PEN"), members_present=[came.pk], apologies=[sorry.pk])
    response = client.post(url("meeting", "create"), form)
    assert response.status_code == 302
    created = Meeting.objects.get()
    assert list(created.members_present.all()) == [came]
    assert list(created.apologies.all()) == [sorry]


def test_the_district_list_offers_only_your_districts(client):
    """A Pendle EIDO cannot choose Burnley for a new meeting."""
    client.force_login(admin_eido("PEN"))
    page = text(client.get(url("meeting", "create")))
    assert ">Pendle<" in page
    assert ">Burnley<" not in page
    response = client.post(url("meeting", "create"), meeting_form(district("BUR")))
    assert response.status_code == 200
    assert "Select a valid choice" in text(response)
    assert not Meeting.objects.exists()


def test_members_of_another_district_are_refused_with_a_clear_message(client):
    """A county lead cannot record a Burnley member as present at a Pendle meeting."""
    outsider = listed_member("BUR", name="Cy Outsider")
    client.force_login(admin_county_lead())
    form = meeting_form(district("PEN"), members_present=[outsider.pk])
    response = client.post(url("meeting", "create"), form)
    assert response.status_code == 200
    assert (
        "Cy Outsider is not a member of the Pendle Resource Panel. "
        "Choose members of the Pendle Resource Panel only."
    ) in text(response)
    assert not Meeting.objects.exists()


def test_members_of_the_other_body_are_refused(client):
    """A Sub Group member cannot be recorded at a Resource Panel meeting."""
    sub_group = listed_member("PEN", body="sub_group", name="Di Subgroup")
    client.force_login(admin_eido("PEN"))
    form = meeting_form(district("PEN"), apologies=[sub_group.pk])
    response = client.post(url("meeting", "create"), form)
    assert "Di Subgroup is not a member of the Pendle Resource Panel" in text(response)
    assert not Meeting.objects.exists()


def test_nobody_is_both_present_and_sending_apologies(client):
    """A member ticked in both lists is refused with a message naming them."""
    both = listed_member("PEN", name="Ed Both")
    client.force_login(admin_eido("PEN"))
    form = meeting_form(district("PEN"), members_present=[both.pk], apologies=[both.pk])
    response = client.post(url("meeting", "create"), form)
    assert "Ed Both cannot be both present and sending apologies." in text(response)
    assert not Meeting.objects.exists()


def test_a_meeting_with_waiting_items_cannot_move_into_the_past(client):
    """Moving a meeting with items waiting on its agenda to a past date is refused; the
    date stays."""
    eido = admin_eido("PEN")
    panel = meeting("PEN")
    on_agenda(submitted_gap("PEN"), panel, eido)
    client.force_login(eido)
    form = meeting_form(district("PEN"), days_ahead=-3)
    response = client.post(url("meeting", "edit", panel.pk), form)
    assert response.status_code == 200
    assert (
        "1 item is waiting on this meeting's agenda, so you cannot move it to a date in the past."
    ) in text(response)
    assert Meeting.objects.get(pk=panel.pk).date == panel.date


def test_a_meeting_with_no_waiting_items_can_move_into_the_past(client):
    """An EIDO may record a meeting's real, earlier date when nothing waits on it."""
    panel = meeting("PEN")
    client.force_login(admin_eido("PEN"))
    response = client.post(
        url("meeting", "edit", panel.pk), meeting_form(district("PEN"), days_ahead=-3)
    )
    assert response.status_code == 302
    assert Meeting.objects.get(pk=panel.pk).is_past


def test_a_meeting_with_items_keeps_its_district_and_kind(client):
    """A county lead cannot move a meeting with items on its agenda to another district or
    make it a Sub Group."""
    lead = admin_county_lead()
    panel = meeting("PEN")
    on_agenda(submitted_gap("PEN"), panel, lead)
    client.force_login(lead)
    response = client.post(
        url("meeting", "edit", panel.pk), meeting_form(district("BUR"), kind="sub_group")
    )
    page = text(response)
    assert "you cannot change its district" in page
    assert "you cannot change its kind of meeting" in page
    assert Meeting.objects.get(pk=panel.pk).district == district("PEN")


def test_a_meeting_with_items_cannot_be_deleted(client):
    """A meeting with anything on its agenda offers no delete and refuses a forced one."""
    eido = admin_eido("PEN")
    panel = meeting("PEN")
    on_agenda(submitted_gap("PEN"), panel, eido)
    client.force_login(eido)
    assert url("meeting", "delete", panel.pk) not in text(client.get(url("meeting", "index")))
    page = text(client.get(url("meeting", "inspect", panel.pk)))
    assert "You cannot delete this meeting because submissions are on its agenda." in page
    assert client.post(url("meeting", "delete", panel.pk)).status_code == 403
    assert Meeting.objects.filter(pk=panel.pk).exists()


def test_an_empty_meeting_can_be_deleted(client):
    """A meeting with nothing on its agenda can be deleted by its district's EIDO."""
    panel = meeting("PEN")
    client.force_login(admin_eido("PEN"))
    assert client.post(url("meeting", "delete", panel.pk)).status_code == 302
    assert not Meeting.objects.filter(pk=panel.pk).exists()


def test_the_meetings_list_filters_by_when(client):
    """The "when" filter separates meetings still to come from those already held."""
    meeting("PEN", location="Coming Hall")
    meeting("PEN", days_ahead=-10, location="Past Hall")
    client.force_login(admin_eido("PEN"))
    coming = text(client.get(url("meeting", "index") + "?when=upcoming"))
    past = text(client.get(url("meeting", "index") + "?when=past"))
    assert "Coming Hall" in coming and "Past Hall" not in coming
    assert "Past Hall" in past and "Coming Hall" not in past


def test_an_eido_adds_a_member_to_their_district_only(client):
    """A Pendle EIDO adds a Pendle panel member; Burnley is not offered."""
    client.force_login(admin_eido("PEN"))
    form = {"name": "Flo New", "agency": "NHS", "role": "Manager", "body": "resource_panel"}
    refused = client.post(url("panelmember", "create"), form | {"district": district("BUR").pk})
    assert "Select a valid choice" in text(refused)
    response = client.post(
        url("panelmember", "create"), form | {"district": district("PEN").pk, "is_active": "on"}
    )
    assert response.status_code == 302
    assert PanelMember.objects.get(name="Flo New").district == district("PEN")


def test_a_member_recorded_at_a_meeting_cannot_be_deleted(client):
    """A member who came to a meeting stays on the list, so its attendance stays true."""
    member = listed_member("PEN")
    meeting("PEN").members_present.add(member)
    client.force_login(admin_eido("PEN"))
    assert client.post(url("panelmember", "delete", member.pk)).status_code == 403
    assert PanelMember.objects.filter(pk=member.pk).exists()


def test_a_member_recorded_at_a_meeting_keeps_their_district_and_body(client):
    """Moving a member who came to a Resource Panel meeting onto the Sub Group is refused,
    so the meeting's attendance stays true."""
    member = listed_member("PEN", name="Gus Moved")
    meeting("PEN").members_present.add(member)
    client.force_login(admin_eido("PEN"))
    form = {
        "name": "Gus Moved",
        "agency": "Lancashire County Council",
        "district": district("PEN").pk,
        "body": "sub_group",
        "is_active": "on",
        "change_reason": "They moved to the Sub Group.",
    }
    response = client.post(url("panelmember", "edit", member.pk), form)
    assert "so their district and body cannot change" in text(response)
    assert PanelMember.objects.get(pk=member.pk).body == "resource_panel"


def test_someone_with_no_casework_role_is_told_who_can_see_meetings(client):
    """An editor with admin access but no district role gets a 403 page saying who may see
    meetings, not the list."""
    meeting("PEN")
    client.force_login(EditorFactory())
    response = client.get(url("meeting", "index"))
    assert response.status_code == 403
    assert "Only EIDOs, county leads, and Resource Panel and Sub Group members" in text(response)
    assert "Nelson Town Hall" not in text(response)


def test_the_members_list_searches_by_name_or_agency(client):
    """Searching the members list finds members by name or agency, in your districts only."""
    listed_member("PEN", name="Hal Search", agency="Pendle Leisure")
    listed_member("PEN", name="Ivy Other")
    listed_member("BUR", name="Hal Burnley")
    client.force_login(admin_eido("PEN"))
    page = text(client.get(url("panelmember", "index") + "?q=Hal"))
    assert "Hal Search" in page
    assert "Ivy Other" not in page
    assert "Hal Burnley" not in page
    assert "Hal Search" in text(client.get(url("panelmember", "index") + "?q=leisure"))


def test_an_eido_of_one_district_finds_it_already_chosen_on_a_new_meeting(client):
    """A one-district EIDO does not have to pick their only district."""
    from tests.factories import admin_eido

    client.force_login(admin_eido("PEN"))
    html = client.get("/admin/pei_workflow/meeting/create/").content.decode()
    from tests.factories import district

    pendle = district("PEN").pk
    assert f'<option value="{pendle}" selected>' in html
