"""Query counts and requests per second for every public page type, on the loaded content.

Run with `make bench` (or `.venv/bin/python bench/pages.py`). It builds a throwaway database
(SQLite in a temporary folder unless DATABASE_URL is set), loads the PEI content, measures each
public page through the full middleware stack, then adds many more pages and news stories and
measures again, so that a query count that grows with the content shows up.

Figures, not assertions: tests/guidance_pages/test_query_counts.py asserts the counts.
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
    import logging

    import django

    django.setup()
    # The 404 sample would print "Not Found" on every request.
    logging.getLogger("django.request").setLevel(logging.ERROR)


def sample_urls() -> list[tuple[str, str]]:
    """One address per public page type, plus the site-wide views."""
    from wagtail.models import Page

    samples = {}
    for page in Page.objects.live().public().specific().order_by("path"):
        label = type(page).__name__
        if label != "Page" and label not in samples:
            samples[label] = page.url
    urls = sorted(samples.items())
    news_index = samples.get("NewsIndexPage")
    contacts = samples.get("ContactsPage")
    if news_index:
        urls.append(("NewsIndexPage feed", news_index + "feed/"))
    if contacts:
        urls.append(("ContactsPage search", contacts + "?q=pendle"))
    urls += [
        ("search", "/search/?q=bereavement"),
        ("sitemap.xml", "/sitemap.xml"),
        ("robots.txt", "/robots.txt"),
        ("404", "/no-such-page/"),
    ]
    return urls


def search_words() -> list[str]:
    """Every distinct word of four letters or more in the search index, sorted: searches
    that each ask something new, many more than a process keeps the results of."""
    import re

    from wagtail.search.models import IndexEntry

    words = set()
    for title, body in IndexEntry.objects.values_list("title", "body"):
        words.update(re.findall(r"[a-z]{4,}", f"{title} {body}".lower()))
    return sorted(words)


def measure(client, url: str, seconds: float) -> tuple[int, int, float]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm caches the way a running server has them
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    # Read now: the next request resets the connection's query log.
    query_count = len(queries)
    count = 0
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        client.get(url)
        count += 1
    elapsed = time.perf_counter() - started
    return response.status_code, query_count, count / elapsed


def grow_content(extra_news: int, extra_pages: int) -> None:
    """Add many news stories and guidance pages, as years of editing would."""
    import datetime

    from guidance_pages.models import GuidancePage, HomePage, NewsIndexPage, NewsPage

    home = HomePage.objects.get()
    news_index = NewsIndexPage.objects.get()
    for n in range(extra_news):
        news_index.add_child(
            instance=NewsPage(
                title=f"Bench story {n}",
                slug=f"bench-story-{n}",
                date=datetime.date(2026, 1, 1) + datetime.timedelta(days=n % 300),
                summary="A story added by the benchmark.",
                body=[("paragraph", "<p>Story text.</p>")],
            )
        )
    for n in range(extra_pages):
        home.add_child(
            instance=GuidancePage(
                title=f"Bench guidance {n}",
                slug=f"bench-guidance-{n}",
                show_in_menus=n < 3,
                body=[("paragraph", "<p>Guidance text.</p>")],
            )
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=1.0, help="time per page (default 1)")
    parser.add_argument("--extra-news", type=int, default=200)
    parser.add_argument("--extra-pages", type=int, default=50)
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="pei-bench-")
    setup_django(str(Path(workdir) / "bench.sqlite3"))

    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    call_command("migrate", verbosity=0)
    call_command("load_pei_content", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    client = Client()

    print(f"database: {connection.vendor}; {args.seconds:.1f}s per page; full middleware stack")
    rounds = [("loaded content", None), ("grown content", (args.extra_news, args.extra_pages))]
    results: dict[str, list] = {}
    for label, growth in rounds:
        if growth:
            grow_content(*growth)
        for name, url in sample_urls():
            results.setdefault(name, []).append(measure(client, url, args.seconds))
        print(f"measured: {label}")

    header = f"{'page':<28} {'status':>6} {'queries':>8} {'queries grown':>14} {'req/s':>8}"
    print(header)
    print("-" * len(header))
    for name, rows in results.items():
        (status, queries, rps), *rest = rows
        grown = rest[0][1] if rest else "-"
        print(f"{name:<28} {status:>6} {queries:>8} {grown!s:>14} {rps:>8.0f}")
    print(f"(grown content: +{args.extra_news} news stories, +{args.extra_pages} guidance pages)")


if __name__ == "__main__":
    main()
