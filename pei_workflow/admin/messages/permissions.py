"""Who may use the message templates screen.

EIDOs and county leads only: an EIDO reads and changes their districts' templates and reads
the county defaults; a county lead changes the county defaults and every district's. Panel
members and everyone else get no menu item and a 403 from every address. The rule itself is
the service's (`services.message_templates.may_change_template`); these answers come from the
person's district ids, read once per request, so a longer list costs no more queries.
"""

from ...permissions import is_county_lead
from ...selectors import visible_district_ids
from ..base import ScopedPermissionHelper


class MessageTemplatePermissionHelper(ScopedPermissionHelper):
    read_ids = staticmethod(visible_district_ids)
    change_ids = staticmethod(visible_district_ids)

    def user_can_inspect_obj(self, user, obj):
        if obj.district_id is None:
            return self.user_has_any_permissions(user)
        return super().user_can_inspect_obj(user, obj)

    def user_can_edit_obj(self, user, obj):
        if obj.district_id is None:
            return is_county_lead(user)
        return super().user_can_edit_obj(user, obj)
