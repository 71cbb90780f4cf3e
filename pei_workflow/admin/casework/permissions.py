from wagtail_modeladmin.helpers import PermissionHelper

from ...selectors import visible_district_ids


class DistrictScopedPermissionHelper(PermissionHelper):
    """Who may use the casework screens: whoever can see at least one district's casework,
    and then only the submissions `visible_to` them. Nobody creates, edits or deletes
    submissions here: practitioners create them, and changes go through the workflow."""

    def user_has_any_permissions(self, user):
        return bool(visible_district_ids(user))

    def user_can_list(self, user):
        return self.user_has_any_permissions(user)

    def user_can_inspect_obj(self, user, obj):
        # The same rule as `visible_to`, asked of a row already loaded: the list asks it of
        # every row, so it must not cost a query each time.
        return obj.district_id in visible_district_ids(user)

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False
