"""The Audit log report (Reports > Audit log): every entry of the audit log a person may read
(`selectors.audit_entries_visible_to`), newest first, filtered by person, action, district
and date; county leads download it as CSV or XLSX.

Why a report of its own rather than a district filter on Wagtail's Site history: Site history
is one union of every log model's entries (pages', Wagtail's model log entries' and ours),
each filtered by the same filter set, and the other models have no district to filter on;
and Site history lists changes to records, where sign-ins and downloads have no place. Here
there is one model with a district on every entry.

Like every casework list, it reads only the query parameters it declares, and answers any
other (or a value its filters do not offer) with a 400. It only reads: it has no form, and
answers POST, PUT and DELETE with 405.
"""

import django_filters
from django.forms import CheckboxSelectMultiple
from django.utils.functional import cached_property
from wagtail.admin.filters import DateRangePickerWidget, MultipleUserFilter, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import get_content_type_label
from wagtail.log_actions import registry

from .. import audit
from ..models import AuditLogEntry
from ..permissions import is_county_lead
from ..selectors import audit_entries_visible_to, districts_visible_to, visible_district_ids
from .base import bad_request, refused
from .export import neutralise_formula

AUDIT_LOG = "pei_workflow_audit_log"
AUDIT_LOG_RESULTS = "pei_workflow_audit_log_results"

NO_ACCESS = "Only EIDOs and county leads can read the audit log."
COUNTY_LEADS_EXPORT = "Only county leads can download the audit log."


def may_read_audit_log(user) -> bool:
    """EIDOs (for their districts) and county leads."""
    return is_county_lead(user) or bool(visible_district_ids(user))


def _record_words(entry) -> str:
    """The record an entry is about: its type, and its reference or name."""
    kind = get_content_type_label(entry.content_type) if entry.content_type_id else ""
    return f"{kind}: {entry.label}" if kind else entry.label


class AuditLogFilterSet(WagtailFilterSet):
    """The person, action and district filters offer only what the entries this person may
    read hold (the filter set's queryset is theirs, see `AuditLogView`)."""

    user = MultipleUserFilter(label="Person", widget=CheckboxSelectMultiple)
    action = django_filters.MultipleChoiceFilter(label="Action", widget=CheckboxSelectMultiple)
    district = django_filters.ModelMultipleChoiceFilter(
        label="District",
        widget=CheckboxSelectMultiple,
        queryset=lambda request: districts_visible_to(request.user),
    )
    timestamp = django_filters.DateFromToRangeFilter(label="Date", widget=DateRangePickerWidget)

    class Meta:
        model = AuditLogEntry
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        used = self.queryset.get_actions()
        self.filters["action"].extra["choices"] = [
            (action, label) for action, label in registry.get_choices() if action in used
        ]
        self.filters["user"].extra["queryset"] = self.queryset.get_users()


class AuditLogView(ReportView):
    page_title = "Audit log"
    header_icon = "list-ul"
    no_results_message = "No entries of the audit log match."
    columns = [
        DateColumn("timestamp", label="When"),
        Column("actor_label", label="Who"),
        Column("message", label="What"),
        Column("record", label="Record", accessor=_record_words),
        Column("district", label="District", accessor=lambda entry: entry.district or ""),
    ]
    filterset_class = AuditLogFilterSet
    index_url_name = AUDIT_LOG
    index_results_url_name = AUDIT_LOG_RESULTS
    export_filename = "audit-log"
    #: The query parameters the report reads: its filters', the page's and the download's.
    PARAMETERS = frozenset(
        {"user", "action", "district", "timestamp_from", "timestamp_to", "p", "export"}
        # Wagtail's "remove this filter" links ask for the results fragment with this.
        | {"_w_filter_fragment"}
    )
    EXPORT_COLUMNS = [
        "timestamp",
        "actor_label",
        "action",
        "message",
        "content_type",
        "object_id",
        "label",
        "district_code",
    ]
    export_headings = {
        "timestamp": "When (UTC)",
        "actor_label": "Who",
        "action": "Action",
        "message": "What",
        "content_type": "Type of record",
        "object_id": "Record id",
        "label": "Record",
        "district_code": "District",
    }

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.custom_field_preprocess = {
            "action": dict.fromkeys(self.FORMATS, self.action_label),
            "content_type": dict.fromkeys(self.FORMATS, get_content_type_label),
        }

    def dispatch(self, request, *args, **kwargs):
        if not may_read_audit_log(request.user):
            return refused(request, NO_ACCESS)
        problem = self.query_problem(request)
        if problem:
            return bad_request(request, problem, back_url=self.index_url)
        if self.is_export and not is_county_lead(request.user):
            return refused(request, COUNTY_LEADS_EXPORT, back_url=self.index_url)
        return super().dispatch(request, *args, **kwargs)

    def query_problem(self, request) -> str:
        for name in request.GET:
            if name not in self.PARAMETERS:
                return f"The audit log cannot be filtered or sorted by “{name[:40]}”."
        if "p" in request.GET and not request.GET["p"].isdigit():
            return "The page number must be a whole number."
        if "export" in request.GET and not self.is_export:
            return "The audit log can be downloaded as CSV or XLSX only."
        if self.filters is not None and not self.filters.is_valid():
            return "A filter has no such choice, or a date is not a date."
        return ""

    @cached_property
    def list_export(self):
        # Only county leads download the log, so only they are offered the buttons.
        return self.EXPORT_COLUMNS if is_county_lead(self.request.user) else []

    @cached_property
    def visible_entries(self):
        return audit_entries_visible_to(self.request.user)

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "queryset": self.visible_entries}

    def get_queryset(self):
        return self.visible_entries.select_related("user", "content_type", "district")

    def action_label(self, action):
        try:
            return str(registry.get_action_label(action))
        except KeyError:
            return action

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return neutralise_formula(value)

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if not self.is_export:
            # Who read the audit log is part of it too (a download is recorded as one).
            audit.record_report_view(
                request,
                AuditLogEntry,
                self.page_title,
                district=self.one_district(),
                data=audit.list_filters(request),
            )
        return response

    def one_district(self):
        """The district the report was filtered to, if it was filtered to one."""
        chosen = self.filters.form.cleaned_data.get("district") if self.filters else None
        return chosen[0] if chosen and len(chosen) == 1 else None

    def as_spreadsheet(self, queryset, spreadsheet_format):
        audit.record_export(
            self.request,
            AuditLogEntry,
            spreadsheet_format,
            district=self.one_district(),
            data=audit.list_filters(self.request),
        )
        return super().as_spreadsheet(queryset, spreadsheet_format)
