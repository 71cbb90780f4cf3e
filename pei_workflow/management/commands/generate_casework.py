"""`manage.py generate_casework 100000`: fill a development database with synthetic casework."""

import sys
import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from pei_workflow.synthetic import generate_casework

from ...demo_data import demo_data_refusal


class Command(BaseCommand):
    help = (
        "Make synthetic submissions over the last three financial years, across all districts, "
        "each with the review history of its path to today, plus meetings, budgets, spot "
        "purchases and (if missing) a synthetic directory and staff. For development and "
        "benchmarks only."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="How many submissions to make.")
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (default 2026).")
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not show the progress bar."
        )

    def handle(self, *args, count, seed, no_progress, **options):
        refusal = demo_data_refusal("synthetic casework")
        if refusal:
            raise CommandError(refusal)
        if not 1 <= count <= 200_000:
            raise CommandError("Give a count from 1 to 200000.")
        started = time.perf_counter()
        # tqdm draws on stderr, and only on a terminal: a log file or a pipe gets the summary.
        with tqdm(
            total=count,
            unit=" submissions",
            file=sys.stderr,
            disable=no_progress or not sys.stderr.isatty(),
        ) as bar:
            made = generate_casework(count, seed=seed, progress=bar.update)
        self.stdout.write(
            f"Made {made['gap']} gaps in service and {made['caf']} CAF escalations, with "
            f"{made['history']} review history steps and {made['spot_purchases']} spot "
            f"purchases ({made['meetings']} meetings in all), in "
            f"{time.perf_counter() - started:.1f} s."
        )
