"""Creates the site's roles as groups, and the page workflow that holds every change for approval.

Wagtail's own migrations already leave two groups, "Moderators" and "Editors", and a workflow
"Moderators approval" (one GroupApprovalTask of the same name, for Moderators) on the root page.
This migration reuses them rather than leaving look-alikes beside ours: "Moderators" becomes
"Guidance approvers", and the workflow and its task are renamed and given to that group.

The role data below is a frozen copy of pei_site/roles.py as it was when this migration was
written. A migration must do the same thing whenever it runs, so it does not import that
module, which will change; tests/pei_site/test_roles.py checks that the two agree after
migrating. A later change to a role needs a new migration in the same style.

Running it twice changes nothing. Reversing it puts back Wagtail's own groups and workflow.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ADMIN_ACCESS = ["wagtailadmin.access_admin"]
EDITOR_PERMISSIONS = ADMIN_ACCESS + [
    "guidance_pages.add_eidocontact",
    "guidance_pages.change_eidocontact",
    "guidance_pages.change_sitechrome",
]
# Contacts are published by approvers, like pages (EIDOContact has Wagtail's workflow mixins).
APPROVER_SNIPPET_PERMISSIONS = [
    "guidance_pages.publish_eidocontact",
    "guidance_pages.lock_eidocontact",
    "guidance_pages.unlock_eidocontact",
]
# Snippets whose changes go through the guidance approval workflow.
WORKFLOW_SNIPPETS = [("guidance_pages", "eidocontact")]
EDITOR_COLLECTION_PERMISSIONS = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]

# (group, the Wagtail group it replaces, model permissions, root page permissions,
#  root collection permissions)
ROLES = [
    ("Editors", None, EDITOR_PERMISSIONS, ["add_page", "change_page"],
     EDITOR_COLLECTION_PERMISSIONS),
    ("Guidance approvers", "Moderators", EDITOR_PERMISSIONS + APPROVER_SNIPPET_PERMISSIONS,
     ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
     EDITOR_COLLECTION_PERMISSIONS),
    ("EIDOs", None, ADMIN_ACCESS, [], []),
    ("Panel members", None, ADMIN_ACCESS, [], []),
    ("County leads", None, ADMIN_ACCESS + ["pei_workflow.work_in_all_districts"], [], []),
]

WORKFLOW = "Guidance approval"
TASK = "Approval by a guidance approver"
APPROVERS = "Guidance approvers"

# What Wagtail's own migrations leave, put back when this migration is reversed.
WAGTAIL_WORKFLOW_AND_TASK = "Moderators approval"
WAGTAIL_MEDIA_PERMISSIONS = [
    f"{app}.{action}_{model}"
    for app, model in [("wagtailimages", "image"), ("wagtaildocs", "document")]
    for action in ["add", "change", "delete", "choose"]
]
WAGTAIL_ROLES = [
    ("Editors", None, ADMIN_ACCESS + WAGTAIL_MEDIA_PERMISSIONS, ["add_page", "change_page"],
     EDITOR_COLLECTION_PERMISSIONS),
    ("Moderators", "Guidance approvers", ADMIN_ACCESS + WAGTAIL_MEDIA_PERMISSIONS,
     ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
     EDITOR_COLLECTION_PERMISSIONS),
]
GROUPS_ADDED_HERE = ["EIDOs", "Panel members", "County leads"]

APPS_WITH_PERMISSIONS = ["wagtailadmin", "wagtailcore", "wagtailimages", "wagtaildocs",
                         "guidance_pages", "pei_workflow"]
# Made by Wagtail's snippets app after migrating, for snippets with draft and lock mixins.
SNIPPET_EXTRA_PERMISSIONS = [
    ("guidance_pages", "eidocontact", action) for action in ["publish", "lock", "unlock"]
]


def ensure_permissions_exist(apps, using):
    """Create the content types and permissions that post_migrate would make later.

    On a fresh database post_migrate has not run yet, so permissions such as
    guidance_pages.change_sitechrome do not exist. create_permissions skips an app whose
    models_module is unset, as it is on the historical app configs a migration sees, hence
    the models_module trick (the one Wagtail's own migration 0086 uses). The old value is put
    back, in case these are the project's real app configs.
    """
    for label in APPS_WITH_PERMISSIONS:
        app_config = apps.get_app_config(label)
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        try:
            create_permissions(app_config, verbosity=0, using=using, apps=apps)
        finally:
            app_config.models_module = models_module
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for app_label, model, action in SNIPPET_EXTRA_PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_{model}",
            defaults={"name": f"Can {action} {model}"},
        )


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


def group_named(apps, name, formerly):
    """The group called name, renaming the one called formerly if only that one exists."""
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=name).first()
    if group is None and formerly:
        group = Group.objects.filter(name=formerly).first()
        if group is not None:
            group.name = name
            group.save(update_fields=["name"])
    if group is None:
        group = Group.objects.create(name=name)
    return group


def page_permission_names(codenames):
    return [f"wagtailcore.{codename}" for codename in codenames]


def apply_roles(apps, schema_editor, roles):
    """Give each group exactly the role's permissions (on the root page and root collection)."""
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")

    ensure_permissions_exist(apps, schema_editor.connection.alias)
    all_names = set()
    for _, _, model_perms, page_perms, collection_perms in roles:
        all_names.update(model_perms, page_permission_names(page_perms), collection_perms)
    permissions = permissions_by_name(apps, all_names)

    root_pages = list(Page.objects.filter(depth=1))
    root_collections = list(Collection.objects.filter(depth=1))

    for name, formerly, model_perms, page_perms, collection_perms in roles:
        group = group_named(apps, name, formerly)
        group.permissions.set([permissions[tuple(p.split(".", 1))] for p in model_perms])

        wanted_page = [permissions[("wagtailcore", c)] for c in page_perms]
        for page in root_pages:
            GroupPagePermission.objects.filter(group=group, page=page).exclude(
                permission__in=wanted_page
            ).delete()
            for permission in wanted_page:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=page, permission=permission
                )

        wanted_collection = [permissions[tuple(p.split(".", 1))] for p in collection_perms]
        for collection in root_collections:
            GroupCollectionPermission.objects.filter(
                group=group, collection=collection
            ).exclude(permission__in=wanted_collection).delete()
            for permission in wanted_collection:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=collection, permission=permission
                )


def named(model, name, formerly):
    """The row called name, renaming the one called formerly if only that one exists."""
    row = model.objects.filter(name=name).first()
    if row is None:
        row = model.objects.filter(name=formerly).first()
        if row is not None:
            row.name = name
            row.save(update_fields=["name"])
    return row


def apply_workflow(apps, *, workflow_name, task_name, formerly, approvers, snippets):
    """One workflow with one group approval task, on every root page (so every page).

    formerly is a (workflow name, task name) pair: the names to rename from.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task = named(GroupApprovalTask, task_name, formerly[1])
    if task is None:
        # Historical models lack Wagtail's save(), which would fill in the content type.
        content_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(name=task_name, content_type=content_type)
    task.active = True
    task.save(update_fields=["active"])
    task.groups.set([Group.objects.get(name=approvers)])

    workflow = named(Workflow, workflow_name, formerly[0])
    if workflow is None:
        workflow = Workflow.objects.create(name=workflow_name)
    workflow.active = True
    workflow.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    for root in Page.objects.filter(depth=1):
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})

    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowContentType.objects.filter(workflow=workflow).exclude(
        content_type__in=[
            ContentType.objects.get_or_create(app_label=app_label, model=model)[0]
            for app_label, model in snippets
        ]
    ).delete()
    for app_label, model in snippets:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        WorkflowContentType.objects.update_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )


def create_roles_and_workflow(apps, schema_editor):
    apply_roles(apps, schema_editor, ROLES)
    apply_workflow(
        apps,
        workflow_name=WORKFLOW,
        task_name=TASK,
        formerly=(WAGTAIL_WORKFLOW_AND_TASK, WAGTAIL_WORKFLOW_AND_TASK),
        approvers=APPROVERS,
        snippets=WORKFLOW_SNIPPETS,
    )


def restore_wagtail_defaults(apps, schema_editor):
    apply_roles(apps, schema_editor, WAGTAIL_ROLES)
    apply_workflow(
        apps,
        workflow_name=WAGTAIL_WORKFLOW_AND_TASK,
        task_name=WAGTAIL_WORKFLOW_AND_TASK,
        formerly=(WORKFLOW, TASK),
        approvers="Moderators",
        snippets=[],
    )
    # Deleting a group also removes its members from it; the accounts themselves stay.
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS_ADDED_HERE).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        # Wagtail's groups, workflow, page and collection permissions, and admin access.
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        # The snippet (EIDOContact) and site setting (SiteChrome) editors may change.
        ("guidance_pages", "0002_contacts_go_through_approval"),
        ("pei_workflow", "0003_submissions"),
    ]

    operations = [migrations.RunPython(create_roles_and_workflow, restore_wagtail_defaults)]
