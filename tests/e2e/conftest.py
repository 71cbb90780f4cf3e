"""Browser tests: Debian's Chromium driven by Playwright. The checks they run on each page
state (axe-core, the Nu HTML Checker) are in browser_checks.py."""

import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")

# Playwright's sync API runs an event loop in this thread; the live server's database calls
# happen in another thread, so Django's async-safety guard does not apply here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser(django_db_setup):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: run `make install-test`.")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # The test database's serialized rows (what `serialized_rollback` restores after each
    # browser test) live on the connection objects made before the browser starts.
    serialized = {
        alias: getattr(connections[alias], "_test_serialized_contents", None)
        for alias in connections
    }
    with sync_playwright() as playwright:
        # Playwright's sync API runs an asyncio loop in this thread, and from then on Django
        # keeps its connections per async context: new connection objects, without the
        # serialized rows. Without this, every browser test after the first that runs after a
        # non-browser test finds an empty database (no districts, no root page).
        for alias, contents in serialized.items():
            if contents is not None:
                connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-gpu",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()
