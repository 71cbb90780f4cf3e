"""The evidence reports and the full export at scale: time, queries and memory.

Run with `.venv/bin/python bench/reports.py [--small 10000] [--large 100000]`. It builds a
throwaway database (SQLite in a temporary folder unless DATABASE_URL is set: use a database
you can drop), makes synthetic casework with `generate_casework` up to each size in turn, and
measures, through Django's whole middleware stack, as a county lead and a Pendle EIDO:

- the county report and Pendle's report for the last three financial years;
- the gaps list;
- the full XLSX and CSV exports of the gaps list, and the XLSX export's peak Python memory
  (tracemalloc), which must stay flat as the rows grow, because the rows stream.

A database that already holds a size's casework is measured as it is (and a size it has
passed is not measured again), so the same data can be measured before and after a change:
keep one database at each size.

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
        ("county lead", "gaps export CSV", "/admin/pei_workflow/gapinservice/?export=csv"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="requests per page (default 3)")
    args = parser.parse_args()

    # SQLite in a folder removed at the end, unless DATABASE_URL names a database.
    workdir = tempfile.TemporaryDirectory(prefix="pei-bench-")
    setup_django(str(Path(workdir.name) / "bench.sqlite3"))

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

    results, memory, sizes = {}, {}, []
    for target in sorted({args.small, args.large}):
        made = GapInService.objects.count() + CafEscalation.objects.count()
        if made < target:
            started = time.perf_counter()
            generate_casework(target - made, seed=target)
            print(f"made {target - made} submissions in {time.perf_counter() - started:.1f} s")
        elif sizes:
            continue  # already past this size: measured once, at the size it holds
        target = max(made, target)
        sizes.append(target)
        print(f"measuring at {target} submissions", flush=True)
        for who, page, url in pages(period):
            results.setdefault((who, page), []).append(timed(clients[who], url, args.repeat))
        memory[target] = export_memory(
            clients["county lead"], "/admin/pei_workflow/gapinservice/?export=xlsx"
        )

    print(f"database: {connection.vendor}; median of {args.repeat} requests; full middleware")
    columns = "".join(f" | {size:>21}" for size in sizes)
    print(f"{'who':<12} {'page':<18}{columns}")
    columns = "".join(f" | {'status':>6} {'queries':>7} {'ms':>6}" for _ in sizes)
    header = f"{'':<12} {'':<18}{columns}"
    print(header)
    print("-" * len(header))
    for (who, page), rows in results.items():
        cells = "".join(f" | {status:>6} {queries:>7} {ms:>6.0f}" for status, queries, ms in rows)
        print(f"{who:<12} {page:<18}{cells}")
    peaks = ", ".join(f"{memory[size]:.1f} MB at {size}" for size in sizes)
    print(f"XLSX export peak Python memory: {peaks}")


if __name__ == "__main__":
    main()
