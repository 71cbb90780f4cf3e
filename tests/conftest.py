import pytest
from wagtail.models import Page, Site


@pytest.fixture
def home_page(db):
    """A published home page at the root of the default site, like the real tree."""
    from tests.factories import HomePageFactory

    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home
