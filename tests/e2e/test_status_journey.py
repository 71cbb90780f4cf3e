"""The practitioner's status link in a real browser: every state of the page is accessible
and valid HTML, and they can answer a question and withdraw with the mouse or keyboard."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from pei_workflow.models import GapInService
from pei_workflow.services import submit_gap_in_service
from pei_workflow.tokens import issue_status_token
from tests.e2e.browser_checks import Audit
from tests.e2e.keyboard import activate, type_into
from tests.factories import gap_answers, move_to_state

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

QUESTION = "Which services have you already asked about bereavement support?"


@pytest.fixture
def site_url(live_server):
    call_command("load_pei_content", stdout=StringIO())
    return live_server.url


@pytest.fixture
def gap():
    return submit_gap_in_service(answers=gap_answers("PEN"))


def submit(page, button_name: str):
    """Press a button by its name and return the response of the page it leads to."""
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name=button_name).click()
    return navigation.value


def test_every_state_of_the_status_page_is_accessible_and_valid(page, site_url, gap, tmp_path):
    """Submitted; asked for information; an answer with an error; answered; the withdraw
    confirmation, cancelled and confirmed; withdrawn; the new link form, its error and its
    answer; the 404: zero axe violations and zero Nu HTML Checker errors on each."""
    token = issue_status_token(gap)
    status_url = site_url + reverse("pei_forms:status", args=[token])
    audit = Audit(page)

    audit.check("submitted", page.goto(status_url))
    assert "Received" in page.locator("main").inner_text()

    move_to_state(
        gap, transition="request_information", to_state="information_requested", comment=QUESTION
    )
    audit.check("information requested", page.goto(status_url))
    assert QUESTION in page.locator("main").inner_text()

    audit.check("answer with an error", submit(page, "Send your answer"))
    assert page.title().startswith("Error: ")
    assert page.evaluate("document.activeElement.classList.contains('govuk-error-summary')")

    page.get_by_label("Your answer").fill("We asked the local hospice and the school nurse.")
    audit.check("answered", submit(page, "Send your answer"))
    assert "Your answer has been sent" in page.locator("main").inner_text()
    assert GapInService.objects.get(pk=gap.pk).state == "in_review"

    audit.check("withdraw confirmation", submit(page, f"Withdraw {gap.reference}"))
    with page.expect_navigation() as navigation:
        page.get_by_role("link", name="Cancel").click()
    audit.check("withdraw cancelled", navigation.value)
    assert navigation.value.url == status_url
    assert GapInService.objects.get(pk=gap.pk).state == "in_review"

    audit.check("withdraw confirmation again", submit(page, f"Withdraw {gap.reference}"))
    audit.check("withdrawn", submit(page, "Yes, withdraw"))
    assert f"You have withdrawn {gap.reference}" in page.locator("main").inner_text()
    assert GapInService.objects.get(pk=gap.pk).state == "withdrawn"

    audit.check("new link form", page.goto(site_url + reverse("pei_forms:resend_link")))
    audit.check("new link form with errors", submit(page, "Send a new link"))
    page.get_by_label("Reference").fill(gap.reference)
    page.get_by_label("Email address").fill(gap.email)
    audit.check("new link sent", submit(page, "Send a new link"))

    not_found = page.goto(site_url + reverse("pei_forms:status", args=["no-such-token"]))
    audit.check("link not found", not_found, status=404)

    audit.assert_clean(tmp_path)


def test_a_keyboard_user_can_answer_and_withdraw(page, site_url, gap, tmp_path):
    """With the keyboard alone (Tab, Shift+Tab, Enter): reach the answer, type, send; then
    withdraw and confirm. Every page on the way is accessible and valid HTML."""
    token = issue_status_token(gap)
    status_url = site_url + reverse("pei_forms:status", args=[token])
    move_to_state(
        gap, transition="request_information", to_state="information_requested", comment=QUESTION
    )
    audit = Audit(page)
    audit.check("information requested", page.goto(status_url))

    type_into(page, page.get_by_label("Your answer"), "The school nurse is already involved.")
    audit.check("answered", activate(page, page.get_by_role("button", name="Send your answer")))
    assert "Your answer has been sent" in page.locator("main").inner_text()
    assert GapInService.objects.get(pk=gap.pk).state == "in_review"

    withdraw = page.get_by_role("button", name=f"Withdraw {gap.reference}")
    audit.check("withdraw confirmation", activate(page, withdraw))
    audit.check("withdrawn", activate(page, page.get_by_role("button", name="Yes, withdraw")))
    assert f"You have withdrawn {gap.reference}" in page.locator("main").inner_text()
    assert GapInService.objects.get(pk=gap.pk).state == "withdrawn"
    audit.assert_clean(tmp_path)
