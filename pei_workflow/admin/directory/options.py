"""The "Directory" admin group: services, themes and CYPP priorities."""

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail_modeladmin.options import ModelAdminGroup

from ...models import Priority, Service, Theme
from ...selectors import priorities_visible_to, services_visible_to
from ..base import CaseworkDistrictsMixin, ScopedModelAdmin
from ..filters import DeclaredFilter, DistrictFilter, choice_filter
from ..reasons import REASON_PANEL, ReasonedCreateView, ReasonedEditView
from .forms import TICK_BOXES, PriorityForm, ServiceForm, ThemeForm
from .permissions import (
    PriorityPermissionHelper,
    ServicePermissionHelper,
    ThemePermissionHelper,
)
from .views import GuardedDeleteView, ServiceInspectView


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def yes_no_column(field_name: str, label: str):
    """A list column showing a boolean field as a tick or cross, with a plain heading."""

    def column(self, obj) -> bool:
        return getattr(obj, field_name)

    column.short_description = label
    column.boolean = True
    column.admin_order_field = field_name
    return column


class ServiceThemeFilter(DeclaredFilter):
    title = "theme"
    parameter_name = "theme"

    def lookups(self, request, model_admin):
        return [(str(t.pk), t.name) for t in Theme.objects.all()]

    def apply(self, queryset, value):
        tagged = Service.themes.through.objects.filter(theme_id=value)
        return queryset.filter(pk__in=tagged.values("service"))


DIRECTORY_KEEPERS = (
    "The service directory, themes and CYPP priorities are kept by Early Intervention "
    "Development Officers (EIDOs) for their own districts, and by county leads."
)
ASK_YOUR_EIDO = "If you need to change something here, ask your district's EIDO."


class DirectoryAdmin(CaseworkDistrictsMixin, ScopedModelAdmin):
    """What the three screens share: a guarded delete, and the same refusal for whoever may
    not use a screen or make a change."""

    create_view_class = ReasonedCreateView
    edit_view_class = ReasonedEditView
    delete_view_class = GuardedDeleteView
    refusal = no_access = DIRECTORY_KEEPERS
    advice = ASK_YOUR_EIDO

    def in_use_message(self, instance) -> str | None:
        """Why this record cannot be deleted, or None when nothing uses it."""
        return None


class ServiceAdmin(DirectoryAdmin):
    model = Service
    menu_label = "Services"
    menu_icon = "site"
    permission_helper_class = ServicePermissionHelper
    inspect_view_enabled = True
    inspect_view_class = ServiceInspectView
    inspect_template_name = "pei_workflow/directory_admin/service_inspect.html"
    list_display = (
        "name",
        "district_names",
        "theme_names",
        "waiting_list",
        "published",
        "times_missed",
    )
    district_path = "districts"
    list_filter = (
        DistrictFilter,
        ServiceThemeFilter,
        "waiting_list",
        choice_filter(Service, "is_published", "published"),
    )
    search_fields = ("name",)
    inspect_view_fields = [
        "name",
        "districts",
        "themes",
        "offers",
        "who_for",
        "how_to_refer",
        "waiting_list",
        "contact_email",
        "contact_phone",
        "website",
        "is_published",
        "updated_at",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("districts", widget=TICK_BOXES),
            FieldPanel("themes", widget=TICK_BOXES),
            FieldPanel("offers"),
            FieldPanel("who_for"),
            FieldPanel("how_to_refer"),
            FieldPanel("waiting_list"),
            MultiFieldPanel(
                [
                    FieldPanel("contact_email"),
                    FieldPanel("contact_phone"),
                    FieldPanel("website"),
                ],
                heading="Contact",
            ),
            FieldPanel("is_published"),
            REASON_PANEL,
        ],
        base_form_class=ServiceForm,
    )

    def selector(self, user):
        # One query for the rows with their times-missed count, one each for all their
        # districts and themes: flat, however many services there are.
        return services_visible_to(user).with_times_missed().prefetch_related("districts", "themes")

    @staticmethod
    def _names(objects) -> str:
        return ", ".join(str(obj) for obj in objects) or "None"

    def district_names(self, obj) -> str:
        return self._names(obj.districts.all())

    district_names.short_description = "Districts"

    def theme_names(self, obj) -> str:
        return self._names(obj.themes.all())

    theme_names.short_description = "Themes"

    def times_missed(self, obj) -> int:
        return obj.times_missed

    times_missed.short_description = "Times missed"
    times_missed.admin_order_field = "times_missed"

    published = yes_no_column("is_published", "Published")

    def in_use_message(self, instance) -> str | None:
        used = instance.answered_gaps.count()
        if not used:
            return None
        return (
            f"You cannot delete this service: it is the answer recorded on "
            f"{_count(used, 'gap')}, and that record must stay. If the service has closed, "
            "unpublish it instead: untick “Show in the public directory”."
        )


class ThemeAdmin(DirectoryAdmin):
    model = Theme
    menu_label = "Themes"
    menu_icon = "tag"
    permission_helper_class = ThemePermissionHelper
    inspect_view_enabled = False
    list_display = ("name", "description", "active")
    list_filter = (choice_filter(Theme, "is_active", "active"),)
    active = yes_no_column("is_active", "Active")
    search_fields = ("name",)

    def selector(self, user):
        # Themes are shared by every district; the permission helper decides who keeps them.
        return Theme.objects.all()

    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("description"),
            FieldPanel("is_active", heading="Active"),
            REASON_PANEL,
        ],
        base_form_class=ThemeForm,
    )

    def in_use_message(self, instance) -> str | None:
        # Three counts rather than one aggregate over three joins, which would multiply rows.
        submissions = instance.gapinservices.count() + instance.cafescalations.count()
        services = instance.services.count()
        if not submissions and not services:
            return None
        parts = []
        if submissions:
            parts.append(_count(submissions, "submission"))
        if services:
            parts.append(_count(services, "service"))
        verb = "uses" if submissions + services == 1 else "use"
        return (
            f"You cannot delete this theme: {' and '.join(parts)} {verb} it, and deleting it "
            "would take it off them and out of the reports. Make it inactive instead: untick "
            "“Active”, and nobody can give it to a submission again."
        )


class PriorityAdmin(DirectoryAdmin):
    model = Priority
    menu_label = "CYPP priorities"
    menu_icon = "list-ol"
    permission_helper_class = PriorityPermissionHelper
    inspect_view_enabled = False
    list_display = ("title", "district", "sort_order", "active")
    list_filter = (DistrictFilter, choice_filter(Priority, "is_active", "active"))
    active = yes_no_column("is_active", "Active")
    search_fields = ("title",)
    ordering = ("district__name", "sort_order", "title")
    edit_handler = ObjectList(
        [
            FieldPanel("district"),
            FieldPanel("title"),
            FieldPanel("sort_order", heading="Position in the list"),
            FieldPanel("is_active", heading="Active"),
            REASON_PANEL,
        ],
        base_form_class=PriorityForm,
    )

    related = ("district",)

    def selector(self, user):
        return priorities_visible_to(user)

    def in_use_message(self, instance) -> str | None:
        used = instance.gaps.count()
        if not used:
            return None
        return (
            f"You cannot delete this priority: {_count(used, 'gap')} chose it, and the reports "
            "count it. Make it inactive instead: untick “Active”, and the Gap form stops "
            "offering it."
        )


class DirectoryGroup(ModelAdminGroup):
    menu_label = "Directory"
    menu_icon = "list-ul"
    # After Casework (200) and Meetings (210).
    menu_order = 220
    items = (ServiceAdmin, ThemeAdmin, PriorityAdmin)
