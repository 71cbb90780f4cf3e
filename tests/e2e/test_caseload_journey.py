"""An EIDO runs their caseload in a real browser: the admin home shows a case overdue (in
words and with an icon) and not yet assigned; the EIDO finds it on the list filtered to
overdue cases, assigns it to themselves, writes a note, asks the practitioner a question
from a message template, and the case leaves "overdue" on the list and the home page. Every
screen on the way is checked with axe-core (WCAG 2.2 A and AA) and the Nu HTML Checker."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from pei_workflow import services
from pei_workflow.admin import urls
from pei_workflow.models import GapInService, TransitionLog
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

NOTE = "Phoned the practitioner: the school has asked the hospice twice."
TEMPLATE = "A question about the need"
LIST = "/admin/pei_workflow/gapinservice/"


@pytest.fixture
def site_url(live_server):
    return live_server.url


def overdue_case(officer):
    """A gap whose review began four weeks ago and has waited since: past its ten working
    days."""
    with time_machine.travel(timezone.now() - datetime.timedelta(days=28), tick=False):
        return services.start_review(submission=submitted_gap("PEN"), actor=officer)


def test_an_eido_takes_an_overdue_case_writes_a_note_and_answers_it_from_a_template(
    page, site_url, tmp_path
):
    officer = admin_eido("PEN", username="priya", first_name="Priya", last_name="Shah")
    gap = overdue_case(officer)
    ref = gap.reference
    assert gap.due_on < timezone.localdate()
    audit = AdminAudit(page)
    sign_in(audit, site_url, "priya")

    # The admin home: overdue, and nobody has it.
    panel = page.locator(".pei-dashboard")
    overdue = panel.locator("h3", has_text="Overdue").locator("xpath=following-sibling::ul[1]")
    assert ref in overdue.inner_text() and "Overdue" in overdue.inner_text()
    assert overdue.locator("svg.icon-warning").count() >= 1
    unassigned = panel.locator("h3", has_text="Not yet assigned").locator(
        "xpath=following-sibling::ul[1]"
    )
    assert ref in unassigned.inner_text()

    # The list, filtered to overdue cases.
    audit.check("list: overdue", page.goto(f"{site_url}{LIST}?due=overdue"))
    row = page.locator("tbody tr", has_text=ref)
    assert "Overdue" in row.inner_text()

    # Assign it to themselves from its page.
    audit.check("inspect", follow(page, row.get_by_role("link", name=ref).first))
    assert "Not assigned to anyone yet." in page.locator("main").inner_text()
    audit.check("inspect: assigned", follow(page, page.get_by_role("button", name="Assign to me")))
    assert success_message(page) == f"Assigned to Priya Shah: {ref}."
    assert "Assigned to Priya Shah." in page.locator("main").inner_text()

    # A note, refused first for naming a child.
    audit.check("note: form", follow(page, page.get_by_role("link", name="Add a note")))
    page.get_by_label("Note").fill("Spoke to Jayden Smith's teacher.")
    audit.check_step_errors(
        "note: refused",
        follow(page, page.get_by_role("button", name="Add the note")),
        [page.locator(".pei-error-summary a").first.inner_text()],
    )
    assert TransitionLog.objects.filter(object_id=gap.pk, transition="add_note").count() == 0
    page.get_by_label("Note").fill(NOTE)
    audit.check("inspect: noted", follow(page, page.get_by_role("button", name="Add the note")))
    assert success_message(page) == f"Note added: {ref}."
    assert NOTE in page.locator("main").inner_text()

    # The step, from a template: the text goes in place, the EIDO edits it and sends it.
    audit.check("ask: form", take_step(page, "Ask the practitioner for information"))
    page.get_by_label("Start from a template").select_option(label=TEMPLATE)
    page.get_by_role("button", name="Use this template").click()
    box = page.get_by_label("Your question for the practitioner")
    assert ref in box.input_value()
    box.fill(box.input_value() + " Has the family been offered anything in the holidays?")
    audit.check("inspect: asked", submit_step(page))
    assert success_message(page) == f"Information requested: {ref}."

    # No longer overdue: not on the filtered list, and not on the home page.
    gap = GapInService.objects.get(pk=gap.pk)
    assert gap.state == "information_requested" and gap.due_on > timezone.localdate()
    audit.check("list: overdue after", page.goto(f"{site_url}{LIST}?due=overdue"))
    assert ref not in page.locator("main").inner_text()
    audit.check("home after", page.goto(f"{site_url}{urls.admin_home_url()}"))
    assert "My cases (1)" in panel.inner_text()
    overdue_part = panel.inner_text().split("Overdue (")[1].split("Due soon")[0]
    assert ref not in overdue_part

    audit.assert_clean(tmp_path)
