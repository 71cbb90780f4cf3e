"""The "Waiting for you" panel on the admin home: what waits for the signed-in EIDO, in a
fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pei_workflow import services
from pei_workflow.admin.casework.dashboard import WaitingForYouPanel
from tests.factories import (
    EditorFactory,
    admin_county_lead,
    admin_eido,
    in_state,
    meeting,
    submitted_caf,
    submitted_gap,
)

pytestmark = pytest.mark.django_db

HOME = "/admin/"


def panel_html(user) -> str:
    return WaitingForYouPanel(user).render_html({})


def part(html: str, heading: str) -> str:
    """One list of the panel: from its heading to the next."""
    start = html.index(f"<h3>{heading}")
    end = html.find("<h3>", start + 1)
    return html[start : end if end != -1 else None]


def test_it_lists_what_was_received_in_the_eidos_districts_only():
    """Submitted gaps and CAF escalations of Pendle are listed; Burnley's are not."""
    officer = admin_eido("PEN")
    gap, caf = submitted_gap("PEN"), submitted_caf("PEN")
    burnley = submitted_gap("BUR")
    reviewed = services.start_review(submission=submitted_gap("PEN"), actor=officer)
    html = part(panel_html(officer), "Received, not yet reviewed")
    assert "Received, not yet reviewed (2)" in html
    assert gap.reference in html
    assert caf.reference in html
    assert burnley.reference not in html
    assert reviewed.reference not in html


def test_it_lists_cases_whose_practitioner_has_just_answered():
    """A case back in review after the practitioner's answer is listed; one the EIDO has
    acted on since is not."""
    officer = admin_eido("PEN")
    answered = services.start_review(submission=submitted_gap("PEN"), actor=officer)
    answered = services.request_information(submission=answered, actor=officer, message="Age?")
    answered = services.provide_information(submission=answered, answer="Fourteen.")
    still_asking = services.start_review(submission=submitted_caf("PEN"), actor=officer)
    still_asking = services.request_information(
        submission=still_asking, actor=officer, message="Which agency?"
    )
    html = part(panel_html(officer), "Information provided")
    assert "Information provided (1)" in html
    assert answered.reference in html
    assert still_asking.reference not in html

    services.correct_answers(
        submission=answered, actor=officer, changes={"job_title": "Mentor"}, reason="Typo"
    )
    assert answered.reference not in part(panel_html(officer), "Information provided")


def test_it_lists_the_next_meeting_of_each_kind_with_its_items():
    """The next Resource Panel and Sub Group meetings of the EIDO's districts, with the number
    of items on each agenda; later, past and other districts' meetings are left out."""
    officer = admin_eido("PEN")
    panel = meeting("PEN", days_ahead=7)
    sub_group = meeting("PEN", kind="sub_group", days_ahead=10)
    later = meeting("PEN", days_ahead=40)
    past = meeting("PEN", days_ahead=-3)
    burnley = meeting("BUR", days_ahead=5)
    for _ in range(2):
        in_state(submitted_gap("PEN"), "on_panel_agenda", meeting=panel)
    in_state(submitted_gap("PEN"), "action_agreed", meeting=panel)  # heard, not on the agenda
    in_state(submitted_caf("PEN"), "on_sub_group_agenda", meeting=sub_group)
    html = panel_html(officer)
    assert "Pendle Resource Panel" in html
    assert f'href="{reverse("pei_workflow_agenda", args=[panel.pk])}"' in html
    assert "2 items on the agenda" in html
    assert f'href="{reverse("pei_workflow_agenda", args=[sub_group.pk])}"' in html
    assert "1 item on the agenda" in html
    for left_out in (later, past, burnley):
        assert reverse("pei_workflow_agenda", args=[left_out.pk]) not in html


def test_a_county_lead_sees_every_districts_meetings():
    """County leads see the next meetings of every district."""
    meeting("PEN")
    meeting("BUR")
    html = panel_html(admin_county_lead())
    assert "Pendle Resource Panel" in html
    assert "Burnley Resource Panel" in html


def test_the_panel_is_on_the_admin_home_of_eidos_and_not_of_editors(client):
    """Only people who work on casework get the panel."""
    client.force_login(admin_eido("PEN"))
    assert "Waiting for you" in client.get(HOME).content.decode()
    client.force_login(EditorFactory())
    assert "Waiting for you" not in client.get(HOME).content.decode()


def queries_for(user) -> int:
    with CaptureQueriesContext(connection) as captured:
        panel_html(user)
    return len(captured)


def add_work(officer, n):
    """n more received cases, n answered ones, and n more items on the next agenda."""
    panel = meeting("PEN", days_ahead=7)
    for _ in range(n):
        submitted_gap("PEN")
        submitted_caf("PEN")
        answered = services.start_review(submission=submitted_gap("PEN"), actor=officer)
        answered = services.request_information(submission=answered, actor=officer, message="?")
        services.provide_information(submission=answered, answer="Yes.")
        in_state(submitted_gap("PEN"), "on_panel_agenda", meeting=panel)
    meeting("PEN", kind="sub_group", days_ahead=9)


def test_the_panels_queries_do_not_grow_with_the_number_of_submissions(client):
    """Ten times the work costs the same number of queries, on the panel and the home page."""
    officer = admin_eido("PEN")
    add_work(officer, 1)
    queries_for(officer)  # warm the content type cache, as any earlier request would
    few = queries_for(officer)
    client.force_login(officer)
    with CaptureQueriesContext(connection) as home_few:
        client.get(HOME)

    add_work(officer, 9)
    assert queries_for(officer) == few
    with CaptureQueriesContext(connection) as home_many:
        assert client.get(HOME).status_code == 200
    assert len(home_many) == len(home_few)
