"""The "Meetings and budgets" screens (wagtail-modeladmin): meetings, panel members,
spot-purchase budgets and each district's panel maximum, all scoped by district."""

from django import forms
from django.contrib.admin import display
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef
from django.utils.html import format_html
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail_modeladmin.options import ModelAdminGroup

from ...models import (
    District,
    Meeting,
    PanelMember,
    SpotPurchaseBudget,
    financial_year_label,
    pounds,
)
from ...repeated_needs import rule_of
from ...selectors import (
    budgets_visible_to,
    meeting_districts_visible_to,
    meetings_visible_to,
    panel_members_visible_to,
    with_agenda_sizes,
)
from .. import urls
from ..base import ScopedModelAdmin
from ..filters import DistrictFilter
from ..reasons import REASON_PANEL, ChangeReasonForm, ReasonedEditView
from . import permissions
from .forms import BudgetForm, MeetingForm, PanelMemberForm
from .views import (
    BudgetCreateView,
    BudgetEditView,
    BudgetInspectView,
    FinancialYearFilter,
    LabelledInspectView,
    MeetingCreateView,
    MeetingEditView,
    MeetingInspectView,
    PanelMemberCreateView,
    PanelMemberEditView,
    WhenFilter,
)

TEMPLATES = "pei_workflow/meetings/"


class MeetingAdmin(ScopedModelAdmin):
    model = Meeting
    menu_label = "Meetings"
    menu_icon = "date"
    permission_helper_class = permissions.MeetingPermissionHelper
    create_view_class = MeetingCreateView
    edit_view_class = MeetingEditView
    inspect_view_class = MeetingInspectView
    inspect_template_name = TEMPLATES + "meeting_inspect.html"
    list_display = ("when", "district", "kind", "location", "agenda")
    list_filter = (DistrictFilter, "kind", WhenFilter)
    ordering = ("-date", "-start_time", "-pk")
    inspect_view_fields = [
        "district",
        "kind",
        "date",
        "start_time",
        "location",
        "members_present",
        "apologies",
        "notes",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("district"),
            FieldPanel("kind"),
            FieldPanel("date"),
            FieldPanel("start_time"),
            FieldPanel("location"),
            FieldPanel(
                "members_present",
                widget=forms.CheckboxSelectMultiple,
                help_text="Tick the members who came. Members of the meeting's district and "
                "body (Resource Panel or Sub Group) only.",
            ),
            FieldPanel(
                "apologies",
                widget=forms.CheckboxSelectMultiple,
                help_text="Tick the members who sent apologies.",
            ),
            FieldPanel("notes"),
            REASON_PANEL,
        ],
        base_form_class=MeetingForm,
    )

    related = ("district",)

    def selector(self, user):
        return with_agenda_sizes(meetings_visible_to(user))

    @display(description="Date", ordering="date")
    def when(self, meeting):
        time = f", {meeting.start_time:%H:%M}" if meeting.start_time else ""
        return f"{meeting.date:%A %-d %B %Y}{time}"

    @display(description="Agenda")
    def agenda(self, meeting):
        size = meeting.agenda_size
        return format_html(
            '<a href="{}">Agenda ({})</a>',
            urls.agenda_url(meeting),
            "1 item" if size == 1 else f"{size} items",
        )


class PanelMemberAdmin(ScopedModelAdmin):
    model = PanelMember
    menu_label = "Panel members"
    menu_icon = "group"
    permission_helper_class = permissions.PanelMemberPermissionHelper
    create_view_class = PanelMemberCreateView
    edit_view_class = PanelMemberEditView
    inspect_view_class = LabelledInspectView
    list_display = ("name", "agency", "role", "district", "body", "is_active")
    list_filter = (DistrictFilter, "body", "is_active")
    search_fields = ("name", "agency")
    inspect_view_fields = ["name", "agency", "role", "district", "body", "is_active"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("agency"),
            FieldPanel("role"),
            FieldPanel("district"),
            FieldPanel("body"),
            FieldPanel(
                "is_active",
                help_text="Untick when they leave. Past meetings keep their attendance.",
            ),
            REASON_PANEL,
        ],
        base_form_class=PanelMemberForm,
    )

    related = ("district",)

    def selector(self, user):
        members = panel_members_visible_to(user)
        through_present = Meeting.members_present.through.objects.filter(panelmember=OuterRef("pk"))
        through_apologies = Meeting.apologies.through.objects.filter(panelmember=OuterRef("pk"))
        # Whether they are recorded at any meeting, for the permission helper's delete test.
        return members.annotate(
            in_meetings=ExpressionWrapper(
                Exists(through_present) | Exists(through_apologies), output_field=BooleanField()
            )
        )


class BudgetAdmin(ScopedModelAdmin):
    model = SpotPurchaseBudget
    menu_label = "Spot-purchase budgets"
    menu_icon = "tag"
    permission_helper_class = permissions.BudgetPermissionHelper
    refusal = "Only a county lead can set or change a spot-purchase budget."
    create_view_class = BudgetCreateView
    edit_view_class = BudgetEditView
    inspect_view_class = BudgetInspectView
    inspect_template_name = TEMPLATES + "budget_inspect.html"
    list_display = ("year", "district", "budget", "spent", "left")
    list_filter = (DistrictFilter, FinancialYearFilter)
    edit_handler = ObjectList(
        [
            FieldPanel("district"),
            FieldPanel("financial_year"),
            FieldPanel("amount"),
            REASON_PANEL,
        ],
        base_form_class=BudgetForm,
    )

    related = ("district",)

    def selector(self, user):
        return budgets_visible_to(user)

    @display(description="Financial year", ordering="financial_year")
    def year(self, budget):
        return financial_year_label(budget.financial_year)

    @display(description="Budget", ordering="amount")
    def budget(self, budget):
        return pounds(budget.amount)

    @display(description="Spent to date", ordering="spent_to_date")
    def spent(self, budget):
        return pounds(budget.spent_to_date)

    @display(description="Left", ordering="left")
    def left(self, budget):
        return pounds(budget.left)


class DistrictAdmin(ScopedModelAdmin):
    model = District
    menu_label = "Districts"
    menu_icon = "site"
    permission_helper_class = permissions.DistrictPermissionHelper
    inspect_view_class = LabelledInspectView
    refusal = "Only a county lead can change a district's settings."
    list_display = ("name", "code", "maximum", "repeated_need")
    inspect_view_fields = [
        "name",
        "code",
        "panel_maximum",
        "repeated_need_count",
        "repeated_need_months",
    ]
    edit_view_class = ReasonedEditView
    edit_handler = ObjectList(
        [
            FieldPanel("panel_maximum"),
            FieldPanel("repeated_need_count"),
            FieldPanel("repeated_need_months"),
            REASON_PANEL,
        ],
        base_form_class=ChangeReasonForm,
    )

    district_path = "pk"

    def selector(self, user):
        return meeting_districts_visible_to(user)

    @display(description="Panel maximum per case", ordering="panel_maximum")
    def maximum(self, district):
        return pounds(district.panel_maximum)

    @display(description="Repeated need")
    def repeated_need(self, district):
        return rule_of(district).description.capitalize()


class MeetingsGroup(ModelAdminGroup):
    menu_label = "Meetings and budgets"
    menu_icon = "date"
    # Just after Casework (200).
    menu_order = 201
    items = (MeetingAdmin, PanelMemberAdmin, BudgetAdmin, DistrictAdmin)
