"""The lists the public pages show, kept per generation (issue 16): the news list and each
page of it, the service directory without a search, the sitemap and the news feed are drawn
once and kept until the next change, which shows at once; a reader's own search, and any
address with a query, is answered for itself."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from guidance_pages.models import SiteChrome
from guidance_pages.models.news import NEWS_PER_PAGE
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def drawn(settings, db):
    settings.PEI_PAGE_CACHE_SECONDS = 0
    SiteChrome.objects.create(site=Site.objects.get(is_default_site=True))


@pytest.fixture
def news(home_page):
    index = f.NewsIndexPageFactory(parent=home_page)
    for n in range(NEWS_PER_PAGE + 2):
        f.NewsPageFactory(parent=index, title=f"Story {n:02d}", slug=f"story-{n}")
    return index


def queries_again(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def text(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def test_each_page_of_the_news_is_kept_and_drawn_again_with_only_the_pages_row(client, news):
    assert queries_again(client, news.url) == 1
    assert queries_again(client, news.url + "?page=2") == 1
    first, second = text(client, news.url), text(client, news.url + "?page=2")
    assert "Story 11" in first and "Story 00" not in first
    assert "Story 00" in second and "Story 11" not in second
    assert f'href="{news.url}?page=2"' in first


def test_a_new_story_shows_in_the_news_list_at_once_and_a_page_past_the_end_is_404(client, news):
    text(client, news.url)
    text(client, news.url + "?page=3", status=404)
    f.NewsPageFactory(parent=news, title="Newest story", slug="newest")
    assert "Newest story" in text(client, news.url)
    for n in range(NEWS_PER_PAGE - 1):
        f.NewsPageFactory(parent=news, slug=f"more-{n}")
    assert "Page 3 of 3" in text(client, news.url + "?page=3")


def test_the_news_feed_is_kept_and_shows_a_new_story_at_once(client, news):
    assert queries_again(client, news.url + "feed/") == 1
    feed = client.get(news.url + "feed/")
    assert feed["Content-Type"].startswith("application/rss+xml")
    f.NewsPageFactory(parent=news, title="Feed story", slug="feed-story")
    assert "Feed story" in text(client, news.url + "feed/")


def test_the_sitemap_is_kept_and_lists_a_new_page_at_once(client, home_page):
    assert queries_again(client, "/sitemap.xml") == 0
    sitemap = client.get("/sitemap.xml")
    assert sitemap["Content-Type"] == "application/xml"
    assert sitemap["X-Robots-Tag"]
    f.GuidancePageFactory(parent=home_page, slug="just-published")
    assert "/just-published/" in text(client, "/sitemap.xml")


def test_the_directory_without_a_search_is_kept_and_shows_a_new_service_at_once(client, home_page):
    directory = f.ServiceDirectoryPageFactory(parent=home_page)
    f.service("PEN", name="Pendle Lifts")
    assert queries_again(client, directory.url) == 1
    f.service("PEN", name="Pendle Walks")
    page = text(client, directory.url)
    assert "Pendle Lifts" in page and "Pendle Walks" in page


def test_a_directory_search_is_answered_for_itself_and_its_pages_keep_the_query(client, home_page):
    directory = f.ServiceDirectoryPageFactory(parent=home_page)
    for n in range(25):
        f.service("PEN", name=f"Service {n:02d}")
    f.service("BUR", name="Burnley only")
    plain = text(client, directory.url)
    searched = text(client, directory.url + "?q=burnley")
    assert "Burnley only" in searched and "Service 00" not in searched
    paged = text(client, directory.url + "?district=pendle")
    assert "district=pendle&amp;page=2" in paged
    assert text(client, directory.url) == plain
    assert "?page=2" in plain
