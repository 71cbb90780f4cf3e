"""The "Commissioned projects" screen (wagtail-modeladmin), scoped by the districts each
project covers."""

from django import forms
from django.contrib.admin import display
from django.db.models import Count, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.html import format_html
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList
from wagtail_modeladmin.helpers import ButtonHelper

from ...models import CommissionedProject, MonitoringReturn, pounds
from ...selectors import projects_visible_to
from ...services.projects import MAY_NOT_CHANGE_PROJECT
from ..base import ScopedModelAdmin
from ..filters import DistrictFilter, choice_filter
from ..reasons import REASON_PANEL
from .forms import ProjectForm
from .permissions import ProjectPermissionHelper
from .views import ProjectCreateView, ProjectDeleteView, ProjectEditView, ProjectInspectView

TICK_BOXES = forms.CheckboxSelectMultiple
EXAMPLE_TAG = '<span class="w-status w-status--label pei-example-tag">Example</span>'


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


class ProjectButtonHelper(ButtonHelper):
    """A project's name in the list opens its page (its progress and evidence), which is
    what most people come for; "Edit" stays beside it for those who may."""

    def get_primary_button(self, obj):
        if self.permission_helper.user_can_inspect_obj(self.request.user, obj):
            return self.inspect_button(getattr(obj, self.opts.pk.attname))
        return None


class ProjectAdmin(ScopedModelAdmin):
    model = CommissionedProject
    menu_label = "Commissioned projects"
    menu_icon = "clipboard-list"
    # After Casework (200) and Meetings and budgets (201), before the Directory (220).
    menu_order = 205
    permission_helper_class = ProjectPermissionHelper
    button_helper_class = ProjectButtonHelper
    create_view_class = ProjectCreateView
    edit_view_class = ProjectEditView
    inspect_view_class = ProjectInspectView
    delete_view_class = ProjectDeleteView
    inspect_template_name = "pei_workflow/projects/project_inspect.html"
    inspect_view_extra_css = [
        "pei_workflow/admin/casework.css",
        "pei_workflow/charts.css",
        "pei_workflow/admin/print.css",
        "pei_workflow/projects/project.css",
    ]
    refusal = MAY_NOT_CHANGE_PROJECT
    no_access = (
        "Only EIDOs, county leads, and Resource Panel and Sub Group members can see "
        "commissioned projects."
    )
    list_display = ("project", "provider", "district_names", "dates", "cost_display", "returns")
    list_filter = (
        DistrictFilter,
        "commissioned_by",
        choice_filter(CommissionedProject, "is_example", "example"),
    )
    district_path = "districts"
    search_fields = ("name", "provider")
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("provider"),
            FieldPanel("description"),
            FieldPanel("commissioned_by"),
            FieldPanel("districts", widget=TICK_BOXES),
            FieldPanel("themes", widget=TICK_BOXES),
            FieldPanel("start_date"),
            FieldPanel("end_date"),
            FieldPanel("cost"),
            InlinePanel(
                "outcomes",
                heading="Agreed outcomes",
                label="Agreed outcome",
                help_text="What the provider agreed to achieve, each with a target for the "
                "whole project.",
            ),
            REASON_PANEL,
        ],
        base_form_class=ProjectForm,
    )

    def selector(self, user):
        # One query for the rows with their number of returns, one for all their districts:
        # flat, however many projects there are.
        returns = (
            MonitoringReturn.objects.filter(project=OuterRef("pk"))
            .order_by()
            .values("project")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return (
            projects_visible_to(user)
            .annotate(return_count=Coalesce(Subquery(returns), Value(0)))
            .prefetch_related("districts")
        )

    @display(description="Project", ordering="name")
    def project(self, obj):
        if obj.is_example:
            return format_html("{} " + EXAMPLE_TAG, obj.name)
        return obj.name

    @display(description="Districts")
    def district_names(self, obj):
        return ", ".join(district.name for district in obj.districts.all()) or "None"

    @display(description="Dates", ordering="start_date")
    def dates(self, obj):
        return obj.period

    @display(description="Cost", ordering="cost")
    def cost_display(self, obj):
        return pounds(obj.cost)

    @display(description="Monitoring returns", ordering="return_count")
    def returns(self, obj):
        return obj.return_count

    def in_use_message(self, instance) -> str | None:
        """Why this project cannot be deleted, or None. An example goes with its returns."""
        if instance.is_example:
            return None
        decisions = instance.gaps.count() + instance.caf_escalations.count()
        returns = instance.returns.count()
        if not decisions and not returns:
            return None
        parts = []
        if decisions:
            parts.append(f"the decisions on {_count(decisions, 'submission')} commissioned it")
        if returns:
            parts.append(f"it has {_count(returns, 'monitoring return')}")
        return (
            f"You cannot delete this project: {' and '.join(parts)}, and that record must "
            "stay. If it has ended, leave it: its page shows its dates."
        )
