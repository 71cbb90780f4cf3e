"""The restore test the README asks operators to run: a pg_dump backup restored into a scratch
database is checked whole (every migration applied, every table readable, the page tree
there, the newest submissions named) and dropped; a damaged backup, an incomplete database
or a server that is not PostgreSQL is one line and a non-zero exit."""

import io
import subprocess

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from pei_site.restore_check import SCRATCH_PREFIX, RestoreFailed, examine, scratch_url
from tests.factories import submitted_caf, submitted_gap

# pg_dump reads committed data; restoring the serialized database afterwards keeps the
# tests after these whole (Wagtail's locale and root page come from migrations).
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="backups are pg_dump's, restored by pg_restore"
)
committed = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def scratch_databases() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s", [SCRATCH_PREFIX + "%"]
        )
        return [row[0] for row in cursor.fetchall()]


@pytest.fixture
def backup(tmp_path, home_page):
    """A custom-format dump of the test database holding a gap and a CAF escalation."""
    gap, caf = submitted_gap(), submitted_caf("BUR")
    path = tmp_path / "pei.dump"
    database = connection.settings_dict
    subprocess.run(
        [
            "pg_dump",
            "--format=custom",
            f"--file={path}",
            f"--dbname=postgresql://{database['USER']}@{database['HOST']}:{database['PORT']}"
            f"/{database['NAME']}",
        ],
        check=True,
    )
    return path, gap, caf


@on_postgresql
@committed
def test_a_backup_restores_whole_names_its_newest_submissions_and_leaves_no_scratch_database(
    backup,
):
    path, gap, caf = backup
    out = io.StringIO()
    call_command("restore_test", str(path), stdout=out)
    said = out.getvalue()
    assert "Every migration is applied" in said
    assert "Every table reads" in said
    assert f"Newest gap in service: {gap.reference}" in said
    assert f"Newest CAF escalation: {caf.reference}" in said
    assert f"The backup {path} restores and is whole" in said
    assert scratch_databases() == []


@on_postgresql
@committed
def test_a_damaged_backup_is_one_line_naming_pg_restore_and_leaves_no_scratch_database(backup):
    path, _, _ = backup
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 3])
    with pytest.raises(CommandError) as refused:
        call_command("restore_test", str(path), stdout=io.StringIO())
    assert str(refused.value).startswith(f"pg_restore could not restore {path}: ")
    assert "\n" not in str(refused.value)
    assert scratch_databases() == []


@on_postgresql
@committed
def test_a_missing_backup_is_refused_before_anything_is_made(tmp_path):
    with pytest.raises(CommandError, match="^cannot read the backup .*nothing.dump$"):
        call_command("restore_test", str(tmp_path / "nothing.dump"))


@pytest.mark.skipif(connection.vendor == "postgresql", reason="about a server that is not")
def test_restore_test_on_sqlite_says_it_needs_postgresql(db, tmp_path):
    dump = tmp_path / "pei.dump"
    dump.write_bytes(b"PGDMP")
    with pytest.raises(CommandError, match="needs DATABASE_URL to name a PostgreSQL server"):
        call_command("restore_test", str(dump))


def test_a_database_missing_a_migration_is_not_whole(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM django_migrations WHERE app = 'pei_workflow' AND name = "
            "(SELECT MAX(name) FROM django_migrations WHERE app = 'pei_workflow')"
        )
    with pytest.raises(RestoreFailed, match=r"^1 migrations are not applied, from pei_workflow\."):
        examine()


def test_a_whole_database_reports_its_tables_and_newest_submission(db, home_page):
    gap = submitted_gap()
    findings = examine()
    assert findings.tables > 50 and findings.rows > 0 and findings.live_pages >= 1
    assert [newest.reference for newest in findings.newest] == [gap.reference]


def test_the_scratch_database_keeps_the_servers_user_and_options():
    assert (
        scratch_url("postgres://pei:secret@db.internal:5432/pei?sslmode=require", "scratch")
        == "postgres://pei:secret@db.internal:5432/scratch?sslmode=require"
    )
