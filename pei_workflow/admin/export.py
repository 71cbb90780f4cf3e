from wagtail_modeladmin.views import IndexView

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
    """The submissions list, whose CSV and XLSX exports cannot carry formulas."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return neutralise_formula(value)
