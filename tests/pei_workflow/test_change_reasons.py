"""Every record that decides a submission's fate keeps a version for each change, with who made
it, when and why: an edit form without a reason is refused beside the field and changes
nothing; with one, a new version holds the reason and the person."""

import html

import pytest
from django.urls import reverse

from pei_workflow.models import DistrictAssignment, Meeting, Theme
from pei_workflow.services import grant_role, remove_role, save_meeting
from tests.factories import (
    UserFactory,
    admin_county_lead,
    admin_eido,
    budget,
    county_lead,
    district,
    listed_member,
    meeting,
    priority,
    service,
)
from tests.pei_workflow.test_directory_admin import service_form

pytestmark = pytest.mark.django_db

REASON = "The panel agreed it on 3 March."


def _edit_url(model: str, pk: int) -> str:
    return reverse(f"pei_workflow_{model}_modeladmin_edit", args=[pk])


def _screens():
    """(model, the record, the person who may edit it, the form's answers)."""
    panel = meeting("PEN")
    member = listed_member("PEN", name="Ann Came")
    pendle_budget = budget("PEN", "5000.00")
    pendle = district("PEN")
    lifts = service("PEN", name="Pendle Lifts")
    pendle_priority = priority("PEN", title="Emotional health")
    eido, lead = admin_eido("PEN"), admin_county_lead()
    return [
        (
            "meeting",
            panel,
            eido,
            {
                "district": pendle.pk,
                "kind": panel.kind,
                "date": panel.date.isoformat(),
                "location": "Colne Library",
            },
        ),
        (
            "panelmember",
            member,
            eido,
            {
                "district": pendle.pk,
                "body": member.body,
                "name": member.name,
                "agency": "Pendle Council",
                "is_active": "on",
            },
        ),
        (
            "spotpurchasebudget",
            pendle_budget,
            lead,
            {
                "district": pendle.pk,
                "financial_year": pendle_budget.financial_year,
                "amount": "6000.00",
            },
        ),
        (
            "district",
            pendle,
            lead,
            {"panel_maximum": "450", "repeated_need_count": "4", "repeated_need_months": "12"},
        ),
        ("service", lifts, eido, service_form(name="Pendle Lifts", offers="Rides to clinics.")),
        (
            "theme",
            Theme.objects.get(name="Transport"),
            eido,
            {"name": "Transport", "description": "Getting about."},
        ),
        (
            "priority",
            pendle_priority,
            eido,
            {"district": pendle.pk, "title": "Emotional wellbeing", "sort_order": "1"},
        ),
    ]


def test_every_edit_without_a_reason_is_refused_beside_the_field_and_changes_nothing(client):
    for model, record, person, answers in _screens():
        client.force_login(person)
        answers = {key: value for key, value in answers.items() if key != "change_reason"}
        versions = record.history.count()

        response = client.post(_edit_url(model, record.pk), answers)

        assert response.status_code == 200, model
        body = html.unescape(response.content.decode())
        assert "Enter why you are making this change." in body, model
        assert record.history.count() == versions, model


def test_every_edit_with_a_reason_makes_a_version_that_says_who_and_why(client):
    for model, record, person, answers in _screens():
        client.force_login(person)
        versions = record.history.count()

        response = client.post(_edit_url(model, record.pk), answers | {"change_reason": REASON})

        assert response.status_code == 302, (model, response.content.decode()[-3000:])
        latest = record.history.latest()
        assert record.history.count() > versions, model
        assert (latest.history_user, latest.history_change_reason) == (person, REASON), model


def test_an_edit_forms_reason_goes_through_the_anonymity_guard(client):
    panel = meeting("PEN")
    client.force_login(admin_eido("PEN"))
    answers = {
        "district": panel.district_id,
        "kind": panel.kind,
        "date": panel.date.isoformat(),
        "change_reason": "Mrs Thompson asked us to move it.",
    }

    response = client.post(_edit_url("meeting", panel.pk), answers)

    assert "The reason for the change must not include" in html.unescape(response.content.decode())
    assert panel.history.count() == 1


def test_adding_a_record_needs_no_reason_and_its_first_version_says_it_was_added(client):
    client.force_login(admin_eido("PEN"))
    form = client.get(reverse("pei_workflow_meeting_modeladmin_create")).content.decode()
    assert "change_reason" not in form

    saved = save_meeting(
        actor=county_lead(), district=district("PEN"), kind="resource_panel", date=meeting().date
    )

    assert saved.history.get().history_change_reason == "Meeting added"


def test_each_version_of_a_meeting_holds_who_came_and_who_sent_apologies():
    lead = county_lead()
    came, sorry = listed_member("PEN", name="Ann Came"), listed_member("PEN", name="Bo Sorry")
    panel = meeting("PEN")

    save_meeting(
        actor=lead,
        meeting=panel,
        district=panel.district,
        kind=panel.kind,
        date=panel.date,
        members_present=[came],
        apologies=[sorry],
        reason="Recording the attendance.",
    )

    latest = Meeting.objects.get(pk=panel.pk).history.latest()
    assert [m.panelmember for m in latest.members_present.all()] == [came]
    assert [m.panelmember for m in latest.apologies.all()] == [sorry]
    first = panel.history.earliest()
    assert list(first.members_present.all()) == []


def test_giving_and_taking_away_a_district_role_leaves_versions_saying_who_and_why():
    lead = admin_county_lead()
    person = UserFactory(username="new.eido@example.org")

    grant_role(actor=lead, role="eido", user=person, districts=[district("PEN")])
    remove_role(actor=lead, user=person, role="eido")

    versions = DistrictAssignment.history.filter(user=person).order_by("history_date")
    assert [(v.history_type, v.history_user) for v in versions] == [("+", lead), ("-", lead)]
    assert "role" in versions[0].history_change_reason
    assert "taken away" in versions[1].history_change_reason
