"""The agenda page: anonymised summaries of a meeting's items, links to record decisions for
those who may, a clean printout, and a cost in queries that does not grow with the agenda."""

import html
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pei_workflow.services import record_panel_decision, record_sub_group_decision
from tests.factories import (
    admin_county_lead,
    admin_eido,
    admin_panel_member,
    budget,
    listed_member,
    meeting,
    on_agenda,
    submitted_caf,
    submitted_gap,
)

pytestmark = pytest.mark.django_db

PRACTITIONER_DETAILS = [
    "Sam Taylor",
    "sam.taylor@example.org",
    "01632 960001",
    "Learning mentor",
    "Example High School",
    "Alex Morgan",
    "alex.morgan@example.org",
    "01632 960002",
    "Health visitor",
    "Example Health Trust",
]


def agenda_url(target):
    return reverse("pei_workflow_agenda", args=[target.pk])


def text(response) -> str:
    """The page as a person reads it (entities such as &#x27; unescaped)."""
    return html.unescape(response.content.decode())


def step_url(item, transition, target):
    path = reverse(
        "pei_workflow_step",
        kwargs={"model_name": item._meta.model_name, "pk": item.pk, "transition": transition},
    )
    return f"{path}?next={agenda_url(target)}"


@pytest.fixture
def eido():
    return admin_eido("PEN")


@pytest.fixture
def panel(eido):
    """A Pendle Resource Panel meeting with two gaps waiting on its agenda."""
    target = meeting("PEN", start_time="10:00")
    target.members_present.add(listed_member("PEN", name="Ann Came", agency="NHS"))
    target.apologies.add(listed_member("PEN", name="Bo Sorry", agency="Police"))
    on_agenda(submitted_gap("PEN"), target, eido)
    on_agenda(
        submitted_gap(
            "PEN",
            unmet_need="Transport to a weekly youth club.",
            spot_purchase_requested=True,
            spot_purchase_amount=Decimal("120.00"),
            spot_purchase_purpose="Ten weeks of taxi fares.",
        ),
        target,
        eido,
    )
    return target


def test_the_agenda_shows_the_meeting_and_its_items(client, eido, panel):
    """The agenda names the meeting, who came and who sent apologies, and summarises each
    item: reference, barrier, need, what was tried and the spot purchase asked for."""
    client.force_login(eido)
    page = text(client.get(agenda_url(panel)))
    assert "Pendle Resource Panel" in page
    assert "Nelson Town Hall" in page
    assert "10:00" in page
    assert "Ann Came (NHS)" in page
    assert "Bo Sorry (Police)" in page
    for gap in panel.gaps.all():
        assert gap.reference in page
    assert "Bereavement counselling for a young person in Year 9." in page
    assert "School pastoral support since March 2026." in page
    assert "No service is known" in page
    assert "£120.00" in page
    assert "Ten weeks of taxi fares." in page
    assert "The Lead Professional" in page
    assert "2 items, 2 waiting for a decision." in page


def test_the_agenda_never_shows_who_sent_an_item(client, eido, panel):
    """No practitioner's name, email, phone, job title or organisation is on a Resource
    Panel or Sub Group agenda."""
    sub_group = meeting("PEN", kind="sub_group")
    on_agenda(submitted_caf("PEN"), sub_group, eido)
    client.force_login(eido)
    for target in (panel, sub_group):
        page = text(client.get(agenda_url(target)))
        for detail in PRACTITIONER_DETAILS:
            assert detail not in page, detail


def test_a_sub_group_agenda_summarises_caf_escalations(client, eido):
    """A Sub Group agenda shows each CAF escalation's type, issue, steps taken and the
    outcome wanted."""
    sub_group = meeting("PEN", kind="sub_group")
    caf = on_agenda(submitted_caf("PEN"), sub_group, eido)
    client.force_login(eido)
    page = text(client.get(agenda_url(sub_group)))
    assert caf.reference in page
    assert "An agency is not engaging with the CAF or TAC" in page
    assert "An agency has not come to three Team Around the Child meetings." in page
    assert "Emailed and phoned the service manager twice." in page
    assert "The agency attends the next meeting." in page


@pytest.mark.parametrize("role", ["pendle_eido", "county_lead"])
def test_those_who_may_decide_get_a_link_for_each_waiting_item(client, eido, panel, role):
    """The district's EIDO and a county lead get "Record decision" and "Move to a later
    meeting" for each waiting item, back to this agenda afterwards."""
    client.force_login(eido if role == "pendle_eido" else admin_county_lead())
    page = client.get(agenda_url(panel)).content.decode()
    for gap in panel.gaps.all():
        assert html.escape(step_url(gap, "record_panel_decision", panel)) in page
        assert html.escape(step_url(gap, "defer", panel)) in page
    assert page.count(">Record decision<") == 2
    assert page.count(">Move to a later meeting<") == 2


def test_a_sub_group_agenda_links_to_the_sub_group_decision(client, eido):
    """On a Sub Group agenda the decision link records the Sub Group's decision."""
    sub_group = meeting("PEN", kind="sub_group")
    caf = on_agenda(submitted_caf("PEN"), sub_group, eido)
    client.force_login(eido)
    page = client.get(agenda_url(sub_group)).content.decode()
    assert html.escape(step_url(caf, "record_sub_group_decision", sub_group)) in page


def test_a_panel_member_reads_the_agenda_with_no_action_links(client, panel):
    """A Pendle panel member reads the whole agenda but is offered no step and no edit."""
    client.force_login(admin_panel_member("PEN"))
    page = text(client.get(agenda_url(panel)))
    assert panel.gaps.first().reference in page
    assert "Record decision" not in page
    assert "Move to a later meeting" not in page
    assert "/step/" not in page
    assert "Edit meeting" not in page


def test_a_decided_item_shows_its_decision_and_no_links(client, eido, panel):
    """An item the panel has decided shows what was agreed, the amount, what it buys and the
    notes, and offers no step."""
    budget("PEN")
    decided = panel.gaps.get(spot_purchase_requested=True)
    record_panel_decision(
        submission=decided,
        actor=eido,
        outcome="spot_purchase",
        amount=Decimal("120.00"),
        purchase_for="Ten weeks of taxi fares.",
        notes="Review after half term.",
    )
    client.force_login(eido)
    page = text(client.get(agenda_url(panel)))
    assert "Spot purchase" in page
    assert "Review after half term." in page
    assert "2 items, 1 waiting for a decision." in page
    assert step_url(decided, "record_panel_decision", panel) not in page
    assert page.count(">Record decision<") == 1


def test_a_sub_group_decision_is_shown_with_its_label(client, eido):
    """A CAF escalation the Sub Group decided shows the agreement in words and its notes."""
    sub_group = meeting("PEN", kind="sub_group")
    caf = on_agenda(submitted_caf("PEN"), sub_group, eido)
    record_sub_group_decision(
        submission=caf, actor=eido, agreement="staff_time", notes="Two days of a manager."
    )
    client.force_login(eido)
    page = text(client.get(agenda_url(sub_group)))
    assert "Staff time agreed" in page
    assert "Two days of a manager." in page


def test_another_districts_agenda_is_not_found(client, panel):
    """A Burnley EIDO and a Burnley panel member get 404 for Pendle's agenda."""
    for user in (admin_eido("BUR"), admin_panel_member("BUR")):
        client.force_login(user)
        assert client.get(agenda_url(panel)).status_code == 404


def test_the_agenda_links_a_print_stylesheet_that_hides_the_admin(client, eido, panel):
    """The agenda links the shared print stylesheet, whose rules hide the admin's menu, the
    header buttons and everything marked screen-only, and its own, which keeps each item on
    one page where it fits."""
    client.force_login(eido)
    page = text(client.get(agenda_url(panel)))
    for sheet in ("admin/print.css", "meetings/agenda.css"):
        assert f'href="{settings.STATIC_URL}pei_workflow/{sheet}"' in page
    assert "Print agenda" in page
    shared = Path(finders.find("pei_workflow/admin/print.css")).read_text()
    for hidden in ("#wagtail-sidebar", ".w-header .right", ".pei-no-print"):
        assert hidden in shared[shared.index("@media print") :]
    own = Path(finders.find("pei_workflow/meetings/agenda.css")).read_text()
    assert "break-inside: avoid" in own[own.index("@media print") :]
    assert 'class="pei-agenda__toolbar pei-no-print"' in page
    assert 'class="pei-agenda-item__actions pei-no-print"' in page


def queries_for_agenda(client, target):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(agenda_url(target))
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("kind", ["resource_panel", "sub_group"])
def test_the_agenda_costs_the_same_queries_for_2_items_as_for_12(client, eido, kind):
    """The agenda's queries do not grow with the number of items."""
    submit = submitted_gap if kind == "resource_panel" else submitted_caf
    small, large = meeting("PEN", kind=kind), meeting("PEN", kind=kind, days_ahead=14)
    for target, count in ((small, 2), (large, 12)):
        for _ in range(count):
            on_agenda(submit("PEN"), target, eido)
    client.force_login(eido)
    queries_for_agenda(client, small)  # warm per-process caches (content types, site)
    assert queries_for_agenda(client, small) == queries_for_agenda(client, large)


def test_the_districts_eido_can_edit_the_meeting_from_its_agenda(client, eido, panel):
    """The agenda links to the meeting's edit form for its district's EIDO."""
    client.force_login(eido)
    page = text(client.get(agenda_url(panel)))
    assert reverse("pei_workflow_meeting_modeladmin_edit", args=[panel.pk]) in page
