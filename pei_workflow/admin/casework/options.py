from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.http import Http404
from wagtail_modeladmin.helpers import DjangoORMSearchHandler
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup

from ...models import (
    DECISION_FIELDS,
    MONITORING_FIELDS,
    CafEscalation,
    GapInService,
)
from ...selectors import visible_to
from .answers import answer_field_names
from .export import SafeExportIndexView
from .permissions import DistrictScopedPermissionHelper
from .views import ReviewHistoryInspectView, VisibleDistrictFilter

# What the inspect page's summary shows, first in every export.
SUMMARY_FIELDS = ("reference", "district", "state", "submitted_at")


class DistrictScopedAdmin(ModelAdmin):
    """A submissions list, inspect view and export that show a person only the submissions
    `visible_to` them. Any other submission's address answers 404, whatever the view."""

    permission_helper_class = DistrictScopedPermissionHelper
    index_view_class = SafeExportIndexView
    inspect_view_class = ReviewHistoryInspectView
    inspect_view_enabled = True
    inspect_template_name = "pei_workflow/admin/inspect.html"
    inspect_view_extra_css = ["pei_workflow/admin/casework.css"]
    history_view_enabled = False
    search_handler_class = DjangoORMSearchHandler
    search_fields = ("reference",)
    add_to_settings_menu = False
    list_per_page = 50

    #: The related rows the list and the export show, joined in so that neither costs a query
    #: per row.
    related = ("district", "meeting__district")

    def get_queryset(self, request):
        return visible_to(request.user, self.model).select_related(*self.related)

    def _visible_or_404(self, request, instance_pk):
        try:
            visible = visible_to(request.user, self.model).filter(pk=unquote(instance_pk))
            found = visible.exists()
        except (ValueError, ValidationError):
            found = False
        if not found:
            raise Http404("No such submission")

    def inspect_view(self, request, instance_pk):
        self._visible_or_404(request, instance_pk)
        return super().inspect_view(request, instance_pk)

    def edit_view(self, request, instance_pk):
        self._visible_or_404(request, instance_pk)
        return super().edit_view(request, instance_pk)

    def delete_view(self, request, instance_pk):
        self._visible_or_404(request, instance_pk)
        return super().delete_view(request, instance_pk)


class GapInServiceAdmin(DistrictScopedAdmin):
    model = GapInService
    menu_label = "Gaps in service"
    menu_icon = "warning"
    list_display = ("reference", "district", "state", "route", "barrier", "submitted_at")
    list_filter = (VisibleDistrictFilter, "state", "route", "barrier")
    related = ("district", "meeting__district", "priority", "identified_service")
    # The export carries what reports need: the answers, then what was decided and the outcome.
    list_export = [
        *SUMMARY_FIELDS,
        *answer_field_names(GapInService),
        "meeting",
        *DECISION_FIELDS,
        *MONITORING_FIELDS,
    ]
    export_filename = "gaps-in-service"


class CafEscalationAdmin(DistrictScopedAdmin):
    model = CafEscalation
    menu_label = "CAF escalations"
    menu_icon = "arrow-up-big"
    list_display = ("reference", "district", "state", "escalation_type", "submitted_at")
    list_filter = (VisibleDistrictFilter, "state", "escalation_type", "county_implications")
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
