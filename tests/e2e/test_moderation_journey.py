"""An EIDO moderates a Gap in Service from start to end in a real browser, entirely through the
admin screens: review, an information request the practitioner answers on their status page,
a Resource Panel meeting and its agenda, a spot purchase (refused over the panel maximum, then
agreed), the Sub Group, the Trust Board (a county lead's step) and closure. The review history
then tells the whole story, and every page on the way (Wagtail's sign-in page and dashboard,
the practitioner's status page and the county lead's screens included) is checked with
axe-core (WCAG 2.2 A and AA) and the Nu HTML Checker."""

import datetime
import re
from decimal import Decimal
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from pei_forms.services import send_gap_in_service
from pei_workflow.labels import state_label
from pei_workflow.models import (
    GapInService,
    Meeting,
    SpotPurchase,
    TransitionLog,
    financial_year_label,
    financial_year_of,
)
from tests.e2e.browser_checks import Audit
from tests.email_queue import run_email_worker
from tests.factories import admin_county_lead, admin_eido, budget, gap_answers

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "correct-horse-battery-staple"  # UserFactory's
EIDO_NAME = "Priya Shah"
COUNTY_LEAD_NAME = "Colin Hart"
PRACTITIONER = "The practitioner"
QUESTION = "Which services have you already asked about bereavement support?"
ANSWER = "We asked the local hospice and the school nurse; neither has a place until spring."
PURCHASE_FOR = "Ten sessions of bereavement counselling."
# The staff wording of "information requested" (the practitioner reads it another way).
WAITING = state_label(GapInService, "information_requested")
OVER_MAXIMUM = (
    "The most the Pendle Resource Panel can agree for one case is £500.00. Enter £500.00 or less."
)

# Wagtail fades its messages in with CSS transitions; axe would measure the contrast of the
# colours half-way through (white on a half-drawn green fails). Transitions are short, so wait
# for them; Wagtail's long decorative animations (a pulsing sidebar badge) are left running.
FINISH_TRANSITIONS = """() => Promise.all(
    document.getAnimations()
        .filter(animation => animation instanceof CSSTransition)
        .map(animation => animation.finished.catch(() => null))
)"""


@pytest.fixture
def site_url(live_server):
    call_command("load_pei_content", stdout=StringIO())
    cache.clear()
    return live_server.url


class AdminAudit(Audit):
    """The shared checks (axe-core on the whole page, the Nu HTML Checker), once the page's
    transitions have ended; and, for a step form with errors, the admin's error summary."""

    def check(self, name: str, response, status: int = 200) -> None:
        self.page.evaluate(FINISH_TRANSITIONS)
        super().check(name, response, status)

    def check_step_errors(self, name: str, response, messages: list[str]) -> None:
        """A step form with errors: "Error: " in the title, the summary focused and listing
        the messages, each linking to a field on the page."""
        assert messages, name
        self.check(name, response)
        page = self.page
        assert page.title().startswith("Error: "), name
        # The summary takes the focus through `autofocus`, which Chromium applies at its next
        # rendering step, not necessarily before the load event.
        page.wait_for_function(
            "document.activeElement.classList.contains('pei-error-summary')", timeout=5000
        )
        summary = page.locator(".pei-error-summary")
        assert summary.get_by_role("heading").inner_text() == "There is a problem", name
        links = summary.locator("a")
        assert [links.nth(n).inner_text() for n in range(links.count())] == messages, name
        for n in range(links.count()):
            target = links.nth(n).get_attribute("href")
            assert page.locator(target).count() == 1, (name, target)


def follow(page, locator):
    """Click a link or button and return the response of the page it leads to."""
    with page.expect_navigation() as navigation:
        locator.click()
    return navigation.value


def sign_in(audit, site_url: str, username: str, prefix: str = "") -> None:
    """Sign in on Wagtail's sign-in page; both it and the dashboard after it are audited."""
    page = audit.page
    audit.check(f"{prefix}sign in", page.goto(f"{site_url}/admin/login/"))
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    audit.check(f"{prefix}dashboard", follow(page, page.get_by_role("button", name="Sign in")))
    assert urlsplit(page.url).path == reverse("wagtailadmin_home")


def take_step(page, step_label: str):
    """Open a step offered under "What you can do now"; return its form's response."""
    return follow(page, offered(page, step_label))


def offered(page, step_label: str):
    return page.locator("section.pei-steps").get_by_role("link", name=step_label, exact=True)


def steps_offered(page) -> list[str]:
    """The names of the steps under "What you can do now" on an inspect page."""
    assert page.locator("#summary-heading").count() == 1, "not an inspect page"
    links = page.locator("section.pei-steps a")
    return [links.nth(n).inner_text().strip() for n in range(links.count())]


def submit_step(page):
    return follow(page, page.locator(".pei-step-form button[type=submit]"))


def success_message(page) -> str:
    return page.locator(".messages .success").inner_text().strip()


def shown_state(page) -> str:
    """The state in the inspect page's summary."""
    summary = page.locator("section[aria-labelledby=summary-heading]")
    row = summary.locator(
        ".pei-answers__row", has=page.locator("dt", has_text=re.compile("^State$"))
    )
    return row.locator("dd").inner_text()


def state_of(gap) -> str:
    return GapInService.objects.values_list("state", flat=True).get(pk=gap.pk)


def budget_figures(page) -> dict[str, str]:
    figures = page.locator(".pei-budget > div")
    return {
        figures.nth(n).locator("dt").inner_text(): figures.nth(n).locator("dd").inner_text()
        for n in range(figures.count())
    }


def review_history(page) -> list[tuple[str, str, str]]:
    """Each review history entry's title, who took the step and its states, oldest first."""
    entries = page.locator(".pei-review-history .pei-timeline__entry")
    return [
        (
            entries.nth(n).locator(".pei-timeline__title").inner_text(),
            # "Priya Shah, 25 November 2026, 13:40": the name, without the date and time.
            entries.nth(n).locator(".pei-timeline__meta").inner_text().rsplit(", ", 2)[0],
            entries.nth(n).locator(".pei-timeline__states").inner_text(),
        )
        for n in range(entries.count())
    ]


def moved(from_label: str, to_label: str) -> str:
    return f"From “{from_label}” to “{to_label}”"


def test_an_eido_takes_a_gap_from_submitted_to_closed_entirely_through_the_admin(
    browser, page, site_url, tmp_path
):
    """Review, question and answer, a meeting and its agenda, a spot purchase refused over
    the £500 panel maximum and then agreed from the agenda, the Sub Group, the Trust Board
    (a county lead's step) and closure, all through the screens: each step says it worked and
    shows the new state, the review history shows every step in order with who took it,
    exactly one £500 spot purchase is spent, and every page is accessible and valid HTML."""
    eido = admin_eido("PEN", username="priya", first_name="Priya", last_name="Shah")
    admin_county_lead(username="colin", first_name="Colin", last_name="Hart")
    meeting_date = timezone.localdate() + datetime.timedelta(days=7)
    # The budget that pays is the one for the financial year of the meeting that decides.
    year = financial_year_of(meeting_date)
    budget("PEN", "900.00", year=year)
    gap = send_gap_in_service(answers=gap_answers("PEN"))
    ref = gap.reference
    run_email_worker()
    (acknowledgement,) = [m for m in mail.outbox if ref in m.subject and m.to == [gap.email]]
    status_link = re.search(r"https?://\S+/status/\S+/", acknowledgement.body).group()
    status_url = site_url + urlsplit(status_link).path

    audit = AdminAudit(page)
    sign_in(audit, site_url, "priya")

    # From the Casework menu to the gap.
    page.get_by_role("button", name="Casework").click()  # opens the menu: no new page
    audit.check("casework list", follow(page, page.get_by_role("link", name="Gaps in service")))
    row = page.locator("tbody tr", has_text=ref)
    audit.check("inspect: received", follow(page, row.get_by_role("link", name="Inspect")))
    inspect_url = page.url
    assert shown_state(page) == "Received"

    audit.check("start review: form", take_step(page, "Start review"))
    audit.check("inspect: review started", submit_step(page))
    assert success_message(page) == f"Review started: {ref}."
    assert shown_state(page) == "Being reviewed"

    # A question for the practitioner: required, then sent.
    audit.check("ask: form", take_step(page, "Ask the practitioner for information"))
    audit.check_step_errors(
        "ask: no question", submit_step(page), ["Enter the question for the practitioner."]
    )
    page.get_by_label("Your question for the practitioner").fill(QUESTION)
    audit.check("inspect: information requested", submit_step(page))
    assert success_message(page) == f"Information requested: {ref}."
    assert shown_state(page) == WAITING
    assert "Add to a meeting agenda" not in steps_offered(page)
    run_email_worker()
    (asked,) = [m for m in mail.outbox if m.subject == f"We need more information about {ref}"]
    assert asked.to == [gap.email]

    # The practitioner answers on their status page, with the link from their first email.
    practitioner = browser.new_context().new_page()
    practitioner_audit = Audit(practitioner)
    practitioner_audit.check("practitioner: question", practitioner.goto(status_url))
    assert QUESTION in practitioner.locator("main").inner_text()
    practitioner.get_by_label("Your answer").fill(ANSWER)
    practitioner_audit.check(
        "practitioner: answered",
        follow(practitioner, practitioner.get_by_role("button", name="Send your answer")),
    )
    assert "Your answer has been sent" in practitioner.locator("main").inner_text()
    practitioner.context.close()

    audit.check("inspect: answered", page.goto(inspect_url))
    assert shown_state(page) == "Being reviewed"
    assert ANSWER in page.locator(".pei-review-history").inner_text()

    # No meeting yet: the agenda step says so and links to the meeting form.
    audit.check("add to agenda: no meeting", take_step(page, "Add to a meeting agenda"))
    agenda_step_url = page.url
    assert (
        "There is no coming Resource Panel meeting of Pendle"
        in page.locator(".pei-notice").inner_text()
    )
    audit.check("meeting: create", follow(page, page.get_by_role("link", name="Create a meeting")))
    # Wagtail's panels label their sections too, so the fields are found by their ids.
    page.locator("#id_district").select_option(label="Pendle")
    page.locator("#id_kind").select_option(label="Resource Panel")
    page.locator("#id_date").fill(meeting_date.isoformat())
    page.locator("#id_location").fill("Nelson Town Hall")
    audit.check("meeting: created", follow(page, page.get_by_role("button", name="Save")))
    assert "created" in success_message(page)
    meeting = Meeting.objects.get()
    assert (meeting.district.code, meeting.kind, meeting.date) == (
        "PEN",
        "resource_panel",
        meeting_date,
    )

    audit.check("add to agenda: form", page.goto(agenda_step_url))
    page.get_by_label("Resource Panel meeting").select_option(
        label=f"Resource Panel, {meeting_date:%A %-d %B %Y}, Nelson Town Hall"
    )
    audit.check("inspect: on the agenda", submit_step(page))
    assert success_message(page) == f"Added to a meeting agenda: {ref}."
    assert shown_state(page) == "On the Resource Panel agenda"
    # The agenda, and the panel's decision recorded from it.
    agenda_path = reverse("pei_workflow_agenda", args=[meeting.pk])
    meeting_section = page.locator("section[aria-labelledby=meeting-heading]")
    audit.check("agenda", follow(page, meeting_section.get_by_role("link", name=str(meeting))))
    assert urlsplit(page.url).path == agenda_path
    item = page.locator("article.pei-agenda-item", has_text=ref)
    assert "1 item, 1 waiting for a decision." in page.locator("main").inner_text()
    audit.check(
        "panel decision: form",
        follow(page, item.get_by_role("link", name=f"Record decision for {ref}")),
    )
    untouched_budget = {
        "Most for one case": "£500.00",
        f"Budget for {financial_year_label(year)}": "£900.00",
        "Spent to date": "£0.00",
        "Left": "£900.00",
    }
    assert budget_figures(page) == untouched_budget
    page.get_by_label("Spot purchase", exact=True).check()
    page.get_by_label("Amount agreed, in pounds").fill("600")
    page.get_by_label("What it buys").fill(PURCHASE_FOR)
    logs_before = TransitionLog.objects.count()
    audit.check_step_errors("panel decision: over the maximum", submit_step(page), [OVER_MAXIMUM])
    assert page.get_by_label("Amount agreed, in pounds").input_value() == "600"
    assert page.get_by_label("What it buys").input_value() == PURCHASE_FOR
    assert budget_figures(page) == untouched_budget
    assert state_of(gap) == "on_panel_agenda"
    assert not SpotPurchase.objects.exists()
    assert TransitionLog.objects.count() == logs_before

    page.get_by_label("Amount agreed, in pounds").fill("500")
    audit.check("agenda: decided", submit_step(page))
    assert urlsplit(page.url).path == agenda_path  # back to the agenda it came from
    assert success_message(page) == f"Resource Panel decision recorded: {ref}."
    decided = page.locator("article.pei-agenda-item", has_text=ref)
    assert "£500.00" in decided.inner_text()
    assert PURCHASE_FOR in decided.inner_text()
    assert not decided.get_by_role("link", name=f"Record decision for {ref}").count()

    audit.check("inspect: panel decided", page.goto(inspect_url))
    assert shown_state(page) == "Action agreed"
    assert "£500.00 for " + PURCHASE_FOR in page.locator("main").inner_text()

    audit.check("pass to the Sub Group: form", take_step(page, "Pass to the Sub Group"))
    page.get_by_label("Why does it need the Sub Group?").fill(
        "Ten sessions will not be enough; the need is wider than one case."
    )
    audit.check("inspect: passed to the Sub Group", submit_step(page))
    assert success_message(page) == f"Passed to the Sub Group: {ref}."
    assert shown_state(page) == "Passed to the Sub Group"

    audit.check("Sub Group decision: form", take_step(page, "Record the Sub Group decision"))
    page.get_by_label("Staff time agreed").check()
    page.get_by_label("What was agreed, in a few words").fill(
        "The school nurse team gives two hours a week until March."
    )
    audit.check("inspect: Sub Group decided", submit_step(page))
    assert success_message(page) == f"Sub Group decision recorded: {ref}."
    assert shown_state(page) == "Action agreed"
    steps = steps_offered(page)
    assert "Pass to the Sub Group" in steps
    assert "Pass to the Trust Board" not in steps

    # The Trust Board hears only what the Sub Group passes on ("Pass to the Trust Board" starts
    # from "Passed to the Sub Group"), so the case goes back to the Sub Group first.
    audit.check("pass to the Sub Group again: form", take_step(page, "Pass to the Sub Group"))
    page.get_by_label("Why does it need the Sub Group?").fill(
        "Staff time has run out and other schools report the same gap."
    )
    audit.check("inspect: passed to the Sub Group again", submit_step(page))
    assert success_message(page) == f"Passed to the Sub Group: {ref}."
    audit.check("pass to the Trust Board: form", take_step(page, "Pass to the Trust Board"))
    page.get_by_label("Why does it need the Trust Board?").fill(
        "No bereavement service covers Pendle; it needs county commissioning."
    )
    audit.check("inspect: passed to the Trust Board", submit_step(page))
    assert success_message(page) == f"Passed to the Trust Board: {ref}."
    assert shown_state(page) == "Passed to the Trust Board"
    # Recording the Trust Board's decision is a county lead's step, not the EIDO's.
    assert "Record the Trust Board decision" not in steps_offered(page)

    county = browser.new_context().new_page()
    county_audit = AdminAudit(county)
    sign_in(county_audit, site_url, "colin", prefix="county lead: ")
    county_audit.check("county lead: inspect", county.goto(inspect_url))
    county_audit.check(
        "county lead: Trust Board decision form",
        take_step(county, "Record the Trust Board decision"),
    )
    county.get_by_label("What did the Trust Board agree?").fill(
        "The county will commission a bereavement service for East Lancashire."
    )
    county_audit.check("county lead: Trust Board decided", submit_step(county))
    assert success_message(county) == f"Trust Board decision recorded: {ref}."
    assert shown_state(county) == "Action agreed"
    county.context.close()

    audit.check("inspect: Trust Board decided", page.goto(inspect_url))
    assert shown_state(page) == "Action agreed"
    audit.check("close: form", take_step(page, "Close the case"))
    audit.check_step_errors(
        "close: nothing entered",
        submit_step(page),
        [
            "Select whether the need was met, partly met or not met.",
            "Enter the number of children and young people benefiting, as a whole number. "
            "Enter 0 if none.",
            "Enter the number of families benefiting, as a whole number. Enter 0 if none.",
            "Select whether a CAF is in place.",
        ],
    )
    page.get_by_label("Need met", exact=True).check()
    page.get_by_label("Children and young people benefiting").fill("1")
    page.get_by_label("Families benefiting").fill("1")
    page.get_by_label("Yes", exact=True).check()
    page.get_by_label("Notes (optional)").fill("Counselling finished; the young person is settled.")
    audit.check("inspect: closed", submit_step(page))
    assert success_message(page) == f"Closed: {ref}."
    assert shown_state(page) == "Closed"
    assert "Close the case" not in steps_offered(page)

    agreed = "Action agreed"
    sub_group = "Passed to the Sub Group"
    assert review_history(page) == [
        ("Sent by the practitioner", PRACTITIONER, moved("Not yet sent", "Received")),
        ("Review started", EIDO_NAME, moved("Received", "Being reviewed")),
        (
            "Information requested",
            EIDO_NAME,
            moved("Being reviewed", WAITING),
        ),
        (
            "Information provided",
            PRACTITIONER,
            moved(WAITING, "Being reviewed"),
        ),
        (
            "Added to a meeting agenda",
            EIDO_NAME,
            moved("Being reviewed", "On the Resource Panel agenda"),
        ),
        (
            "Resource Panel decision recorded",
            EIDO_NAME,
            moved("On the Resource Panel agenda", agreed),
        ),
        ("Passed to the Sub Group", EIDO_NAME, moved(agreed, sub_group)),
        ("Sub Group decision recorded", EIDO_NAME, moved(sub_group, agreed)),
        ("Passed to the Sub Group", EIDO_NAME, moved(agreed, sub_group)),
        ("Passed to the Trust Board", EIDO_NAME, moved(sub_group, "Passed to the Trust Board")),
        (
            "Trust Board decision recorded",
            COUNTY_LEAD_NAME,
            moved("Passed to the Trust Board", agreed),
        ),
        ("Closed", EIDO_NAME, moved(agreed, "Closed")),
    ]
    history = page.locator(".pei-review-history").inner_text()
    for detail in (QUESTION, ANSWER, str(meeting), "£500.00", PURCHASE_FOR, "Need met"):
        assert detail in history, detail
    workflow = page.locator("section.pei-workflow")
    assert workflow.locator("svg").count() == 1
    assert "It is now “Closed”" in workflow.locator("figcaption").inner_text()

    assert state_of(gap) == "closed"
    (purchase,) = SpotPurchase.objects.all()
    assert (purchase.gap_id, purchase.amount, purchase.purchase_for, purchase.agreed_by) == (
        gap.pk,
        Decimal("500.00"),
        PURCHASE_FOR,
        eido,
    )

    audit.assert_clean(tmp_path, county_audit, practitioner_audit)
