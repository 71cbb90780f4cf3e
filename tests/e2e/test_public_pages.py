"""Every public page, in a real browser: it loads, it is accessible, its HTML is valid."""

import xml.etree.ElementTree as ET
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from tests.e2e.browser_checks import axe_violations, nu_html_errors

# The live server needs real commits; restoring the serialized data keeps the districts and
# groups made by migrations for the tests that run after these.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def site_url(live_server):
    call_command("load_pei_content", stdout=StringIO())
    return live_server.url


def sitemap_paths(page, site_url) -> list[str]:
    response = page.goto(f"{site_url}/sitemap.xml")
    assert response.status == 200
    root = ET.fromstring(response.body())  # noqa: S314 - our own sitemap
    return [urlsplit(loc.text).path for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)]


def test_every_page_in_the_sitemap_loads_has_no_axe_violations_and_valid_html(
    page, site_url, tmp_path
):
    """Each public page answers 200 with content, has zero WCAG 2.2 A/AA axe violations and
    zero Nu HTML Checker errors; so do search results, an empty search, a contacts search
    with no match and the 404 page."""
    paths = sitemap_paths(page, site_url)
    assert len(paths) >= 12, paths
    extra = {
        "/search/?q=bereavement": 200,
        "/search/": 200,
        "/search/?q=zzzznothing": 200,
        "/no-such-page/": 404,
    }
    contacts = next(path for path in paths if "contact" in path)
    extra[f"{contacts}?q=zzzznothing"] = 200

    html_by_path = {}
    violations = {}
    for path, status in [(p, 200) for p in paths] + list(extra.items()):
        response = page.goto(site_url + path)
        assert response.status == status, path
        heading = page.locator("main h1")
        assert heading.count() == 1, f"{path} has no single h1 in main"
        assert heading.inner_text().strip(), path
        html_by_path[path] = response.text()
        found = axe_violations(page)
        if found:
            violations[path] = found

    assert violations == {}
    assert nu_html_errors(html_by_path, tmp_path) == {}


def test_pages_reflow_on_a_small_phone_without_sideways_scrolling(browser, site_url):
    """At 320 CSS pixels wide (WCAG 1.4.10 Reflow) no page scrolls sideways."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        overflowing = []
        for path in sitemap_paths(page, site_url):
            page.goto(site_url + path)
            too_wide = page.evaluate(
                "document.documentElement.scrollWidth > document.documentElement.clientWidth"
            )
            if too_wide:
                overflowing.append(path)
        assert overflowing == []
    finally:
        context.close()


def test_keyboard_user_can_skip_to_the_main_content(page, site_url):
    """The first Tab stop is the skip link, and it moves focus past the navigation."""
    page.goto(site_url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused.lower().startswith("skip to main content")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main-content"


def test_search_for_bereavement_finds_the_gap_in_service_guidance(page, site_url):
    """A reader searching from the header finds the guidance on the Gap in Service form."""
    page.goto(site_url + "/search/")
    page.locator("main").get_by_label("Search").fill("bereavement")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    results = page.locator("main").inner_text().lower()
    assert "gap in service" in results or "gap in services" in results


def test_flowchart_branches_take_the_reader_to_the_step_they_name(page, site_url):
    """Each branch link in the flowchart lands on an existing step of the same flow."""
    page.goto(site_url + "/")
    flowchart = page.locator("a[href*='flowchart']").first
    flowchart.click()
    links = page.locator("main a[href^='#step-']")
    assert links.count() >= 3
    for n in range(links.count()):
        target = links.nth(n).get_attribute("href")
        assert page.locator(target).count() == 1, target
