"""`manage.py check_restored_database`: is the database this runs on whole? Every migration
applied, every table readable, the page tree there, and the newest submission of each kind
(so you can see how recent the backup is). Run by `restore_test` on a scratch database; a
failure is one line on stderr and exit 1."""

from django.core.management.base import BaseCommand, CommandError

from pei_site.restore_check import RestoreFailed, examine


class Command(BaseCommand):
    help = "Check that this database, restored from a backup, is whole."

    def handle(self, *args, **options):
        try:
            findings = examine()
        except RestoreFailed as failure:
            raise CommandError(str(failure)) from None
        for line in findings.lines():
            self.stdout.write(line)
