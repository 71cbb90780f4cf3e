"""The two form journeys in a real browser: a practitioner meets the anonymity check, fixes
their answer, checks their answers and sends the form. Every state of every page is checked
with axe-core (WCAG 2.2 A and AA) and the Nu HTML Checker; one journey runs without
JavaScript and one with the keyboard alone."""

import re
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from pei_workflow.anonymity import POSTCODE, SUGGESTIONS
from pei_workflow.models import CafEscalation, GapInService
from tests.e2e.browser_checks import SCRIPTING_ENABLED, Audit
from tests.e2e.keyboard import activate, choose, tick, type_into
from tests.email_queue import run_email_worker

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

POSTCODE_MESSAGE = (
    "The unmet need must not include a postcode. Remove it so that no child, young person or "
    f"family can be identified. {SUGGESTIONS[POSTCODE]}"
)


@pytest.fixture
def site_url(live_server):
    call_command("load_pei_content", stdout=StringIO())
    cache.clear()
    return live_server.url


def confirm_anonymity(audit, response):
    """The last step of both forms: refused when left empty, then confirmed."""
    return continue_with_nothing_then_answers(
        audit,
        "confirm",
        response,
        lambda page: page.get_by_label(
            "I confirm this form does not identify the child, young person or family"
        ).check(),
        ["Confirm that this form does not identify the child, young person or family"],
    )


def follow_the_emailed_link_and_withdraw(audit, site_url: str, reference: str) -> None:
    """Deliver the acknowledgement, open the status link in it, and withdraw."""
    run_email_worker()
    (email,) = [m for m in mail.outbox if reference in m.subject]
    link = re.search(r"https?://\S+/status/[A-Za-z0-9_-]+/", email.body).group()
    page = audit.page
    audit.check("status page", page.goto(site_url + urlsplit(link).path))
    assert reference in page.locator("main").inner_text()
    audit.check("withdraw confirmation", press(page, f"Withdraw {reference}"))
    audit.check("withdrawn", press(page, "Yes, withdraw"))
    assert f"You have withdrawn {reference}" in page.locator("main").inner_text()


def press(page, button_name: str):
    """Press a button or button-like link and return the response of the page it leads to."""
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name=button_name).click()
    return navigation.value


def continue_with_nothing_then_answers(audit, name, response, fill, messages):
    """Audit a step as it opened (`response`), press Continue with nothing entered and audit
    its errors, then answer and continue; return the response of the next step."""
    page = audit.page
    audit.check(f"{name}: empty", response)
    audit.check_errors(f"{name}: errors", press(page, "Continue"), messages)
    fill(page)
    return press(page, "Continue")


def test_a_practitioner_reports_a_gap_fixing_a_postcode_on_the_way(page, site_url, tmp_path):
    """The Gap form end to end: each step empty and with errors, the postcode refused and
    fixed, a spot purchase revealed, check answers, a change, and the confirmation with a
    GAP-PEN-<year>-NNNN reference; zero axe violations and Nu errors on every state."""
    audit = Audit(page)
    audit.check("start", page.goto(f"{site_url}/report-a-gap/"))
    response = press(page, "Start now")

    def district(page):
        page.get_by_label("Pendle").check()

    def about_you(page):
        page.get_by_label("Your name").fill("Sam Taylor")
        page.get_by_label("Your job title").fill("Learning mentor")
        page.get_by_label("Your organisation").fill("Example High School")
        page.get_by_label("Education").check()
        page.get_by_label("Email address").fill("sam.taylor@example.org")
        page.get_by_label("Telephone number").fill("01632 960 001")

    def why(page):
        page.get_by_label("A CAF is complete, but you do not know how to meet the needs").check()
        page.locator("#caf_in_place").check()
        page.locator("#tac_consulted").check()

    def who(page):
        page.get_by_label("A child or young person").check()
        page.get_by_label("11 to 15").check()
        page.get_by_label("How many children and young people are affected?").fill("1")
        page.get_by_label("How many families are affected?").fill("1")

    steps = [
        ("district", district, ["Select the district"]),
        (
            "about you",
            about_you,
            [
                "Enter your name",
                "Enter your job title",
                "Enter your organisation",
                "Select the workforce you work in",
                "Enter your email address",
                "Enter a telephone number",
            ],
        ),
        (
            "why",
            why,
            [
                "Select why you are using this form",
                "Select whether a CAF is in place",
                "Select whether you have talked to the Team Around the Child",
            ],
        ),
        (
            "who is affected",
            who,
            [
                "Select who is affected",
                "Select how old they are",
                "Enter the number of children and young people affected",
                "Enter the number of families affected",
            ],
        ),
    ]
    for name, fill, messages in steps:
        response = continue_with_nothing_then_answers(audit, name, response, fill, messages)

    # The need: a postcode in the unmet need is refused, and fixed.
    audit.check("the need: empty", response)
    audit.check_errors(
        "the need: errors",
        press(page, "Continue"),
        [
            "Enter the unmet need",
            "Enter what has been tried",
            "Select what stops the need being met",
        ],
    )
    page.get_by_label("What is the unmet need?").fill(
        "Bereavement counselling for a young person who lives at BB9 7LJ."
    )
    page.get_by_label("What has been tried?").fill("School pastoral support since March 2026.")
    page.get_by_label("Something else").check()
    assert page.get_by_label("Tell us more").is_visible()  # revealed progressively
    page.get_by_label("Tell us more").fill("The only service is an hour away by bus.")
    audit.check_errors("the need: postcode refused", press(page, "Continue"), [POSTCODE_MESSAGE])
    assert "BB9 7LJ" in page.get_by_label("What is the unmet need?").input_value()  # kept
    page.locator(".govuk-error-summary a").click()  # a link within the page: no navigation
    assert page.evaluate("document.activeElement.id") == "unmet_need"
    page.get_by_label("What is the unmet need?").fill(
        "Bereavement counselling for a young person in Year 9."
    )
    response = press(page, "Continue")

    # Spot purchase: Yes reveals the amount and what it buys.
    audit.check("spot purchase: empty", response)
    assert page.get_by_label("How much would it cost?").count() == 1
    assert not page.get_by_label("How much would it cost?").is_visible()
    page.get_by_label("Yes").check()
    assert page.get_by_label("How much would it cost?").is_visible()
    audit.check_errors(
        "spot purchase: errors",
        press(page, "Continue"),
        [
            "Enter how much it would cost",
            "Enter what it would buy",
            "Select who will attend the panel",
        ],
    )
    page.get_by_label("How much would it cost?").fill("250")
    page.get_by_label("What would it buy?").fill("Ten counselling sessions.")
    page.get_by_label("I will attend, as the Lead Professional").check()
    response = confirm_anonymity(audit, press(page, "Continue"))

    # Check answers, change one answer, come back.
    audit.check("check answers", response)
    main = page.locator("main").inner_text()
    assert "Bereavement counselling for a young person in Year 9." in main
    assert "£250" in main
    with page.expect_navigation() as navigation:
        page.get_by_role("link", name="Change the unmet need").click()
    audit.check("change the unmet need", navigation.value)
    page.get_by_label("What is the unmet need?").fill(
        "Bereavement counselling for a young person in Year 10."
    )
    response = press(page, "Save and return to check your answers")
    audit.check("check answers, changed", response)
    assert response.url.endswith("/report-a-gap/check-answers/")
    assert "Year 10." in page.locator("main").inner_text()

    audit.check("confirmation", press(page, "Send"))
    year = timezone.localdate().year
    reference = page.locator(".govuk-panel__body strong").inner_text()
    assert re.fullmatch(rf"GAP-PEN-{year}-\d{{4}}", reference)
    assert GapInService.objects.get().reference == reference

    follow_the_emailed_link_and_withdraw(audit, site_url, reference)
    assert GapInService.objects.get().state == "withdrawn"
    audit.assert_clean(tmp_path)


def test_a_practitioner_escalates_a_caf_problem_fixing_a_postcode_on_the_way(
    page, site_url, tmp_path
):
    """The CAF form end to end, with the same checks on every state."""
    audit = Audit(page)
    audit.check("start", page.goto(f"{site_url}/escalate-a-caf-problem/"))
    response = continue_with_nothing_then_answers(
        audit,
        "district",
        press(page, "Start now"),
        lambda page: page.get_by_label("Burnley").check(),
        ["Select the district"],
    )

    def about_you(page):
        page.get_by_label("Your name").fill("Alex Morgan")
        page.get_by_label("Your job title").fill("Health visitor")
        page.get_by_label("Your organisation").fill("Example Health Trust")
        page.get_by_label("Health", exact=True).check()
        page.get_by_label("Email address").fill("alex.morgan@example.org")
        page.get_by_label("Telephone number").fill("07700 900 982")

    response = continue_with_nothing_then_answers(
        audit,
        "about you",
        response,
        about_you,
        [
            "Enter your name",
            "Enter your job title",
            "Enter your organisation",
            "Select the workforce you work in",
            "Enter your email address",
            "Enter a telephone number",
        ],
    )

    audit.check("the problem: empty", response)
    audit.check_errors(
        "the problem: errors",
        press(page, "Continue"),
        [
            "Select what kind of problem it is",
            "Enter the agencies involved",
            "Enter the problem",
            "Enter what you have already done to resolve it",
            "Enter the outcome you want",
            "Select whether this could affect the whole county",
        ],
    )
    page.get_by_label("An agency is not engaging with the CAF or TAC").check()
    page.get_by_label("Which agencies are involved?").fill("Housing and a youth service.")
    page.get_by_label("What is the problem?").fill(
        "An agency has missed three meetings for the family at BB9 7LJ."
    )
    page.get_by_label("What have you already done to resolve it?").fill(
        "Emailed and phoned the service manager twice."
    )
    page.get_by_label("What outcome do you want?").fill("The agency attends the next meeting.")
    page.locator("#county_implications").check()
    audit.check_errors(
        "the problem: postcode refused",
        press(page, "Continue"),
        [
            "The problem must not include a postcode. Remove it so that no child, young person "
            f"or family can be identified. {SUGGESTIONS[POSTCODE]}"
        ],
    )
    page.get_by_label("What is the problem?").fill(
        "An agency has missed three Team Around the Child meetings."
    )
    response = confirm_anonymity(audit, press(page, "Continue"))
    audit.check("check answers", response)
    audit.check("confirmation", press(page, "Send"))
    year = timezone.localdate().year
    reference = page.locator(".govuk-panel__body strong").inner_text()
    assert re.fullmatch(rf"CAF-BUR-{year}-\d{{4}}", reference)
    assert CafEscalation.objects.get().reference == reference

    follow_the_emailed_link_and_withdraw(audit, site_url, reference)
    assert CafEscalation.objects.get().state == "withdrawn"
    audit.assert_clean(tmp_path)


def test_the_gap_form_works_without_javascript(browser, site_url, tmp_path):
    """With JavaScript off, conditional questions are shown under their option, errors still
    get a summary, and the form is sent; every page on the way is accessible and valid HTML
    as a reader without JavaScript gets it."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        audit = Audit(page)
        response = page.goto(f"{site_url}/report-a-gap/district/")
        assert not page.evaluate(SCRIPTING_ENABLED)  # the pages' own scripts do not run
        answers = {
            "district": lambda: page.get_by_label("Pendle").check(),
            "about you": lambda: (
                page.get_by_label("Your name").fill("Sam Taylor"),
                page.get_by_label("Your job title").fill("Learning mentor"),
                page.get_by_label("Your organisation").fill("Example High School"),
                page.get_by_label("Education").check(),
                page.get_by_label("Email address").fill("sam.taylor@example.org"),
                page.get_by_label("Telephone number").fill("01632 960 001"),
            ),
            "why": lambda: (
                page.locator("#route").check(),
                page.locator("#caf_in_place").check(),
                page.locator("#tac_consulted").check(),
            ),
            "who is affected": lambda: (
                page.locator("#affected_group").check(),
                page.locator("#age_band").check(),
                page.locator("#children_affected").fill("2"),
                page.locator("#families_affected").fill("1"),
            ),
        }
        for name, fill in answers.items():
            audit.check(name, response)
            fill()
            response = press(page, "Continue")

        # The need: "Tell us more" is on the page, and usable, before "Something else" is.
        audit.check("the need", response)
        assert page.get_by_label("Tell us more").is_visible()
        page.get_by_label("What is the unmet need?").fill("A youth club in the evenings.")
        page.get_by_label("What has been tried?").fill("Asked the council's youth service.")
        page.get_by_label("Something else").check()
        response = press(page, "Continue")
        audit.check("the need: errors", response)
        assert page.title().startswith("Error: ")
        assert page.locator(".govuk-error-summary").is_visible()
        assert "Tell us more about what stops the need being met" in response.text()
        page.get_by_label("Tell us more").fill("There is no bus after 6pm.")

        audit.check("spot purchase", press(page, "Continue"))
        assert page.get_by_label("How much would it cost?").is_visible()
        page.get_by_label("Yes").check()
        page.get_by_label("How much would it cost?").fill("120.50")
        page.get_by_label("What would it buy?").fill("Bus passes for a term.")
        page.get_by_label("A representative will attend for me").check()
        audit.check("confirm", press(page, "Continue"))
        page.get_by_label(
            "I confirm this form does not identify the child, young person or family"
        ).check()
        audit.check("check answers", press(page, "Continue"))
        audit.check("confirmation", press(page, "Send"))
        assert page.locator(".govuk-panel__title").inner_text() == "Form sent"
        gap = GapInService.objects.get()
        assert str(gap.spot_purchase_amount) == "120.50"
        assert gap.barrier_detail == "There is no bus after 6pm."
        audit.assert_clean(tmp_path)
    finally:
        context.close()


def test_the_caf_form_can_be_sent_with_the_keyboard_alone(page, site_url, tmp_path):
    """Every control is reached with Tab (or Shift+Tab), radios with the arrow keys, boxes
    ticked with Space, buttons and links pressed with Enter, and the error summary's link
    takes focus to the field; the form is sent without a mouse, and every page on the way is
    accessible and valid HTML."""
    audit = Audit(page)
    audit.check("start", page.goto(f"{site_url}/escalate-a-caf-problem/"))
    audit.check("district", activate(page, "a.govuk-button--start"))

    choose(page, "district", "BUR")
    audit.check("about you", activate(page, "main button.govuk-button"))

    type_into(page, "#practitioner_name", "Alex Morgan")
    type_into(page, "#job_title", "Health visitor")
    type_into(page, "#organisation", "Example Health Trust")
    choose(page, "workforce", "health")
    type_into(page, "#email", "alex.morgan@example.org")
    type_into(page, "#phone", "07700 900 982")
    audit.check("the problem", activate(page, "main button.govuk-button"))

    choose(page, "escalation_type", "service_delay")
    type_into(page, "#agencies_involved", "A speech and language service.")
    type_into(page, "#issue", "The family at BB9 7LJ has waited a year.")
    type_into(page, "#steps_taken", "Wrote to the service manager.")
    type_into(page, "#outcome_sought", "A date for the assessment.")
    choose(page, "county_implications", "unsure")
    audit.check_errors(
        "the problem: postcode refused",
        activate(page, "main button.govuk-button"),
        [
            "The problem must not include a postcode. Remove it so that no child, young person "
            f"or family can be identified. {SUGGESTIONS[POSTCODE]}"
        ],
    )

    # The error summary has focus; its link moves focus to the field.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.govuk-error-summary') !== null")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#issue"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "issue"
    page.keyboard.press("Control+A")
    page.keyboard.type("The family has waited a year for an assessment.")
    audit.check("confirm", activate(page, "main button.govuk-button"))

    tick(page, "#confirmed_anonymous")
    audit.check("check answers", activate(page, "main button.govuk-button"))
    assert "Check your answers" in page.locator("h1").inner_text()
    audit.check("confirmation", activate(page, "main button.govuk-button"))
    assert page.locator(".govuk-panel__title").inner_text() == "Form sent"
    caf = CafEscalation.objects.get()
    assert caf.escalation_type == "service_delay"
    assert caf.issue == "The family has waited a year for an assessment."
    audit.assert_clean(tmp_path)
