"""`manage.py restore_test BACKUP`: restore a pg_dump backup (custom format) into a scratch
database on the same PostgreSQL server as DATABASE_URL, check it with
`check_restored_database`, and drop it. The live database is only read from, never written.
A failure is one line on stderr and a non-zero exit; `--keep` leaves the scratch database
for a closer look."""

import os
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from pei_site.restore_check import SCRATCH_PREFIX, RestoreFailed, restore, scratch_url


class Command(BaseCommand):
    help = "Restore a PostgreSQL backup into a scratch database, check it is whole, drop it."

    def add_arguments(self, parser):
        parser.add_argument("backup", help="A pg_dump --format=custom file.")
        parser.add_argument(
            "--keep", action="store_true", help="Leave the scratch database afterwards."
        )

    def handle(self, *args, backup, keep, **options):
        database_url = os.environ.get("DATABASE_URL", "")
        if connection.vendor != "postgresql" or not database_url:
            raise CommandError("restore_test needs DATABASE_URL to name a PostgreSQL server")
        if not Path(backup).is_file() or not os.access(backup, os.R_OK):
            raise CommandError(f"cannot read the backup {backup}")
        scratch = f"{SCRATCH_PREFIX}{time.strftime('%Y%m%d%H%M%S')}_{os.getpid()}"
        url = scratch_url(database_url, scratch)
        started = time.monotonic()
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{scratch}"')
        try:
            restore(backup, url)
            self._check(url)
        except RestoreFailed as failure:
            raise CommandError(str(failure)) from None
        finally:
            if keep:
                self.stdout.write(f"Kept the scratch database {scratch}.")
            else:
                with connection.cursor() as cursor:
                    cursor.execute(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)')
        self.stdout.write(
            f"The backup {backup} restores and is whole ({time.monotonic() - started:.1f} s)."
        )

    def _check(self, url: str) -> None:
        result = subprocess.run(
            [sys.executable, "manage.py", "check_restored_database"],
            cwd=settings.BASE_DIR,
            env={**os.environ, "DATABASE_URL": url},
            capture_output=True,
            text=True,
        )
        self.stdout.write(result.stdout.rstrip())
        if result.returncode:
            lines = result.stderr.strip().splitlines() or [f"exit {result.returncode}"]
            raise RestoreFailed(f"the restored database is not whole: {lines[-1]}")
