"""Query counts and speed of a submission's history screen and a comparison as its versions
grow.

Run with `.venv/bin/python bench/history.py [--versions 10 50 200]`. It builds a throwaway
database (SQLite in a temporary folder unless DATABASE_URL is set), sends one Gap in Service
form, reviews it, and corrects it again and again, measuring the history screen and the
comparison of the first and last versions after each batch, through Django's whole middleware
stack, as the Pendle EIDO. A query count that grows with the versions is a per-version query
to remove.

Figures, not assertions: the tests assert behaviour, this prints cost.
"""

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.casework import measure, setup_django  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--versions", type=int, nargs="+", default=[10, 50, 200])
    parser.add_argument("--seconds", type=float, default=1.0, help="time per page (default 1)")
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="pei-bench-")
    setup_django(str(Path(workdir) / "bench.sqlite3"))

    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from pei_workflow import services
    from pei_workflow.admin import urls
    from pei_workflow.versions import versions_of
    from tests.factories import admin_eido, submitted_gap

    call_command("migrate", verbosity=0)
    officer = admin_eido("PEN", username="bench.eido@example.org")
    client = Client()
    client.force_login(officer)
    gap = services.start_review(submission=submitted_gap("PEN"), actor=officer)

    header = f"{'versions':>8} {'page':<12} {'status':>6} {'queries':>8} {'req/s':>7} {'KB':>7}"
    print(f"database: {connection.vendor}; {args.seconds:.1f}s per page; full middleware stack")
    print(header)
    print("-" * len(header))
    for target in sorted(args.versions):
        while len(versions_of(gap)) < target:
            number = len(versions_of(gap))
            gap = services.correct_answers(
                submission=gap,
                actor=officer,
                changes={
                    "what_has_been_tried": (
                        f"School pastoral support since March, update {number}: weekly "
                        "check-ins with the learning mentor and a referral to the nurse."
                    )
                },
                reason=f"Weekly update {number}.",
            )
        count = len(versions_of(gap))
        for page, url in (
            ("history", urls.history_url(gap)),
            ("compare", urls.compare_url(gap, 1, count)),
        ):
            status, queries, rps = measure(client, url, args.seconds)
            size = len(client.get(url).content) / 1024
            print(f"{count:>8} {page:<12} {status:>6} {queries:>8} {rps:>7.1f} {size:>7.1f}")


if __name__ == "__main__":
    main()
