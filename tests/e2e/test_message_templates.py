"""Message templates in a real browser: an EIDO adds a template for their district (refused
first for a placeholder that does not exist, with the message in the error summary and
beside the field), then opens "Ask the practitioner for information" on a case, picks the
template, edits it and sends it; the practitioner reads it on their status page. Picking
works with JavaScript (the text goes in place) and without (the page comes back with it).
Every page is checked with axe-core (WCAG 2.2 A and AA) and the Nu HTML Checker."""

import pytest
from django.urls import reverse

from pei_workflow import services
from pei_workflow.admin.urls import inspect_url, step_url
from pei_workflow.models import MessageTemplate, TransitionLog
from pei_workflow.tokens import issue_status_token
from tests.e2e.browser_checks import Audit
from tests.e2e.test_moderation_journey import (
    AdminAudit,
    follow,
    sign_in,
    submit_step,
    success_message,
    take_step,
)
from tests.factories import admin_eido, submitted_gap

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NAME = "Services already asked"
BODY = (
    "Thank you for sending {reference}. Which services in {district} have you already asked, "
    "and what did they say?"
)
UNKNOWN = (
    "{child} is not a placeholder you can use. You can use {reference}, {district} and "
    "{status_page}."
)
ADDED = " Tell us about the school holidays too."
QUESTION_LABEL = "Your question for the practitioner"


@pytest.fixture
def site_url(live_server):
    return live_server.url


def test_an_eido_asks_the_practitioner_from_a_template_they_edited(
    browser, page, site_url, tmp_path
):
    admin_eido("PEN", username="priya", first_name="Priya", last_name="Shah")
    officer = admin_eido("PEN", username="owen")
    gap = services.start_review(submission=submitted_gap("PEN"), actor=officer)
    ref = gap.reference
    audit = AdminAudit(page)
    sign_in(audit, site_url, "priya")

    # The templates screen: the county defaults, and a template of Pendle's own.
    audit.check("templates", follow(page, page.get_by_role("link", name="Message templates")))
    assert "A question about the need" in page.locator("main").inner_text()
    audit.check(
        "template: new", follow(page, page.get_by_role("link", name="Add message template"))
    )
    page.locator("#id_step").select_option(label="Ask the practitioner for information")
    page.locator("#id_name").fill(NAME)
    page.locator("#id_district").select_option(label="Pendle")
    page.locator("#id_body").fill("Dear {child}, " + BODY)
    audit.check_step_errors(
        "template: unknown placeholder",
        follow(page, page.get_by_role("button", name="Save")),
        [UNKNOWN],
    )
    assert UNKNOWN in page.locator("#panel-child-body-errors").inner_text()  # beside the field
    assert not MessageTemplate.objects.filter(name=NAME).exists()
    page.locator("#id_body").fill(BODY)
    audit.check("template: saved", follow(page, page.get_by_role("button", name="Save")))
    assert MessageTemplate.objects.get(name=NAME).district.code == "PEN"

    # The step: pick the template, the text goes in place, edit it and send it.
    audit.check("inspect", page.goto(site_url + inspect_url(gap)))
    audit.check("ask: form", take_step(page, "Ask the practitioner for information"))
    picker = page.get_by_label("Start from a template")
    options = picker.locator("option")
    names = [options.nth(n).inner_text().strip() for n in range(options.count())]
    assert names[0] == NAME  # Pendle's first, then the county defaults
    assert "A question about the need" in names[1:]
    picker.select_option(label=NAME)
    page.get_by_role("button", name="Use this template").click()  # in place: no new page
    box = page.get_by_label(QUESTION_LABEL)
    filled = (
        f"Thank you for sending {ref}. Which services in Pendle have you already asked, "
        "and what did they say?"
    )
    assert box.input_value() == filled
    assert page.evaluate("document.activeElement.id") == "id_message"
    assert NAME in page.locator(".pei-template-picker [role=status]").inner_text()
    box.fill(box.input_value() + ADDED)
    audit.check("inspect: asked", submit_step(page))
    assert success_message(page) == f"Information requested: {ref}."
    asked = TransitionLog.objects.get(object_id=gap.pk, transition="request_information")
    assert asked.comment == filled + ADDED

    # The practitioner reads the question on their status page.
    practitioner = browser.new_context().new_page()
    practitioner_audit = Audit(practitioner)
    status = site_url + reverse("pei_forms:status", args=[issue_status_token(gap)])
    practitioner_audit.check("practitioner: the question", practitioner.goto(status))
    assert filled + ADDED in practitioner.locator("main").inner_text()
    practitioner.context.close()

    # Without JavaScript, picking a template brings the form back with the text in it.
    other = services.start_review(submission=submitted_gap("PEN"), actor=officer)
    no_script = browser.new_context(java_script_enabled=False).new_page()
    no_script_audit = AdminAudit(no_script)
    sign_in(no_script_audit, site_url, "priya", prefix="no script: ")
    no_script_audit.check(
        "no script: ask",
        no_script.goto(site_url + step_url(other, "request_information")),
    )
    no_script.get_by_label("Start from a template").select_option(label="A question about the need")
    no_script_audit.check(
        "no script: template picked",
        follow(no_script, no_script.get_by_role("button", name="Use this template")),
    )
    county = MessageTemplate.objects.get(district=None, name="A question about the need")
    assert no_script.url.endswith(f"?template={county.pk}")
    assert other.reference in no_script.get_by_label(QUESTION_LABEL).input_value()
    no_script.context.close()

    audit.assert_clean(tmp_path, practitioner_audit, no_script_audit)
