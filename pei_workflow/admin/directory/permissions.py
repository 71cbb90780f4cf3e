"""Who may use the directory screens.

EIDOs and county leads keep the directory, the themes and the CYPP priorities; an EIDO works
on the services and priorities of their own districts, a county lead on all. Panel members,
editors and everyone else get no menu item and a 403 from every address. Removing a record
is rarer: only where nothing points at it, and otherwise the screens say to make it
inactive or unpublish it instead (see `views.GuardedDeleteView`).

The list screens ask these questions once per row for its buttons, so the answers come from
the person's district ids, read once per request and kept on the request's user object, and
from the row's prefetched districts: a longer list costs no more queries.
"""

from ...permissions import is_county_lead
from ...selectors import visible_district_ids
from ..base import ScopedPermissionHelper


class DirectoryPermissionHelper(ScopedPermissionHelper):
    """Open to whoever keeps the directory (an EIDO of at least one district, or a county
    lead), ignoring Django's model permissions: the roles, not group permissions, decide.
    They read and change the records of their own districts; only a county lead deletes,
    unless a screen says otherwise. Subclasses narrow what may happen to one record."""

    read_ids = staticmethod(visible_district_ids)

    def user_can_inspect_obj(self, user, obj):
        return self.user_can_edit_obj(user, obj)

    def user_can_delete_obj(self, user, obj):
        return is_county_lead(user)


class ServicePermissionHelper(DirectoryPermissionHelper):
    """An EIDO edits a service that covers at least one of their districts; only a county
    lead deletes one, since a service can cover districts the EIDO does not work in."""

    def district_ids_of(self, obj) -> set[int]:
        # .all() rather than values_list: it reads the list's prefetched districts.
        return {district.pk for district in obj.districts.all()}

    def user_can_edit_obj(self, user, obj):
        return is_county_lead(user) or super().user_can_edit_obj(user, obj)


class ThemePermissionHelper(DirectoryPermissionHelper):
    """Themes are shared by every district: EIDOs and county leads add and edit them, and
    only a county lead deletes one (a theme nobody has used)."""

    def user_can_inspect_obj(self, user, obj):
        return False

    def user_can_edit_obj(self, user, obj):
        return self.user_has_any_permissions(user)


class PriorityPermissionHelper(DirectoryPermissionHelper):
    """A district's priorities belong to its EIDOs and the county leads, who may also delete
    one that no gap has chosen."""

    def user_can_inspect_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return self.user_can_edit_obj(user, obj)
