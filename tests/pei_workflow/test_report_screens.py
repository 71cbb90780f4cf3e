"""The casework report screens: who may read which report, the parameters they read, the
downloads (formulas neutralised, the same numbers as the page) and the audit log."""

import csv
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from pei_workflow.audit import EXPORTED, VIEWED
from pei_workflow.models import AuditLogEntry, District
from pei_workflow.services import add_to_agenda, record_panel_decision, start_review
from tests.factories import (
    EditorFactory,
    admin_county_lead,
    admin_eido,
    admin_panel_member,
    budget,
    county_lead,
    meeting,
    submitted_gap,
)

pytestmark = pytest.mark.django_db

REPORTS = "/admin/reports/casework/"
COUNTY = "/admin/reports/casework/county/"
PENDLE = "/admin/reports/casework/district/PEN/"
HYPERLINK = '=HYPERLINK("http://example.com/x","Click me")'


def spot_purchase(code: str, purchase_for: str, amount="120.00"):
    lead = county_lead()
    panel = meeting(code, days_ahead=0)
    budget(code, "5000.00", meeting=panel)
    gap = add_to_agenda(
        submission=start_review(submission=submitted_gap(code), actor=lead),
        actor=lead,
        meeting=panel,
    )
    return record_panel_decision(
        submission=gap,
        actor=lead,
        outcome="spot_purchase",
        amount=Decimal(amount),
        purchase_for=purchase_for,
    )


def test_a_pendle_eido_and_panel_member_read_pendles_report_and_a_burnley_eido_does_not(client):
    for reader in (admin_eido("PEN"), admin_panel_member("PEN"), admin_county_lead()):
        client.force_login(reader)
        assert client.get(PENDLE).status_code == 200
    client.force_login(admin_eido("BUR"))
    assert client.get(PENDLE).status_code == 404
    assert client.get("/admin/reports/casework/district/XXX/").status_code == 404


def test_only_a_county_lead_reads_the_county_report(client):
    client.force_login(admin_eido("PEN"))
    assert client.get(COUNTY).status_code == 403
    client.force_login(admin_county_lead())
    assert client.get(COUNTY).status_code == 200


def test_the_reports_page_lists_the_districts_the_person_reads(client):
    client.force_login(admin_panel_member("PEN"))
    page = client.get(REPORTS).content.decode()
    assert PENDLE in page
    assert "/district/BUR/" not in page
    assert COUNTY not in page
    client.force_login(EditorFactory())
    assert client.get(REPORTS).status_code == 403


def test_someone_signed_out_is_sent_to_sign_in(client):
    for url in (REPORTS, COUNTY, PENDLE):
        assert client.get(url)["Location"].startswith("/admin/login/")


@pytest.mark.parametrize(
    "query",
    [
        "?district=1",
        "?state=closed",
        "?year=1999",
        "?year=abc",
        "?quarter=5",
        "?start=2026-04-01",
        "?start=2026-05-01&end=2026-04-01",
        "?start=1990-01-01&end=2026-01-01",
        "?start=not-a-date&end=2026-01-01",
        "?export=pdf&section=routes",
        "?export=csv",
        "?export=csv&section=nonsense",
        "?section=routes",
    ],
)
def test_a_parameter_the_report_does_not_offer_is_a_400(client, query):
    client.force_login(admin_eido("PEN"))
    assert client.get(PENDLE + query).status_code == 400


def test_a_period_that_is_not_valid_shows_its_error_and_no_figures(client):
    client.force_login(admin_eido("PEN"))
    response = client.get(PENDLE + "?start=2026-04-01")
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page
    assert "Give both dates, or neither" in page
    assert "pei-report__section" not in page


def test_a_section_downloads_as_csv_with_the_pages_numbers_and_formulas_made_text(client):
    spot_purchase("PEN", HYPERLINK)
    client.force_login(admin_eido("PEN"))
    response = client.get(PENDLE + "?export=csv&section=bought")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["What it bought", "Spent", "Spot purchases"]
    assert rows[1][0] == "'" + HYPERLINK
    assert Decimal(rows[1][1]) == Decimal("120.00") and rows[1][2] == "1"


def test_the_whole_report_downloads_as_xlsx_one_sheet_a_section_with_formulas_made_text(client):
    spot_purchase("PEN", HYPERLINK)
    client.force_login(admin_eido("PEN"))
    response = client.get(PENDLE + "?export=xlsx")
    workbook = load_workbook(io.BytesIO(b"".join([response.content])))
    assert len(workbook.sheetnames) >= 15
    sheet = workbook["What spot purchases bought"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[2] == ["What it bought", "Spent", "Spot purchases"]
    assert rows[3][0] == "'" + HYPERLINK
    assert sheet.cell(row=4, column=1).data_type == "s"
    assert Decimal(str(rows[3][1])) == Decimal("120.00") and rows[3][2] == 1


def test_a_pendle_eidos_download_holds_nothing_of_burnley(client):
    spot_purchase("BUR", "Burnley secret purchase 4471")
    spot_purchase("PEN", "Pendle purchase")
    client.force_login(admin_eido("PEN"))
    workbook = load_workbook(io.BytesIO(client.get(PENDLE + "?export=xlsx").content))
    cells = repr([[c.value for row in ws.iter_rows() for c in row] for ws in workbook])
    assert "Pendle purchase" in cells
    assert "Burnley" not in cells


def test_reading_and_downloading_a_report_are_in_the_audit_log(client):
    client.force_login(admin_eido("PEN"))
    client.get(PENDLE + "?year=2025&quarter=2")
    client.get(PENDLE + "?year=2025&quarter=2&export=csv&section=routes")
    pendle = District.objects.get(code="PEN")
    viewed = AuditLogEntry.objects.get(action=VIEWED)
    exported = AuditLogEntry.objects.get(action=EXPORTED)
    assert viewed.district == pendle and exported.district == pendle
    assert viewed.data == {"screen": "report", "year": 2025, "quarter": 2}
    assert exported.data["section"] == "routes"


def test_every_section_on_the_page_has_a_table_then_a_chart_with_a_text_alternative(client):
    submitted_gap("PEN")
    client.force_login(admin_eido("PEN"))
    page = client.get(PENDLE).content.decode()
    sections = page.split('<section class="pei-report__section"')[1:]
    assert len(sections) >= 15
    for section in sections:
        assert "<table" in section
        if "<svg" in section:
            assert section.index("<table") < section.index("<svg")
            assert 'role="img"' in section and "<title id=" in section and "<desc id=" in section
