from wagtail_modeladmin.helpers import ButtonHelper

from ...models import District, DistrictAssignment
from ...services.people import can_set_up_people
from ..base import ScopedModelAdmin, ScopedPermissionHelper
from ..filters import DistrictFilter
from .views import REFUSAL, AssignView, PeopleIndexView, RemoveAssignmentView


class PeoplePermissionHelper(ScopedPermissionHelper):
    """Only county leads and superusers use this screen; everyone else gets no menu item and
    a 403. Assignments are given and removed, never edited, and a superuser's only by a
    superuser."""

    def user_has_any_permissions(self, user):
        return can_set_up_people(user)

    def user_can_list(self, user):
        return can_set_up_people(user)

    def user_can_create(self, user):
        return can_set_up_people(user)

    def user_can_inspect_obj(self, user, obj):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return can_set_up_people(user) and (user.is_superuser or not obj.user.is_superuser)


class PeopleButtonHelper(ButtonHelper):
    def add_button(self, *args, **kwargs):
        return {
            **super().add_button(*args, **kwargs),
            "label": "Give someone a role",
            "title": "Give someone a role and districts",
        }

    def delete_button(self, *args, **kwargs):
        return {
            **super().delete_button(*args, **kwargs),
            "label": "Remove",
            "title": "Remove this person from this district",
        }


class PeopleAdmin(ScopedModelAdmin):
    model = DistrictAssignment
    menu_label = "People and districts"
    menu_icon = "group"
    menu_order = 230
    permission_helper_class = PeoplePermissionHelper
    button_helper_class = PeopleButtonHelper
    index_view_class = PeopleIndexView
    create_view_class = AssignView
    delete_view_class = RemoveAssignmentView
    index_template_name = "pei_workflow/people_admin/index.html"
    inspect_view_enabled = False
    list_display = ("person", "email", "role", "district")
    list_filter = ("role", DistrictFilter)
    search_fields = ("user__first_name", "user__last_name", "user__email", "user__username")
    ordering = ("user__first_name", "user__last_name", "user__username", "district__name")
    refusal = no_access = REFUSAL
    related = ("user", "district")

    def selector(self, user):
        if not can_set_up_people(user):
            return DistrictAssignment.objects.none()
        return DistrictAssignment.objects.all()

    def filter_districts(self, request):
        return (
            District.objects.all() if can_set_up_people(request.user) else District.objects.none()
        )

    @staticmethod
    def person(obj):
        return obj.user.get_full_name() or obj.user.get_username()

    @staticmethod
    def email(obj):
        return obj.user.email

    person.short_description = "Person"
    email.short_description = "Email"
