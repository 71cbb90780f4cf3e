"""A decision or a closure may carry a message to the practitioner, apart from the internal
notes: it is kept in the step's review history row (`data["practitioner_message"]`), shown on
the practitioner's status page under that step, never in their email, and scrubbed by
redaction and retention with every other free text."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from pei_workflow import services
from pei_workflow.models import PRACTITIONER_MESSAGE, TransitionLog
from pei_workflow.services.redaction import REDACTED, REVIEW_HISTORY
from pei_workflow.services.retention import REMOVED
from pei_workflow.tokens import issue_status_token
from tests.database_scan import find_everywhere
from tests.email_queue import run_email_worker
from tests.factories import (
    admin_county_lead,
    admin_eido,
    in_state,
    service,
    submitted_caf,
    submitted_gap,
)
from tests.pei_workflow.test_moderation_screens import snapshot, step_url

pytestmark = pytest.mark.django_db

MESSAGE = "The Pendle Young Carers service can help: any professional can refer by email."
NOTES = "Internal: the panel chair thinks the family may need a second look in March."
CLOSING = "Thank you for telling us about this gap; we have closed the case."
CLOSING_NOTES = "Internal: monitoring figures checked against the project return."


def status_page(client, submission) -> str:
    url = reverse("pei_forms:status", args=[issue_status_token(submission)])
    return client.get(url).content.decode()


def signposted(officer, **kwargs):
    gap = services.start_review(submission=submitted_gap("PEN"), actor=officer)
    return services.signpost(
        submission=gap,
        actor=officer,
        service=service("PEN", name="Pendle Young Carers"),
        unknown_to_practitioner=True,
        notes=NOTES,
        **kwargs,
    )


def row(submission, transition) -> TransitionLog:
    return TransitionLog.objects.get(object_id=submission.pk, transition=transition)


def test_a_decisions_message_shows_on_the_status_page_and_the_internal_notes_do_not(client):
    officer = admin_eido("PEN")
    gap = signposted(officer, practitioner_message=MESSAGE)
    decision = row(gap, "signpost")
    assert decision.data[PRACTITIONER_MESSAGE] == MESSAGE
    assert decision.comment == NOTES
    page = status_page(client, gap)
    assert MESSAGE in page
    assert NOTES not in page
    assert page.index("Decision made") < page.index(MESSAGE)


def test_a_closures_message_shows_under_closed_and_its_notes_do_not(client):
    officer = admin_eido("PEN")
    gap = in_state(signposted(officer), "action_agreed")
    gap = services.close(
        submission=gap,
        actor=officer,
        outcome="met",
        children_benefiting=1,
        families_benefiting=1,
        caf_in_place="yes",
        notes=CLOSING_NOTES,
        practitioner_message=CLOSING,
    )
    page = status_page(client, gap)
    assert CLOSING in page and CLOSING_NOTES not in page and NOTES not in page
    assert page.index(">Closed") < page.index(CLOSING)


def test_every_decision_step_keeps_its_message_for_the_practitioner(client):
    lead = admin_county_lead()
    caf = services.start_review(submission=submitted_caf("PEN"), actor=lead)
    caf = in_state(caf, "on_sub_group_agenda")
    caf = services.record_sub_group_decision(
        submission=caf,
        actor=lead,
        agreement="staff_time",
        notes="Two days of the officer's time.",
        practitioner_message="The Sub Group agreed staff time to look at this.",
    )
    caf = in_state(caf, "referred_to_county")
    caf = services.record_county_response(
        submission=caf,
        actor=lead,
        notes="The county group will write new guidance.",
        practitioner_message="The county CAF group will write new guidance.",
    )
    gap = in_state(submitted_gap("PEN"), "escalated_trust_board")
    gap = services.record_trust_board_decision(
        submission=gap,
        actor=lead,
        notes="Funding for a year.",
        practitioner_message="The Trust Board agreed funding for a year.",
    )
    caf_page, gap_page = status_page(client, caf), status_page(client, gap)
    assert "The Sub Group agreed staff time to look at this." in caf_page
    assert "The county CAF group will write new guidance." in caf_page
    assert "Two days of the officer" not in caf_page
    assert "The Trust Board agreed funding for a year." in gap_page
    assert "Funding for a year." not in gap_page


def test_a_decision_without_a_message_keeps_no_message():
    gap = signposted(admin_eido("PEN"))
    assert PRACTITIONER_MESSAGE not in row(gap, "signpost").data


def test_the_practitioners_email_about_a_decision_holds_no_message(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        gap = signposted(admin_eido("PEN"), practitioner_message=MESSAGE)
    run_email_worker()
    to_practitioner = [m for m in mail.outbox if m.subject == f"A decision about {gap.reference}"]
    assert to_practitioner, "the practitioner is emailed about the decision"
    for message in to_practitioner:
        assert MESSAGE not in message.body and NOTES not in message.body


def test_a_message_that_identifies_someone_is_refused_and_nothing_changes(client):
    officer = admin_eido("PEN")
    gap = services.start_review(submission=submitted_gap("PEN"), actor=officer)
    before = snapshot(gap)
    with pytest.raises(ValidationError) as refused:
        services.signpost(
            submission=gap,
            actor=officer,
            service=service("PEN"),
            unknown_to_practitioner=False,
            practitioner_message="Ellie Thompson can go on Tuesdays.",
        )
    assert set(refused.value.message_dict) == {PRACTITIONER_MESSAGE}
    assert snapshot(gap) == before


def test_the_decision_form_takes_the_message_and_shows_a_refusal_beside_it(client):
    officer = admin_eido("PEN")
    gap = in_state(submitted_gap("PEN"), "on_panel_agenda")
    client.force_login(officer)
    url = step_url(gap, "record_panel_decision")
    answers = {"seen_state": "on_panel_agenda", "outcome": "waiting_list", "notes": NOTES}
    refused = client.post(url, answers | {PRACTITIONER_MESSAGE: "See Mrs Thompson at BB9 7LJ."})
    assert refused.context["form"].errors[PRACTITIONER_MESSAGE]
    assert client.post(url, answers | {PRACTITIONER_MESSAGE: MESSAGE}).status_code == 302
    assert row(gap, "record_panel_decision").data[PRACTITIONER_MESSAGE] == MESSAGE
    inspect = client.get(reverse("pei_workflow_gapinservice_modeladmin_inspect", args=[gap.pk]))
    assert "Message to the practitioner" in inspect.content.decode()


def test_redacting_a_passage_takes_it_out_of_the_message():
    officer = admin_eido("PEN")
    gap = signposted(officer, practitioner_message=MESSAGE)
    services.redact(
        submission=gap,
        actor=officer,
        field=REVIEW_HISTORY,
        passage="Pendle Young Carers service",
        reason="It names the service too plainly.",
    )
    message = row(gap, "signpost").data[PRACTITIONER_MESSAGE]
    assert message == f"The {REDACTED} can help: any professional can refer by email."


def test_redacting_the_decision_notes_takes_a_copy_in_the_message_too():
    officer = admin_eido("PEN")
    gap = signposted(officer, practitioner_message=f"As we noted: {NOTES}")
    services.redact(
        submission=gap, actor=officer, field="decision_notes", reason="A detail slipped in."
    )
    assert NOTES not in row(gap, "signpost").data[PRACTITIONER_MESSAGE]
    assert find_everywhere(NOTES) == []


def test_retention_removes_the_message_with_the_other_free_text():
    ended = datetime.datetime(2020, 3, 10, 10, 0, tzinfo=datetime.UTC)
    with time_machine.travel(ended, tick=False):
        officer = admin_eido("PEN")
        gap = in_state(signposted(officer, practitioner_message=MESSAGE), "action_agreed")
        gap = services.close(
            submission=gap,
            actor=officer,
            outcome="met",
            children_benefiting=1,
            families_benefiting=0,
            caf_in_place="no",
            practitioner_message=CLOSING,
        )
    with time_machine.travel(ended + datetime.timedelta(days=7 * 366), tick=False):
        run = services.apply_retention()
    assert gap.reference in run.free_text
    assert row(gap, "signpost").data[PRACTITIONER_MESSAGE] == REMOVED
    assert row(gap, "close").data[PRACTITIONER_MESSAGE] == REMOVED
    assert find_everywhere(MESSAGE) == [] and find_everywhere(CLOSING) == []


def test_a_message_left_after_everything_else_went_still_makes_a_case_due_for_retention():
    """Retention finds a case by any free text it still holds, the message included."""
    ended = datetime.datetime(2020, 3, 10, 10, 0, tzinfo=datetime.UTC)
    with time_machine.travel(ended, tick=False):
        officer = admin_eido("PEN")
        gap = signposted(officer, practitioner_message=MESSAGE)
        gap = services.close(
            submission=in_state(gap, "action_agreed"),
            actor=officer,
            outcome="met",
            children_benefiting=1,
            families_benefiting=0,
            caf_in_place="no",
        )
    later = ended + datetime.timedelta(days=7 * 366)
    with time_machine.travel(later, tick=False):
        services.apply_retention()
    signpost = row(gap, "signpost")
    signpost.data[PRACTITIONER_MESSAGE] = MESSAGE  # as if written back by an old restore
    signpost.save(update_fields=["data"])
    with time_machine.travel(later, tick=False):
        run = services.apply_retention()
    assert run.free_text == [gap.reference]
    assert row(gap, "signpost").data[PRACTITIONER_MESSAGE] == REMOVED
