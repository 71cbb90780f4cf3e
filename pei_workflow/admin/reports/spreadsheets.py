"""A report's sections as CSV (one section) or XLSX (one sheet per section).

Every text cell a spreadsheet would read as a formula is neutralised, as in every casework
download; figures stay numbers so that they can be added up.
"""

import csv
import io

from django.http import HttpResponse
from django.utils.text import slugify

from ...reports.report import Report
from ...reports.sections import Section
from ..spreadsheet import Workbook, neutralise_formula

FORMATS = ("csv", "xlsx")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def section_rows(section: Section) -> list[list]:
    """The section as a spreadsheet holds it: its column headings, then its rows."""
    return [
        [neutralise_formula(heading) for heading in section.columns],
        *([neutralise_formula(value) for value in row] for row in section.rows),
    ]


def download(report: Report, sections: list[Section], export_format: str) -> HttpResponse:
    name = slugify(f"{report.title} {report.scope.period.label}")
    if len(sections) == 1:
        name = f"{name}-{sections[0].key.replace('_', '-')}"
    if export_format == "csv":
        response = HttpResponse(_csv(sections[0]), content_type="text/csv; charset=utf-8")
        extension = "csv"
    else:
        response = HttpResponse(_xlsx(report, sections), content_type=XLSX_TYPE)
        extension = "xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}.{extension}"'
    return response


def _csv(section: Section) -> str:
    out = io.StringIO()
    csv.writer(out).writerows(section_rows(section))
    return out.getvalue()


def _xlsx(report: Report, sections: list[Section]) -> bytes:
    out = io.BytesIO()
    with Workbook(out) as workbook:
        for section in sections:
            sheet = workbook.sheet(section.heading)
            sheet.append([f"{report.title}: {report.scope.period.label}"])
            sheet.append([section.finding])
            for row in section_rows(section):
                sheet.append(row)
    return out.getvalue()
