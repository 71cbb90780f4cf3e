"""The practitioner reads the casework in their own words ("you", "I will attend") on the
forms, check your answers and the status page, though staff read the same choices in the
third person."""

import html

import pytest
from django.urls import reverse

from pei_workflow.choices import (
    PRACTITIONER_ATTENDEE_LABELS,
    PRACTITIONER_ROUTE_HINTS,
    PRACTITIONER_ROUTE_LABELS,
    GapRoute,
    PanelAttendee,
)
from pei_workflow.states import PRACTITIONER_STATE_LABELS, CafState, GapState
from pei_workflow.tokens import issue_status_token
from tests.factories import in_state, submitted_caf, submitted_gap
from tests.pei_forms.form_helpers import GAP_ANSWERS, fill_steps

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return html.unescape(response.content.decode())


def test_the_status_page_names_every_state_in_the_practitioners_words(client):
    """Each state of both forms reads on the status page as the practitioner's label, and
    where staff call it something else ("Waiting for the practitioner's answer"), the staff
    label is not shown."""
    differ = 0
    for make, states in ((submitted_gap, GapState), (submitted_caf, CafState)):
        submission = make("PEN")
        url = reverse("pei_forms:status", args=[issue_status_token(submission)])
        for state in states:
            in_state(submission, state.value)
            page = text(client.get(url))
            assert PRACTITIONER_STATE_LABELS[state.value] in page, state
            if state.label != PRACTITIONER_STATE_LABELS[state.value]:
                differ += 1
                assert state.label not in page, state
    assert differ, "no state is worded differently for staff: nothing was checked"
    gap = in_state(submitted_gap("PEN"), GapState.INFORMATION_REQUESTED)
    page = text(client.get(reverse("pei_forms:status", args=[issue_status_token(gap)])))
    assert "Waiting for more information from you" in page


def test_the_why_question_offers_the_routes_in_the_practitioners_words(client, gap_page):
    """Each of the six routes is offered as the practitioner's short option with the
    guidance's full wording as its hint; the staff's short names are not shown."""
    fill_steps(client, gap_page, GAP_ANSWERS, until="why")
    page = text(client.get(f"{gap_page.url}why/"))
    for route in GapRoute:
        assert PRACTITIONER_ROUTE_LABELS[route] in page, route
        assert PRACTITIONER_ROUTE_HINTS[route] in page, route
        assert route.label not in page, route


def test_the_panel_question_offers_who_will_attend_in_the_first_person(client, gap_page):
    """The practitioner answers "I will attend" or "A representative will attend for me";
    the panel's third-person wording is not on the form."""
    fill_steps(client, gap_page, GAP_ANSWERS, until="spot-purchase")
    page = text(client.get(f"{gap_page.url}spot-purchase/"))
    for attendee in PanelAttendee:
        assert PRACTITIONER_ATTENDEE_LABELS[attendee] in page, attendee
    assert "A representative of the Lead Professional" not in page


def test_check_your_answers_repeats_the_practitioners_own_words(client, gap_page):
    """Check your answers shows the route and who will attend as the practitioner chose
    them, not as staff will read them."""
    fill_steps(client, gap_page, GAP_ANSWERS)
    page = text(client.get(f"{gap_page.url}check-answers/"))
    assert PRACTITIONER_ROUTE_LABELS[GapRoute.CAF_NEEDS_UNKNOWN] in page
    assert PRACTITIONER_ATTENDEE_LABELS[PanelAttendee.LEAD_PROFESSIONAL] in page
    assert GapRoute.CAF_NEEDS_UNKNOWN.label not in page
