"""The casework lists' downloads carry the date each state was first reached, honour the
list's filters, and stream: memory does not grow with the number of rows."""

import csv
import datetime
import io
import tracemalloc

import pytest
from openpyxl import load_workbook

from pei_workflow.admin import export
from pei_workflow.models import GapInService, TransitionLog
from pei_workflow.services import start_review
from pei_workflow.synthetic import generate_casework
from tests.factories import admin_county_lead, admin_eido, submitted_gap

pytestmark = pytest.mark.django_db

GAPS = "/admin/pei_workflow/gapinservice/"


def csv_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_the_export_has_the_date_each_state_was_first_reached(client):
    eido = admin_eido("PEN")
    gap = start_review(submission=submitted_gap("PEN"), actor=eido)
    untouched = submitted_gap("PEN")
    client.force_login(eido)
    rows = {row["Reference"]: row for row in csv_rows(client.get(GAPS, {"export": "csv"}))}
    reviewed = TransitionLog.objects.get(object_id=gap.pk, transition="start_review")
    shown = rows[gap.reference]["Reached “Being reviewed”"]
    assert datetime.datetime.fromisoformat(shown) == reviewed.created_at
    assert rows[gap.reference]["Reached “Received”"]
    assert rows[untouched.reference]["Reached “Being reviewed”"] == ""
    assert "Reached “Closed”" in rows[gap.reference]


def test_an_empty_answer_is_an_empty_cell_and_a_zero_is_a_zero(client):
    eido = admin_eido("PEN")
    gap = submitted_gap("PEN")
    GapInService.objects.filter(pk=gap.pk).update(children_benefiting=0)
    client.force_login(eido)
    (row,) = csv_rows(client.get(GAPS, {"export": "csv"}))
    assert row["Children and young people benefiting"] == "0"
    assert row["Families benefiting"] == ""
    assert row["What was agreed"] == ""


def test_the_xlsx_export_has_the_same_columns_and_dates_as_cells(client):
    eido = admin_eido("PEN")
    start_review(submission=submitted_gap("PEN"), actor=eido)
    client.force_login(eido)
    response = client.get(GAPS, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    headings = [cell.value for cell in sheet[1]]
    reviewed = sheet.cell(row=2, column=headings.index("Reached “Being reviewed”") + 1)
    assert reviewed.is_date


def test_the_export_honours_the_lists_filters(client):
    eido = admin_eido("PEN")
    reviewed = start_review(submission=submitted_gap("PEN"), actor=eido)
    submitted_gap("PEN")
    client.force_login(eido)
    rows = csv_rows(client.get(GAPS, {"export": "csv", "state": "in_review"}))
    assert [row["Reference"] for row in rows] == [reviewed.reference]


def peak_memory_of_export(client, export_format: str) -> int:
    tracemalloc.start()
    try:
        response = client.get(GAPS, {"export": export_format})
        for _ in response.streaming_content:
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_an_export_of_four_times_the_rows_takes_about_the_same_memory(
    client, export_format, monkeypatch
):
    """Rows are read in chunks (small here, so the test needs few rows); a download that
    read the whole list into memory would take about four times as much for four times the
    rows."""
    monkeypatch.setattr(export, "CHUNK_SIZE", 100)
    monkeypatch.setattr(export, "XLSX_IN_MEMORY", 0)
    client.force_login(admin_county_lead())
    generate_casework(300, seed=1)
    small = peak_memory_of_export(client, export_format)
    generate_casework(900, seed=2)
    assert GapInService.objects.count() >= 4 * 200
    large = peak_memory_of_export(client, export_format)
    assert large < small * 1.5, (small, large)


def test_each_row_has_its_own_dates_when_the_rows_come_in_several_chunks(client, monkeypatch):
    """The dates reached are read a chunk at a time: a row never takes another's."""
    monkeypatch.setattr(export, "CHUNK_SIZE", 2)
    eido = admin_eido("PEN")
    gaps = [submitted_gap("PEN") for _ in range(5)]
    reviewed = [start_review(submission=gap, actor=eido) for gap in gaps[::2]]
    client.force_login(eido)
    rows = {row["Reference"]: row for row in csv_rows(client.get(GAPS, {"export": "csv"}))}
    assert len(rows) == 5
    for gap in gaps:
        step = TransitionLog.objects.filter(object_id=gap.pk, transition="start_review").first()
        shown = rows[gap.reference]["Reached “Being reviewed”"]
        if gap in reviewed:
            assert datetime.datetime.fromisoformat(shown) == step.created_at
        else:
            assert shown == "" and step is None


def test_the_dates_reached_cost_one_query_a_chunk_however_many_rows_it_holds(client):
    eido = admin_eido("PEN")
    client.force_login(eido)
    submitted_gap("PEN")

    def queries_of_export() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            csv_rows(client.get(GAPS, {"export": "csv"}))
        return len(queries)

    one = queries_of_export()
    for _ in range(6):
        start_review(submission=submitted_gap("PEN"), actor=eido)
    assert queries_of_export() == one
