"""The site as `make run` builds it, read through the test client (no browser)."""

import datetime
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from guidance_pages.models import GuidancePage, HomePage, NewsIndexPage, NewsPage

MAX_QUERIES_PER_PAGE = 10
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


def sitemap_paths(client) -> list[str]:
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - our own sitemap
    return [urlsplit(loc.text).path for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)]


def internal_links(path: str, html: str) -> set[str]:
    collector = LinkCollector()
    collector.feed(html)
    found = set()
    for href in collector.links:
        parts = urlsplit(urljoin(path, href))
        on_this_site = parts.scheme in ("", "http") and parts.netloc in (
            "",
            "testserver",
            "localhost",
        )
        if on_this_site and not parts.path.startswith(("/admin/", "/documents/")):
            found.add(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


@pytest.mark.django_db
def test_every_sitemap_page_answers_200_with_real_content(client, loaded_site):
    """Each page in the sitemap has a heading and a body of text from the guidance."""
    paths = sitemap_paths(client)
    assert len(paths) >= 12
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        main = re.search(r"<main.*?</main>", response.content.decode(), re.S)
        assert main, f"{path} has no main landmark"
        assert re.search(r"<h1[^>]*>\s*\S", main.group()), f"{path} has no heading"
        words = re.sub(r"<[^>]+>", " ", main.group()).split()
        assert len(words) >= 40, f"{path} looks empty"


@pytest.mark.django_db
def test_a_reader_starting_at_home_can_reach_every_page_and_no_link_is_dead(client, loaded_site):
    """Following links from the home page reaches every page in the sitemap, and every
    internal link on the way answers 200."""
    seen: set[str] = set()
    queue = ["/"]
    dead = []
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code != 200:
            dead.append((path, response.status_code))
            continue
        if response["Content-Type"].startswith("text/html"):
            queue.extend(internal_links(path, response.content.decode()) - seen)
    assert dead == []
    assert set(sitemap_paths(client)) <= {urlsplit(p).path for p in seen}


def query_counts(client, paths) -> dict[str, int]:
    counts = {}
    for path in paths:
        client.get(path)  # the first request fills the caches, as on a running server
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, path
        counts[path] = len(queries)
    return counts


@pytest.mark.django_db
def test_every_public_page_runs_few_queries_however_much_content_there_is(client, loaded_site):
    """Each public page type runs at most 10 queries, and the count does not grow when
    many more pages and news stories are added."""
    paths = sitemap_paths(client) + ["/search/?q=panel"]
    before = query_counts(client, paths)
    assert {p: n for p, n in before.items() if n > MAX_QUERIES_PER_PAGE} == {}

    home = HomePage.objects.get()
    news_index = NewsIndexPage.objects.get()
    for n in range(25):
        news_index.add_child(
            instance=NewsPage(
                title=f"Extra story {n}",
                date=datetime.date(2026, 2, 1) + datetime.timedelta(days=n),
                summary="More news.",
                body=[("paragraph", "<p>Text.</p>")],
            )
        )
        home.add_child(
            instance=GuidancePage(
                title=f"Extra guidance {n}",
                show_in_menus=n < 2,
                body=[("paragraph", "<p>Text.</p>")],
            )
        )
    after = query_counts(client, paths)
    assert after == before
