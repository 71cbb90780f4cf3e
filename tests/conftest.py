import pytest
import time_machine
from wagtail.models import Page, Site

from tests import clock
from tests.pei_site.subprocesses import TEST_REDIS_URL, empty_redis

# PEI_TEST_TODAY=2027-03-28 runs the whole session on that day (from 10:00 in Lancashire, the
# clock ticking), to prove no test depends on the day it runs: collection, the test database
# and every test see the moved clock. Tests that set their own moment still can.
_suite_clock = None


def pytest_configure(config):
    global _suite_clock
    try:
        start = clock.suite_start()
    except ValueError as error:
        raise pytest.UsageError(str(error)) from None
    if start is not None:
        _suite_clock = time_machine.travel(start, tick=True)
        _suite_clock.start()


def pytest_unconfigure(config):
    global _suite_clock
    if _suite_clock is not None:
        _suite_clock.stop()
        _suite_clock = None


def pytest_report_header(config):
    start = clock.suite_start()
    if start is not None:
        return f"clock moved to {start:%Y-%m-%d %H:%M %Z} ({clock.TODAY_VARIABLE})"
    return None


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


@pytest.fixture(autouse=True)
def _empty_page_cache():
    """The page cache lives in the test cache, which outlasts each test's database: a page
    one test cached must not be served to the next, whose rolled-back database sent no
    change signal."""
    from django.core.cache import cache

    cache.delete("pei_page_cache:generation")
    yield


@pytest.fixture
def test_redis():
    """Redis database 13, empty; the test is skipped only when Redis is not answering."""
    with empty_redis(TEST_REDIS_URL) as client:
        yield client
