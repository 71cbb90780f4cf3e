"""Fixtures for the form journey tests: the two form pages, and a clean cache."""

import pytest
from django.core.cache import cache


@pytest.fixture
def form_pages(home_page):
    """Both form pages, published under the home page as `ensure_form_pages` makes them."""
    from pei_forms.content import ensure_form_pages

    return ensure_form_pages(home_page)


@pytest.fixture
def gap_page(form_pages):
    return form_pages[0]


@pytest.fixture
def caf_page(form_pages):
    return form_pages[1]


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limit counters and sent-journey marks live in the cache: start each test clean."""
    cache.clear()
    yield
    cache.clear()
