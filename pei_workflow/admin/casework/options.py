"""The Casework screens: gaps in service and CAF escalations, each a list, inspect view and
export scoped by `visible_to`. Nobody creates, edits or deletes a submission here:
practitioners create them, and every change goes through a workflow step."""

from django.contrib.admin import display
from wagtail_modeladmin.options import ModelAdminGroup

from ...models import (
    DECISION_FIELDS,
    MONITORING_FIELDS,
    CafEscalation,
    GapInService,
)
from ...repeated_needs import is_repeated_need
from ...selectors import visible_district_ids, visible_to
from ..base import CaseworkDistrictsMixin, ScopedModelAdmin, ScopedPermissionHelper
from ..filters import AssigneeFilter, DistrictFilter
from .answers import answer_field_names
from .due import DueFilter
from .lists import (
    REPEATED_NEED,
    REPEATED_NEED_MARK,
    ReferenceSearchHandler,
    SubmissionIndexView,
)
from .views import ReviewHistoryInspectView

# What the inspect page's summary shows, first in every export.
SUMMARY_FIELDS = ("reference", "district", "state", "submitted_at", "assigned_to")


class SubmissionPermissionHelper(ScopedPermissionHelper):
    """Whoever can see at least one district's casework may use the screens, and then only
    for the submissions `visible_to` them; nothing is created, edited or deleted here."""

    read_ids = staticmethod(visible_district_ids)

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class SubmissionAdmin(CaseworkDistrictsMixin, ScopedModelAdmin):
    permission_helper_class = SubmissionPermissionHelper
    index_view_class = SubmissionIndexView
    index_template_name = "pei_workflow/admin/casework_index.html"
    index_view_extra_css = ["pei_workflow/admin/casework.css"]
    search_handler_class = ReferenceSearchHandler
    inspect_view_class = ReviewHistoryInspectView
    inspect_template_name = "pei_workflow/admin/inspect.html"
    inspect_view_extra_css = ["pei_workflow/admin/casework.css"]
    search_fields = ("reference",)
    no_access = "Only EIDOs and county leads can see submissions."
    #: The related rows the list and the export show, joined in so that neither costs a query
    #: per row.
    related = ("district", "meeting__district", "assigned_to")

    def selector(self, user):
        return visible_to(user, self.model)


class GapInServiceAdmin(SubmissionAdmin):
    model = GapInService
    menu_label = "Gaps in service"
    menu_icon = "warning"
    list_display = (
        "reference",
        "district",
        "state",
        REPEATED_NEED,
        "route",
        "barrier",
        "submitted_at",
        "assigned_to",
        "due_on",
    )
    list_filter = (DistrictFilter, "state", AssigneeFilter, DueFilter, "route", "barrier")
    related = ("district", "meeting__district", "priority", "identified_service", "assigned_to")
    # The export carries what reports need: the answers, then what was decided and the outcome.
    list_export = [
        *SUMMARY_FIELDS,
        *answer_field_names(GapInService),
        "meeting",
        *DECISION_FIELDS,
        *MONITORING_FIELDS,
    ]
    export_filename = "gaps-in-service"

    @display(description="Repeated need")
    def repeated_need(self, gap):
        # One gap at a time; the list works the column out for its whole page at once
        # (lists.SubmissionIndexView) and names this only for its header.
        return REPEATED_NEED_MARK if is_repeated_need(gap) else ""


class CafEscalationAdmin(SubmissionAdmin):
    model = CafEscalation
    menu_label = "CAF escalations"
    menu_icon = "arrow-up-big"
    list_display = (
        "reference",
        "district",
        "state",
        "escalation_type",
        "submitted_at",
        "assigned_to",
        "due_on",
    )
    list_filter = (
        DistrictFilter,
        "state",
        AssigneeFilter,
        DueFilter,
        "escalation_type",
        "county_implications",
    )
    list_export = [
        *SUMMARY_FIELDS,
        *answer_field_names(CafEscalation),
        "meeting",
        "sub_group_agreement",
        "decision_notes",
        "decided_at",
        *MONITORING_FIELDS,
    ]
    export_filename = "caf-escalations"


class CaseworkGroup(ModelAdminGroup):
    menu_label = "Casework"
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (GapInServiceAdmin, CafEscalationAdmin)
