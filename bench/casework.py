"""Query counts and speed of the casework admin as the casework grows.

Run with `.venv/bin/python bench/casework.py [--small 2000] [--large 20000]`. It builds a
throwaway database (SQLite in a temporary folder unless DATABASE_URL is set), makes synthetic
casework with `generate_casework` (every state, with histories, meetings, themes and spot
purchases), signs in as a Pendle EIDO and as a county lead, and measures each casework page
through Django's whole middleware stack: first with the small amount of casework, then after
growing it to the large amount. A page whose query count grows with the data has a per-row
query to remove.

Figures, not assertions: the tests assert behaviour, this prints cost.
"""

import argparse
import os
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


def measure(client, url: str, seconds: float) -> tuple[int, int, float]:
    """Status, queries for one request, and requests per second."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        if response.streaming:  # an export: its rows are read as they stream
            b"".join(response.streaming_content)
    # Read now: the connection's query log is a bounded deque that the loop below rotates.
    query_count = len(queries)
    count, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        again = client.get(url)
        if again.streaming:  # an export: the work happens as the rows stream
            b"".join(again.streaming_content)
        count += 1
    return response.status_code, query_count, count / (time.perf_counter() - started)


def sample_urls() -> list[tuple[str, str, str]]:
    """(who, page, url) for each page measured, on the data as it is now."""
    from django.urls import reverse
    from django.utils import timezone

    from pei_workflow.models import CafEscalation, GapInService, Meeting

    gap = GapInService.objects.filter(district__code="PEN").order_by("-pk").first()
    caf = CafEscalation.objects.filter(district__code="PEN").order_by("-pk").first()
    meeting = (
        Meeting.objects.filter(district__code="PEN", kind="resource_panel")
        .filter(date__lte=timezone.localdate())
        .order_by("-date")
        .first()
    )
    gaps = "/admin/pei_workflow/gapinservice/"
    urls = [
        ("eido", "admin home (dashboard)", "/admin/"),
        ("eido", "gaps list", gaps),
        ("eido", "gaps list, filtered", f"{gaps}?state=in_review"),
        ("eido", "gaps search", f"{gaps}?q={gap.reference}"),
        ("eido", "gap inspect", f"{gaps}inspect/{gap.pk}/"),
        ("eido", "CAF inspect", f"/admin/pei_workflow/cafescalation/inspect/{caf.pk}/"),
        ("eido", "agenda", reverse("pei_workflow_agenda", kwargs={"pk": meeting.pk})),
        ("eido", "gaps export CSV", f"{gaps}?export=csv"),
        ("county lead", "admin home (dashboard)", "/admin/"),
        ("county lead", "gaps list", gaps),
    ]
    return urls


def users():
    """A Pendle EIDO and a county lead, set up as `pei_user` sets people up."""
    from django.contrib.auth import get_user_model

    from pei_site import roles
    from pei_workflow.models import DistrictAssignment, DistrictRole

    User = get_user_model()
    officer = User.objects.create_user("bench-eido", "eido@example.org")
    officer.groups.add(*roles_groups(roles.EIDOS))
    DistrictAssignment.objects.create(
        user=officer, district_id=district_id("PEN"), role=DistrictRole.EIDO
    )
    lead = User.objects.create_user("bench-lead", "lead@example.org")
    lead.groups.add(*roles_groups(roles.COUNTY_LEADS))
    return {"eido": officer, "county lead": lead}


def roles_groups(name):
    from django.contrib.auth.models import Group

    return Group.objects.filter(name=name)


def district_id(code):
    from pei_workflow.models import District

    return District.objects.get(code=code).pk


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=2000)
    parser.add_argument("--large", type=int, default=20000)
    parser.add_argument("--seconds", type=float, default=1.0, help="time per page (default 1)")
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="pei-bench-")
    setup_django(str(Path(workdir) / "bench.sqlite3"))

    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from pei_workflow.models import CafEscalation, GapInService
    from pei_workflow.synthetic import generate_casework

    call_command("migrate", verbosity=0)
    clients = {}
    for who, user in users().items():
        clients[who] = Client()
        clients[who].force_login(user)

    results: dict[tuple[str, str], list] = {}
    made = 0
    for target in (args.small, args.large):
        started = time.perf_counter()
        generate_casework(target - made, seed=target)
        made = target
        total = GapInService.objects.count() + CafEscalation.objects.count()
        print(f"made {total} submissions in {time.perf_counter() - started:.1f}s")
        for who, page, url in sample_urls():
            results.setdefault((who, page), []).append(measure(clients[who], url, args.seconds))

    print(f"database: {connection.vendor}; {args.seconds:.1f}s per page; full middleware stack")
    header = (
        f"{'who':<12} {'page':<26} {'status':>6} {'queries':>8} {'at large':>9} "
        f"{'req/s':>7} {'req/s large':>12}"
    )
    print(header)
    print("-" * len(header))
    for (who, page), rows in results.items():
        (status, queries, rps), (_, queries_large, rps_large) = rows
        print(
            f"{who:<12} {page:<26} {status:>6} {queries:>8} {queries_large:>9} "
            f"{rps:>7.1f} {rps_large:>12.1f}"
        )
    print(f"(small: {args.small} submissions; large: {args.large}; Pendle has 1 in 12)")


if __name__ == "__main__":
    main()
