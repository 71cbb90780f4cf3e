"""The "Response times" screens (wagtail-modeladmin): each district's response-time targets
and the county's closure days. Everyone who reads a district's meetings reads its targets
and the closure days; county leads alone change them."""

from django.contrib.admin import display
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail_modeladmin.options import ModelAdminGroup

from ...models import ClosureDay, ResponseTarget
from ...permissions import is_county_lead
from ...selectors import closure_days_visible_to, meeting_district_ids, targets_visible_to
from ..base import ScopedModelAdmin, ScopedPermissionHelper
from ..filters import DistrictFilter
from ..meetings.views import LabelledInspectView
from ..reasons import REASON_PANEL, ChangeReasonForm
from . import views


class CountyLeadsChangePermissionHelper(ScopedPermissionHelper):
    """Read under the meetings rule; created, changed and deleted by county leads only."""

    def user_can_create(self, user):
        return is_county_lead(user)

    def user_can_edit_obj(self, user, obj):
        return is_county_lead(user)

    def user_can_delete_obj(self, user, obj):
        return is_county_lead(user)


class ClosurePermissionHelper(CountyLeadsChangePermissionHelper):
    """A closure day belongs to no district: whoever reads some district reads them all."""

    def user_can_inspect_obj(self, user, obj):
        return bool(meeting_district_ids(user))


class ResponseTargetAdmin(ScopedModelAdmin):
    model = ResponseTarget
    menu_label = "Response-time targets"
    menu_icon = "time"
    permission_helper_class = CountyLeadsChangePermissionHelper
    refusal = "Only a county lead can change response-time targets."
    index_view_class = views.TargetIndexView
    index_template_name = "pei_workflow/targets/target_index.html"
    create_view_class = views.TargetCreateView
    edit_view_class = views.TargetEditView
    delete_view_class = views.TargetDeleteView
    inspect_view_class = LabelledInspectView
    list_display = ("district", "kind", "state", "working_days", "counted_from")
    list_filter = (DistrictFilter, "kind", "state")
    inspect_view_fields = ["district", "kind", "state", "working_days"]
    edit_handler = ObjectList(
        [
            FieldPanel("district"),
            FieldPanel("kind"),
            FieldPanel("state"),
            FieldPanel("working_days"),
            REASON_PANEL,
        ],
        base_form_class=ChangeReasonForm,
    )
    related = ("district",)

    def selector(self, user):
        return targets_visible_to(user)

    @display(description="Counted from")
    def counted_from(self, target):
        return views.counted_from(target.state)


class ClosureDayAdmin(ScopedModelAdmin):
    model = ClosureDay
    menu_label = "Closure days"
    menu_icon = "calendar"
    permission_helper_class = ClosurePermissionHelper
    refusal = "Only a county lead can change closure days."
    create_view_class = views.ClosureCreateView
    edit_view_class = views.ClosureEditView
    delete_view_class = views.ClosureDeleteView
    inspect_view_class = LabelledInspectView
    list_display = ("day", "name")
    ordering = ("-date",)
    inspect_view_fields = ["date", "name"]
    edit_handler = ObjectList(
        [FieldPanel("date"), FieldPanel("name"), REASON_PANEL], base_form_class=ChangeReasonForm
    )

    def selector(self, user):
        return closure_days_visible_to(user)

    @display(description="Date", ordering="date")
    def day(self, closure):
        return f"{closure.date:%A %-d %B %Y}"


class ResponseTimesGroup(ModelAdminGroup):
    menu_label = "Response times"
    menu_icon = "time"
    # After Casework (200) and Meetings and budgets (201).
    menu_order = 202
    items = (ResponseTargetAdmin, ClosureDayAdmin)
