"""How every download writes its cells: no text a spreadsheet would run as a formula, and one
way of writing an XLSX file.

The XLSX files are written with xlsxwriter in its constant-memory mode: each row goes to a
temporary file on disk as soon as the next one starts, and text is written into its cell
rather than into a table of shared strings, so memory does not grow with the rows. It writes
a row in about half the time of openpyxl's write-only mode (openpyxl builds a cell object and
an XML element for every cell; installing lxml does not change that much).
"""

import datetime
import re
from collections.abc import Iterable
from decimal import Decimal

import xlsxwriter

# A spreadsheet treats a cell that starts with one of these as a formula; a practitioner's
# answer must never run as one on an EIDO's computer. Some spreadsheets trim leading spaces
# when they open a CSV file, so a formula behind spaces counts too.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Excel's rules for a sheet's name: at most 31 characters, none of these.
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\']")
SHEET_NAME_LENGTH = 31
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
DATE_FORMAT = "dd/mm/yyyy"
_OPTIONS = {
    "constant_memory": True,
    # Text stays text: never read as a number, a formula or a link.
    "strings_to_numbers": False,
    "strings_to_formulas": False,
    "strings_to_urls": False,
}


def neutralise_formula(value):
    """Prefix a text cell that a spreadsheet would read as a formula with an apostrophe."""
    if isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def sheet_name(name: str) -> str:
    """A sheet's name as Excel allows it."""
    return _SHEET_NAME_FORBIDDEN.sub("", name)[:SHEET_NAME_LENGTH] or "Sheet1"


class Workbook:
    """An XLSX file written to `output` (a path or a binary file) a row at a time; used as a
    context manager, the file is finished when the block ends.

    Each value is written as what it is: text (neutralised), a number, a date or a date and
    time (as real dates, a date and time in UTC, as Excel has no time zones), yes or no;
    None and "" leave the cell empty; anything else is written as its text.
    """

    def __init__(self, output):
        self._book = xlsxwriter.Workbook(output, _OPTIONS)
        self._names = set()
        self._formats = {
            datetime.datetime: self._book.add_format({"num_format": DATETIME_FORMAT}),
            datetime.date: self._book.add_format({"num_format": DATE_FORMAT}),
        }

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self._book.close()

    def sheet(self, name: str) -> "Sheet":
        """A new sheet, named `name` as far as Excel allows (and numbered if two names
        shortened to 31 characters are the same: Excel refuses a file that repeats one)."""
        base = name = sheet_name(name)
        number = 1
        while name.casefold() in self._names:
            number += 1
            suffix = f" ({number})"
            name = base[: SHEET_NAME_LENGTH - len(suffix)] + suffix
        self._names.add(name.casefold())
        return Sheet(self._book.add_worksheet(name), self._formats)


class Sheet:
    """One sheet of a `Workbook`, filled from the top a row at a time."""

    def __init__(self, worksheet, formats: dict):
        self._worksheet = worksheet
        self._next_row = 0
        # How each type of value is written, looked up by its exact type (the common case)
        # before falling back on isinstance.
        when = formats[datetime.datetime]
        day = formats[datetime.date]
        self._writers = {
            str: self._text,
            int: worksheet.write_number,
            float: worksheet.write_number,
            Decimal: self._decimal,
            bool: worksheet.write_boolean,
            datetime.datetime: lambda row, column, value: self._when(row, column, value, when),
            datetime.date: lambda row, column, value: worksheet.write_datetime(
                row, column, value, day
            ),
        }

    def append(self, values: Iterable) -> None:
        row = self._next_row
        self._next_row += 1
        writers = self._writers
        for column, value in enumerate(values):
            if value is None or value == "":
                continue
            write = writers.get(type(value)) or self._writer_for(value)
            write(row, column, value)

    def _writer_for(self, value):
        # In the dictionary's order: a date and time before a date, as it is one.
        for kind, write in self._writers.items():
            if isinstance(value, kind):
                return write
        return self._other

    def _text(self, row: int, column: int, value: str) -> None:
        self._worksheet.write_string(row, column, neutralise_formula(value))

    def _decimal(self, row: int, column: int, value: Decimal) -> None:
        self._worksheet.write_number(row, column, float(value))

    def _when(self, row: int, column: int, value: datetime.datetime, cell_format) -> None:
        if value.tzinfo is not None:
            value = value.astimezone(datetime.UTC).replace(tzinfo=None)
        self._worksheet.write_datetime(row, column, value, cell_format)

    def _other(self, row: int, column: int, value) -> None:
        self._text(row, column, str(value))
