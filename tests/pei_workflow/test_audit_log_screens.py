"""Who reads the audit log, where: EIDOs their districts' entries (Site history and Reports >
Audit log), county leads every entry, filtered and downloaded; nobody else, and no view
changes or deletes an entry."""

import csv
import datetime
import html
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from pei_workflow import audit, services
from pei_workflow.admin.audit_report import AUDIT_LOG, AUDIT_LOG_RESULTS
from pei_workflow.admin.urls import inspect_url
from pei_workflow.models import AuditLogEntry
from tests.factories import (
    EditorFactory,
    admin_county_lead,
    admin_eido,
    admin_panel_member,
    district,
    submitted_gap,
)

pytestmark = pytest.mark.django_db

SITE_HISTORY = "/admin/reports/site-history/"
SITE_HISTORY_RESULTS = "/admin/reports/site-history/results/"


def report_url(**query) -> str:
    from urllib.parse import urlencode

    return reverse(AUDIT_LOG) + (f"?{urlencode(query, doseq=True)}" if query else "")


def text(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith("application/vnd.openxml"):
        sheet = openpyxl.load_workbook(io.BytesIO(body)).active
        return "\n".join(str(cell) for row in sheet.iter_rows(values_only=True) for cell in row)
    return html.unescape(body.decode("utf-8-sig"))


def csv_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text(response))))


@pytest.fixture
def pendle_case(client):
    """A Pendle gap its EIDO has looked at and started reviewing; the client is signed out."""
    gap = submitted_gap("PEN")
    officer = admin_eido("PEN", username="pen.eido@example.org")
    client.force_login(officer)
    assert client.get(inspect_url(gap)).status_code == 200
    services.start_review(submission=gap, actor=officer)
    client.logout()
    return gap


SCREENS = [
    SITE_HISTORY,
    SITE_HISTORY_RESULTS,
    f"{SITE_HISTORY}?export=csv",
    f"{SITE_HISTORY}?export=xlsx",
    reverse(AUDIT_LOG),
    reverse(AUDIT_LOG_RESULTS),
]


def test_an_eido_of_another_district_sees_neither_the_submission_nor_its_entries(
    client, pendle_case
):
    """The Burnley EIDO gets a 404 for the Pendle case, and no screen of the log (Site
    history, its results and downloads, the Audit log report) names it."""
    client.force_login(admin_eido("BUR"))

    assert client.get(inspect_url(pendle_case)).status_code == 404
    for address in SCREENS:
        response = client.get(address)
        assert response.status_code == 200, address
        assert pendle_case.reference not in text(response), address


def test_the_districts_eido_reads_the_views_and_steps_in_site_history_and_the_audit_log(
    client, pendle_case
):
    client.force_login(admin_eido("PEN"))

    history = text(client.get(SITE_HISTORY))
    report = text(client.get(reverse(AUDIT_LOG)))

    for page in (history, report):
        assert pendle_case.reference in page
        assert "Viewed its page" in page
        assert "Review started" in page
    assert "pen.eido@example.org" in report


def test_panel_members_and_editors_may_not_read_the_audit_log(client, pendle_case):
    """They are refused the report (403) and not offered it in the menu."""
    for person in (admin_panel_member("PEN"), EditorFactory()):
        client.force_login(person)
        assert client.get(reverse(AUDIT_LOG)).status_code == 403
        assert client.get(reverse(AUDIT_LOG_RESULTS)).status_code == 403
        assert reverse(AUDIT_LOG) not in text(client.get("/admin/"))
    client.force_login(admin_eido("PEN"))
    assert reverse(AUDIT_LOG) in text(client.get("/admin/"))


def test_sign_ins_and_role_changes_are_county_leads_only(client, pendle_case):
    """An EIDO reads their districts' casework entries, not who signed in or was given a
    role there."""
    lead = admin_county_lead(username="cara.lead@example.org")
    services.grant_role(
        actor=lead, role="eido", email="new.pendle.eido@example.org", districts=[district("PEN")]
    )
    client.force_login(admin_eido("PEN"))
    eidos_view = text(client.get(reverse(AUDIT_LOG)))
    client.force_login(lead)
    leads_view = text(client.get(reverse(AUDIT_LOG)))

    for words in ("Signed in", "new.pendle.eido@example.org"):
        assert words not in eidos_view
        assert words in leads_view


def test_only_county_leads_download_the_audit_log(client, pendle_case):
    client.force_login(admin_eido("PEN"))
    assert client.get(report_url(export="csv")).status_code == 403
    assert "Download CSV" not in text(client.get(reverse(AUDIT_LOG)))


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_a_county_lead_downloads_the_log_and_the_download_is_recorded(
    client, pendle_case, export_format
):
    lead = admin_county_lead()
    client.force_login(lead)

    response = client.get(report_url(export=export_format))

    assert response.status_code == 200
    body = text(response)
    assert pendle_case.reference in body
    assert "View a submission" in body  # the action in words
    download = AuditLogEntry.objects.get(action=audit.EXPORTED)
    assert (download.user, download.label) == (lead, f"Audit log entries ({export_format.upper()})")


def test_a_county_lead_filters_the_log_by_person_action_district_and_date(client, pendle_case):
    """Each filter narrows the list to its entries: the Pendle EIDO's, the views, Burnley's
    steps, and today's (none yesterday)."""
    burnley_case = submitted_gap("BUR")
    burnley_eido = admin_eido("BUR")
    services.start_review(submission=burnley_case, actor=burnley_eido)
    pendle_eido = AuditLogEntry.objects.get(action=audit.VIEWED).user
    client.force_login(admin_county_lead())
    today = timezone.localdate()
    yesterday = today - datetime.timedelta(days=1)

    def records(**query):
        return {row["Record"] for row in csv_rows(client.get(report_url(export="csv", **query)))}

    # Their view and step, and their signing in and out.
    assert records(user=pendle_eido.pk) == {pendle_case.reference, pendle_eido.username}
    assert records(action=audit.VIEWED) == {pendle_case.reference}
    assert records(action=audit.STEP, district=district("BUR").pk) == {burnley_case.reference}
    assert pendle_case.reference in records(timestamp_from=today.isoformat())
    assert records(timestamp_to=yesterday.isoformat()) == set()


@pytest.mark.parametrize(
    "query",
    [{"q": "Sam Taylor"}, {"label": "GAP"}, {"district": "BUR"}, {"timestamp_from": "soon"}],
)
def test_the_report_answers_what_it_does_not_offer_with_a_400(client, pendle_case, query):
    """An undeclared parameter, or a district or date the filters do not offer (Burnley to a
    Pendle EIDO), is refused before anything is read."""
    if query.get("district"):
        query = {"district": district(query["district"]).pk}
    client.force_login(admin_eido("PEN"))

    assert client.get(report_url(**query)).status_code == 400


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("role", ["county_lead", "eido"])
def test_no_view_of_the_log_edits_or_deletes_an_entry(client, pendle_case, method, role):
    """Every address of the report and of Site history refuses to change anything; the log
    is as it was."""
    client.force_login(admin_county_lead() if role == "county_lead" else admin_eido("PEN"))
    before = list(AuditLogEntry.objects.values())

    for address in (reverse(AUDIT_LOG), reverse(AUDIT_LOG_RESULTS), *SCREENS[:2]):
        response = getattr(client, method)(address, {"label": "Changed", "action": "x"})
        assert response.status_code == 405, (method, address)

    assert list(AuditLogEntry.objects.values()) == before


def test_site_history_shows_each_change_once(client):
    """A meeting change is a model log entry and its audit copy; Site history lists it once."""
    lead = admin_county_lead()
    meeting = services.save_meeting(
        actor=lead,
        district=district("PEN"),
        kind="resource_panel",
        date=timezone.localdate() + datetime.timedelta(days=14),
    )
    client.force_login(lead)

    rows = csv_rows(client.get(f"{SITE_HISTORY}?export=csv"))

    assert [row["Name"] for row in rows].count(str(meeting)) == 1
    assert AuditLogEntry.objects.filter(label=str(meeting)).count() == 1


def test_reading_the_audit_log_is_recorded_with_its_filters(client, pendle_case):
    """Who read the log, and filtered by what, is in the log (for county leads)."""
    lead = admin_county_lead()
    client.force_login(lead)

    assert client.get(report_url(action=audit.VIEWED)).status_code == 200

    entry = AuditLogEntry.objects.get(data__screen=audit.REPORT)
    assert (entry.user, entry.label, entry.message) == (lead, "Audit log", "Read the report")
    assert entry.data["filters"] == {"action": [audit.VIEWED]}
