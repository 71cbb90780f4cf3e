"""The roles people have in the PEI site, as data: one home for each group's permissions.
The group names are the domain's (`pei_workflow.roles`); this module wires them up.

Each role is a Django group. A role's permissions come in three kinds, because Wagtail keeps
them in three places:

- ``permissions``: model permissions on the group itself (``"app_label.codename"``), such as
  access to the Wagtail admin or editing a snippet;
- ``page_permissions``: Wagtail page permissions (``GroupPagePermission``) on the root page, so
  they cover every page;
- ``collection_permissions``: image and document permissions (``GroupCollectionPermission``) on
  the root collection, so they cover every collection.

The migrations that create the groups (``pei_site/migrations``) copy the data they need rather
than import this module: a migration must do the same thing whenever it runs, and this module
will change. ``tests/pei_site/test_roles.py`` checks that the migrated database matches what is
written here, so a change made here without a migration fails the tests.

To change a role's permissions: change them here, then write a new ``pei_site`` migration that
grants the same permissions, in the way ``0001_roles_and_workflow`` and
``0002_casework_permissions`` do.
"""

from dataclasses import dataclass

# The group names belong to the casework domain (the people service gives these groups);
# this module wires them up.
from pei_workflow.roles import (
    COUNTY_LEADS,
    EDITORS,
    EIDOS,
    GUIDANCE_APPROVERS,
    PANEL_MEMBERS,
)

#: The page workflow every page goes through before a change is published.
GUIDANCE_WORKFLOW = "Guidance approval"
#: Its single task, done by anyone in the Guidance approvers group.
GUIDANCE_APPROVAL_TASK = "Approval by a guidance approver"

ADMIN_ACCESS = ("wagtailadmin.access_admin",)


@dataclass(frozen=True)
class Role:
    """A group of people and what the group lets them do."""

    group: str
    description: str
    permissions: tuple[str, ...] = ()
    page_permissions: tuple[str, ...] = ()
    collection_permissions: tuple[str, ...] = ()


_EDITOR_PERMISSIONS = ADMIN_ACCESS + (
    "guidance_pages.add_eidocontact",
    "guidance_pages.change_eidocontact",
    "guidance_pages.change_sitechrome",
)
# Editors may not publish: their changes go through the guidance approval workflow.
_EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
_EDITOR_COLLECTION_PERMISSIONS = (
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
)

# Approvers publish EIDO contacts, which go through the same workflow as pages.
_APPROVER_SNIPPET_PERMISSIONS = (
    "guidance_pages.publish_eidocontact",
    "guidance_pages.lock_eidocontact",
    "guidance_pages.unlock_eidocontact",
)
#: Snippet models whose changes go through the guidance approval workflow.
WORKFLOW_SNIPPETS = ("guidance_pages.eidocontact",)

# The casework roles. The screens scope everything by district themselves (an EIDO sees only
# their own districts' rows, see pei_workflow.selectors); these model permissions say what
# kind of thing each role may do, so that Wagtail's menus and default checks agree with them.


def _model_permissions(actions: str, *models: str) -> tuple[str, ...]:
    """The names "pei_workflow.<action>_<model>", for each action (space-separated) and model."""
    return tuple(f"pei_workflow.{action}_{model}" for model in models for action in actions.split())


# Submissions change only through the workflow's services, never through a model form, so
# even county leads only view them.
_EIDO_PERMISSIONS = (
    ADMIN_ACCESS
    + _model_permissions("view", "gapinservice", "cafescalation")
    + _model_permissions("view add change", "meeting", "panelmember")
    + _model_permissions("view add change", "service", "theme", "priority")
    + _model_permissions("view", "spotpurchasebudget", "district")
)
# Panel and Sub Group members read and change nothing.
_PANEL_MEMBER_PERMISSIONS = ADMIN_ACCESS + _model_permissions(
    "view", "meeting", "panelmember", "spotpurchasebudget", "district"
)
# County leads set people up through the "People and districts" screen (district assignments
# and the casework groups). They get no auth.* permission: Wagtail's own user and group
# screens would let them make anyone a superuser or change a superuser's password.
_COUNTY_LEAD_PERMISSIONS = (
    _EIDO_PERMISSIONS
    + ("pei_workflow.work_in_all_districts",)
    + _model_permissions("add change", "spotpurchasebudget")
    + _model_permissions("change", "district")
    + _model_permissions("view add change delete", "districtassignment")
    + _model_permissions("delete", "service", "theme", "priority", "meeting", "panelmember")
)

ROLES: tuple[Role, ...] = (
    Role(
        group=EDITORS,
        description="Edits guidance, the flowchart, contacts, links and news, and submits "
        "changes for approval.",
        permissions=_EDITOR_PERMISSIONS,
        page_permissions=_EDITOR_PAGE_PERMISSIONS,
        collection_permissions=_EDITOR_COLLECTION_PERMISSIONS,
    ),
    Role(
        group=GUIDANCE_APPROVERS,
        description="Approves or rejects changes to pages and contacts, compares revisions "
        "and reverts.",
        permissions=_EDITOR_PERMISSIONS + _APPROVER_SNIPPET_PERMISSIONS,
        page_permissions=_EDITOR_PAGE_PERMISSIONS + ("publish_page", "lock_page", "unlock_page"),
        collection_permissions=_EDITOR_COLLECTION_PERMISSIONS,
    ),
    Role(
        group=EIDOS,
        description="Moderates the submissions of their own districts, runs their meetings "
        "and keeps the service directory, themes and priorities.",
        permissions=_EIDO_PERMISSIONS,
    ),
    Role(
        group=PANEL_MEMBERS,
        description="Reads their district's agendas, decisions and reports.",
        permissions=_PANEL_MEMBER_PERMISSIONS,
    ),
    Role(
        group=COUNTY_LEADS,
        description="Does everything an EIDO does, for every district, and sets up people, "
        "districts and budgets.",
        permissions=_COUNTY_LEAD_PERMISSIONS,
    ),
)

ROLE_NAMES: tuple[str, ...] = tuple(role.group for role in ROLES)
