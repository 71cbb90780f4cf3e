import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import expand_db_html

from tests.factories import GuidancePageFactory

pytestmark = pytest.mark.django_db


def link_to(page) -> str:
    return f'<p><a linktype="page" id="{page.pk}">read this</a></p>'


def test_a_page_link_in_rich_text_points_at_the_pages_address(home_page):
    """A rich text link to a page becomes a link to its current address."""
    target = GuidancePageFactory(parent=home_page, slug="target")
    assert '<a href="/target/">read this</a>' in expand_db_html(link_to(target))


def test_a_warm_page_link_costs_no_queries(home_page):
    """Once resolved, a page link is read from the cache, not the database."""
    target = GuidancePageFactory(parent=home_page, slug="target")
    expand_db_html(link_to(target))
    with CaptureQueriesContext(connection) as queries:
        expand_db_html(link_to(target))
    assert len(queries) == 0


def test_a_link_follows_the_page_when_it_is_republished_with_a_new_slug(home_page):
    """Publishing a page with a new slug updates every link to it at once."""
    target = GuidancePageFactory(parent=home_page, slug="old-name")
    assert "/old-name/" in expand_db_html(link_to(target))
    target.slug = "new-name"
    target.save_revision().publish()
    assert "/new-name/" in expand_db_html(link_to(target))


def test_a_link_to_a_deleted_page_has_no_address(home_page):
    """A link to a page that no longer exists is rendered without an href."""
    target = GuidancePageFactory(parent=home_page, slug="going")
    html = link_to(target)
    expand_db_html(html)
    target.delete()
    assert "<a>read this</a>" in expand_db_html(html)
