"""The casework lists' CSV and XLSX downloads.

- Each choice in words, as the screens say it; no cell a spreadsheet would run as a formula.
- For a submission, the date each state was first reached, a column per state.
- Streamed: rows are read from the database in chunks and written as they come, and an XLSX
  file is built on disk rather than in memory (`spreadsheet.Workbook`), so 100,000 rows take
  the memory of a few thousand.
"""

import tempfile
from functools import partial
from itertools import islice
from operator import attrgetter

from django.contrib.admin.utils import label_for_field, lookup_field
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Min, Model, Q
from django.http import FileResponse
from django.utils.text import capfirst
from wagtail_modeladmin.views import IndexView

from .. import audit
from ..models import Submission, TransitionLog
from ..models.roles import person_label
from . import spreadsheet
from .spreadsheet import neutralise_formula

#: Rows read from the database at a time while a download streams.
CHUNK_SIZE = 1000
#: An XLSX file stays in memory up to this size, then moves to a temporary file.
XLSX_IN_MEMORY = 2 * 1024 * 1024
REACHED = "reached_"


def reached_states(model) -> list[tuple[str, str]]:
    """(column, heading) for the date a submission first reached each state of `model`."""
    return [
        (f"{REACHED}{value}", f"Reached “{label}”")
        for value, label in model._meta.get_field("state").choices
        if value != "new"
    ]


def add_dates_reached(submissions: list[Submission]) -> None:
    """Set on each submission the first time it reached each state (`reached_<state>`, None
    if never), from its review history: one query for all of them, on the history's index.

    One grouped query a chunk rather than a subquery per state and row: ten correlated
    subqueries made PostgreSQL estimate the list's query so costly that it compiled it
    with JIT first, which took seconds, whatever the size of the list."""
    if not submissions:
        return
    model = type(submissions[0])
    columns = [column for column, _ in reached_states(model)]
    firsts = (
        TransitionLog.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=[submission.pk for submission in submissions],
        )
        .order_by()
        .values("object_id")
        .annotate(
            **{
                column: Min("created_at", filter=Q(to_state=column.removeprefix(REACHED)))
                for column in columns
            }
        )
    )
    reached = {row.pop("object_id"): row for row in firsts}
    never = dict.fromkeys(columns)
    for submission in submissions:
        submission.__dict__.update(reached.get(submission.pk, never))


class _InChunks:
    """A queryset read in chunks, not cached whole, for the download writers (which also
    ask it for its model); submissions come with the dates they reached each state."""

    def __init__(self, queryset):
        self.queryset = queryset
        self.model = queryset.model

    def __iter__(self):
        rows = self.queryset.iterator(chunk_size=CHUNK_SIZE)
        if not issubclass(self.model, Submission):
            yield from rows
            return
        while chunk := list(islice(rows, CHUNK_SIZE)):
            add_dates_reached(chunk)
            yield from chunk


def _cell(value):
    """A value as a download writes it: nothing as an empty cell, a related row as its
    name, text that could run as a formula neutralised; numbers and dates as they are."""
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise_formula(value)
    if isinstance(value, Model):
        return neutralise_formula(str(value))
    return value


class SafeExportIndexView(IndexView):
    """A list whose CSV and XLSX exports say each choice in words, as the screens do, cannot
    carry formulas, and stream.

    Each column's way of reading its value is worked out once per download, not once per
    cell as modeladmin does (which costs a millisecond a row): a choice reads its label from
    a dictionary, a field its attribute.
    """

    def _column_readers(self) -> list:
        readers = []
        for name in self.list_export:
            try:
                field = self.model._meta.get_field(name)
            except FieldDoesNotExist:
                field = None
            if field is None and name.startswith(REACHED):
                readers.append(attrgetter(name))
            elif field is None or field.many_to_many or not field.concrete:
                readers.append(partial(_looked_up, name, self.model_admin))
            elif field.choices:
                labels = {value: str(label) for value, label in field.flatchoices}
                readers.append(partial(_choice, field.attname, labels))
            elif field.is_relation and field.related_model is get_user_model():
                readers.append(partial(_person, name))
            else:
                readers.append(attrgetter(name))
        return readers

    def to_row_dict(self, item):
        # Not modeladmin's: it writes "-" for every falsy value, so 0 children benefiting
        # and "no" read as "not given", and a lone "-" looks like a formula.
        if getattr(self, "_readers", None) is None:
            self._readers = self._column_readers()
        return {
            name: _cell(read(item))
            for name, read in zip(self.list_export, self._readers, strict=True)
        }

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(row_dict)

    def write_xlsx(self, queryset, output):
        with spreadsheet.Workbook(output) as workbook:
            sheet = workbook.sheet(capfirst(str(self.model._meta.verbose_name_plural)))
            sheet.append(self.get_heading(queryset, field) for field in self.list_export)
            for item in queryset:
                sheet.append(self.to_row_dict(item).values())

    def get_heading(self, queryset, field):
        # Sentence case, as every heading on the screens (modeladmin title-cases them).
        if field in self.export_headings:
            return str(self.export_headings[field])
        return capfirst(str(label_for_field(field, model=self.model, model_admin=self.model_admin)))

    def as_spreadsheet(self, queryset, spreadsheet_format):
        audit.record_export(
            self.request,
            self.model,
            spreadsheet_format,
            district=exported_district(self),
            data=audit.list_filters(
                self.request, leave_out=(self.EXPORT_VAR,), search=self.SEARCH_VAR
            ),
        )
        if issubclass(self.model, Submission):
            reached = reached_states(self.model)
            self.list_export = [*self.list_export, *(column for column, _ in reached)]
            self.export_headings = {**self.export_headings, **dict(reached)}
        self._readers = None
        return super().as_spreadsheet(_InChunks(queryset), spreadsheet_format)

    def write_xlsx_response(self, queryset):
        output = tempfile.SpooledTemporaryFile(max_size=XLSX_IN_MEMORY)  # noqa: SIM115
        self.write_xlsx(queryset, output)
        output.seek(0)
        return FileResponse(
            output,
            as_attachment=True,
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            filename=f"{self.get_filename()}.xlsx",
        )


def _person(name: str, item) -> str:
    """A member of staff by name, as the screens show them, not by username."""
    person = getattr(item, name)
    return person_label(person) if person is not None else ""


def _choice(attname: str, labels: dict, item):
    value = getattr(item, attname)
    return labels.get(value, value) if value != "" else ""


def _looked_up(name: str, model_admin, item):
    return lookup_field(name, item, model_admin)[2]


def exported_district(view):
    """The one district a list's download holds: the one its district filter chose, or the
    only one the person reads there (district ids are read once per request)."""
    chosen = view.request.GET.get("district", "")
    if chosen.isdigit():
        return int(chosen)
    read_ids = getattr(view.permission_helper, "read_ids", None)
    ids = read_ids(view.request.user) if read_ids else ()
    return next(iter(ids)) if len(ids) == 1 else None
