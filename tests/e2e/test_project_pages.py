"""A Pendle EIDO reads the commissioned projects in a real browser: the list, an example
project's page with its chart, and the form for a monitoring return. Every page has no
axe-core violation (WCAG 2.2 A and AA) and no Nu HTML Checker error; the chart comes with its
table, first, and a text alternative; printed, the page keeps the chart and loses the
admin's menus and buttons."""

from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command

from pei_workflow.admin import urls
from pei_workflow.models import CommissionedProject
from tests.e2e.test_moderation_journey import AdminAudit, follow, sign_in
from tests.factories import admin_eido

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def site_url(live_server):
    """The site as `make run` builds it, with the example projects."""
    call_command("load_pei_content", stdout=StringIO())
    cache.clear()
    return live_server.url


def test_an_eido_reads_the_projects_and_an_examples_chart_with_its_table(
    browser, page, site_url, tmp_path
):
    """The list marks the examples; the mobile crèche's page states its finding, gives the
    figures as a table before the drawing, and the drawing has a text alternative."""
    admin_eido("PEN", username="priya", first_name="Priya", last_name="Shah")
    crèche = CommissionedProject.objects.get(name__startswith="Mobile crèche")
    audit = AdminAudit(page)
    sign_in(audit, site_url, "priya")

    audit.check("project list", page.goto(site_url + urls.screen_url(CommissionedProject)))
    assert page.locator(".pei-example-tag").count() == 3

    audit.check("project page", follow(page, page.get_by_role("link", name=crèche.name)))
    chart = page.locator("figure.pei-chart")
    assert chart.count() == 1
    assert chart.locator("figcaption").inner_text() == "2 of 4 outcomes have met their target"
    # The table first, one row per agreed outcome, then the drawing.
    assert chart.evaluate(
        "figure => figure.querySelector('table').compareDocumentPosition("
        "figure.querySelector('svg')) & Node.DOCUMENT_POSITION_FOLLOWING"
    )
    assert chart.locator("table tbody tr").count() == crèche.outcomes.count()
    drawing = chart.get_by_role("img")
    assert drawing.count() == 1
    assert drawing.evaluate("svg => svg.querySelector('title').textContent") == (
        "2 of 4 outcomes have met their target"
    )
    assert "against a target of 40" in drawing.evaluate(
        "svg => svg.querySelector('desc').textContent"
    )

    page.emulate_media(media="print")
    assert page.locator("#wagtail-sidebar, [data-wagtail-sidebar]").first.is_hidden()
    assert page.get_by_role("link", name="Add a monitoring return").is_hidden()
    assert chart.is_visible()
    page.emulate_media(media="screen")

    audit.check(
        "monitoring return form",
        follow(page, page.get_by_role("link", name="Add a monitoring return")),
    )
    assert page.url.endswith(urls.add_return_url(crèche))

    audit.assert_clean(tmp_path)
