"""The CAF escalation form journey through the full view stack (Django test client)."""

import pytest

from pei_workflow.anonymity import DESCRIPTIONS, POSTCODE, SUGGESTIONS
from pei_workflow.models import CafEscalation
from tests.pei_forms.form_helpers import (
    CAF_ANSWERS,
    complete,
    error_links,
    error_messages,
    fill_steps,
    html,
    inline_error,
    required_attributes,
    send,
)

pytestmark = pytest.mark.django_db

ESCALATION_MESSAGES = {
    "escalation_type": "Select what kind of problem it is",
    "agencies_involved": "Enter the agencies involved",
    "issue": "Enter the problem",
    "steps_taken": "Enter what you have already done to resolve it",
    "outcome_sought": "Enter the outcome you want",
    "county_implications": "Select whether this could affect the whole county",
}

FREE_TEXT = {
    "agencies_involved": "The agencies involved",
    "issue": "The problem",
    "steps_taken": "What you have already done",
    "outcome_sought": "The outcome you want",
}


def post_escalation(client, page, **changes):
    fill_steps(client, page, CAF_ANSWERS, until="the-problem")
    return client.post(f"{page.url}the-problem/", dict(CAF_ANSWERS["the-problem"], **changes))


def test_a_practitioner_sends_a_caf_escalation_and_sees_the_reference(client, caf_page):
    """Every step, check answers and Send make one submitted CAF escalation with a
    CAF-BUR-<year>-0001 reference, shown on the confirmation page."""
    response = complete(client, caf_page, CAF_ANSWERS)

    assert response["Location"] == f"{caf_page.url}confirmation/"
    caf = CafEscalation.objects.get()
    assert caf.reference.startswith("CAF-BUR-") and caf.reference.endswith("-0001")
    assert caf.state == "submitted"
    assert caf.escalation_type == "agency_not_engaging"
    assert caf.steps_taken == CAF_ANSWERS["the-problem"]["steps_taken"]
    assert caf.phone == "+44 7700 900 982"
    assert caf.confirmed_anonymous is True
    assert caf.reference in html(client.get(response["Location"]))


def test_every_required_escalation_question_left_empty_gets_its_message(client, caf_page):
    """Each required question, including the steps already taken, has its own message in the
    summary (linked to the field) and beside the field; nothing is kept or saved."""
    fill_steps(client, caf_page, CAF_ANSWERS, until="the-problem")
    response = client.post(f"{caf_page.url}the-problem/", {})
    assert error_messages(response) == list(ESCALATION_MESSAGES.values())
    assert error_links(response) == {m: f for f, m in ESCALATION_MESSAGES.items()}
    for field, message in ESCALATION_MESSAGES.items():
        assert inline_error(response, field) == message
    assert required_attributes(response) == []
    assert client.get(f"{caf_page.url}check-answers/")["Location"] == (
        f"{caf_page.url}the-problem/"
    )
    assert CafEscalation.objects.count() == 0


def test_the_confirmation_is_required(client, caf_page):
    """The form cannot be sent without confirming it identifies no one."""
    fill_steps(client, caf_page, CAF_ANSWERS, until="confirm")
    response = client.post(f"{caf_page.url}confirm/", {})
    assert error_links(response) == {
        "Confirm that this form does not identify the child, young person or family": (
            "confirmed_anonymous"
        )
    }
    assert send(client, caf_page)["Location"] == f"{caf_page.url}confirm/"
    assert CafEscalation.objects.count() == 0


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("escalation_type", "complaint", "Select a kind of problem from the list"),
        ("county_implications", "maybe", "Select yes, no or not sure"),
    ],
)
def test_a_forged_choice_gets_a_clear_message(client, caf_page, field, value, message):
    """A value that is not one of the options is refused with a message."""
    response = post_escalation(client, caf_page, **{field: value})
    assert inline_error(response, field) == message
    assert CafEscalation.objects.count() == 0


def test_a_forged_district_gets_a_clear_message(client, caf_page):
    """A district code that does not exist is refused."""
    response = client.post(f"{caf_page.url}district/", {"district": "ZZZ"})
    assert inline_error(response, "district") == "Select a district from the list"


@pytest.mark.parametrize(("field", "label"), FREE_TEXT.items())
def test_each_free_text_answer_has_a_length_limit(client, caf_page, field, label):
    """3,001 characters are refused with "… must be 3,000 characters or fewer"."""
    response = post_escalation(client, caf_page, **{field: "a" * 3001})
    assert inline_error(response, field) == f"{label} must be 3,000 characters or fewer"
    assert CafEscalation.objects.count() == 0


@pytest.mark.parametrize(("field", "label"), FREE_TEXT.items())
def test_an_identifying_detail_in_any_free_text_answer_is_refused(client, caf_page, field, label):
    """A postcode in any free-text answer is refused, naming the question and the kind of
    detail but not the detail; nothing is kept or saved."""
    response = post_escalation(client, caf_page, **{field: "The family moved to PR1 2HE."})
    message = inline_error(response, field)
    assert message == (
        f"{label} must not include {DESCRIPTIONS[POSTCODE]}. Remove it so that no child, "
        f"young person or family can be identified. {SUGGESTIONS[POSTCODE]}"
    )
    assert "PR1" not in message
    assert error_links(response)[message] == field
    assert client.get(f"{caf_page.url}check-answers/")["Location"] == (
        f"{caf_page.url}the-problem/"
    )
    assert CafEscalation.objects.count() == 0


def test_check_answers_lists_every_escalation_answer_with_change_links(client, caf_page):
    """Every answer of the CAF form is on check answers, with a Change link to its question."""
    fill_steps(client, caf_page, CAF_ANSWERS)
    page = html(client.get(f"{caf_page.url}check-answers/"))
    for shown in (
        "Burnley",
        "Alex Morgan",
        "An agency is not engaging with the CAF or TAC",
        "Housing and a youth service.",
        "Emailed and phoned the service manager twice.",
        "The agency attends the next meeting.",
    ):
        assert shown in page
    for slug, answers in CAF_ANSWERS.items():
        for field in answers:
            assert f'href="{caf_page.url}{slug}/?return=check-answers#{field}"' in page


def test_each_form_keeps_its_own_answers(client, caf_page, form_pages):
    """A practitioner filling in both forms at once does not mix their answers."""
    gap_page = form_pages[0]
    fill_steps(client, caf_page, CAF_ANSWERS, until="confirm")
    assert client.get(f"{gap_page.url}check-answers/")["Location"] == f"{gap_page.url}district/"
    assert client.get(f"{caf_page.url}check-answers/")["Location"] == f"{caf_page.url}confirm/"
