"""The full-text index that similar gaps are found by (issue 15), kept by the database itself
so that every way a gap's words change (the form, corrections, redaction, the retention
schedule's scrubbing) keeps it right:

- PostgreSQL: `similarity_document`, a stored generated `tsvector` of the unmet need, what
  has been tried and the barrier's detail (weighted A, B, C), with a GIN index. It is not a
  model field: nothing but `pei_workflow.similarity.postgres` reads it, and the history
  tables do not copy it.
- SQLite: an FTS5 table over the same three columns, external content (the words stay in the
  gaps' table only), kept by triggers (`pei_workflow.similarity.sqlite`).
"""

from django.db import migrations

GAPS = "pei_workflow_gapinservice"
DOCUMENT = (
    "setweight(to_tsvector('english'::regconfig, unmet_need), 'A')"
    " || setweight(to_tsvector('english'::regconfig, what_has_been_tried), 'B')"
    " || setweight(to_tsvector('english'::regconfig, barrier_detail), 'C')"
)


def create(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"ALTER TABLE {GAPS} ADD COLUMN similarity_document tsvector"
                f" GENERATED ALWAYS AS ({DOCUMENT}) STORED"
            )
            cursor.execute(
                f"CREATE INDEX gapinservice_similarity_idx ON {GAPS}"
                f" USING gin (similarity_document)"
            )
        elif connection.vendor == "sqlite":
            from pei_workflow.similarity.sqlite import create_index

            create_index(cursor)


def drop(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"ALTER TABLE {GAPS} DROP COLUMN similarity_document")
        elif connection.vendor == "sqlite":
            from pei_workflow.similarity.sqlite import drop_index

            drop_index(cursor)


class Migration(migrations.Migration):
    dependencies = [("pei_workflow", "0017_report_waits_index")]

    operations = [migrations.RunPython(create, drop)]
