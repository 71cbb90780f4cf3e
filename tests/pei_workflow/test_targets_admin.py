"""The "Response times" screens: county leads set each district's targets and the closure
days, and the due dates of the open cases follow; EIDOs and panel members read their own
districts' targets and change nothing."""

import datetime

import pytest

from pei_workflow.admin import urls
from pei_workflow.models import ClosureDay, GapInService, ResponseTarget
from tests.clock import london
from tests.factories import (
    admin_county_lead,
    admin_eido,
    admin_panel_member,
    district,
    submitted_gap,
)

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def friday_before_bank_holiday(time_machine):
    time_machine.move_to(london(2026, 5, 1), tick=False)


def due_on(case):
    return GapInService.objects.values_list("due_on", flat=True).get(pk=case.pk)


def test_a_county_lead_sets_a_target_and_the_open_cases_due_dates_follow(
    client, friday_before_bank_holiday
):
    gap = submitted_gap("PEN")
    client.force_login(admin_county_lead())
    response = client.post(
        urls.screen_url(ResponseTarget, "create"),
        {
            "district": district("PEN").pk,
            "kind": "GAP",
            "state": "submitted",
            "working_days": "2",
        },
    )
    assert response.status_code == 302
    assert due_on(gap) == D(2026, 5, 6)
    target = ResponseTarget.objects.get()
    assert target.history.first().history_change_reason == "Target set"


def test_changing_a_target_asks_why(client, friday_before_bank_holiday):
    lead = admin_county_lead()
    target = ResponseTarget.objects.create(
        district=district("PEN"), kind="GAP", state="submitted", working_days=4
    )
    client.force_login(lead)
    form = {"district": district("PEN").pk, "kind": "GAP", "state": "submitted"}
    response = client.post(
        urls.screen_url(ResponseTarget, "edit", target.pk), {**form, "working_days": "3"}
    )
    assert response.status_code == 200
    assert "Enter why you are making this change" in response.content.decode()
    target.refresh_from_db()
    assert target.working_days == 4


def test_a_target_for_a_state_a_kind_never_has_is_refused_on_the_form(client):
    client.force_login(admin_county_lead())
    response = client.post(
        urls.screen_url(ResponseTarget, "create"),
        {
            "district": district("PEN").pk,
            "kind": "CAF",
            "state": "on_panel_agenda",
            "working_days": "2",
        },
    )
    assert response.status_code == 200
    assert "A CAF escalation is never" in response.content.decode()
    assert not ResponseTarget.objects.exists()


def test_an_eido_reads_their_own_districts_targets_and_the_defaults_but_changes_nothing(client):
    ResponseTarget.objects.create(
        district=district("PEN"), kind="GAP", state="action_agreed", working_days=15
    )
    ResponseTarget.objects.create(
        district=district("BUR"), kind="GAP", state="action_agreed", working_days=25
    )
    for person in (admin_eido("PEN"), admin_panel_member("PEN")):
        client.force_login(person)
        html = client.get(urls.screen_url(ResponseTarget)).content.decode()
        assert "Pendle" in html and "Burnley" not in html
        assert "The county&#x27;s default targets" in html or "county's default targets" in html
        assert client.get(urls.screen_url(ResponseTarget, "create")).status_code == 403


def test_a_county_lead_adds_a_closure_day_and_the_due_dates_move(
    client, friday_before_bank_holiday
):
    gap = submitted_gap("PEN")
    assert due_on(gap) == D(2026, 5, 11)
    client.force_login(admin_county_lead())
    response = client.post(
        urls.screen_url(ClosureDay, "create"), {"date": "2026-05-07", "name": "Offices closed"}
    )
    assert response.status_code == 302
    assert due_on(gap) == D(2026, 5, 12)
    closure = ClosureDay.objects.get()
    response = client.post(urls.screen_url(ClosureDay, "delete", closure.pk))
    assert response.status_code == 302
    assert due_on(gap) == D(2026, 5, 11)


def test_an_eido_cannot_add_a_closure_day(client):
    client.force_login(admin_eido("PEN"))
    response = client.post(
        urls.screen_url(ClosureDay, "create"), {"date": "2026-05-07", "name": "Offices closed"}
    )
    assert response.status_code == 403
    assert not ClosureDay.objects.exists()
