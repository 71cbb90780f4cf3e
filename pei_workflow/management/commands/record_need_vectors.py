"""`manage.py record_need_vectors`: make the need vector of every sent gap that has none.

The steps make a gap's vector when it is sent and when its words change; this fills in the
rest: gaps sent before this site found similar gaps by their vectors, and any a failed step
left without one. Run it once after upgrading, then nightly from cron; running it twice does
no more than running it once. It prints how many it made, never any words.
"""

from django.core.management.base import BaseCommand, CommandError

from ...services.need_vectors import record_missing_need_vectors
from ...similarity.encoder import ModelMissing


class Command(BaseCommand):
    help = "Make the need vector (for finding similar gaps) of every sent gap that has none."

    def handle(self, *args, **options):
        try:
            made = record_missing_need_vectors()
        except ModelMissing as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Made {made} need {'vector' if made == 1 else 'vectors'}.")
