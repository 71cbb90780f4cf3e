"""The one XLSX writer of every download: each value as what it is, no text a spreadsheet
would run as a formula, and sheet names Excel accepts."""

import datetime
import io
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from openpyxl.utils.escape import unescape

from pei_workflow.admin.spreadsheet import FORMULA_PREFIXES, Workbook, neutralise_formula


def written(*rows, name="Sheet"):
    out = io.BytesIO()
    with Workbook(out) as workbook:
        sheet = workbook.sheet(name)
        for row in rows:
            sheet.append(row)
    return load_workbook(io.BytesIO(out.getvalue())).active


class District:
    def __str__(self):
        return "Pendle"


def test_each_value_is_written_as_what_it_is():
    """Numbers stay numbers, dates real dates (a date and time in UTC), yes or no a
    boolean; nothing is an empty cell; anything else its text."""
    london = ZoneInfo("Europe/London")
    sheet = written(
        [
            "text",
            3,
            2.5,
            Decimal("120.50"),
            True,
            datetime.date(2026, 3, 31),
            datetime.datetime(2026, 7, 1, 10, 30, tzinfo=london),
            None,
            "",
            District(),
        ]
    )
    cells = list(sheet.iter_rows())[0]
    assert [cell.value for cell in cells[:5]] == ["text", 3, 2.5, 120.5, True]
    assert [cell.data_type for cell in cells[:5]] == ["s", "n", "n", "n", "b"]
    assert cells[5].is_date and cells[5].value == datetime.datetime(2026, 3, 31)
    assert cells[6].is_date and cells[6].value == datetime.datetime(2026, 7, 1, 9, 30)
    assert cells[7].value is None and cells[8].value is None
    assert cells[9].value == "Pendle"


@pytest.mark.parametrize("start", FORMULA_PREFIXES)
@pytest.mark.parametrize("spaces", ["", "   "])
def test_text_a_spreadsheet_would_run_is_written_as_text_behind_an_apostrophe(start, spaces):
    answer = f'{spaces}{start}HYPERLINK("https://example.org","Open")'
    cell = list(written([answer]).iter_rows())[0][0]
    assert cell.data_type == "s"
    # A carriage return is escaped as Excel escapes it; openpyxl reads the escape as it is.
    assert unescape(cell.value) == "'" + answer


def test_neutralising_twice_changes_nothing_more_and_leaves_other_text_alone():
    assert neutralise_formula(neutralise_formula("=1+1")) == "'=1+1"
    assert neutralise_formula("A plain answer - with a dash") == "A plain answer - with a dash"
    assert neutralise_formula(-5) == -5


def test_sheet_names_are_shortened_cleaned_and_never_repeated():
    out = io.BytesIO()
    long = "Spot purchases: spend against each budget"
    with Workbook(out) as workbook:
        for name in (long, long, "What [it] bought?", ""):
            workbook.sheet(name).append(["x"])
    names = load_workbook(io.BytesIO(out.getvalue())).sheetnames
    assert names == [
        "Spot purchases spend against ea",
        "Spot purchases spend agains (2)",
        "What it bought",
        "Sheet1",
    ]
    assert all(len(name) <= 31 for name in names)
