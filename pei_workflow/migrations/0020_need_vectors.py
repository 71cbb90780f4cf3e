"""Need vectors (`NeedVector`) replace the full-text index of migration 0018 as the way
similar gaps are found, and the database deletes a gap's vector whenever the words it was
made from, or the gap's district, change: whatever code changes them, a vector never
outlives its words."""

import importlib

import django.db.models.deletion
from django.db import migrations, models

GAPS = "pei_workflow_gapinservice"
VECTORS = "pei_workflow_needvector"
TRIGGER = "pei_workflow_gap_need_changed"
WATCHED = ("unmet_need", "what_has_been_tried", "barrier_detail", "district_id")

full_text = importlib.import_module("pei_workflow.migrations.0018_gap_similarity_index")


def _changed(distinct: str) -> str:
    return " OR ".join(f"OLD.{column} {distinct} NEW.{column}" for column in WATCHED)


def create_trigger(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"CREATE FUNCTION {TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS"
                f" $$ BEGIN DELETE FROM {VECTORS} WHERE gap_id = OLD.id; RETURN NEW; END $$"
            )
            cursor.execute(
                f"CREATE TRIGGER {TRIGGER} AFTER UPDATE OF {', '.join(WATCHED)} ON {GAPS}"
                f" FOR EACH ROW WHEN ({_changed('IS DISTINCT FROM')})"
                f" EXECUTE FUNCTION {TRIGGER}()"
            )
        elif connection.vendor == "sqlite":
            cursor.execute(
                f"CREATE TRIGGER IF NOT EXISTS {TRIGGER} AFTER UPDATE OF {', '.join(WATCHED)}"
                f" ON {GAPS} WHEN {_changed('IS NOT')}"
                f" BEGIN DELETE FROM {VECTORS} WHERE gap_id = OLD.id; END"
            )


def drop_trigger(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"DROP TRIGGER IF EXISTS {TRIGGER} ON {GAPS}")
            cursor.execute(f"DROP FUNCTION IF EXISTS {TRIGGER}()")
        elif connection.vendor == "sqlite":
            cursor.execute(f"DROP TRIGGER IF EXISTS {TRIGGER}")


class Migration(migrations.Migration):
    dependencies = [("pei_workflow", "0018_gap_similarity_index")]

    operations = [
        migrations.CreateModel(
            name="NeedVector",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("vector", models.BinaryField(help_text="float32 values, little-endian")),
                ("model_name", models.CharField(max_length=60)),
                ("made_at", models.DateTimeField(auto_now_add=True)),
                (
                    "gap",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="pei_workflow.gapinservice",
                    ),
                ),
            ],
            options={"verbose_name": "need vector"},
        ),
        migrations.RunPython(create_trigger, drop_trigger),
        migrations.RunPython(full_text.drop, full_text.create),
    ]
