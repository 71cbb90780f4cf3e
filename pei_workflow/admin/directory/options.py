"""The "Directory" admin group: services, themes and CYPP priorities."""

from django.contrib.admin import SimpleListFilter
from django.core.exceptions import PermissionDenied
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail_modeladmin.helpers import DjangoORMSearchHandler
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup

from ..casework.views import VisibleDistrictFilter
from ...models import Priority, Service, Theme
from ...refusals import refused
from ...selectors import districts_visible_to, priorities_visible_to, services_visible_to
from .forms import TICK_BOXES, PriorityForm, ServiceForm, ThemeForm
from .permissions import (
    PriorityPermissionHelper,
    ServicePermissionHelper,
    ThemePermissionHelper,
)
from .views import GuardedDeleteView, ServiceInspectView


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _id(value) -> int | None:
    """A filter's value as an id, or None for anything that is not a whole number."""
    return int(value) if value and str(value).isdigit() else None


def yes_no_filter(field_name: str, label: str) -> type[SimpleListFilter]:
    """A Yes / No filter on a boolean field, titled in plain words ("By published")."""

    def lookups(self, request, model_admin):
        return [("1", "Yes"), ("0", "No")]

    def queryset(self, request, queryset):
        if self.value() in ("0", "1"):
            return queryset.filter(**{field_name: self.value() == "1"})
        return queryset

    return type(
        f"{field_name.title().replace('_', '')}Filter",
        (SimpleListFilter,),
        {
            "title": label,
            "parameter_name": field_name,
            "lookups": lookups,
            "queryset": queryset,
        },
    )


def yes_no_column(field_name: str, label: str):
    """A list column showing a boolean field as a tick or cross, with a plain heading."""

    def column(self, obj) -> bool:
        return getattr(obj, field_name)

    column.short_description = label
    column.boolean = True
    column.admin_order_field = field_name
    return column


class ServiceDistrictFilter(SimpleListFilter):
    """Services covering one district, offering only the districts this person works in."""

    title = "district"
    parameter_name = "district"

    def lookups(self, request, model_admin):
        return [(str(d.pk), d.name) for d in districts_visible_to(request.user)]

    def queryset(self, request, queryset):
        district_id = _id(self.value())
        if district_id is None:
            return queryset
        covering = Service.districts.through.objects.filter(district_id=district_id)
        return queryset.filter(pk__in=covering.values("service"))


class ServiceThemeFilter(SimpleListFilter):
    title = "theme"
    parameter_name = "theme"

    def lookups(self, request, model_admin):
        return [(str(t.pk), t.name) for t in Theme.objects.all()]

    def queryset(self, request, queryset):
        theme_id = _id(self.value())
        if theme_id is None:
            return queryset
        tagged = Service.themes.through.objects.filter(theme_id=theme_id)
        return queryset.filter(pk__in=tagged.values("service"))


DIRECTORY_KEEPERS = (
    "The service directory, themes and CYPP priorities are kept by Early Intervention "
    "Development Officers (EIDOs) for their own districts, and by county leads."
)
ASK_YOUR_EIDO = "If you need to change something here, ask your district's EIDO."


def _forbidden_as_403(view):
    """Answer a refused screen with a 403 page, where Wagtail would redirect to the dashboard
    with a message: the status then says plainly, to people and tests, that it was refused."""

    def guarded(self, request, *args, **kwargs):
        try:
            return view(self, request, *args, **kwargs)
        except PermissionDenied:
            return refused(request, DIRECTORY_KEEPERS, advice=ASK_YOUR_EIDO)

    return guarded


class DirectoryAdmin(ModelAdmin):
    """What the three screens share: no history view, not in settings, guarded delete, and a
    403 for whoever may not use a screen."""

    delete_view_class = GuardedDeleteView
    history_view_enabled = False
    add_to_settings_menu = False
    search_handler_class = DjangoORMSearchHandler
    list_per_page = 50

    index_view = _forbidden_as_403(ModelAdmin.index_view)
    create_view = _forbidden_as_403(ModelAdmin.create_view)
    inspect_view = _forbidden_as_403(ModelAdmin.inspect_view)
    edit_view = _forbidden_as_403(ModelAdmin.edit_view)
    delete_view = _forbidden_as_403(ModelAdmin.delete_view)

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
    list_filter = (
        ServiceDistrictFilter,
        ServiceThemeFilter,
        "waiting_list",
        yes_no_filter("is_published", "published"),
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
        ],
        base_form_class=ServiceForm,
    )

    def get_queryset(self, request):
        # One query for the rows with their times-missed count, one each for all their
        # districts and themes: flat, however many services there are.
        return (
            services_visible_to(request.user)
            .with_times_missed()
            .prefetch_related("districts", "themes")
        )

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
    list_display = ("name", "description", "active")
    list_filter = (yes_no_filter("is_active", "active"),)
    active = yes_no_column("is_active", "Active")
    search_fields = ("name",)
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("description"),
            FieldPanel("is_active", heading="Active"),
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
    list_display = ("title", "district", "sort_order", "active")
    list_filter = (VisibleDistrictFilter, yes_no_filter("is_active", "active"))
    active = yes_no_column("is_active", "Active")
    search_fields = ("title",)
    ordering = ("district__name", "sort_order", "title")
    edit_handler = ObjectList(
        [
            FieldPanel("district"),
            FieldPanel("title"),
            FieldPanel("sort_order", heading="Position in the list"),
            FieldPanel("is_active", heading="Active"),
        ],
        base_form_class=PriorityForm,
    )

    def get_queryset(self, request):
        return priorities_visible_to(request.user).select_related("district")

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
