"""The groups and the page workflow that the pei_site migrations create, from an empty database."""

import importlib
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
)

from pei_site import roles
from tests.factories import ApproverFactory, EditorFactory, GuidancePageFactory, RoleUserFactory

pytestmark = pytest.mark.django_db

ROLES_AND_WORKFLOW = "0001_roles_and_workflow"
CASEWORK_PERMISSIONS = "0002_casework_permissions"
CASEWORK_GROUPS = [roles.EIDOS, roles.PANEL_MEMBERS, roles.COUNTY_LEADS]


def _name(permission) -> str:
    return f"{permission.content_type.app_label}.{permission.codename}"


def group_permissions(group) -> dict:
    """Everything a group may do, in the three places Wagtail keeps permissions."""
    return {
        "permissions": sorted(_name(p) for p in group.permissions.all()),
        "page_permissions": sorted(
            (gpp.page.depth, gpp.permission.codename)
            for gpp in GroupPagePermission.objects.filter(group=group).select_related(
                "page", "permission"
            )
        ),
        "collection_permissions": sorted(
            (gcp.collection.depth, _name(gcp.permission))
            for gcp in GroupCollectionPermission.objects.filter(group=group).select_related(
                "collection", "permission__content_type"
            )
        ),
    }


def intended_permissions(role: roles.Role) -> dict:
    """What pei_site.roles says the group may do: page and collection rights on the roots."""
    return {
        "permissions": sorted(role.permissions),
        "page_permissions": sorted((1, codename) for codename in role.page_permissions),
        "collection_permissions": sorted((1, name) for name in role.collection_permissions),
    }


def snapshot() -> dict:
    """The roles and the workflow, as plain data to compare."""
    workflows = {
        workflow.name: {
            "active": workflow.active,
            "tasks": [wt.task.name for wt in workflow.workflow_tasks.order_by("sort_order")],
            "pages": sorted(
                WorkflowPage.objects.filter(workflow=workflow).values_list("page_id", flat=True)
            ),
        }
        for workflow in Workflow.objects.all()
    }
    tasks = {
        task.name: sorted(task.groups.values_list("name", flat=True))
        for task in GroupApprovalTask.objects.all()
    }
    groups = {group.name: group_permissions(group) for group in Group.objects.all()}
    return {"groups": groups, "workflows": workflows, "tasks": tasks}


@pytest.mark.parametrize("role", roles.ROLES, ids=lambda role: role.group)
def test_each_group_has_exactly_the_permissions_its_role_lists(role):
    """The migrated database gives each group exactly what pei_site.roles lists, no more."""
    group = Group.objects.get(name=role.group)

    assert group_permissions(group) == intended_permissions(role)


def test_the_groups_are_the_five_roles_with_no_leftover_wagtail_moderators():
    """Wagtail's Moderators group is renamed, not left beside Guidance approvers."""
    assert set(Group.objects.values_list("name", flat=True)) == set(roles.ROLE_NAMES)


def test_editors_cannot_publish_and_approvers_can():
    """Only guidance approvers hold the page publish permission."""
    editors = Group.objects.get(name=roles.EDITORS)
    approvers = Group.objects.get(name=roles.GUIDANCE_APPROVERS)

    assert not GroupPagePermission.objects.filter(
        group=editors, permission__codename="publish_page"
    ).exists()
    assert GroupPagePermission.objects.filter(
        group=approvers, page__depth=1, permission__codename="publish_page"
    ).exists()


def test_one_guidance_approval_workflow_covers_every_page(home_page):
    """Every page, old or new, goes through one task approved by the Guidance approvers."""
    new_page = GuidancePageFactory(parent=home_page)

    workflow = Workflow.objects.get()
    task = GroupApprovalTask.objects.get()
    assert workflow.name == roles.GUIDANCE_WORKFLOW
    assert workflow.active
    assert [wt.task.specific for wt in workflow.workflow_tasks.all()] == [task]
    assert task.name == roles.GUIDANCE_APPROVAL_TASK
    assert list(task.groups.values_list("name", flat=True)) == [roles.GUIDANCE_APPROVERS]
    assert WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow == workflow
    assert new_page.get_workflow() == workflow
    assert home_page.get_workflow() == workflow


def test_roles_cover_the_root_collection():
    """Image and document rights sit on the root collection, so they cover every collection."""
    root = Collection.get_first_root_node()
    editors = Group.objects.get(name=roles.EDITORS)

    assert GroupCollectionPermission.objects.filter(group=editors, collection=root).count() == 6


def _migration(name: str):
    return importlib.import_module(f"pei_site.migrations.{name}")


def _state_apps(name: str):
    """The historical models a pei_site migration sees when it runs."""
    executor = MigrationExecutor(connection)
    return executor.loader.project_state(("pei_site", name), at_end=True).apps


def _apply(name: str, function: str) -> None:
    getattr(_migration(name), function)(_state_apps(name), SimpleNamespace(connection=connection))


def apply_both_migrations() -> None:
    _apply(ROLES_AND_WORKFLOW, "create_roles_and_workflow")
    _apply(CASEWORK_PERMISSIONS, "grant_casework_permissions")


def test_running_the_migrations_again_changes_nothing():
    """The migrations are idempotent: a second run leaves the same groups and workflow."""
    before = snapshot()

    apply_both_migrations()

    assert snapshot() == before


def test_reversing_the_casework_permissions_leaves_admin_access_only():
    """Reversed, 0002 gives the casework groups back what 0001 gave them, nothing more."""
    _apply(CASEWORK_PERMISSIONS, "restore_admin_access_only")

    assert {
        name: group_permissions(Group.objects.get(name=name))["permissions"]
        for name in CASEWORK_GROUPS
    } == {
        roles.EIDOS: ["wagtailadmin.access_admin"],
        roles.PANEL_MEMBERS: ["wagtailadmin.access_admin"],
        roles.COUNTY_LEADS: ["pei_workflow.work_in_all_districts", "wagtailadmin.access_admin"],
    }


def test_reversing_the_migrations_restores_wagtails_groups_and_workflow():
    """Reversed, they put back Moderators and its workflow; applied again, they give our roles."""
    before = snapshot()

    _apply(CASEWORK_PERMISSIONS, "restore_admin_access_only")
    _apply(ROLES_AND_WORKFLOW, "restore_wagtail_defaults")
    reversed_state = snapshot()
    apply_both_migrations()

    assert set(reversed_state["groups"]) == {"Editors", "Moderators"}
    assert reversed_state["tasks"] == {"Moderators approval": ["Moderators"]}
    assert list(reversed_state["workflows"]) == ["Moderators approval"]
    assert snapshot() == before


def _model_permissions_of(group_name: str) -> set[str]:
    return set(group_permissions(Group.objects.get(name=group_name))["permissions"])


def test_no_group_may_add_change_or_delete_submissions():
    """Submissions change only through the workflow, so no group holds a model permission
    to add, change or delete one."""
    for group in Group.objects.all():
        for model in ("gapinservice", "cafescalation"):
            for action in ("add", "change", "delete"):
                assert f"pei_workflow.{action}_{model}" not in _model_permissions_of(group.name)


def test_panel_members_may_read_but_change_nothing():
    """Panel and Sub Group members hold view permissions only (and admin access)."""
    permissions = _model_permissions_of(roles.PANEL_MEMBERS) - {"wagtailadmin.access_admin"}

    assert "pei_workflow.view_meeting" in permissions
    assert all(name.split(".")[1].startswith("view_") for name in permissions)


def test_county_leads_may_do_everything_eidos_may_and_more():
    """County leads hold every EIDO permission, plus every district, budgets and people."""
    eido = _model_permissions_of(roles.EIDOS)
    county_lead = _model_permissions_of(roles.COUNTY_LEADS)

    assert eido < county_lead
    assert {
        "pei_workflow.work_in_all_districts",
        "pei_workflow.change_spotpurchasebudget",
        "pei_workflow.add_districtassignment",
        "pei_workflow.delete_districtassignment",
    } <= county_lead - eido
    assert "pei_workflow.work_in_all_districts" not in eido


def test_no_role_may_manage_accounts_or_groups():
    """No group holds an auth permission: Wagtail's user screens would let its members make
    someone a superuser. County leads set people up through the People and districts screen."""
    for group in Group.objects.all():
        assert not {n for n in _model_permissions_of(group.name) if n.startswith("auth.")}


def test_a_county_lead_cannot_open_wagtails_user_screens(client):
    """A county lead gets no further than a refusal on Wagtail's add-user and groups screens."""
    client.force_login(RoleUserFactory(role=roles.COUNTY_LEADS))

    for url in [reverse("wagtailusers_users:add"), reverse("wagtailusers_groups:index")]:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "/admin/login/" not in response.get("Location", ""), url


@pytest.mark.parametrize("factory", [EditorFactory, ApproverFactory], ids=["editor", "approver"])
def test_editors_and_approvers_can_open_contacts_footer_settings_and_media(client, factory):
    """The permissions reach the admin screens editors need: contacts, footer, images, documents."""
    client.force_login(factory())
    site = Site.objects.get(is_default_site=True)

    for url in [
        reverse("wagtailsnippets_guidance_pages_eidocontact:list"),
        reverse("wagtailsnippets_guidance_pages_eidocontact:add"),
        reverse("wagtailsettings:edit", args=["guidance_pages", "sitechrome", site.pk]),
        reverse("wagtailimages:add_multiple"),
        reverse("wagtaildocs:add_multiple"),
    ]:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("role", [roles.EIDOS, roles.PANEL_MEMBERS, roles.COUNTY_LEADS])
def test_casework_roles_reach_the_admin_but_not_the_guidance_tools(client, role):
    """EIDOs, panel members and county leads sign in to the admin but cannot edit guidance."""
    client.force_login(RoleUserFactory(role=role))

    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    response = client.get(reverse("wagtailsnippets_guidance_pages_eidocontact:list"))
    assert response.status_code in (302, 403)
