"""Who may read and change meetings, panel members, budgets and districts in the admin.

Reading follows `meeting_districts_visible_to`: a county lead reads every district, an EIDO
and a panel or Sub Group member their own. Changing follows `districts_visible_to`: a county
lead, or an EIDO of the row's district; panel members change nothing. Budgets and the panel
maximum are the county leads' alone.
"""

from ...permissions import is_county_lead
from ..base import ScopedPermissionHelper


class MeetingPermissionHelper(ScopedPermissionHelper):
    """A meeting with anything on its agenda is part of the casework record: it is never
    deleted (its submissions point at it)."""

    def user_can_delete_obj(self, user, obj):
        if not self.user_can_edit_obj(user, obj):
            return False
        has_items = getattr(obj, "has_items", None)
        if has_items is None:
            has_items = obj.gaps.exists() or obj.caf_escalations.exists()
        return not has_items


class PanelMemberPermissionHelper(ScopedPermissionHelper):
    """A member recorded at a meeting stays, so that its attendance stays true; they are
    marked as no longer a member instead."""

    def user_can_delete_obj(self, user, obj):
        if not self.user_can_edit_obj(user, obj):
            return False
        in_meetings = getattr(obj, "in_meetings", None)
        if in_meetings is None:
            in_meetings = obj.meetings_attended.exists() or obj.meetings_missed.exists()
        return not in_meetings


class BudgetPermissionHelper(ScopedPermissionHelper):
    """County leads set budgets; everyone who reads a district's meetings reads its budgets.
    A budget that has been spent from is never deleted."""

    def user_can_create(self, user):
        return is_county_lead(user)

    def user_can_edit_obj(self, user, obj):
        return is_county_lead(user)

    def user_can_delete_obj(self, user, obj):
        if not is_county_lead(user):
            return False
        spent = getattr(obj, "spent_to_date", None)
        if spent is None:
            spent = obj.spent()
        return not spent


class DistrictPermissionHelper(ScopedPermissionHelper):
    """Districts are made by a migration and never deleted here; a county lead changes a
    district's panel maximum, everyone else reads it."""

    def district_ids_of(self, obj) -> set[int]:
        return {obj.pk}

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return is_county_lead(user)

    def user_can_delete_obj(self, user, obj):
        return False
