"""Every free text staff write goes through the anonymity guard: a question, a reason, a note,
what a spot purchase buys, a correction and a meeting's notes. A refused text gets a message
beside its field that names the field and the kind of detail, never the text, and nothing
changes."""

import datetime
import html

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from pei_workflow import services
from pei_workflow.models import Meeting
from tests.factories import (
    admin_county_lead,
    admin_eido,
    budget,
    county_lead,
    eido,
    in_state,
    meeting,
    meeting_date,
    service,
    submitted_caf,
    submitted_gap,
)
from tests.pei_workflow.test_moderation_screens import snapshot, step_url

pytestmark = pytest.mark.django_db

# A child's name, a home postcode and an NHS number: three kinds the guard knows.
IDENTIFYING = [
    ("Spoke to Mrs Thompson about the waiting list.", "a person's name"),
    ("The family have moved to BB9 7LJ since the form was sent.", "a postcode"),
    ("Checked against NHS number 943 476 5919.", "an NHS number"),
    ("Ellie Thompson, aged 9, is still waiting.", "a person's name"),
]
THE_DETAIL = ("Thompson", "BB9 7LJ", "943 476 5919", "Ellie")


def _pendle_service():
    return service("PEN", name="Pendle Young Carers")


# (kind, state, step, the form's other answers, the free-text field, who takes the step)
STAFF_STEPS = [
    ("gap", "in_review", "request_information", {}, "message", "eido"),
    ("gap", "in_review", "decline", {}, "reason", "eido"),
    ("gap", "in_review", "withdraw", {}, "reason", "eido"),
    ("gap", "in_review", "signpost", {"service": _pendle_service}, "notes", "eido"),
    (
        "gap",
        "on_panel_agenda",
        "record_panel_decision",
        {"outcome": "waiting_list"},
        "notes",
        "eido",
    ),
    (
        "gap",
        "on_panel_agenda",
        "record_panel_decision",
        {"outcome": "spot_purchase", "amount": "120.00"},
        "purchase_for",
        "eido",
    ),
    ("gap", "on_panel_agenda", "defer", {"meeting": "later"}, "reason", "eido"),
    ("gap", "action_agreed", "escalate_to_sub_group", {}, "reason", "eido"),
    (
        "gap",
        "escalated_sub_group",
        "record_sub_group_decision",
        {"agreement": "staff_time"},
        "notes",
        "eido",
    ),
    ("gap", "escalated_trust_board", "record_trust_board_decision", {}, "notes", "county"),
    (
        "gap",
        "action_agreed",
        "close",
        {
            "outcome": "met",
            "children_benefiting": "1",
            "families_benefiting": "1",
            "caf_in_place": "yes",
        },
        "notes",
        "eido",
    ),
    ("gap", "closed", "reopen", {}, "reason", "eido"),
    ("caf", "action_agreed", "refer_to_county_caf_group", {}, "reason", "eido"),
    ("caf", "referred_to_county", "record_county_response", {}, "notes", "county"),
]


def _build(kind, state):
    submission = submitted_gap("PEN") if kind == "gap" else submitted_caf("PEN")
    on = meeting("PEN") if state == "on_panel_agenda" else None
    return in_state(submission, state, meeting=on)


def _answers(others):
    data = {}
    for name, value in others.items():
        if callable(value):
            value = value().pk
        elif value == "later":
            value = meeting("PEN", date=meeting_date() + datetime.timedelta(days=14)).pk
        data[name] = value
    return data


@pytest.mark.parametrize("text,kind_of_detail", IDENTIFYING)
@pytest.mark.parametrize(
    "kind,state,step,others,field,who",
    STAFF_STEPS,
    ids=[f"{case[0]}-{case[2]}-{case[4]}" for case in STAFF_STEPS],
)
def test_a_step_whose_text_identifies_someone_is_refused_beside_the_field_and_changes_nothing(
    client, kind, state, step, others, field, who, text, kind_of_detail
):
    client.force_login(admin_eido("PEN") if who == "eido" else admin_county_lead())
    budget("PEN", "5000.00")
    submission = _build(kind, state)
    data = _answers(others) | {field: text, "seen_state": state}
    before = snapshot(submission)

    response = client.post(step_url(submission, step), data)

    assert response.status_code == 200
    body = html.unescape(response.content.decode())
    assert "There is a problem" in body
    assert f"must not include {kind_of_detail}" in body
    assert f'href="#id_{field}"' in body
    for detail in THE_DETAIL:
        if detail in text:
            # Only the box the officer typed in holds the text: the message never repeats it.
            assert body.count(detail) == 1
    assert snapshot(submission) == before


def test_the_same_step_with_ordinary_text_goes_through(client):
    client.force_login(admin_eido("PEN"))
    gap = _build("gap", "in_review")
    text = "Could you tell us which services the family has already tried since March?"

    response = client.post(step_url(gap, "request_information"), {"message": text})

    assert response.status_code == 302
    gap.refresh_from_db()
    assert gap.state == "information_requested"


def test_a_correction_is_refused_when_its_reason_or_an_answer_identifies_someone():
    officer = eido("PEN")
    gap = services.start_review(submission=submitted_gap("PEN"), actor=officer)
    cases = [
        ({"unmet_need": "Mrs Thompson cannot get to the group."}, "Fixing a typo.", "unmet_need"),
        ({"job_title": "Teacher, DOB 12/05/1980"}, "Fixing a typo.", "job_title"),
        ({"job_title": "Class teacher"}, "Mr Hussain asked for the change.", "reason"),
    ]
    for changes, reason, field in cases:
        with pytest.raises(ValidationError) as refused:
            services.correct_answers(submission=gap, actor=officer, changes=changes, reason=reason)
        assert field in refused.value.message_dict
        assert "must not include" in refused.value.message_dict[field][0]
    gap.refresh_from_db()
    assert gap.job_title != "Class teacher"


def test_an_organisation_may_be_a_school_or_a_surgery_named_after_a_doctor():
    officer = eido("PEN")
    gap = services.start_review(submission=submitted_gap("PEN"), actor=officer)

    services.correct_answers(
        submission=gap,
        actor=officer,
        changes={"organisation": "Dr Patel's Surgery, Colne"},
        reason="The practitioner asked us to correct their organisation.",
    )

    gap.refresh_from_db()
    assert gap.organisation == "Dr Patel's Surgery, Colne"


def test_a_meetings_notes_that_identify_someone_are_refused_and_nothing_is_saved():
    actor = county_lead()
    pendle = meeting("PEN")
    with pytest.raises(ValidationError) as refused:
        services.save_meeting(
            actor=actor,
            meeting=pendle,
            district=pendle.district,
            kind=pendle.kind,
            date=pendle.date,
            notes="Discussed the Thompson family at 12 Oak Street, BB9 7LJ.",
        )
    message = refused.value.message_dict["notes"][0]
    assert message.startswith("The meeting notes must not include")
    assert "Oak Street" not in message
    assert Meeting.objects.get(pk=pendle.pk).notes == ""


def test_the_meeting_screen_shows_the_refusal_beside_the_notes(client):
    client.force_login(admin_eido("PEN"))
    pendle = meeting("PEN")
    url = reverse("pei_workflow_meeting_modeladmin_edit", args=[pendle.pk])
    form = {
        "district": pendle.district_id,
        "kind": pendle.kind,
        "date": pendle.date.isoformat(),
        "location": "Nelson Town Hall",
        "notes": "Rang 07700 900123 to check.",
    }

    response = client.post(url, form)

    assert response.status_code == 200
    assert "The meeting notes must not include a phone number" in response.content.decode()
    assert Meeting.objects.get(pk=pendle.pk).notes == ""
