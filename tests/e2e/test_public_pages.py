"""Every public page, in a real browser: it loads, it is accessible, its HTML is valid."""

import xml.etree.ElementTree as ET
from io import StringIO
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import call_command

from tests.e2e.browser_checks import Audit

# The live server needs real commits; restoring the serialized data keeps the districts and
# groups made by migrations for the tests that run after these.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def site_url(live_server):
    call_command("load_pei_content", stdout=StringIO())
    return live_server.url


def sitemap_paths(page, site_url) -> list[str]:
    """The paths in the sitemap, fetched outside the tab (it is not a page to audit)."""
    response = page.request.get(f"{site_url}/sitemap.xml")
    assert response.status == 200
    root = ET.fromstring(response.body())  # noqa: S314 - our own sitemap
    paths = [urlsplit(loc.text).path for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)]
    assert len(paths) >= 12, paths
    return paths


# The first element in main that Tab stops at: focusable, enabled, shown, not taken out of
# the tab order; in document order (the site sets no positive tabindex).
FIRST_TAB_STOP_IN_MAIN = """() => {
    const candidates = document.querySelectorAll(
        'main a[href], main button, main input:not([type=hidden]), main select, ' +
        'main textarea, main summary, main iframe, main [tabindex], main [contenteditable]'
    );
    return [...candidates].find(el =>
        !el.disabled && el.tabIndex >= 0 && el.getAttribute('tabindex') !== '-1'
        && el.checkVisibility({visibilityProperty: true})
    ) || null;
}"""


def test_every_page_in_the_sitemap_loads_has_no_axe_violations_and_valid_html(
    page, site_url, tmp_path
):
    """Each public page answers 200 with content, has zero WCAG 2.2 A/AA axe violations and
    zero Nu HTML Checker errors; so do search results, an empty search, a contacts search
    with no match and the 404 page."""
    paths = sitemap_paths(page, site_url)
    extra = {
        "/search/?q=bereavement": 200,
        "/search/": 200,
        "/search/?q=zzzznothing": 200,
        "/no-such-page/": 404,
    }
    contacts = next(path for path in paths if "contact" in path)
    extra[f"{contacts}?q=zzzznothing"] = 200

    audit = Audit(page)
    for path, status in [(p, 200) for p in paths] + list(extra.items()):
        audit.check(path, page.goto(site_url + path), status=status)
        assert page.locator("main h1").inner_text().strip(), path
    assert len(audit.html) == len(paths) + len(extra)
    audit.assert_clean(tmp_path)


def test_pages_reflow_on_a_small_phone_without_sideways_scrolling(browser, site_url, tmp_path):
    """At 320 CSS pixels wide (WCAG 1.4.10 Reflow) no page scrolls sideways, and each page
    is as accessible there as on a desktop."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        audit = Audit(page)
        overflowing = []
        for path in sitemap_paths(page, site_url):
            audit.check(path, page.goto(site_url + path))
            too_wide = page.evaluate(
                "document.documentElement.scrollWidth > document.documentElement.clientWidth"
            )
            if too_wide:
                overflowing.append(path)
        assert overflowing == []
        audit.assert_clean(tmp_path)
    finally:
        context.close()


def test_keyboard_user_can_skip_to_the_main_content(page, site_url, tmp_path):
    """The first Tab stop is the skip link; Enter on it moves the focus to the main element,
    and the next Tab goes to the first control inside main, past the navigation."""
    audit = Audit(page)
    audit.check("home", page.goto(site_url + "/"))
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    assert skip_link.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement === document.querySelector('main')")
    assert page.evaluate("document.activeElement.id") == "main-content"

    first_in_main = page.evaluate_handle(FIRST_TAB_STOP_IN_MAIN)
    assert first_in_main.evaluate("el => el !== null"), "main has nothing to Tab to"
    page.keyboard.press("Tab")
    assert first_in_main.evaluate("el => el === document.activeElement"), page.evaluate(
        "document.activeElement.outerHTML"
    )
    audit.assert_clean(tmp_path)


def test_search_for_bereavement_finds_the_gap_in_service_guidance(page, site_url, tmp_path):
    """A reader searching from the search page finds the guidance on the Gap in Service
    form."""
    audit = Audit(page)
    audit.check("search", page.goto(site_url + "/search/"))
    page.locator("main").get_by_label("Search").fill("bereavement")
    with page.expect_navigation() as navigation:
        page.keyboard.press("Enter")
    audit.check("search results", navigation.value)
    assert parse_qs(urlsplit(page.url).query)["q"] == ["bereavement"]
    results = page.locator("main").inner_text().lower()
    assert "gap in service" in results or "gap in services" in results
    audit.assert_clean(tmp_path)


def test_flowchart_branches_take_the_reader_to_the_step_they_name(page, site_url, tmp_path):
    """Each branch link in the flowchart lands on an existing step of the same flow."""
    audit = Audit(page)
    audit.check("home", page.goto(site_url + "/"))
    flowchart = page.locator("a[href*='flowchart']").first
    with page.expect_navigation() as navigation:
        flowchart.click()
    audit.check("flowchart", navigation.value)
    assert "flowchart" in urlsplit(page.url).path
    links = page.locator("main a[href^='#step-']")
    assert links.count() >= 3
    for n in range(links.count()):
        target = links.nth(n).get_attribute("href")
        assert page.locator(target).count() == 1, target
    audit.assert_clean(tmp_path)
