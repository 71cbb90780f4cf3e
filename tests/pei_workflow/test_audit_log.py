"""The audit log records every staff action, every view of a submission's page, and every
sign-in, failed sign-in and sign-out: who, when, what, which record and which district; it
holds no practitioner's details or free text, and nothing changes or deletes an entry."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from pei_workflow import audit, services
from pei_workflow.admin.urls import inspect_url, screen_url
from pei_workflow.models import AuditLogEntry, GapInService, Theme
from pei_workflow.services.people import ROLE_GRANTED
from tests.factories import (
    UserFactory,
    admin_county_lead,
    admin_eido,
    district,
    listed_member,
    service,
    submitted_gap,
)

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery-staple"  # the factories' password


def entries(**filters) -> list[AuditLogEntry]:
    return list(AuditLogEntry.objects.filter(**filters).order_by("timestamp", "pk"))


def only_entry(action: str) -> AuditLogEntry:
    (entry,) = entries(action=action)
    return entry


def signed_in(client, user):
    client.force_login(user)
    return user


# Views of a submission.


def test_viewing_a_submission_adds_exactly_one_entry_naming_who_what_and_where(client):
    """One GET of the submission's page writes one entry: the EIDO, "viewed its page", the
    submission by its reference and id, and its district."""
    gap = submitted_gap("PEN")
    officer = signed_in(client, admin_eido("PEN"))
    before = AuditLogEntry.objects.count()

    assert client.get(inspect_url(gap)).status_code == 200

    assert AuditLogEntry.objects.count() == before + 1
    entry = AuditLogEntry.objects.latest("pk")
    assert (entry.action, entry.user, entry.label) == (audit.VIEWED, officer, gap.reference)
    assert (entry.object_id, entry.district.code, entry.data) == (
        str(gap.pk),
        "PEN",
        {"screen": "page"},
    )
    assert entry.message == "Viewed its page"


def test_a_refused_view_of_another_districts_submission_records_no_view(client):
    """The Burnley EIDO gets a 404 for Pendle's submission, and no view is recorded."""
    gap = submitted_gap("PEN")
    signed_in(client, admin_eido("BUR"))

    assert client.get(inspect_url(gap)).status_code == 404

    assert entries(action=audit.VIEWED) == []


def test_recording_a_view_is_one_insert(rf):
    """Each recording function costs one query: the INSERT."""
    gap = submitted_gap("PEN")
    request = rf.get("/")
    request.user = admin_eido("PEN")
    audit.record_view(request, gap)  # Wagtail's hooks and the content types are loaded once

    with CaptureQueriesContext(connection) as queries:
        audit.record_view(request, gap, audit.DIFF, data={"versions": [1, 3]})

    assert [query["sql"].split()[0] for query in queries] == ["INSERT"]


def test_record_view_names_the_screen_it_was(rf):
    """The history screen and the diff screen record which they were; anything else is a
    programming error, not a silent entry."""
    gap = submitted_gap("PEN")
    request = rf.get("/")
    request.user = admin_eido("PEN")

    assert audit.record_view(request, gap, audit.HISTORY).message == "Viewed its history"
    with pytest.raises(ValueError):
        audit.record_view(request, gap, "everything")


# Workflow steps, corrections and themes.


def test_every_workflow_step_is_recorded_with_its_states_inside_the_steps_transaction():
    """A step's entry names the step and the two states, never its comment; a refused step
    records nothing."""
    gap = submitted_gap("PEN")
    officer = admin_eido("PEN")

    services.start_review(submission=gap, actor=officer)
    services.request_information(
        submission=gap, actor=officer, message="Which service has the school tried already?"
    )
    with pytest.raises(PermissionDenied):
        services.decline(submission=gap, actor=admin_eido("BUR"), reason="Not for the panel.")

    steps = entries(action=audit.STEP)
    assert [(e.user, e.data, e.district.code) for e in steps] == [
        (
            officer,
            {"step": "start_review", "from_state": "submitted", "to_state": "in_review"},
            "PEN",
        ),
        (
            officer,
            {
                "step": "request_information",
                "from_state": "in_review",
                "to_state": "information_requested",
            },
            "PEN",
        ),
    ]
    assert steps[0].message == "Review started: Received to Being reviewed"


def test_a_step_the_practitioner_takes_through_their_link_is_recorded_as_theirs():
    """No account took it: the entry says the practitioner did, through their status link."""
    gap = submitted_gap("PEN")
    officer = admin_eido("PEN")
    services.start_review(submission=gap, actor=officer)
    services.request_information(submission=gap, actor=officer, message="Which school year?")

    services.provide_information(submission=gap, answer="Year 9, since September.")

    entry = entries(action=audit.STEP)[-1]
    assert (entry.user, entry.data["step"], entry.data["by"]) == (
        None,
        "provide_information",
        "practitioner",
    )
    assert entry.actor_label == "The practitioner (status link)"


def test_a_correction_records_the_fields_corrected_and_not_their_values():
    gap = submitted_gap("PEN")
    officer = admin_eido("PEN")
    services.start_review(submission=gap, actor=officer)

    services.correct_answers(
        submission=gap,
        actor=officer,
        changes={"what_has_been_tried": "Pastoral support and a mentor since March."},
        reason="The practitioner phoned with more detail.",
    )

    entry = only_entry(audit.CORRECTED)
    assert (entry.user, entry.district.code, entry.data) == (
        officer,
        "PEN",
        {"fields": ["what has been tried"]},
    )


def test_a_change_of_themes_records_the_themes_by_id_and_name():
    gap = submitted_gap("PEN")
    officer = admin_eido("PEN")
    transport = Theme.objects.get(name="Transport")

    services.set_themes(submission=gap, actor=officer, themes=[transport])

    entry = only_entry(audit.THEMES_SET)
    assert entry.data == {"themes": ["Transport"], "theme_ids": [transport.pk]}
    assert entry.message == "Themes set to Transport"


# Downloads.


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_downloading_a_list_records_the_list_its_format_filters_and_district(client, export_format):
    """The download of the Pendle EIDO's list of gaps is recorded against Pendle, with its
    filters (ids and choices) and whether it was searched, not the words searched for."""
    submitted_gap("PEN")
    officer = signed_in(client, admin_eido("PEN"))
    query = {"export": export_format, "state": "submitted", "q": "Sam Taylor"}

    response = client.get(screen_url(GapInService), query)

    assert response.status_code == 200
    entry = only_entry(audit.EXPORTED)
    assert (entry.user, entry.district.code, entry.object_id) == (officer, "PEN", "")
    assert entry.data == {
        "format": export_format,
        "filters": {"state": ["submitted"]},
        "searched": True,
    }
    assert entry.label == f"Gaps in service ({export_format.upper()})"


# Changes to the other casework records, and to people: every change Wagtail logs.


def test_meetings_members_and_budgets_changes_are_recorded_with_their_district():
    """Each change writes Wagtail's model log entry, as before, and its audit copy with the
    record's district, by the same person at the same moment."""
    officer, lead = admin_eido("PEN"), admin_county_lead()
    day = timezone.localdate() + datetime.timedelta(days=14)

    meeting = services.save_meeting(
        actor=officer, district=district("PEN"), kind="resource_panel", date=day
    )
    member = services.save_panel_member(
        actor=officer,
        district=district("PEN"),
        body="resource_panel",
        name="Jo Price",
        agency="Health",
    )
    budget = services.set_budget(
        actor=lead, district=district("PEN"), financial_year=day.year, amount=Decimal("5000")
    )

    for record, actor in ((meeting, officer), (member, officer), (budget, lead)):
        (model_entry,) = ModelLogEntry.objects.filter(
            content_type__model=record._meta.model_name, object_id=str(record.pk)
        )
        (copy,) = entries(content_type__model=record._meta.model_name, object_id=str(record.pk))
        assert (copy.action, copy.user, copy.district.code) == ("wagtail.create", actor, "PEN")
        assert (copy.timestamp, copy.uuid, copy.label) == (
            model_entry.timestamp,
            model_entry.uuid,
            model_entry.label,
        )


def test_deleting_a_service_on_its_screen_is_recorded_with_its_one_district(client):
    """wagtail-modeladmin's views log through Wagtail's `log()`; the copy needs no call of
    its own in any view."""
    lead = signed_in(client, admin_county_lead())
    gone = service("PEN", name="Pendle Play Rangers")

    assert client.post(screen_url(gone, "delete")).status_code == 302

    entry = only_entry("wagtail.delete")
    assert (entry.user, entry.label, entry.district.code) == (lead, "Pendle Play Rangers", "PEN")


def test_a_change_to_a_districts_panel_maximum_is_recorded_against_the_district(client):
    lead = signed_in(client, admin_county_lead())
    pendle = district("PEN")

    response = client.post(
        screen_url(pendle, "edit"),
        {
            "panel_maximum": "450.00",
            "repeated_need_count": "3",
            "repeated_need_months": "12",
            "change_reason": "Agreed at the Sub Group.",
        },
    )

    assert response.status_code == 302
    entry = only_entry("wagtail.edit")
    assert (entry.user, entry.label, entry.district.code) == (lead, "Pendle", "PEN")


def test_a_role_change_is_recorded_against_the_person_with_the_district():
    lead = admin_county_lead()
    person = UserFactory(username="new.eido@example.org")

    services.grant_role(actor=lead, role="eido", user=person, districts=[district("PEN")])

    entry = only_entry(ROLE_GRANTED)
    assert (entry.user, entry.label, entry.object_id, entry.district.code) == (
        lead,
        "new.eido@example.org",
        str(person.pk),
        "PEN",
    )
    assert entry.data["district_codes"] == ["PEN"]


def test_wagtails_log_of_a_submission_is_kept_as_a_model_log_entry_and_copied():
    """`log()` of a submission with one of Wagtail's own actions keeps its model log entry
    (Site history's scoping reads it there) and is copied to the audit log."""
    gap = submitted_gap("BUR")
    lead = admin_county_lead()

    log(instance=gap, action="wagtail.edit", user=lead)

    assert ModelLogEntry.objects.filter(object_id=str(gap.pk), action="wagtail.edit").count() == 1
    assert only_entry("wagtail.edit").district.code == "BUR"


# Signing in and out.


def test_signing_in_and_out_is_recorded(client):
    officer = admin_eido("PEN")

    response = client.post(
        reverse("wagtailadmin_login"), {"username": officer.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    client.post(reverse("wagtailadmin_logout"))

    assert [
        (e.action, e.user, e.label, e.district) for e in entries(content_type__model="user")
    ] == [
        (audit.SIGNED_IN, officer, officer.username, None),
        (audit.SIGNED_OUT, officer, officer.username, None),
    ]


def test_a_failed_sign_in_to_an_account_is_recorded_against_it_without_what_was_typed(client):
    """The account is named (its username is no secret); nobody is recorded as having
    signed in, and the password typed is nowhere in the entry."""
    officer = admin_eido("PEN")

    client.post(
        reverse("wagtailadmin_login"),
        {"username": officer.username, "password": "Wr0ng-and-secret"},
    )

    entry = only_entry(audit.SIGN_IN_FAILED)
    assert (entry.user, entry.label, entry.object_id) == (None, officer.username, str(officer.pk))
    assert "Wr0ng-and-secret" not in table_text()
    assert entry.actor_label == "Not signed in"


def test_a_failed_sign_in_to_no_account_keeps_nothing_of_what_was_typed(client):
    """People type their password into the username box: what was typed is not kept, not
    even hashed."""
    client.post(reverse("wagtailadmin_login"), {"username": "Horse-Battery-9", "password": "x"})

    entry = only_entry(audit.SIGN_IN_FAILED)
    assert (entry.user, entry.label, entry.object_id, entry.data) == (
        None,
        audit.NO_SUCH_ACCOUNT,
        "",
        {},
    )
    assert "horse-battery-9" not in table_text().lower()


# What no entry holds, and that no entry changes.


def table_text() -> str:
    """Every column of every audit log row, as the database holds it (JSON included)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {AuditLogEntry._meta.db_table}")  # noqa: S608
        return "\n".join(str(value) for row in cursor.fetchall() for value in row)


def test_no_entry_holds_the_practitioners_details_or_the_submissions_free_text(client):
    """After a case's whole journey through the admin (views, steps with messages and
    answers, a correction, themes, a download), the log table holds none of the
    practitioner's details and none of the free text."""
    gap = submitted_gap("PEN")
    officer = signed_in(client, admin_eido("PEN"))
    client.get(inspect_url(gap))
    services.start_review(submission=gap, actor=officer)
    services.request_information(
        submission=gap, actor=officer, message="Which counselling was offered?"
    )
    services.provide_information(submission=gap, answer="Only the school nurse drop-in, weekly.")
    services.correct_answers(
        submission=gap,
        actor=officer,
        changes={"unmet_need": "Bereavement counselling outside school hours for a Year 9 pupil."},
        reason="Clarified with the practitioner by phone.",
    )
    services.set_themes(submission=gap, actor=officer, themes=[Theme.objects.get(name="Transport")])
    client.get(screen_url(GapInService), {"export": "csv"})
    client.get(inspect_url(gap))
    assert AuditLogEntry.objects.count() >= 8

    text = table_text()

    gap.refresh_from_db()
    secrets = [
        gap.practitioner_name,
        gap.email,
        gap.phone,
        gap.job_title,
        gap.organisation,
        gap.unmet_need,
        gap.what_has_been_tried,
        "Bereavement counselling for a young person in Year 9.",
        "Which counselling was offered?",
        "Only the school nurse drop-in, weekly.",
        "Clarified with the practitioner by phone.",
    ]
    assert [secret for secret in secrets if secret in text] == []
    assert gap.reference in text  # the scan read the entries


def test_the_model_refuses_to_change_or_delete_an_entry():
    gap = submitted_gap("PEN")
    entry = audit.record(admin_eido("PEN"), audit.VIEWED, gap, data={"screen": "page"})
    entry.label = "Changed"

    for attempt in (entry.save, entry.delete, AuditLogEntry.objects.all().delete):
        with pytest.raises(ValidationError):
            attempt()
    with pytest.raises(ValidationError):
        AuditLogEntry.objects.filter(pk=entry.pk).update(label="Changed")
    assert AuditLogEntry.objects.get(pk=entry.pk).label == gap.reference


def test_an_entry_of_an_unregistered_action_is_refused():
    """Wagtail's rule: every action is registered, so that each reads in words."""
    with pytest.raises(ValidationError):
        audit.record(admin_eido("PEN"), "pei_workflow.unheard_of", listed_member("PEN"))
