"""Whole journeys through both workflows at the service level, one step after another."""

from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from pei_workflow import services
from pei_workflow.models import SpotPurchase, TransitionLog
from tests.email_queue import run_email_worker
from tests.factories import (
    budget,
    county_lead,
    eido,
    meeting,
    service,
    submitted_caf,
    submitted_gap,
)

pytestmark = pytest.mark.django_db


def history_of(submission):
    return list(
        TransitionLog.objects.filter(
            object_id=submission.pk, content_type__model=submission._meta.model_name
        )
        .order_by("pk")
        .values_list("transition", flat=True)
    )


def test_an_eido_takes_a_gap_from_submitted_to_closed_and_every_step_is_in_the_history():
    """The Gap table from start to end: review, question and answer, panel, spot purchase,
    Sub Group, Trust Board and closure."""
    officer = eido("PEN")
    lead = county_lead()
    budget("PEN", "900.00")
    panel = meeting("PEN")
    gap = submitted_gap("PEN")

    gap = services.start_review(submission=gap, actor=officer)
    gap = services.request_information(submission=gap, actor=officer, message="How old?")
    gap = services.provide_information(submission=gap, answer="Fourteen.")
    gap = services.add_to_agenda(submission=gap, actor=officer, meeting=panel)
    gap = services.record_panel_decision(
        submission=gap,
        actor=officer,
        outcome="spot_purchase",
        amount=Decimal("450.00"),
        purchase_for="Six counselling sessions",
    )
    gap = services.escalate_to_sub_group(submission=gap, actor=officer, reason="Recurring need")
    gap = services.record_sub_group_decision(
        submission=gap, actor=officer, agreement="budget_aligned", notes="Pooled budget"
    )
    gap = services.escalate_to_sub_group(submission=gap, actor=officer, reason="Still unmet")
    gap = services.escalate_to_trust_board(submission=gap, actor=officer, reason="County-wide")
    gap = services.record_trust_board_decision(submission=gap, actor=lead, notes="Commissioned")
    gap = services.close(
        submission=gap,
        actor=officer,
        outcome="met",
        children_benefiting=1,
        families_benefiting=1,
        caf_in_place="yes",
        notes="Going well",
    )

    assert gap.state == "closed"
    assert gap.monitoring_outcome == "met"
    assert SpotPurchase.objects.get(gap=gap).amount == Decimal("450.00")
    assert history_of(gap) == [
        "submit",
        "start_review",
        "request_information",
        "provide_information",
        "add_to_agenda",
        "record_panel_decision",
        "escalate_to_sub_group",
        "record_sub_group_decision",
        "escalate_to_sub_group",
        "escalate_to_trust_board",
        "record_trust_board_decision",
        "close",
    ]


def test_a_caf_escalation_goes_to_the_sub_group_and_the_county_group():
    officer = eido("PEN")
    lead = county_lead()
    sub_group = meeting("PEN", kind="sub_group")
    caf = submitted_caf("PEN")

    caf = services.start_review(submission=caf, actor=officer)
    caf = services.add_to_agenda(submission=caf, actor=officer, meeting=sub_group)
    caf = services.record_sub_group_decision(
        submission=caf, actor=officer, agreement="process_change", notes="Agreed protocol"
    )
    caf = services.refer_to_county_caf_group(submission=caf, actor=officer, reason="County")
    caf = services.record_county_response(submission=caf, actor=lead, notes="Guidance issued")
    assert caf.state == "action_agreed"


def test_the_practitioner_is_emailed_that_the_eido_asked_but_not_the_question(
    django_capture_on_commit_callbacks,
):
    """The email sends the practitioner to the status page; the question stays behind the
    private link."""
    officer = eido("PEN", email="")
    gap = submitted_gap("PEN")
    gap = services.start_review(submission=gap, actor=officer)
    with django_capture_on_commit_callbacks(execute=True):
        services.request_information(submission=gap, actor=officer, message="Which school year?")
    run_email_worker()
    assert [m.to for m in mail.outbox] == [["sam.taylor@example.org"]]
    assert "more information" in mail.outbox[0].subject
    assert "Which school year" not in mail.outbox[0].body


def test_a_burnley_eido_cannot_review_a_pendle_gap():
    gap = submitted_gap("PEN")
    with pytest.raises(PermissionDenied):
        services.start_review(submission=gap, actor=eido("BUR"))


def test_a_spot_purchase_over_what_is_left_is_refused_and_nothing_changes():
    officer = eido("PEN")
    budget("PEN", "400.00")
    gap = submitted_gap("PEN")
    gap = services.start_review(submission=gap, actor=officer)
    gap = services.add_to_agenda(submission=gap, actor=officer, meeting=meeting("PEN"))
    with pytest.raises(ValidationError) as refused:
        services.record_panel_decision(
            submission=gap,
            actor=officer,
            outcome="spot_purchase",
            amount=Decimal("450.00"),
            purchase_for="Sessions",
        )
    assert "£400.00 left" in str(refused.value)
    gap.refresh_from_db()
    assert gap.state == "on_panel_agenda"
    assert not SpotPurchase.objects.exists()


def test_signposting_counts_a_service_the_practitioner_did_not_know():
    from pei_workflow.models import Service

    officer = eido("PEN")
    directory_entry = service("PEN")
    gap = services.start_review(submission=submitted_gap("PEN"), actor=officer)
    services.signpost(
        submission=gap, actor=officer, service=directory_entry, unknown_to_practitioner=True
    )
    assert Service.objects.with_times_missed().get(pk=directory_entry.pk).times_missed == 1
