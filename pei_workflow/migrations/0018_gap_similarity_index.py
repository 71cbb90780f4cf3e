"""The full-text index that similar gaps are found by (issue 15), kept by the database itself
so that every way a gap's words change (the form, corrections, redaction, the retention
schedule's scrubbing) keeps it right:

- PostgreSQL: `similarity_document`, a stored generated `tsvector` of the unmet need, what
  has been tried and the barrier's detail (weighted A, B, C), with a GIN index. It is not a
  model field: nothing but `pei_workflow.similarity.postgres` reads it, and the history
  tables do not copy it.
- SQLite: an FTS5 table over the same three columns, external content (the words stay in the
  gaps' table only), kept by triggers.

Migration 0020 replaced this ranking with need vectors and drops the index; its SQL is kept
here, whole, so that the migrations still run from the start and backwards.
"""

from django.db import migrations

GAPS = "pei_workflow_gapinservice"
INDEX = "pei_workflow_gap_similarity"
COLUMNS = ("unmet_need", "what_has_been_tried", "barrier_detail")
TRIGGERS = {
    f"{INDEX}_insert": (
        f"AFTER INSERT ON {GAPS} BEGIN"
        f" INSERT INTO {INDEX} (rowid, {', '.join(COLUMNS)})"
        f" VALUES (new.id, {', '.join(f'new.{c}' for c in COLUMNS)}); END"
    ),
    f"{INDEX}_delete": (
        f"AFTER DELETE ON {GAPS} BEGIN"
        f" INSERT INTO {INDEX} ({INDEX}, rowid, {', '.join(COLUMNS)})"
        f" VALUES ('delete', old.id, {', '.join(f'old.{c}' for c in COLUMNS)}); END"
    ),
    f"{INDEX}_update": (
        f"AFTER UPDATE OF {', '.join(COLUMNS)} ON {GAPS} BEGIN"
        f" INSERT INTO {INDEX} ({INDEX}, rowid, {', '.join(COLUMNS)})"
        f" VALUES ('delete', old.id, {', '.join(f'old.{c}' for c in COLUMNS)});"
        f" INSERT INTO {INDEX} (rowid, {', '.join(COLUMNS)})"
        f" VALUES (new.id, {', '.join(f'new.{c}' for c in COLUMNS)}); END"
    ),
}
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
            cursor.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {INDEX} USING fts5({', '.join(COLUMNS)},"
                f" content='{GAPS}', content_rowid='id',"
                f" tokenize='porter unicode61 remove_diacritics 2')"
            )
            for name, body in TRIGGERS.items():
                cursor.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")
            cursor.execute(f"INSERT INTO {INDEX} ({INDEX}) VALUES ('rebuild')")


def drop(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"ALTER TABLE {GAPS} DROP COLUMN similarity_document")
        elif connection.vendor == "sqlite":
            for name in TRIGGERS:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
            cursor.execute(f"DROP TABLE IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("pei_workflow", "0017_report_waits_index")]

    operations = [migrations.RunPython(create, drop)]
