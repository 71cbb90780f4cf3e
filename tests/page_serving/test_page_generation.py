"""With Redis, each process holds the page cache's generation itself, kept current by
pub/sub, so a cached page costs no call to Redis; a change another server makes is heard
within a moment, and while the channel is lost every hit reads the stored generation, so a
fault costs speed and never shows a stale page. Against the tests' own Redis database."""

import time
import uuid
from unittest import mock

import pytest
import redis
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.test import Client, override_settings
from wagtail.models import Site

from guidance_pages.models import SiteChrome
from page_serving import page_cache, page_generation
from page_serving.page_cache import GENERATION_KEY, HIT_HEADER
from tests.factories import GuidancePageFactory
from tests.pei_site.subprocesses import TEST_REDIS_URL

pytestmark = pytest.mark.django_db

REDIS_CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": TEST_REDIS_URL,
    }
}


@pytest.fixture
def shared_cache(test_redis):
    """The page cache on the tests' own Redis database, empty."""
    with override_settings(CACHES=REDIS_CACHES):
        yield test_redis
        listener = page_cache._listener()
        if listener is not None:
            listener.stop()


@pytest.fixture(autouse=True)
def footer(db):
    """The footer's settings, made as the first page drawn would make them (which would
    itself start a new generation)."""
    return SiteChrome.for_site(Site.objects.get(is_default_site=True))


def until(condition, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


def another_server_starts_a_generation(client) -> str:
    """What another process's change does: store a new generation, then publish."""
    made = uuid.uuid4().hex
    caches["default"].set(GENERATION_KEY, made, timeout=None)
    page_generation.publish(client)
    return made


def listening() -> bool:
    return page_cache._listener().trusted() is not None


def test_a_cached_page_asks_redis_nothing_once_the_process_is_listening(shared_cache, home_page):
    page = GuidancePageFactory(parent=home_page, slug="routes")
    Client().get(page.url)
    assert until(listening)
    assert Client().get(page.url)[HIT_HEADER] == "hit"
    with mock.patch.object(RedisCache, "get", wraps=caches["default"].get) as reads:
        answers = [Client().get(page.url) for _ in range(20)]
    assert all(answer[HIT_HEADER] == "hit" for answer in answers)
    assert reads.call_count == 0


def test_a_change_made_on_another_server_is_heard_here_within_a_moment(shared_cache, home_page):
    page = GuidancePageFactory(parent=home_page, slug="routes")
    Client().get(page.url)
    assert until(listening)
    made = another_server_starts_a_generation(shared_cache)
    assert until(lambda: page_cache.current_generation() == made, seconds=1)
    assert Client().get(page.url).get(HIT_HEADER) != "hit"


def test_a_change_made_here_holds_at_once_before_its_own_message_comes_back(
    shared_cache, home_page
):
    Client().get(home_page.url)
    assert until(listening)
    before = page_cache.current_generation()
    page_cache.forget_every_page()
    assert page_cache.current_generation() != before
    assert page_cache.current_generation() == caches["default"].get(GENERATION_KEY)


def test_while_the_listener_has_not_heard_from_redis_every_hit_reads_the_stored_generation(
    shared_cache, home_page
):
    """A change whose message never arrived (the channel was down) still shows at once."""
    page = GuidancePageFactory(parent=home_page, slug="routes")
    Client().get(page.url)
    assert until(listening)
    listener = page_cache._listener()
    listener.stop()
    listener._heard_at = 0.0
    made = uuid.uuid4().hex
    caches["default"].set(GENERATION_KEY, made, timeout=None)
    assert page_cache.current_generation() == made
    assert Client().get(page.url).get(HIT_HEADER) != "hit"


def test_a_listener_whose_connection_is_cut_stops_vouching_then_listens_again(shared_cache):
    name = f"pei-test-listener-{uuid.uuid4().hex[:8]}"
    stored = {"value": "first"}
    listener = page_generation.GenerationListener(
        lambda: redis.Redis.from_url(TEST_REDIS_URL, client_name=name, socket_timeout=2),
        lambda: stored["value"],
    )
    try:
        listener.trusted()
        assert until(lambda: listener.trusted() == "first")
        stored["value"] = "second"
        for client in shared_cache.client_list(_type="pubsub"):
            if client["name"] == name:
                shared_cache.client_kill_filter(_id=client["id"])
        assert until(lambda: listener.trusted() != "first", seconds=3)
        assert until(lambda: listener.trusted() == "second", seconds=5)
    finally:
        listener.stop()
