"""Which site and page an address is, remembered per generation (page_serving/routing.py, issue
16): a page drawn again costs one query for routing, and every change that moves, adds,
removes or restricts a page is seen at once, as Wagtail's own routing would see it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from guidance_pages.models import SiteChrome
from tests.factories import (
    GuidancePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def drawn(settings, db):
    """Every page drawn, as for a reader the page cache cannot serve; the footer's settings
    made first, as the first page drawn would make them (itself a change)."""
    settings.PEI_PAGE_CACHE_SECONDS = 0
    SiteChrome.for_site(Site.objects.get(is_default_site=True))


@pytest.fixture
def section(home_page):
    parent = GuidancePageFactory(parent=home_page, title="Panels", slug="panels")
    child = GuidancePageFactory(parent=parent, title="Resource Panel", slug="resource-panel")
    return parent, child


def queries_for(client, url: str) -> list[str]:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return [query["sql"] for query in queries]


def test_a_page_two_levels_down_drawn_again_reads_only_its_own_row_to_be_routed(client, section):
    """The site, the way down and the view restrictions are remembered: of what Wagtail reads
    to route and serve it, only the page itself is read, fresh for this request."""
    _, child = section
    queries = queries_for(client, child.url)
    routing = [
        sql
        for sql in queries
        if any(
            part in sql
            for part in (
                'FROM "wagtailcore_site"',
                'FROM "wagtailcore_pageviewrestriction"',
                '"wagtailcore_page"."slug" = ',
                '"wagtailcore_page"."alias_of_id" FROM',
            )
        )
    ]
    assert routing == [], routing
    assert len([sql for sql in queries if "guidance_pages_guidancepage" in sql]) == 1


def test_a_new_page_at_an_address_that_was_a_404_answers_at_once(client, home_page):
    """A 404 is remembered too, until the next change."""
    assert client.get("/new-guidance/").status_code == 404
    GuidancePageFactory(parent=home_page, title="New guidance", slug="new-guidance")
    response = client.get("/new-guidance/")
    assert response.status_code == 200
    assert "New guidance" in response.content.decode()


def test_a_renamed_slug_moves_the_page_at_once(client, section):
    _, child = section
    old = child.url
    client.get(old)
    child.slug = "the-resource-panel"
    child.save_revision().publish()
    assert client.get(old).status_code in (301, 404)
    assert client.get("/panels/the-resource-panel/").status_code == 200


def test_an_unpublished_parent_leaves_its_live_child_where_wagtail_leaves_it(client, section):
    """Wagtail's routing walks through a page that is not live; the remembered route too."""
    parent, child = section
    parent.unpublish()
    assert client.get(parent.url or "/panels/").status_code == 404
    assert client.get("/panels/resource-panel/").status_code == 200
    assert client.get("/panels/resource-panel/").status_code == 200


def test_a_page_made_private_is_refused_to_a_reader_at_once(client, section):
    """A view restriction added after the route was remembered still applies: the reader is
    sent to sign in, and a password restriction asks for the password."""
    parent, child = section
    assert client.get(child.url).status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=parent, restriction_type=PageViewRestriction.LOGIN
    )
    refused = client.get(child.url)
    assert refused.status_code == 302 and "login" in refused["Location"]
    restriction.restriction_type = PageViewRestriction.PASSWORD
    restriction.password = "panel-only"  # noqa: S105
    restriction.save()
    asked = client.get(child.url)
    assert asked.status_code == 200 and "password" in asked.content.decode().lower()
    restriction.delete()
    assert client.get(child.url).status_code == 200


def test_a_private_page_drawn_again_is_still_refused(client, section):
    """What is remembered of a private page is that it must be checked: every request."""
    parent, child = section
    PageViewRestriction.objects.create(page=parent, restriction_type=PageViewRestriction.LOGIN)
    for _ in range(3):
        assert client.get(child.url).status_code == 302


def test_a_routable_page_still_answers_its_own_subpaths_and_its_children(client, home_page):
    """The news index's feed is its own route; a story below it is a child page."""
    news = NewsIndexPageFactory(parent=home_page)
    story = NewsPageFactory(parent=news, title="Training day", slug="training-day")
    for _ in range(2):
        assert client.get(news.url).status_code == 200
        feed = client.get(news.url + "feed/")
        assert feed.status_code == 200 and "Training day" in feed.content.decode()
        assert "Training day" in client.get(story.url).content.decode()
        assert client.get(news.url + "no-such-story/").status_code == 404


def test_each_site_gets_its_own_pages(client, home_page):
    """Two sites on two host names: the remembered routes are each site's own."""
    other_root = GuidancePageFactory(
        parent=Page.get_first_root_node(), title="Other home", slug="other-home"
    )
    GuidancePageFactory(parent=other_root, title="Other site's page", slug="only-here")
    Site.objects.create(hostname="other.example", port=80, root_page=other_root)
    GuidancePageFactory(parent=home_page, title="Default site's page", slug="only-here")
    for _ in range(2):
        here = client.get("/only-here/", HTTP_HOST="testserver")
        there = client.get("/only-here/", HTTP_HOST="other.example")
        assert "Default site&#x27;s page" in here.content.decode()
        assert "Other site&#x27;s page" in there.content.decode()


def test_a_page_made_private_is_no_longer_served_from_the_page_cache(client, section, settings):
    """A reader's cached copy of a page is forgotten when a restriction is added above it."""
    settings.PEI_PAGE_CACHE_SECONDS = 600
    _, child = section
    client.get(child.url)
    assert client.get(child.url).get("X-Page-Cache") == "hit"
    PageViewRestriction.objects.create(page=child, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(child.url).status_code == 302


def test_a_story_made_private_leaves_the_latest_news_and_the_search_results_at_once(
    client, home_page
):
    """The private sections are read once per generation for `public()` lists too."""
    news = NewsIndexPageFactory(parent=home_page)
    story = NewsPageFactory(parent=news, title="Panel minutes", slug="minutes")
    assert "Panel minutes" in client.get("/").content.decode()
    assert "Panel minutes" in client.get("/search/?q=minutes").content.decode()
    PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.LOGIN)
    assert "Panel minutes" not in client.get("/").content.decode()
    assert "Panel minutes" not in client.get("/search/?q=minutes").content.decode()
