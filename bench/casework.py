"""Time and query counts of the casework admin as the casework grows.

Run with `.venv/bin/python bench/casework.py [--sizes 2000 20000] [--runs 7]`. It uses a
throwaway SQLite database in a temporary folder, or the database DATABASE_URL names (which
must exist; it is migrated), fills it with synthetic casework (`generate_casework`: every
state, with histories, meetings, themes and spot purchases) up to each size in turn, signs in
as a Pendle EIDO and as a county lead, and measures each casework screen through Django's
whole middleware stack: the median time of `--runs` requests, the SQL queries of one and the
time they took. A database that already holds a size's casework is measured as it is, so the
same data can be measured before and after a change:

    createdb -h 127.0.0.1 -U postgres scale_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/scale_bench \\
        .venv/bin/python bench/casework.py --sizes 10000 100000

A screen whose query count grows with the data has a per-row query to remove; one whose time
grows has a query without an index, or rendering that depends on the rows.

Figures, not assertions: the tests assert behaviour, this prints cost.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def setup_django(database_path: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pei_site.settings.test")
    os.environ.setdefault("SQLITE_PATH", database_path)
    import django

    django.setup()


def measure(client, url: str, runs: int) -> tuple[int, int, float, float]:
    """Status, queries of one request and their time in ms, and the median ms per request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def get():
        response = client.get(url)
        if response.streaming:  # an export: its rows are read as they stream
            b"".join(response.streaming_content)
        return response

    sql_seconds = []

    def timed(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            sql_seconds.append(time.perf_counter() - started)

    get()
    with CaptureQueriesContext(connection) as queries, connection.execute_wrapper(timed):
        response = get()
    # Read now: the connection's query log is a bounded deque.
    query_count = len(queries)
    sql_ms = sum(sql_seconds) * 1000
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        get()
        times.append((time.perf_counter() - started) * 1000)
    return response.status_code, query_count, sql_ms, statistics.median(times)


def sample_urls() -> list[tuple[str, str, str, int]]:
    """(who, page, url, runs divisor) for each page measured, on the data as it is now."""
    from django.urls import reverse
    from django.utils import timezone

    from pei_workflow.models import CafEscalation, District, GapInService, Meeting

    pendle = District.objects.get(code="PEN")
    gap = GapInService.objects.filter(district=pendle).order_by("-pk").first()
    caf = CafEscalation.objects.filter(district=pendle).order_by("-pk").first()
    meeting = (
        Meeting.objects.filter(district=pendle, kind="resource_panel")
        .filter(date__lte=timezone.localdate())
        .order_by("-date")
        .first()
    )
    gaps = "/admin/pei_workflow/gapinservice/"
    cafs = "/admin/pei_workflow/cafescalation/"
    prefix = gap.reference.rsplit("-", 1)[0]  # GAP-PEN-2026
    fragment = gap.reference.rsplit("-", 1)[1]  # 0042: part of a reference, not its start
    lists = [
        ("admin home", "/admin/"),
        ("gaps list", gaps),
        ("CAF list", cafs),
        ("gaps, filtered by state", f"{gaps}?state=in_review"),
        ("gaps, page 20", f"{gaps}?p=20"),
        ("gaps, sorted by route", f"{gaps}?o=3"),
        ("search: exact reference", f"{gaps}?q={gap.reference}"),
        ("search: reference prefix", f"{gaps}?q={prefix}"),
        ("search: free text", f"{gaps}?q={fragment}"),
    ]
    urls = [("county lead", page, url, 1) for page, url in lists]
    urls.append(("county lead", "gaps, filtered: Pendle", f"{gaps}?district={pendle.pk}", 1))
    urls += [("eido", page, url, 1) for page, url in lists]
    urls += [
        ("eido", "gap inspect", f"{gaps}inspect/{gap.pk}/", 1),
        ("eido", "CAF inspect", f"{cafs}inspect/{caf.pk}/", 1),
        ("eido", "agenda", reverse("pei_workflow_agenda", kwargs={"pk": meeting.pk}), 1),
        ("eido", "gaps export CSV", f"{gaps}?export=csv", 3),
    ]
    return urls


def grow_to(size: int) -> int:
    """Make synthetic casework until the database holds `size` submissions; the number it
    held before. On PostgreSQL it is then vacuumed, as autovacuum leaves a table in use: the
    visibility map set, so that counts and the history's latest steps are read from the
    indexes alone."""
    from django.db import connection

    from pei_workflow.models import CafEscalation, GapInService
    from pei_workflow.synthetic import generate_casework

    made = GapInService.objects.count() + CafEscalation.objects.count()
    if made < size:
        started = time.perf_counter()
        generate_casework(size - made, seed=size)
        print(f"made {size - made} submissions in {time.perf_counter() - started:.1f} s")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
    return made


def users():
    """A Pendle EIDO and a county lead, set up as `pei_user` sets people up (made once)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from pei_site import roles
    from pei_workflow.models import District, DistrictAssignment, DistrictRole

    User = get_user_model()
    officer, _ = User.objects.get_or_create(username="bench-eido", email="eido@example.org")
    officer.groups.add(*Group.objects.filter(name=roles.EIDOS))
    DistrictAssignment.objects.get_or_create(
        user=officer, district=District.objects.get(code="PEN"), role=DistrictRole.EIDO
    )
    lead, _ = User.objects.get_or_create(username="bench-lead", email="lead@example.org")
    lead.groups.add(*Group.objects.filter(name=roles.COUNTY_LEADS))
    return {"eido": officer, "county lead": lead}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--runs", type=int, default=7, help="requests timed per page (default 7)")
    args = parser.parse_args()

    # SQLite in a folder removed at the end, unless DATABASE_URL names a database.
    workdir = tempfile.TemporaryDirectory(prefix="pei-bench-")
    setup_django(str(Path(workdir.name) / "bench.sqlite3"))

    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    call_command("migrate", verbosity=0)
    clients = {}
    for who, user in users().items():
        clients[who] = Client()
        clients[who].force_login(user)

    results: dict[tuple[str, str], list] = {}
    for size in args.sizes:
        made = grow_to(size)
        print(f"measuring at {max(made, size)} submissions")
        for who, page, url, divisor in sample_urls():
            runs = max(1, args.runs // divisor)
            results.setdefault((who, page), []).append(measure(clients[who], url, runs))

    print(f"database: {connection.vendor}; median of {args.runs} requests; full middleware stack")
    sizes = "".join(f" | {size:>22}" for size in args.sizes)
    print(f"{'who':<12} {'page':<26}{sizes}")
    columns = "".join(f" | {'queries':>7} {'SQL ms':>6} {'ms':>6}" for _ in args.sizes)
    print(f"{'':<12} {'':<26}{columns}")
    print("-" * (39 + 25 * len(args.sizes)))
    for (who, page), rows in results.items():
        cells = "".join(
            f" | {queries:>7} {sql_ms:>6.1f} {ms:>6.1f}" + ("" if status == 200 else f" ({status})")
            for status, queries, sql_ms, ms in rows
        )
        print(f"{who:<12} {page:<26}{cells}")
    print("(Pendle has about 1 in 12 of the submissions; SQL ms is of one request)")


if __name__ == "__main__":
    main()
