"""The review history has one selector (`pei_workflow.selectors.review_history`): every
screen reads it there, in one query, with its data decoded once."""

import datetime
import inspect
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pei_forms.status import presenters
from pei_workflow.admin.casework import dashboard, timeline
from pei_workflow.admin.meetings import agenda
from pei_workflow.choices import MonitoringOutcome, PanelOutcome, SubGroupAgreement, YesNo
from pei_workflow.models import CafEscalation, GapInService
from pei_workflow.selectors import (
    decode_history_data,
    last_review_step,
    review_history,
)
from pei_workflow.services import (
    decline,
    record_transition,
    request_information,
    start_review,
)
from tests.factories import eido, submitted_caf, submitted_gap

pytestmark = pytest.mark.django_db


def steps(history) -> list[str]:
    return [row.transition for row in history]


def test_a_submissions_history_is_its_own_rows_oldest_first_with_their_actors():
    """A gap's history holds its own steps in order, with who took them, and none of a CAF
    escalation's that happens to share its id."""
    officer = eido("PEN", first_name="Sam", last_name="Officer")
    gap = start_review(submission=submitted_gap("PEN"), actor=officer)
    caf = submitted_caf("PEN")
    start_review(submission=caf, actor=officer)
    history = review_history(gap)
    assert steps(history) == ["submit", "start_review"]
    assert [row.actor_label for row in history] == ["The practitioner", "Sam Officer"]
    assert {row.object_id for row in history} == {gap.pk}
    assert steps(review_history(CafEscalation.objects.filter(pk=caf.pk))) == [
        "submit",
        "start_review",
    ]


def test_the_history_of_many_submissions_is_one_query_whatever_their_number():
    """A queryset or a list of gaps is read in one query, and `transitions` keeps the steps
    asked for."""
    officer = eido("PEN")
    gaps = [start_review(submission=submitted_gap("PEN"), actor=officer) for _ in range(3)]
    with CaptureQueriesContext(connection) as queries:
        from_list = review_history(gaps, transitions=["start_review"])
        from_queryset = review_history(GapInService.objects.all(), transitions=["start_review"])
    assert len(queries) == 2
    assert [row.object_id for row in from_list] == [gap.pk for gap in gaps]
    assert [row.object_id for row in from_queryset] == [gap.pk for gap in gaps]
    assert review_history([]) == []


def test_each_rows_data_is_decoded_into_python_values():
    """Choices come as their members, the amount as a Decimal and the meeting's date as a
    date; the row keeps its data as written."""
    gap = submitted_gap("PEN")
    data = {
        "meeting": "Pendle Resource Panel, 8 December 2026",
        "meeting_id": 7,
        "meeting_date": "2026-12-08",
        "outcome": "spot_purchase",
        "amount": "250.00",
        "purchase_for": "Taxi fares.",
    }
    record_transition(submission=gap, transition="record_panel_decision", from_state="x", data=data)
    row = review_history(gap, transitions=["record_panel_decision"])[0]
    assert row.details == {
        "meeting": "Pendle Resource Panel, 8 December 2026",
        "meeting_id": 7,
        "meeting_date": datetime.date(2026, 12, 8),
        "outcome": PanelOutcome.SPOT_PURCHASE,
        "amount": Decimal("250.00"),
        "purchase_for": "Taxi fares.",
    }
    assert isinstance(row.details["outcome"], PanelOutcome)
    assert row.data == data


def test_a_closes_outcome_is_the_monitoring_outcome():
    """Closing writes its outcome under the panel's key; it decodes as whether the need was
    met, and a CAF in place as yes or no."""
    decoded = decode_history_data("close", {"outcome": "met", "caf_in_place": "yes"})
    assert decoded == {"outcome": MonitoringOutcome.MET, "caf_in_place": YesNo.YES}
    assert isinstance(decoded["outcome"], MonitoringOutcome)


def test_a_sub_group_agreement_is_decoded():
    """What the Sub Group agreed comes as its choice."""
    decoded = decode_history_data("record_sub_group_decision", {"agreement": "staff_time"})
    assert decoded["agreement"] is SubGroupAgreement.STAFF_TIME


def test_a_value_that_no_longer_decodes_is_kept_as_written():
    """A choice since renamed, or an amount that is not one, is shown as it was written."""
    decoded = decode_history_data(
        "record_panel_decision",
        {"outcome": "retired_choice", "amount": "lots", "meeting_date": "soon"},
    )
    assert decoded == {"outcome": "retired_choice", "amount": "lots", "meeting_date": "soon"}


def test_the_practitioners_history_holds_only_what_their_status_page_may_show():
    """For the practitioner, staff comments are blanked (only the EIDO's question and the
    decline reason stay), there is no data, and no staff account is read."""
    officer = eido("PEN")
    gap = start_review(submission=submitted_gap("PEN"), actor=officer)
    record_transition(
        submission=gap,
        transition="record_panel_decision",
        from_state="on_panel_agenda",
        actor=officer,
        comment="Staff only: check the budget first.",
        data={"outcome": "spot_purchase", "amount": "250.00"},
    )
    gap = request_information(submission=gap, actor=officer, message="Which school year?")
    gap.refresh_from_db()
    history = review_history(gap, for_practitioner=True)
    assert {row.transition: row.comment for row in history} == {
        "submit": "",
        "start_review": "",
        "record_panel_decision": "",
        "request_information": "Which school year?",
    }
    assert all(row.details == {} for row in history)
    assert all({"actor_id", "data"} <= row.get_deferred_fields() for row in history)


def test_a_decline_reason_reaches_the_practitioner():
    """The reason for declining is written for the practitioner, so it stays."""
    officer = eido("PEN")
    gap = start_review(submission=submitted_gap("PEN"), actor=officer)
    decline(submission=gap, actor=officer, reason="This is a CAF matter.")
    history = review_history(gap, for_practitioner=True)
    assert history[-1].comment == "This is a CAF matter."


def test_the_last_step_of_each_submission_annotates_a_list():
    """`last_review_step` gives each submission's latest step, in the list's own query."""
    officer = eido("PEN")
    reviewed = start_review(submission=submitted_gap("PEN"), actor=officer)
    waiting = submitted_gap("PEN")
    annotated = GapInService.objects.annotate(last=last_review_step(GapInService))
    assert dict(annotated.values_list("pk", "last")) == {
        reviewed.pk: "start_review",
        waiting.pk: "submit",
    }


@pytest.mark.parametrize("module", [timeline, agenda, presenters, dashboard])
def test_no_screen_queries_the_review_history_itself(module):
    """The staff timeline, the agenda, the status page and the "Waiting for you" panel read
    the history through the selector, and do not decode its data themselves."""
    source = inspect.getsource(module)
    assert "TransitionLog.objects" not in source
    assert ".data" not in source.replace(".data_items", "")
    assert any(name in source for name in ("review_history", "last_review_step", "latest_step_is"))
