"""The menu, breadcrumbs, footer and contacts drawn once per generation (issue 16): a page
drawn again (the page cache off, or a reader it cannot serve) reads none of them again, and
every change they show (a page published, unpublished, renamed or hidden from menus, the
footer's settings, a contact) shows on the next page drawn, on every server."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from guidance_pages.models import EIDOContact, SiteChrome
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def drawn(settings):
    """Every page drawn: what a practitioner part way through a form, or signed-in staff,
    are given, and every reader when the page cache is off."""
    settings.PEI_PAGE_CACHE_SECONDS = 0


@pytest.fixture
def site(home_page):
    gap = f.GuidancePageFactory(
        parent=home_page, title="Gap in Service form", slug="gap", show_in_menus=True
    )
    example = f.GuidancePageFactory(parent=gap, title="A worked example", slug="example")
    contacts = f.ContactsPageFactory(parent=home_page, title="Contacts", show_in_menus=True)
    f.EIDOContactFactory(district=f.district("PEN"), team_name="Pendle EIDO team")
    f.EIDOContactFactory(district=f.district("BUR"), team_name="Burnley EIDO team")
    news = f.NewsIndexPageFactory(parent=home_page, show_in_menus=True)
    story = f.NewsPageFactory(parent=news, title="Mobile crèche", slug="creche")
    privacy = f.PrivacyNoticePageFactory(parent=home_page)
    chrome = SiteChrome.objects.create(
        site=Site.objects.get(is_default_site=True),
        privacy_notice=privacy,
        contact_page=contacts,
        footer_text="Run by the Children's Trust partners.",
    )
    return {
        "home": home_page,
        "gap": gap,
        "example": example,
        "contacts": contacts,
        "news": news,
        "story": story,
        "privacy": privacy,
        "chrome": chrome,
    }


def html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def menu_of(page_html: str) -> str:
    start = page_html.index('<ul class="govuk-service-navigation__list"')
    return page_html[start : page_html.index("</ul>", start)]


# Query budgets for pages drawn again

DRAWN_QUERIES = {
    # The page's own row; what a page shows beyond its own fields is kept with its content.
    "/": 1,
    "/gap/": 1,
    "/gap/example/": 1,
    "/contacts/": 1,
    "/news/creche/": 1,
    "/privacy/": 1,
    # A search is the reader's own: its results are read for it.
    "/contacts/?q=pendle": 2,
    # The page, the count of stories and one page of them.
    "/news/": 3,
    # Wagtail's redirects are looked up for an address that is no page.
    "/no-such-page/": 1,
}


@pytest.mark.parametrize(("url", "most"), DRAWN_QUERIES.items())
def test_a_page_drawn_again_reads_only_its_own_content(client, site, url, most):
    """The site, the route, the view restrictions, the menu, the breadcrumbs, the footer and
    the contacts are remembered per generation: a page drawn again reads at most its own."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code in (200, 404)
    assert len(queries) <= most, "\n".join(q["sql"] for q in queries)


# The menu


def test_the_menu_shows_a_newly_published_page_at_once(client, site):
    assert "Training days" not in menu_of(html(client, site["example"].url))
    f.GuidancePageFactory(
        parent=site["home"], title="Training days", slug="training", show_in_menus=True
    )
    assert "Training days" in menu_of(html(client, site["example"].url))


def test_the_menu_drops_an_unpublished_or_hidden_page_and_shows_a_new_title_at_once(client, site):
    html(client, site["privacy"].url)
    site["news"].unpublish()
    assert 'href="/news/"' not in menu_of(html(client, site["privacy"].url))
    site["contacts"].title = "Who to contact"
    site["contacts"].save_revision().publish()
    assert "Who to contact" in menu_of(html(client, site["privacy"].url))
    site["gap"].show_in_menus = False
    site["gap"].save_revision().publish()
    assert "Gap in Service form" not in menu_of(html(client, site["privacy"].url))


def test_the_menu_marks_the_section_of_each_page_from_its_own_kept_copy(client, site):
    """Its own page is aria-current="page", a page inside its section "true", and a page
    outside every section has none, however the pages are visited in turn."""
    for _ in range(2):
        on_gap = menu_of(html(client, site["gap"].url))
        inside_gap = menu_of(html(client, site["example"].url))
        outside = menu_of(html(client, site["privacy"].url))
        assert on_gap.count("aria-current") == 1
        assert 'href="/gap/" aria-current="page"' in on_gap
        assert inside_gap.count("aria-current") == 1
        assert 'href="/gap/" aria-current="true"' in inside_gap
        assert "aria-current" not in outside


# Breadcrumbs and links to key pages


def test_the_breadcrumbs_show_a_renamed_section_at_once(client, site):
    assert ">Gap in Service form</a>" in html(client, site["example"].url)
    site["gap"].title = "Reporting a gap"
    site["gap"].save_revision().publish()
    page = html(client, site["example"].url)
    assert 'href="/gap/">Reporting a gap</a>' in page


def test_a_news_story_links_back_to_the_news_and_the_home_page_to_all_news(client, site):
    assert 'href="/news/">Back to all news</a>' in html(client, site["story"].url)
    assert 'href="/news/">See all news</a>' in html(client, "/")


# The footer


def test_a_change_to_the_footer_shows_on_a_drawn_page_at_once(client, site):
    assert "Run by the Children&#x27;s Trust partners." in html(client, site["gap"].url)
    chrome = site["chrome"]
    chrome.footer_text = "Run by Lancashire County Council."
    chrome.save()
    assert "Run by Lancashire County Council." in html(client, site["gap"].url)
    site["privacy"].unpublish()
    assert ">Privacy notice</a>" not in html(client, site["gap"].url)


# The contacts


def test_a_changed_or_new_contact_shows_on_the_contacts_page_at_once(client, site):
    url = site["contacts"].url
    assert "Pendle EIDO team" in html(client, url)
    pendle = EIDOContact.objects.get(team_name="Pendle EIDO team")
    pendle.team_name = "Pendle Early Help team"
    pendle.save()
    f.EIDOContactFactory(district=f.district("HYN"), team_name="Hyndburn EIDO team")
    page = html(client, url)
    assert "Pendle Early Help team" in page and "Pendle EIDO team" not in page
    assert "Hyndburn EIDO team" in page


def test_a_contacts_search_is_answered_for_itself_and_the_full_list_stays(client, site):
    url = site["contacts"].url
    full = html(client, url)
    searched = html(client, url + "?q=burnley")
    assert "Burnley EIDO team" in searched and "Pendle EIDO team" not in searched
    assert html(client, url) == full
