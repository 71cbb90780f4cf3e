"""The evidence reports and the full export at scale: time, queries and memory.

Run with `.venv/bin/python bench/reports.py [--small 10000] [--large 100000]`. It builds a
throwaway database (SQLite in a temporary folder unless DATABASE_URL is set: use a database
you can drop), makes synthetic casework with `generate_casework`, and measures, through
Django's whole middleware stack, as a county lead and a Pendle EIDO:

- the county report and Pendle's report for the last three financial years;
- the gaps list;
- the full XLSX export of the gaps list: its time and its peak Python memory (tracemalloc),
  which must stay flat as the rows grow, because the rows stream.

Figures, not assertions: the tests assert behaviour, this prints cost.
"""

import argparse
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.casework import setup_django, users  # noqa: E402


def timed(client, url: str, repeat: int) -> tuple[int, int, float]:
    """Status, queries and the median milliseconds of `repeat` requests (after one to warm;
    a download is timed once, with its queries)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def fetch():
        response = client.get(url)
        if response.streaming:
            for _ in response.streaming_content:
                pass
        return response

    download = "export=" in url
    if not download:
        fetch()
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        response = fetch()
    count = len(queries)
    if download:
        return response.status_code, count, (time.perf_counter() - started) * 1000
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fetch()
        times.append((time.perf_counter() - started) * 1000)
    return response.status_code, count, statistics.median(times)


def export_memory(client, url: str) -> float:
    """Peak Python memory, in MB, while the export streams."""
    tracemalloc.start()
    try:
        response = client.get(url)
        for _ in response.streaming_content:
            pass
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def pages(period: str) -> list[tuple[str, str, str]]:
    return [
        ("county lead", "county report", f"/admin/reports/casework/county/?{period}"),
        ("eido", "Pendle report", f"/admin/reports/casework/district/PEN/?{period}"),
        ("county lead", "gaps list", "/admin/pei_workflow/gapinservice/"),
        ("eido", "gaps list", "/admin/pei_workflow/gapinservice/"),
        ("county lead", "gaps export XLSX", "/admin/pei_workflow/gapinservice/?export=xlsx"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="requests per page (default 3)")
    args = parser.parse_args()

    setup_django(str(Path(tempfile.mkdtemp(prefix="pei-bench-")) / "bench.sqlite3"))

    import datetime

    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from pei_workflow.models import CafEscalation, GapInService
    from pei_workflow.synthetic import generate_casework

    call_command("migrate", verbosity=0)
    clients = {}
    for who, user in users().items():
        clients[who] = Client()
        clients[who].force_login(user)
    today = timezone.localdate()
    period = f"start={(today - datetime.timedelta(days=3 * 365)).isoformat()}&end={today}"

    results, memory, made = {}, {}, 0
    for target in (args.small, args.large):
        started = time.perf_counter()
        generate_casework(target - made, seed=target)
        made = target
        total = GapInService.objects.count() + CafEscalation.objects.count()
        print(f"made {total} submissions in {time.perf_counter() - started:.1f} s", flush=True)
        for who, page, url in pages(period):
            results.setdefault((who, page), []).append(timed(clients[who], url, args.repeat))
        memory[target] = export_memory(
            clients["county lead"], "/admin/pei_workflow/gapinservice/?export=xlsx"
        )

    print(f"database: {connection.vendor}; median of {args.repeat} requests; full middleware")
    header = (
        f"{'who':<12} {'page':<18} {'status':>6} {'queries':>8} {'at large':>9} "
        f"{'ms':>8} {'ms large':>9}"
    )
    print(header)
    print("-" * len(header))
    for (who, page), ((status, queries, ms), (_, queries_large, ms_large)) in results.items():
        print(
            f"{who:<12} {page:<18} {status:>6} {queries:>8} {queries_large:>9} "
            f"{ms:>8.0f} {ms_large:>9.0f}"
        )
    print(
        f"XLSX export peak Python memory: {memory[args.small]:.1f} MB at {args.small}, "
        f"{memory[args.large]:.1f} MB at {args.large}"
    )


if __name__ == "__main__":
    main()
