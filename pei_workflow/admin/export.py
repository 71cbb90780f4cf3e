from django.core.exceptions import FieldDoesNotExist
from wagtail_modeladmin.views import IndexView

from .. import audit

# A spreadsheet treats a cell that starts with one of these as a formula; a practitioner's
# answer must never run as one on an EIDO's computer. Some spreadsheets trim leading spaces
# when they open a CSV file, so a formula behind spaces counts too.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """Prefix a text cell that a spreadsheet would read as a formula with an apostrophe."""
    if isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class SafeExportIndexView(IndexView):
    """A list whose CSV and XLSX exports say each choice in words, as the screens do, and
    cannot carry formulas."""

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        for name in row:
            try:
                field = item._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if field.choices and getattr(item, name) not in (None, ""):
                row[name] = getattr(item, f"get_{name}_display")()
        return row

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
        return super().as_spreadsheet(queryset, spreadsheet_format)


def exported_district(view):
    """The one district a list's download holds: the one its district filter chose, or the
    only one the person reads there (district ids are read once per request)."""
    chosen = view.request.GET.get("district", "")
    if chosen.isdigit():
        return int(chosen)
    read_ids = getattr(view.permission_helper, "read_ids", None)
    ids = read_ids(view.request.user) if read_ids else ()
    return next(iter(ids)) if len(ids) == 1 else None
