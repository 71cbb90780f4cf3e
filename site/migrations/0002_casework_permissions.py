"""Gives the three casework groups the model permissions of their roles.

EIDOs, panel members and county leads had only admin access (and, for county leads, every
district) until the casework screens existed. Now each group states, as model permissions,
what its role may do, so that Wagtail's menus and default checks agree with the screens,
which also scope everything by district.

The lists below are a frozen copy of pei_site/roles.py as it was when this migration was
written (see 0001_roles_and_workflow for why a migration does not import that module);
tests/pei_site/test_roles.py checks that the two agree after migrating.

Running it twice changes nothing. Reversing it puts back what 0001 gave these groups.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ADMIN_ACCESS = ["wagtailadmin.access_admin"]
ALL_DISTRICTS = ["pei_workflow.work_in_all_districts"]


def model_permissions(actions, *models):
    return [f"pei_workflow.{action}_{model}" for model in models for action in actions.split()]


# Submissions change only through the workflow's services, so even county leads only view them.
EIDO_PERMISSIONS = (
    ADMIN_ACCESS
    + model_permissions("view", "gapinservice", "cafescalation")
    + model_permissions("view add change", "meeting", "panelmember")
    + model_permissions("view add change", "service", "theme", "priority")
    + model_permissions("view", "spotpurchasebudget", "district")
)
PANEL_MEMBER_PERMISSIONS = ADMIN_ACCESS + model_permissions(
    "view", "meeting", "panelmember", "spotpurchasebudget", "district"
)
# No auth.* permission: county leads set people up through the "People and districts"
# screen, never Wagtail's user screens, which could make someone a superuser.
COUNTY_LEAD_PERMISSIONS = (
    EIDO_PERMISSIONS
    + ALL_DISTRICTS
    + model_permissions("add change", "spotpurchasebudget")
    + model_permissions("change", "district")
    + model_permissions("view add change delete", "districtassignment")
    + model_permissions("delete", "service", "theme", "priority", "meeting", "panelmember")
)

CASEWORK_ROLES = {
    "EIDOs": EIDO_PERMISSIONS,
    "Panel members": PANEL_MEMBER_PERMISSIONS,
    "County leads": COUNTY_LEAD_PERMISSIONS,
}
# What 0001_roles_and_workflow gave the same groups, put back when this is reversed.
BEFORE = {
    "EIDOs": ADMIN_ACCESS,
    "Panel members": ADMIN_ACCESS,
    "County leads": ADMIN_ACCESS + ALL_DISTRICTS,
}

APPS_WITH_PERMISSIONS = ["wagtailadmin", "pei_workflow"]


def ensure_permissions_exist(apps, using):
    """Create the permissions that post_migrate would make later (for the models added by
    pei_workflow 0004 on a fresh database). The models_module trick is the one
    0001_roles_and_workflow explains."""
    for label in APPS_WITH_PERMISSIONS:
        app_config = apps.get_app_config(label)
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        try:
            create_permissions(app_config, verbosity=0, using=using, apps=apps)
        finally:
            app_config.models_module = models_module


def permissions_by_name(apps, names):
    """The Permission rows for "app_label.codename" names; fails loudly if one is missing."""
    Permission = apps.get_model("auth", "Permission")
    wanted = {tuple(name.split(".", 1)) for name in names}
    found = {
        (permission.content_type.app_label, permission.codename): permission
        for permission in Permission.objects.select_related("content_type").filter(
            codename__in={codename for _, codename in wanted}
        )
        if (permission.content_type.app_label, permission.codename) in wanted
    }
    missing = wanted - set(found)
    if missing:
        raise LookupError(f"Permissions missing: {sorted('.'.join(m) for m in missing)}")
    return found


def set_group_permissions(apps, schema_editor, roles):
    """Give each group exactly the listed model permissions."""
    Group = apps.get_model("auth", "Group")
    ensure_permissions_exist(apps, schema_editor.connection.alias)
    permissions = permissions_by_name(apps, {name for names in roles.values() for name in names})
    for group_name, names in roles.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.set([permissions[tuple(name.split(".", 1))] for name in names])


def grant_casework_permissions(apps, schema_editor):
    set_group_permissions(apps, schema_editor, CASEWORK_ROLES)


def restore_admin_access_only(apps, schema_editor):
    set_group_permissions(apps, schema_editor, BEFORE)


class Migration(migrations.Migration):
    dependencies = [
        ("pei_site", "0001_roles_and_workflow"),
        # Meetings, panel members, budgets, services and themes.
        ("pei_workflow", "0005_starter_themes"),
    ]

    operations = [migrations.RunPython(grant_casework_permissions, restore_admin_access_only)]
