"""`manage.py generate_casework 20000`: fill a development database with synthetic casework."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from pei_workflow.synthetic import generate_casework


class Command(BaseCommand):
    help = (
        "Make synthetic submissions in every state across all districts, with their review "
        "history, meetings, budgets and spot purchases. For development and benchmarks only."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="How many submissions to make.")
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (default 2026).")

    def handle(self, *args, count, seed, **options):
        if not getattr(settings, "PEI_ALLOW_DEMO_ACCOUNTS", False):
            raise CommandError(
                "Synthetic casework is switched off in these settings (PEI_ALLOW_DEMO_ACCOUNTS)."
            )
        if not 1 <= count <= 200_000:
            raise CommandError("Give a count from 1 to 200000.")
        started = time.perf_counter()
        made = generate_casework(count, seed=seed)
        self.stdout.write(
            f"Made {made['gap']} gaps in service and {made['caf']} CAF escalations "
            f"({made['meetings']} meetings in all) in {time.perf_counter() - started:.1f} s."
        )
