"""`manage.py requeue_lost_emails [--running-for SECONDS]`: put back in the queue the email
tasks whose worker died while running them (pei_workflow.lost_tasks).

Run it from cron every 5 minutes; it is safe beside running workers and to run twice. It
prints one line: how many tasks it put back and how many it found already done, with their
task ids (never an address or a message).
"""

import datetime

from django.core.management.base import BaseCommand, CommandError

from ...lost_tasks import DEFAULT_RUNNING_FOR, requeue_lost_email_tasks


class Command(BaseCommand):
    help = (
        "Put back in the queue the email tasks left RUNNING by a worker that has gone (its "
        "row is no longer locked), and mark done those whose work had committed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--running-for",
            type=int,
            default=int(DEFAULT_RUNNING_FOR.total_seconds()),
            metavar="SECONDS",
            help="only tasks claimed at least this long ago (default: %(default)s)",
        )

    def handle(self, *, running_for: int, **options):
        if running_for < 0:
            raise CommandError("--running-for must be 0 or more seconds.")
        lost = requeue_lost_email_tasks(running_for=datetime.timedelta(seconds=running_for))
        self.stdout.write(
            f"Requeued {len(lost.requeued)} lost email task(s){_ids(lost.requeued)}; "
            f"marked {len(lost.finished)} already done{_ids(lost.finished)}."
        )


def _ids(ids: list[str]) -> str:
    return f" ({', '.join(ids)})" if ids else ""
