"""Fixtures of the site's own tests."""

import pytest
import redis

from tests.pei_site.subprocesses import TEST_REDIS_URL


@pytest.fixture
def test_redis():
    """Redis database 13, empty; the test is skipped only when Redis is not answering."""
    client = redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=1, socket_timeout=5)
    try:
        client.ping()
    except (redis.ConnectionError, redis.TimeoutError):
        pytest.skip(f"Redis is not answering at {TEST_REDIS_URL} (CI starts it: see .ci/run)")
    client.flushdb()
    yield client
    client.flushdb()
    client.close()
