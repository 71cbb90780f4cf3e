"""Running a caseload: a case is assigned to a named EIDO of its district or a county lead
(one at a time or many at once, each a review-history entry, the assignee emailed after the
commit), and staff add notes that only staff ever read."""

import datetime
import math

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pei_workflow import audit, services
from pei_workflow.admin.audit_report import AUDIT_LOG
from pei_workflow.admin.casework.dashboard import WaitingForYouPanel
from pei_workflow.models import (
    AuditLogEntry,
    DistrictAssignment,
    DistrictRole,
    GapInService,
    TransitionLog,
)
from pei_workflow.services import TransitionRefused
from pei_workflow.services.caseload import add_note, assign, caseholders
from pei_workflow.services.redaction import REDACTED, REVIEW_HISTORY
from pei_workflow.services.retention import years_before
from pei_workflow.tokens import issue_status_token
from tests.database_scan import find_everywhere
from tests.email_queue import run_email_worker
from tests.factories import (
    admin_county_lead,
    admin_eido,
    admin_panel_member,
    district,
    eido,
    in_state,
    meeting,
    on_agenda,
    submitted_caf,
    submitted_gap,
)

pytestmark = pytest.mark.django_db

NOTE = "Phoned the service manager: a place may open in the new term."


def reviewed_gap(officer, district_code="PEN"):
    return services.start_review(submission=submitted_gap(district_code), actor=officer)


def history(submission, transition):
    return list(TransitionLog.objects.filter(object_id=submission.pk, transition=transition))


# Assignment: the rules.


def test_a_case_is_assigned_to_an_eido_of_its_district_with_a_history_entry(
    mailoutbox, django_capture_on_commit_callbacks
):
    officer = eido("PEN", first_name="Ana", last_name="Khan")
    colleague = eido("PEN", first_name="Ben", last_name="Shaw", email="ben@example.org")
    gap = reviewed_gap(officer)
    with django_capture_on_commit_callbacks(execute=True):
        assign(submissions=gap, actor=officer, assignee=colleague)
    gap.refresh_from_db()
    assert gap.assigned_to == colleague
    (row,) = history(gap, "assign")
    assert (row.actor, row.from_state, row.to_state) == (officer, "in_review", "in_review")
    assert row.data == {"assignee": "Ben Shaw", "assignee_id": colleague.pk}
    entry = AuditLogEntry.objects.get(action=audit.ASSIGNED)
    assert (entry.user, entry.object_id, entry.district_id) == (
        officer,
        str(gap.pk),
        gap.district_id,
    )
    # The field history keeps who had it, and who gave it.
    latest = gap.history.latest()
    assert (latest.assigned_to_id, latest.history_user, latest.history_change_reason) == (
        colleague.pk,
        officer,
        "Assigned",
    )
    run_email_worker()
    (email,) = mailoutbox
    assert email.to == ["ben@example.org"]
    assert gap.reference in email.subject and gap.reference in email.body
    assert gap.unmet_need not in email.body and gap.practitioner_name not in email.body


def test_someone_who_assigns_a_case_to_themselves_is_not_emailed(
    mailoutbox, django_capture_on_commit_callbacks
):
    officer = eido("PEN", email="ana@example.org")
    gap = reviewed_gap(officer)
    with django_capture_on_commit_callbacks(execute=True):
        assign(submissions=gap, actor=officer, assignee=officer)
    run_email_worker()
    assert mailoutbox == []


def test_a_county_lead_may_hold_a_case_of_any_district():
    officer, lead = eido("PEN"), admin_county_lead()
    gap = reviewed_gap(officer)
    assign(submissions=gap, actor=officer, assignee=lead)
    gap.refresh_from_db()
    assert gap.assigned_to == lead


def test_an_eido_of_another_district_cannot_hold_the_case_and_nothing_changes():
    officer, burnley = eido("PEN"), eido("BUR", first_name="Cal", last_name="Ray")
    gap = reviewed_gap(officer)
    with pytest.raises(ValidationError) as refused:
        assign(submissions=gap, actor=officer, assignee=burnley)
    assert refused.value.message_dict["assignee"][0].startswith("Cal Ray cannot hold")
    gap.refresh_from_db()
    assert gap.assigned_to is None
    assert history(gap, "assign") == []
    assert not AuditLogEntry.objects.filter(action=audit.ASSIGNED).exists()


def test_only_an_eido_of_the_district_or_a_county_lead_may_assign():
    officer = eido("PEN")
    gap = reviewed_gap(officer)
    for outsider in (eido("BUR"), admin_panel_member("PEN")):
        with pytest.raises(PermissionDenied):
            assign(submissions=gap, actor=outsider, assignee=officer)
    assign(submissions=gap, actor=admin_county_lead(), assignee=officer)
    gap.refresh_from_db()
    assert gap.assigned_to == officer


def test_an_ended_case_is_not_assigned():
    officer = eido("PEN")
    gap = services.decline(submission=reviewed_gap(officer), actor=officer, reason="Duplicate")
    with pytest.raises(TransitionRefused) as refused:
        assign(submissions=gap, actor=officer, assignee=officer)
    assert gap.reference in str(refused.value)
    gap.refresh_from_db()
    assert gap.assigned_to is None


def test_taking_the_assignment_off_says_so_in_the_history():
    officer = eido("PEN")
    gap = reviewed_gap(officer)
    assign(submissions=gap, actor=officer, assignee=officer)
    assign(submissions=gap, actor=officer, assignee=None)
    gap.refresh_from_db()
    assert gap.assigned_to is None
    (row,) = history(gap, "unassign")
    assert row.data == {}


def test_assigning_a_case_to_the_person_who_has_it_changes_nothing():
    officer = eido("PEN")
    gap = reviewed_gap(officer)
    assign(submissions=gap, actor=officer, assignee=officer)
    assign(submissions=gap, actor=officer, assignee=officer)
    assert len(history(gap, "assign")) == 1


def test_the_people_who_may_hold_cases_of_two_districts_are_their_shared_eidos_and_leads():
    pendle, burnley = district("PEN"), district("BUR")
    both = eido("PEN")
    DistrictAssignment.objects.create(user=both, district=burnley, role=DistrictRole.EIDO)
    pendle_only, lead = eido("PEN"), admin_county_lead()
    left = eido("PEN", is_active=False)
    held = set(caseholders([pendle.pk, burnley.pk]))
    assert held == {both, lead}
    assert set(caseholders([pendle.pk, burnley.pk], of_every=False)) == {both, lead, pendle_only}
    assert left not in set(caseholders([pendle.pk]))


# Assignment in bulk.


def bulk_assign_queries(count: int) -> tuple[int, list[GapInService]]:
    officer = eido("PEN")
    colleague = eido("PEN", email="colleague@example.org")
    gaps = [reviewed_gap(officer) for _ in range(count)]
    cases = GapInService.objects.filter(pk__in=[g.pk for g in gaps])
    with CaptureQueriesContext(connection) as queries:
        assign(submissions=cases, actor=officer, assignee=colleague)
    return len(queries), gaps


def history_insert_batches(count: int) -> int:
    """How many INSERTs the database needs for `count` versions: SQLite takes at most 999
    values a statement, so Django splits a long one; PostgreSQL takes them in one."""
    fields = GapInService.history.model._meta.concrete_fields
    size = connection.ops.bulk_batch_size(fields, [None] * count) or count
    return math.ceil(count / size)


def test_a_bulk_assignment_of_50_runs_a_fixed_number_of_queries_and_writes_50_entries():
    few, _ = bulk_assign_queries(3)
    many, gaps = bulk_assign_queries(50)
    # The same statements for 50 cases as for 3, but for the database's own batching.
    assert many - history_insert_batches(50) == few - history_insert_batches(3)
    pks = [g.pk for g in gaps]
    assert TransitionLog.objects.filter(object_id__in=pks, transition="assign").count() == 50
    entries = AuditLogEntry.objects.filter(action=audit.ASSIGNED, object_id__in=map(str, pks))
    assert entries.count() == 50
    assert GapInService.history.filter(id__in=pks, history_change_reason="Assigned").count() == 50
    assert GapInService.objects.filter(pk__in=pks, assigned_to__isnull=False).count() == 50


def test_the_assignee_of_a_bulk_assignment_gets_one_email_listing_every_case(
    mailoutbox, django_capture_on_commit_callbacks
):
    officer = eido("PEN")
    colleague = eido("PEN", email="colleague@example.org")
    gaps = [reviewed_gap(officer) for _ in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        assign(submissions=gaps, actor=officer, assignee=colleague)
    run_email_worker()
    (email,) = mailoutbox
    assert email.subject == "3 gaps in service are now yours"
    assert all(gap.reference in email.body for gap in gaps)


def test_a_bulk_assignment_with_one_ended_case_changes_none():
    officer = eido("PEN")
    open_gap = reviewed_gap(officer)
    ended = services.withdraw_for_practitioner(submission=reviewed_gap(officer), actor=officer)
    with pytest.raises(TransitionRefused):
        assign(submissions=[open_gap, ended], actor=officer, assignee=officer)
    assert not GapInService.objects.filter(assigned_to=officer).exists()


# Notes.


def test_a_note_is_kept_in_the_review_history_with_who_and_when():
    officer = eido("PEN")
    gap = reviewed_gap(officer)
    log = add_note(submission=gap, actor=officer, text=f"  {NOTE} ")
    assert (log.transition, log.actor, log.comment) == ("add_note", officer, NOTE)
    assert log.from_state == log.to_state == "in_review"
    entry = AuditLogEntry.objects.get(action=audit.NOTE_ADDED)
    assert NOTE not in str(entry.data) and entry.object_id == str(gap.pk)


def test_a_note_that_names_a_child_is_refused_and_nothing_is_kept():
    officer = eido("PEN")
    gap = reviewed_gap(officer)
    with pytest.raises(ValidationError) as refused:
        add_note(submission=gap, actor=officer, text="Spoke to Jayden Smith's mum on Tuesday.")
    assert "text" in refused.value.message_dict
    assert history(gap, "add_note") == []


def test_an_empty_note_is_refused():
    officer = eido("PEN")
    with pytest.raises(ValidationError) as refused:
        add_note(submission=reviewed_gap(officer), actor=officer, text="   ")
    assert refused.value.message_dict == {"text": ["Enter the note."]}


def test_only_the_districts_staff_add_notes_and_not_to_an_ended_case():
    officer = eido("PEN")
    gap = reviewed_gap(officer)
    with pytest.raises(PermissionDenied):
        add_note(submission=gap, actor=eido("BUR"), text=NOTE)
    gap = services.decline(submission=gap, actor=officer, reason="Duplicate")
    with pytest.raises(TransitionRefused):
        add_note(submission=gap, actor=officer, text=NOTE)


def test_a_note_never_reaches_the_practitioners_status_page(client):
    officer = eido("PEN")
    gap = reviewed_gap(officer)
    add_note(submission=gap, actor=officer, text=NOTE)
    assign(submissions=gap, actor=officer, assignee=officer)
    page = client.get(reverse("pei_forms:status", kwargs={"token": issue_status_token(gap)}))
    assert page.status_code == 200
    body = page.content.decode()
    assert NOTE not in body and "Note added" not in body and "Assigned" not in body


def test_a_note_sends_the_practitioner_no_email(mailoutbox, django_capture_on_commit_callbacks):
    officer = eido("PEN")
    gap = reviewed_gap(officer)
    run_email_worker()
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        add_note(submission=gap, actor=officer, text=NOTE)
    run_email_worker()
    assert mailoutbox == []


def test_a_note_is_never_on_an_agenda(client):
    officer = admin_eido("PEN")
    panel = meeting("PEN")
    gap = on_agenda(submitted_gap("PEN"), panel, officer)
    add_note(submission=gap, actor=officer, text=NOTE)
    client.force_login(officer)
    agenda = client.get(reverse("pei_workflow_agenda", args=[panel.pk]))
    assert agenda.status_code == 200
    assert gap.reference in agenda.content.decode()
    assert NOTE not in agenda.content.decode()


def test_a_note_can_be_redacted_from_the_review_history():
    officer = eido("PEN")
    gap = reviewed_gap(officer)
    add_note(submission=gap, actor=officer, text=NOTE)
    services.redact(
        submission=gap,
        actor=officer,
        field=REVIEW_HISTORY,
        passage="the service manager",
        reason="Names a person.",
    )
    (note,) = history(gap, "add_note")
    assert note.comment == f"Phoned {REDACTED}: a place may open in the new term."
    assert find_everywhere("the service manager") == []


def test_a_notes_text_goes_with_the_rest_of_the_free_text_under_the_retention_schedule():
    ended = datetime.datetime(2020, 3, 10, 10, 0, tzinfo=datetime.UTC)
    with time_machine.travel(ended, tick=False):
        officer = eido("PEN")
        gap = reviewed_gap(officer)
        add_note(submission=gap, actor=officer, text=NOTE)
        gap = in_state(gap, "action_agreed")
        services.close(
            submission=gap,
            actor=officer,
            outcome="met",
            children_benefiting=1,
            families_benefiting=1,
            caf_in_place="yes",
        )
    with time_machine.travel(years_before(ended, -6) + datetime.timedelta(days=1), tick=False):
        call_command("apply_retention", verbosity=0)
    assert find_everywhere(NOTE) == []


def test_an_assignment_after_the_practitioners_answer_leaves_it_waiting_to_be_read():
    """The admin home's "Information provided" lists a case whose latest step is the
    practitioner's answer: handing the case to a colleague is not acting on the answer, and
    a note is."""
    officer = admin_eido("PEN")
    colleague = admin_eido("PEN")
    gap = reviewed_gap(officer)
    gap = services.request_information(submission=gap, actor=officer, message="Which year?")
    gap = services.provide_information(submission=gap, answer="Year 9.")
    assign(submissions=gap, actor=officer, assignee=colleague)
    assert "Information provided (1)" in WaitingForYouPanel(colleague).render_html({})
    add_note(submission=gap, actor=colleague, text=NOTE)
    assert "Information provided (0)" in WaitingForYouPanel(colleague).render_html({})


# The history and the audit log say it in words.


def test_the_review_history_shows_the_assignment_and_the_note_to_staff(client):
    officer = admin_eido("PEN", first_name="Ana", last_name="Khan")
    gap = reviewed_gap(officer)
    assign(submissions=gap, actor=officer, assignee=officer)
    add_note(submission=gap, actor=officer, text=NOTE)
    client.force_login(officer)
    page = client.get(f"/admin/pei_workflow/gapinservice/inspect/{gap.pk}/").content.decode()
    assert "Assigned to Ana Khan." in page
    assert "Note added" in page and NOTE in page


def test_the_audit_log_says_who_a_case_was_assigned_to(client):
    lead = admin_county_lead()
    officer = eido("PEN", first_name="Ana", last_name="Khan")
    gap = reviewed_gap(officer)
    assign(submissions=gap, actor=lead, assignee=officer)
    client.force_login(lead)
    page = client.get(reverse(AUDIT_LOG)).content.decode()
    assert "Assigned to Ana Khan" in page


def test_another_districts_case_is_not_in_the_dashboards_lists():
    officer = admin_eido("PEN")
    mine = reviewed_gap(officer)
    assign(submissions=mine, actor=officer, assignee=officer)
    waiting = reviewed_gap(officer)
    burnley_officer = eido("BUR")
    burnley = reviewed_gap(burnley_officer, "BUR")
    html = WaitingForYouPanel(officer).render_html({})
    assert "My cases (1)" in html and mine.reference in html
    assert "Not yet assigned (1)" in html and waiting.reference in html
    assert burnley.reference not in html


def test_the_admin_home_keeps_a_fixed_number_of_queries_with_assigned_cases():
    officer = admin_eido("PEN")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            WaitingForYouPanel(officer).render_html({})
        return len(captured)

    for _ in range(2):
        assign(submissions=reviewed_gap(officer), actor=officer, assignee=officer)
        reviewed_gap(officer)
    few = queries()
    for _ in range(6):
        assign(submissions=reviewed_gap(officer), actor=officer, assignee=officer)
        submitted_caf("PEN")
    assert queries() == few
