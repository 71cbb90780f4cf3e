"""Is a restored database whole? What `check_restored_database` asks of the database it runs
on, and what `restore_test` uses to restore a backup into a scratch database beside the live
one. A backup nobody has restored is a hope, not a backup: the README asks for this monthly.
"""

import re
import subprocess
import urllib.parse
from dataclasses import dataclass

from django.apps import apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from pei_workflow.models.submissions import Submission

SCRATCH_PREFIX = "pei_restore_test_"


class RestoreFailed(Exception):
    """A restored database is not whole, or could not be made: one line saying why."""


@dataclass(frozen=True)
class Newest:
    kind: str
    reference: str
    submitted_at: object


@dataclass(frozen=True)
class Findings:
    migrations: int
    tables: int
    rows: int
    live_pages: int
    newest: tuple[Newest, ...]

    def lines(self) -> list[str]:
        said = [
            f"Every migration is applied ({self.migrations}).",
            f"Every table reads: {self.rows:,} rows in {self.tables} tables.",
            f"{self.live_pages} live pages.",
        ]
        for newest in self.newest:
            when = newest.submitted_at.strftime("%Y-%m-%d %H:%M") if newest.submitted_at else "-"
            said.append(f"Newest {newest.kind}: {newest.reference}, sent {when}.")
        return said


def examine() -> Findings:
    """Check the database of the default connection; RestoreFailed says what is wrong."""
    executor = MigrationExecutor(connection)
    unapplied = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if unapplied:
        first = unapplied[0][0]
        raise RestoreFailed(
            f"{len(unapplied)} migrations are not applied, from {first.app_label}.{first.name}: "
            "the backup is older than this code, or incomplete"
        )
    tables = rows = 0
    for model in _stored_models():
        try:
            rows += model._base_manager.count()
        except Exception as error:
            raise RestoreFailed(f"{model._meta.db_table} cannot be read: {error}") from None
        tables += 1
    page_model = apps.get_model("wagtailcore", "Page")
    site_model = apps.get_model("wagtailcore", "Site")
    if not site_model.objects.exists():
        raise RestoreFailed("there is no site: the page tree did not come back")
    return Findings(
        migrations=len(executor.loader.applied_migrations),
        tables=tables,
        rows=rows,
        live_pages=page_model.objects.filter(live=True).count(),
        newest=tuple(_newest()),
    )


def _stored_models():
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.managed and not meta.proxy and not meta.swapped:
            yield model


def _newest():
    for model in apps.get_app_config("pei_workflow").get_models():
        if issubclass(model, Submission):
            latest = (
                model._base_manager.exclude(submitted_at=None)
                .order_by("-submitted_at")
                .values_list("reference", "submitted_at")
                .first()
            )
            if latest:
                yield Newest(str(model._meta.verbose_name), *latest)


def scratch_url(database_url: str, name: str) -> str:
    """The same server, user and options as `database_url`, with the database `name`."""
    parts = urllib.parse.urlsplit(database_url)
    return urllib.parse.urlunsplit(parts._replace(path="/" + name))


def restore(backup: str, database_url: str) -> None:
    """pg_restore a custom-format dump into the (empty) database `database_url`."""
    # An operator's own file and server, as a list (no shell); pg_restore from PATH, as psql.
    result = subprocess.run(  # noqa: S603
        [  # noqa: S607
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            f"--dbname={database_url}",
            backup,
        ],
        capture_output=True,
        text=True,
    )
    if result.returncode:
        reason = _last_line(result.stderr) or f"pg_restore exited with {result.returncode}"
        raise RestoreFailed(f"pg_restore could not restore {backup}: {reason}")


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return re.sub(r"^pg_restore: (error: )?", "", lines[-1]) if lines else ""
