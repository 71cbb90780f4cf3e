# The Open Referral ids of services and themes (pei_workflow.openreferral).
#
# A unique field cannot be added with a default to a table that has rows: every row would get
# the same value. So, as Django's "migrations that add unique fields" recipe does: add each
# field nullable, give every existing row its own UUID, then make it unique and required.
# Historical rows take the UUID of the service or theme they are a version of, so that the
# history reads as the record did; the versions of a deleted record share one new UUID.

import uuid

from django.db import migrations, models


def give_each_row_its_own_id(apps, schema_editor):
    for model_name in ("Service", "Theme"):
        model = apps.get_model("pei_workflow", model_name)
        historical = apps.get_model("pei_workflow", f"Historical{model_name}")
        ids = {}
        for row in model.objects.filter(open_referral_id__isnull=True).only("pk"):
            ids[row.pk] = uuid.uuid4()
            model.objects.filter(pk=row.pk).update(open_referral_id=ids[row.pk])
        record_ids = (
            historical.objects.filter(open_referral_id__isnull=True)
            .values_list("id", flat=True)
            .distinct()
        )
        for record_id in list(record_ids):
            historical.objects.filter(id=record_id).update(
                open_referral_id=ids.get(record_id) or uuid.uuid4()
            )


class Migration(migrations.Migration):
    dependencies = [
        ("pei_workflow", "0009_audit_log_entries"),
    ]

    operations = [
        migrations.AddField(
            model_name="service",
            name="open_referral_id",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="theme",
            name="open_referral_id",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="historicalservice",
            name="open_referral_id",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="historicaltheme",
            name="open_referral_id",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(give_each_row_its_own_id, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="service",
            name="open_referral_id",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
        migrations.AlterField(
            model_name="theme",
            name="open_referral_id",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
        migrations.AlterField(
            model_name="historicalservice",
            name="open_referral_id",
            field=models.UUIDField(db_index=True, default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="historicaltheme",
            name="open_referral_id",
            field=models.UUIDField(db_index=True, default=uuid.uuid4, editable=False),
        ),
    ]
