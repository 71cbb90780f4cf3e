from wagtail_modeladmin.helpers import PermissionHelper

from ..selectors import districts_visible_to, visible_to


class DistrictScopedPermissionHelper(PermissionHelper):
    """Who may use the casework screens: whoever can see at least one district's casework,
    and then only the submissions `visible_to` them. Nobody creates, edits or deletes
    submissions here: practitioners create them, and changes go through the workflow."""

    def user_has_any_permissions(self, user):
        return districts_visible_to(user).exists()

    def user_can_list(self, user):
        return self.user_has_any_permissions(user)

    def user_can_inspect_obj(self, user, obj):
        return visible_to(user, self.model).filter(pk=obj.pk).exists()

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False
