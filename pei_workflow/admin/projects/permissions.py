"""Who may use the commissioned projects screens.

Reading follows `projects_visible_to`: a county lead reads every project, an EIDO and a panel
or Sub Group member those covering one of their districts. Changing a project and entering
its returns follows `districts_visible_to`: a county lead, or the EIDO of a district the
project covers; panel and Sub Group members change nothing. The answers come from the
person's district ids, read once per request, and the row's prefetched districts, so a
longer list costs no more queries.
"""

from ..base import ScopedPermissionHelper


class ProjectPermissionHelper(ScopedPermissionHelper):
    """A project belongs to every district it covers: the EIDO of any of them changes it
    (keeping the districts that are not theirs). Deleting one takes it from every district,
    so only a county lead, or the EIDO of all of them, may; and it is refused, with the
    reason, while anything depends on it (see `options.ProjectAdmin.in_use_message`)."""

    def district_ids_of(self, obj) -> set[int]:
        # .all() rather than values_list: it reads the list's prefetched districts.
        return {district.pk for district in obj.districts.all()}

    def user_can_delete_obj(self, user, obj):
        ids = self.district_ids_of(obj)
        return bool(ids) and ids <= self.change_ids(user)
