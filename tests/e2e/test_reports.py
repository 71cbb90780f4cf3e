"""The casework reports in a real browser: a county lead opens the county's report and a
district's, a panel member their district's, and a period that is not valid gets its error;
every page has zero axe-core violations and no Nu HTML Checker error, and each chart comes
after its table, with a text alternative."""

from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.core.management import call_command

from pei_workflow.synthetic import generate_casework
from tests.e2e.test_moderation_journey import AdminAudit, follow, sign_in
from tests.factories import admin_county_lead, admin_panel_member

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def site_url(live_server):
    call_command("load_pei_content", stdout=StringIO())
    generate_casework(240, seed=13)
    cache.clear()
    return live_server.url


def assert_each_chart_follows_its_table(page) -> int:
    sections = page.locator("section.pei-report__section")
    for n in range(sections.count()):
        section = sections.nth(n)
        heading = section.locator("h2").inner_text()
        assert section.locator("table").count() == 1, heading
        chart = section.locator("svg[role=img]")
        if chart.count():
            # The table is earlier in the document than the chart.
            assert section.evaluate(
                "s => s.querySelector('table').compareDocumentPosition("
                "s.querySelector('svg')) & Node.DOCUMENT_POSITION_FOLLOWING"
            ), heading
            labelled = chart.get_attribute("aria-labelledby").split()
            assert [page.locator(f"#{i}").count() for i in labelled] == [1, 1], heading
            assert (
                chart.locator("title").text_content()
                == section.locator(".pei-report__finding").inner_text()
            ), heading
    return sections.count()


def test_reports_are_accessible_and_each_chart_has_its_table(browser, page, site_url, tmp_path):
    admin_county_lead(username="colin")
    admin_panel_member("PEN", username="pat")
    audit = AdminAudit(page)
    sign_in(audit, site_url, "colin")
    audit.check("reports", page.goto(f"{site_url}/admin/reports/casework/"))
    audit.check(
        "county report", follow(page, page.get_by_role("link", name="Lancashire: every district"))
    )
    assert assert_each_chart_follows_its_table(page) >= 15
    assert page.locator("#thematic_issues table tbody tr").count() >= 1

    page.locator("#id_start").fill("2026-05-01")
    error = follow(page, page.get_by_role("button", name="Show the report"))
    audit.check("county report, one date", error, status=400)
    assert page.title().startswith("Error: ")
    summary = page.locator(".pei-error-summary")
    assert summary.locator("a").all_inner_texts() == [
        "Give both dates, or neither to report on a financial year."
    ]
    assert page.locator(summary.locator("a").get_attribute("href")).count() == 1
    assert page.locator("section.pei-report__section").count() == 0

    audit.check("reports again", page.goto(f"{site_url}/admin/reports/casework/"))
    district = follow(page, page.get_by_role("link", name="Pendle", exact=True))
    audit.check("Pendle report", district)
    assert urlsplit(page.url).path.endswith("/district/PEN/")
    assert assert_each_chart_follows_its_table(page) >= 14
    page.locator("#waiting_times").screenshot(path=str(tmp_path / "waiting.png"))
    page.locator("#spend").screenshot(path=str(tmp_path / "spend.png"))

    panel = browser.new_context().new_page()
    panel_audit = AdminAudit(panel)
    sign_in(panel_audit, site_url, "pat", prefix="panel member: ")
    panel_audit.check(
        "panel member: Pendle report",
        panel.goto(f"{site_url}/admin/reports/casework/district/PEN/"),
    )
    audit.assert_clean(tmp_path, panel_audit)
