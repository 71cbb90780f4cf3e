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


def guidance_about(parent, word: str, n: int, **fields):
    return f.GuidancePageFactory(
        parent=parent,
        slug=f"{word}-{n}",
        title=f"{word.title()} guide {n}",
        body=[{"type": "paragraph", "value": f"<p>About {word}.</p>"}],
        **fields,
    )


def test_what_a_search_finds_is_kept_for_its_words_and_a_publish_shows_in_it_at_once(
    client, home_page
):
    """Once per generation for each set of words: asked again, it reads nothing; a page
    published under the next generation is found at once."""
    guidance_about(home_page, "bereavement", 1)
    assert queries_again(client, "/search/?q=bereavement") == 0
    assert "Bereavement guide 1" in text(client, "/search/?q=bereavement&page=1")
    guidance_about(home_page, "bereavement", 2)
    found = text(client, "/search/?q=bereavement")
    assert "Bereavement guide 1" in found and "Bereavement guide 2" in found
    assert "2 results for “bereavement”" in found


def test_a_search_is_kept_by_its_words_not_the_way_they_were_typed(client, home_page):
    """Punctuation and spacing do not make a new search: the words are what is kept."""
    from guidance_pages import site_search

    guidance_about(home_page, "respite", 1)
    text(client, "/search/?q=respite")
    with CaptureQueriesContext(connection) as queries:
        found = text(client, "/search/?q=%22respite!%22++")
    assert "Respite guide 1" in found and len(queries) == 0
    assert site_search.search_words('  "respite!"  care ') == "respite care"


def test_a_search_that_matches_more_than_it_lists_says_so(client, home_page, monkeypatch):
    """It lists the best MOST_RESULTS and asks for another word, rather than counting on."""
    from guidance_pages import site_search

    monkeypatch.setattr(site_search, "MOST_RESULTS", 3)
    for n in range(5):
        guidance_about(home_page, "housing", n)
    found = text(client, "/search/?q=housing")
    assert "More than 3 results for “housing”." in found
    assert "Add another word to find fewer." in found
    assert found.count('class="pei-results__item"') == 3
    guidance_about(home_page, "tenancy", 1)
    assert "1 result for “tenancy”." in text(client, "/search/?q=tenancy")


def test_a_contacts_search_reads_no_contact_and_a_new_contact_shows_in_it_at_once(
    client, home_page
):
    """The live contacts are read once per generation and a search filters them: by part of
    a district's or team's name, or by a district's code, in any case."""
    contacts = f.ContactsPageFactory(parent=home_page)
    f.EIDOContactFactory(district=f.district("PEN"), team_name="Pendle Early Help")
    f.EIDOContactFactory(district=f.district("BUR"), team_name="Burnley Family Team")
    assert queries_again(client, contacts.url) == 1  # the page itself
    for query in ["pendle", "PENDLE", "early help", "pen"]:
        with CaptureQueriesContext(connection) as queries:
            found = text(client, f"{contacts.url}?q={query}")
        assert len(queries) == 1, query
        assert "Pendle Early Help" in found and "Burnley Family Team" not in found, query
    f.EIDOContactFactory(district=f.district("PEN"), team_name="Pendle Youth Team")
    found = text(client, f"{contacts.url}?q=pendle")
    assert "Pendle Youth Team" in found and "Pendle Early Help" in found
