"""Fixtures of the site's own tests."""

import pytest

from tests.pei_site.subprocesses import TEST_REDIS_URL, empty_redis


@pytest.fixture
def test_redis():
    """Redis database 13, empty; the test is skipped only when Redis is not answering."""
    with empty_redis(TEST_REDIS_URL) as client:
        yield client
