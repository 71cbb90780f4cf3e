"""The "Meetings and budgets" screens (wagtail-modeladmin): meetings, panel members,
spot-purchase budgets and each district's panel maximum, all scoped by district."""

from django import forms
from django.contrib.admin import display
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef
from django.http import Http404
from django.urls import reverse
from django.utils.html import format_html
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail_modeladmin.helpers import DjangoORMSearchHandler
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup

from ...models import (
    District,
    Meeting,
    PanelMember,
    SpotPurchaseBudget,
    financial_year_label,
    pounds,
)
from ...refusals import refused
from ...selectors import (
    budgets_visible_to,
    meeting_district_ids,
    meetings_visible_to,
    panel_members_visible_to,
    with_agenda_sizes,
)
from . import permissions
from .forms import BudgetForm, MeetingForm, PanelMemberForm
from .views import (
    BudgetCreateView,
    BudgetEditView,
    BudgetInspectView,
    FinancialYearFilter,
    LabelledInspectView,
    MeetingInspectView,
    ReadableDistrictFilter,
    WhenFilter,
)

TEMPLATES = "pei_workflow/meetings/"


class ScopedAdmin(ModelAdmin):
    """A list, inspect, edit and delete view that show a person only the rows of their
    districts: any other row's address answers 404, whatever the view. A view of their own
    districts that they may not use answers 403 with a page saying who may, rather than
    Wagtail's redirect to the dashboard, so that a refusal is plain to people and to tests."""

    add_to_settings_menu = False
    inspect_view_enabled = True
    history_view_enabled = False
    list_per_page = 50
    # These models are not in the site's search index; search the database directly.
    search_handler_class = DjangoORMSearchHandler
    inspect_view_class = LabelledInspectView
    refusal = "Only your district's EIDO or a county lead can make this change."
    no_access = "Only EIDOs, county leads, and Resource Panel and Sub Group members can see this."

    def _or_refused(self, request, view, *args, refusal="", back_url=""):
        try:
            return view(request, *args)
        except PermissionDenied:
            return refused(
                request, refusal or self.refusal, back_url=back_url or self.url_helper.index_url
            )

    def visible(self, request):
        """The rows this person may read."""
        raise NotImplementedError

    def get_queryset(self, request):
        return self.visible(request)

    def _visible_or_404(self, request, instance_pk):
        try:
            found = self.visible(request).filter(pk=unquote(instance_pk)).exists()
        except (ValueError, ValidationError):
            found = False
        if not found:
            raise Http404(f"No such {self.model._meta.verbose_name}")

    def index_view(self, request):
        # The list itself is refused, so "back" goes to the dashboard.
        home = reverse("wagtailadmin_home")
        return self._or_refused(request, super().index_view, refusal=self.no_access, back_url=home)

    def create_view(self, request):
        return self._or_refused(request, super().create_view)

    def inspect_view(self, request, instance_pk):
        self._visible_or_404(request, instance_pk)
        return self._or_refused(request, super().inspect_view, instance_pk)

    def edit_view(self, request, instance_pk):
        self._visible_or_404(request, instance_pk)
        return self._or_refused(request, super().edit_view, instance_pk)

    def delete_view(self, request, instance_pk):
        self._visible_or_404(request, instance_pk)
        return self._or_refused(request, super().delete_view, instance_pk)


class MeetingAdmin(ScopedAdmin):
    model = Meeting
    menu_label = "Meetings"
    menu_icon = "date"
    permission_helper_class = permissions.MeetingPermissionHelper
    inspect_view_class = MeetingInspectView
    inspect_template_name = TEMPLATES + "meeting_inspect.html"
    list_display = ("when", "district", "kind", "location", "agenda")
    list_filter = (ReadableDistrictFilter, "kind", WhenFilter)
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
        ],
        base_form_class=MeetingForm,
    )

    def visible(self, request):
        meetings = meetings_visible_to(request.user).select_related("district")
        return with_agenda_sizes(meetings)

    @display(description="Date", ordering="date")
    def when(self, meeting):
        time = f", {meeting.start_time:%H:%M}" if meeting.start_time else ""
        return f"{meeting.date:%A %-d %B %Y}{time}"

    @display(description="Agenda")
    def agenda(self, meeting):
        size = meeting.agenda_size
        return format_html(
            '<a href="{}">Agenda ({})</a>',
            reverse("pei_workflow_agenda", kwargs={"pk": meeting.pk}),
            "1 item" if size == 1 else f"{size} items",
        )


class PanelMemberAdmin(ScopedAdmin):
    model = PanelMember
    menu_label = "Panel members"
    menu_icon = "group"
    permission_helper_class = permissions.PanelMemberPermissionHelper
    list_display = ("name", "agency", "role", "district", "body", "is_active")
    list_filter = (ReadableDistrictFilter, "body", "is_active")
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
        ],
        base_form_class=PanelMemberForm,
    )

    def visible(self, request):
        members = panel_members_visible_to(request.user).select_related("district")
        through_present = Meeting.members_present.through.objects.filter(panelmember=OuterRef("pk"))
        through_apologies = Meeting.apologies.through.objects.filter(panelmember=OuterRef("pk"))
        # Whether they are recorded at any meeting, for the permission helper's delete test.
        return members.annotate(
            in_meetings=ExpressionWrapper(
                Exists(through_present) | Exists(through_apologies), output_field=BooleanField()
            )
        )


class BudgetAdmin(ScopedAdmin):
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
    list_filter = (ReadableDistrictFilter, FinancialYearFilter)
    edit_handler = ObjectList(
        [FieldPanel("district"), FieldPanel("financial_year"), FieldPanel("amount")],
        base_form_class=BudgetForm,
    )

    def visible(self, request):
        return budgets_visible_to(request.user).select_related("district")

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


class DistrictAdmin(ScopedAdmin):
    model = District
    menu_label = "Districts"
    menu_icon = "site"
    permission_helper_class = permissions.DistrictPermissionHelper
    refusal = "Only a county lead can change a district's panel maximum."
    list_display = ("name", "code", "maximum")
    inspect_view_fields = ["name", "code", "panel_maximum"]
    edit_handler = ObjectList([FieldPanel("panel_maximum")])

    def visible(self, request):
        return District.objects.filter(pk__in=meeting_district_ids(request.user))

    @display(description="Panel maximum per case", ordering="panel_maximum")
    def maximum(self, district):
        return pounds(district.panel_maximum)


class MeetingsGroup(ModelAdminGroup):
    menu_label = "Meetings and budgets"
    menu_icon = "date"
    # Just after Casework (200).
    menu_order = 201
    items = (MeetingAdmin, PanelMemberAdmin, BudgetAdmin, DistrictAdmin)
