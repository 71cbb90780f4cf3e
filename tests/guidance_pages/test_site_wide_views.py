import xml.etree.ElementTree as ET

import pytest

from tests.factories import GuidancePageFactory, NewsIndexPageFactory, NewsPageFactory

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_locations(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    return [loc.text for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)]


@pytest.mark.django_db
def test_sitemap_lists_every_live_page_and_no_draft(client, home_page):
    """The sitemap lists each published page once and leaves drafts out."""
    published = GuidancePageFactory(parent=home_page, title="Published", slug="published")
    draft = GuidancePageFactory(parent=home_page, title="Draft", slug="draft", live=False)
    news = NewsIndexPageFactory(parent=home_page)
    story = NewsPageFactory(parent=news, slug="a-story")

    locations = sitemap_locations(client)

    paths = sorted(loc.split("://", 1)[1].split("/", 1)[1] for loc in locations)
    assert paths == sorted(["", "published/", "news/", "news/a-story/"])
    assert published.live and story.live and not draft.live


@pytest.mark.django_db
def test_robots_txt_points_at_the_sitemap_and_keeps_robots_out_of_the_admin(client, home_page):
    """robots.txt names the sitemap and disallows the admin."""
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


@pytest.mark.django_db
def test_search_finds_a_published_page_by_a_word_in_its_body(client, home_page):
    """Site search looks inside page bodies, not only titles."""
    GuidancePageFactory(
        parent=home_page,
        title="Getting support",
        body=[{"type": "paragraph", "value": "<p>Bereavement counselling for young people.</p>"}],
    )
    response = client.get("/search/", {"q": "bereavement"})
    assert response.status_code == 200
    assert "Getting support" in response.content.decode()


@pytest.mark.django_db
def test_search_leaves_out_unpublished_pages(client, home_page):
    """A draft page never appears in search results."""
    GuidancePageFactory(
        parent=home_page,
        title="Secret draft",
        live=False,
        body=[{"type": "paragraph", "value": "<p>Bereavement.</p>"}],
    )
    response = client.get("/search/", {"q": "bereavement"})
    assert response.status_code == 200
    assert "Secret draft" not in response.content.decode()


@pytest.mark.django_db
def test_search_survives_an_overlong_or_odd_query(client, home_page):
    """Any query text gets a page of results, never an error."""
    for query in ["x" * 5000, "\"'<script>", "AND OR NOT", "   ", "page"]:
        response = client.get("/search/", {"q": query, "page": "not-a-number"})
        assert response.status_code == 200


@pytest.mark.django_db
def test_an_unknown_address_gets_the_sites_404_page(client, home_page):
    """A missing page answers 404 with the site's own page, not Django's."""
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.django_db
def test_a_guidance_pages_summary_becomes_its_search_description_when_none_is_given(home_page):
    """Editors write a summary once; search results and the meta description use it."""
    page = GuidancePageFactory(parent=home_page, summary="What the panel does.")
    page.search_description = ""
    page.full_clean()
    assert page.search_description == "What the panel does."
