"""The casework lists' CSV and XLSX downloads.

- Each choice in words, as the screens say it; no cell a spreadsheet would run as a formula.
- For a submission, the date each state was first reached, a column per state.
- Streamed: rows are read from the database in chunks and written as they come, and an XLSX
  file is built on disk rather than in memory, so 100,000 rows take the memory of a few
  thousand.
"""

import tempfile

from django.contrib.admin.utils import label_for_field, lookup_field
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Min, OuterRef, Subquery
from django.http import FileResponse
from django.utils.text import capfirst
from wagtail_modeladmin.views import IndexView

from .. import audit
from ..models import Submission, TransitionLog

# A spreadsheet treats a cell that starts with one of these as a formula; a practitioner's
# answer must never run as one on an EIDO's computer. Some spreadsheets trim leading spaces
# when they open a CSV file, so a formula behind spaces counts too.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
#: Rows read from the database at a time while a download streams.
CHUNK_SIZE = 1000
#: An XLSX file stays in memory up to this size, then moves to a temporary file.
XLSX_IN_MEMORY = 2 * 1024 * 1024
REACHED = "reached_"


def neutralise_formula(value):
    """Prefix a text cell that a spreadsheet would read as a formula with an apostrophe."""
    if isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def reached_states(model) -> list[tuple[str, str]]:
    """(column, heading) for the date a submission first reached each state of `model`."""
    return [
        (f"{REACHED}{value}", f"Reached “{label}”")
        for value, label in model._meta.get_field("state").choices
        if value != "new"
    ]


def with_dates_reached(queryset):
    """Annotate each submission with the first time it reached each state (a subquery on
    its review history per state, on the history's index)."""
    model = queryset.model
    steps = TransitionLog.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id=OuterRef("pk")
    )
    return queryset.annotate(
        **{
            column: Subquery(
                steps.filter(to_state=column.removeprefix(REACHED))
                .order_by()
                .values("object_id")
                .annotate(first=Min("created_at"))
                .values("first")
            )
            for column, _ in reached_states(model)
        }
    )


class _InChunks:
    """A queryset read in chunks, not cached whole, for the download writers (which also
    ask it for its model)."""

    def __init__(self, queryset):
        self.queryset = queryset
        self.model = queryset.model

    def __iter__(self):
        return self.queryset.iterator(chunk_size=CHUNK_SIZE)


class SafeExportIndexView(IndexView):
    """A list whose CSV and XLSX exports say each choice in words, as the screens do, cannot
    carry formulas, and stream."""

    def to_row_dict(self, item):
        # Not modeladmin's: it writes "-" for every falsy value, so 0 children benefiting
        # and "no" read as "not given", and a lone "-" looks like a formula.
        row = {}
        for name in self.list_export:
            value = lookup_field(name, item, self.model_admin)[2]
            try:
                field = item._meta.get_field(name)
            except FieldDoesNotExist:
                field = None
            if value is None:
                value = ""
            elif field is not None and field.choices and value != "":
                value = getattr(item, f"get_{name}_display")()
            row[name] = value
        return row

    def get_heading(self, queryset, field):
        # Sentence case, as every heading on the screens (modeladmin title-cases them).
        if field in self.export_headings:
            return str(self.export_headings[field])
        return capfirst(str(label_for_field(field, model=self.model, model_admin=self.model_admin)))

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return neutralise_formula(value)

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
            queryset = with_dates_reached(queryset)
            reached = reached_states(self.model)
            self.list_export = [*self.list_export, *(column for column, _ in reached)]
            self.export_headings = {**self.export_headings, **dict(reached)}
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


def exported_district(view):
    """The one district a list's download holds: the one its district filter chose, or the
    only one the person reads there (district ids are read once per request)."""
    chosen = view.request.GET.get("district", "")
    if chosen.isdigit():
        return int(chosen)
    read_ids = getattr(view.permission_helper, "read_ids", None)
    ids = read_ids(view.request.user) if read_ids else ()
    return next(iter(ids)) if len(ids) == 1 else None
