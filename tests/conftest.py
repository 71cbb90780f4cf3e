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


@pytest.fixture
def loaded_site(db):
    """The whole site as `make run` builds it: every page from `load_pei_content`."""
    from io import StringIO

    from django.core.management import call_command

    call_command("load_pei_content", stdout=StringIO())
    return Site.objects.get(is_default_site=True)


def pytest_collection_modifyitems(items):
    # Browser tests use transactional databases; running them last keeps the rest fast.
    items.sort(key=lambda item: "tests/e2e/" in str(item.fspath))
