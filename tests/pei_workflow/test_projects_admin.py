"""The commissioned projects screens: the list and each project's page, scoped by the
districts a project covers; the page's chart, table and evidence; the project and return
forms; and what the page costs in queries as returns grow."""

import datetime
import html
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from pei_workflow.admin import urls
from pei_workflow.models import AuditLogEntry, CommissionedProject, MonitoringReturn
from pei_workflow.services import Commissioning, record_sub_group_decision
from tests.factories import (
    admin_county_lead,
    admin_eido,
    admin_panel_member,
    in_state,
    submitted_gap,
)
from tests.factories_projects import monitoring_return, project, quarter

pytestmark = pytest.mark.django_db

LIST = "/admin/pei_workflow/commissionedproject/"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def text(response) -> str:
    return html.unescape(response.content.decode())


def commissioned_with_evidence():
    """A Pendle project commissioned by the Sub Group on a Pendle gap, with two returns, and
    linked to a Burnley gap too."""
    officer = admin_eido("PEN")
    crèche = project("PEN", districts=["PEN", "BUR"])
    gap = in_state(submitted_gap("PEN"), "escalated_sub_group")
    record_sub_group_decision(
        submission=gap,
        actor=officer,
        agreement="commissioned_service",
        notes="The crèche serves these families too.",
        commissioning=Commissioning(action="existing", project=crèche),
    )
    burnley_gap = submitted_gap("BUR")
    crèche.gaps.add(burnley_gap)
    monitoring_return(crèche, [25, 10, 2], n=1)
    monitoring_return(crèche, [20, 12, 1], n=2, narrative="The summer term went well.")
    return crèche, gap, burnley_gap, officer


def test_the_list_shows_each_person_the_projects_of_their_districts_with_examples_marked():
    """A Pendle EIDO and panel member see Pendle's projects; Burnley's EIDO sees Burnley's; a
    county lead sees both; an example says so."""
    pendle = project("PEN", name="Pendle crèche")
    burnley = project("BUR", name="Burnley bikes")
    CommissionedProject.objects.filter(pk=pendle.pk).update(is_example=True)
    for person, shown, hidden in (
        (admin_eido("PEN"), [pendle], [burnley]),
        (admin_panel_member("PEN"), [pendle], [burnley]),
        (admin_eido("BUR"), [burnley], [pendle]),
        (admin_county_lead(), [pendle, burnley], []),
    ):
        page = text(signed_in(person).get(LIST))
        for row in shown:
            assert row.name in page
        for row in hidden:
            assert row.name not in page
    assert "Example</span>" in text(signed_in(admin_eido("PEN")).get(LIST))


def test_a_projects_page_shows_what_was_commissioned_and_its_progress_as_a_chart_after_its_table():
    """Provider, districts, dates and cost; the finding as the chart's title; the figures'
    table before the drawing; the drawing's text alternative; totals of both returns."""
    crèche, _gap, _burnley_gap, officer = commissioned_with_evidence()
    page = text(signed_in(officer).get(urls.inspect_url(crèche)))

    for fact in ("Example Childcare Trust", "Burnley, Pendle", "1 April 2026 to 31 March 2027"):
        assert fact in page
    assert "£12,000.00" in page
    # 45 of 40 families, 22 of 30 parents, 3 of 10 with a CAF: the totals so far.
    assert (
        '<figcaption class="pei-chart__title">1 of 3 outcomes has met its target</figcaption>'
        in page
    )
    assert page.index('<table class="pei-chart__table">') < page.index("pei-chart__drawing")
    assert re.search(r'<svg[^>]+role="img"[^>]+aria-labelledby="chart-progress-svg-title', page)
    assert "Families using the crèche: 45 against a target of 40" in page
    assert "45 of 40 (112%), met" in page
    assert "22 of 30 (73%)" in page
    assert "Each bar is the total of every monitoring return so far" in page
    assert "The summer term went well." in page


def test_the_evidence_shows_only_the_submissions_a_person_may_see_and_counts_the_rest():
    """A Pendle EIDO sees the Pendle gap and its decision, and only how many more there are
    from Burnley; a panel member sees counts only; a county lead sees both gaps."""
    crèche, gap, burnley_gap, officer = commissioned_with_evidence()

    page = text(signed_in(officer).get(urls.inspect_url(crèche)))
    assert gap.reference in page
    assert "The crèche serves these families too." in page
    assert burnley_gap.reference not in page
    assert "And 1 submission from districts whose casework you do not see." in page

    member = text(signed_in(admin_panel_member("PEN")).get(urls.inspect_url(crèche)))
    assert gap.reference not in member
    assert "The crèche serves these families too." not in member
    assert (
        "2 submissions led to this project. Only EIDOs and county leads see submissions." in member
    )
    assert "1 decision commissioned it or linked a submission to it." in member

    lead = text(signed_in(admin_county_lead()).get(urls.inspect_url(crèche)))
    assert gap.reference in lead and burnley_gap.reference in lead


def test_a_burnley_eido_gets_404_for_a_pendle_project_and_every_screen_of_it():
    """Another district's project does not exist for them: page, edit, delete, returns."""
    pendle = project("PEN")
    saved = monitoring_return(pendle, [1, 1, 1])
    client = signed_in(admin_eido("BUR"))
    for address in (
        urls.inspect_url(pendle),
        urls.screen_url(pendle, "edit"),
        urls.screen_url(pendle, "delete"),
        urls.add_return_url(pendle),
        urls.correct_return_url(saved),
    ):
        assert client.get(address).status_code == 404, address
        assert client.post(address, {"narrative": "x"}).status_code in (404, 405), address
    assert pendle.returns.count() == 1


def test_a_panel_member_reads_the_page_but_is_refused_the_forms():
    """Read-only: no button to add a return, and the return form answers 403."""
    pendle = project("PEN")
    client = signed_in(admin_panel_member("PEN"))
    page = text(client.get(urls.inspect_url(pendle)))
    assert "Add a monitoring return" not in page
    refused = client.get(urls.add_return_url(pendle))
    assert refused.status_code == 403
    assert "Only the EIDO of a district the project covers" in text(refused)
    assert client.get(urls.screen_url(pendle, "edit")).status_code == 403


def test_viewing_a_project_is_written_to_the_audit_log_with_its_district():
    """Like a submission's page: who looked, at which project, in which district."""
    pendle = project("PEN")
    officer = admin_eido("PEN")
    signed_in(officer).get(urls.inspect_url(pendle))
    entry = AuditLogEntry.objects.get(action="pei_workflow.view", object_id=str(pendle.pk))
    assert entry.user == officer
    assert entry.district.code == "PEN"
    assert entry.data == {"screen": "page"}


def queries_of_the_page(client, address) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries)


def test_the_page_costs_the_same_number_of_queries_with_1_or_20_returns():
    """Returns, figures, outcomes, evidence and decisions are each read once."""
    crèche, _gap, _burnley_gap, officer = commissioned_with_evidence()
    client = signed_in(officer)
    address = urls.inspect_url(crèche)
    MonitoringReturn.objects.filter(project=crèche).exclude(pk=crèche.returns.first().pk).delete()
    client.get(address)  # the first request fills the caches a person's requests share
    with_one = queries_of_the_page(client, address)
    crèche.end_date = datetime.date(2031, 12, 31)
    crèche.save()
    for n in range(2, 21):
        monitoring_return(crèche, [1, 2, 3], n=n)
    assert crèche.returns.count() == 20
    assert queries_of_the_page(client, address) == with_one


def test_the_eido_adds_a_return_and_its_figures_are_on_the_page():
    """The form has one box per agreed outcome; saved, the page adds it up."""
    pendle = project("PEN")
    client = signed_in(admin_eido("PEN"))
    form = text(client.get(urls.add_return_url(pendle)))
    for outcome in pendle.outcomes.all():
        assert outcome.description in form
    start, end = quarter(1)
    fields = {f"figure_{o.pk}": str(n) for n, o in enumerate(pendle.outcomes.all(), start=7)}
    response = client.post(
        urls.add_return_url(pendle),
        {
            "period_start": start.isoformat(),
            "period_end": end.isoformat(),
            "narrative": "A quiet first quarter.",
            **fields,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == urls.inspect_url(pendle)
    saved = pendle.returns.get()
    assert sorted(saved.figures.values_list("achieved", flat=True)) == [7, 8, 9]


def test_a_return_with_problems_gets_the_error_summary_and_changes_nothing():
    """An overlapping period and a negative figure: the form again, with "Error:" in its
    title and each message beside its field."""
    pendle = project("PEN")
    monitoring_return(pendle, [1, 1, 1], n=1)
    first = pendle.outcomes.first()
    start, end = quarter(1)
    response = signed_in(admin_eido("PEN")).post(
        urls.add_return_url(pendle),
        {
            "period_start": start.isoformat(),
            "period_end": end.isoformat(),
            "narrative": "Again.",
            f"figure_{first.pk}": "-3",
        },
    )
    page = text(response)
    assert response.status_code == 200
    assert "<title>Error: Add a monitoring return" in page
    assert "There is a problem" in page
    assert "Enter 0 or more." in page
    assert pendle.returns.count() == 1


def test_a_project_is_created_in_the_admin_with_its_outcomes_and_its_page_follows():
    """The project form, with one agreed outcome in its inline rows, saves through the
    service and opens the project's page."""
    from pei_workflow.models import District

    client = signed_in(admin_eido("PEN"))
    create = urls.screen_url(CommissionedProject, "create")
    assert client.get(create).status_code == 200
    response = client.post(
        create,
        {
            "name": "Holiday lunches",
            "provider": "Example Community Kitchen",
            "description": "",
            "commissioned_by": "sub_group",
            "districts": [District.objects.get(code="PEN").pk],
            "start_date": "2026-07-01",
            "end_date": "2027-06-30",
            "cost": "3000",
            "outcomes-TOTAL_FORMS": "1",
            "outcomes-INITIAL_FORMS": "0",
            "outcomes-MIN_NUM_FORMS": "0",
            "outcomes-MAX_NUM_FORMS": "1000",
            "outcomes-0-description": "Families taking part",
            "outcomes-0-target": "25",
            "outcomes-0-unit": "families",
            "outcomes-0-ORDER": "1",
            "outcomes-0-id": "",
            "outcomes-0-DELETE": "",
        },
    )
    made = CommissionedProject.objects.get(name="Holiday lunches")
    assert response.status_code == 302, text(response)[:2000]
    assert response["Location"] == urls.inspect_url(made)
    assert [o.description for o in made.outcomes.all()] == ["Families taking part"]


def test_a_project_in_use_cannot_be_deleted_but_an_example_can():
    """The decisions and returns that depend on it must stay; an example goes with its
    returns."""
    crèche, *_rest = commissioned_with_evidence()
    client = signed_in(admin_county_lead())
    refused = client.post(urls.screen_url(crèche, "delete"))
    assert refused.status_code == 409
    assert "You cannot delete this project" in text(refused)
    assert CommissionedProject.objects.filter(pk=crèche.pk).exists()

    example = project("PEN", name="Example crèche")
    monitoring_return(example, [1, 1, 1])
    CommissionedProject.objects.filter(pk=example.pk).update(is_example=True)
    client = signed_in(admin_eido("PEN"))
    assert client.post(urls.screen_url(example, "delete")).status_code == 302
    assert not CommissionedProject.objects.filter(pk=example.pk).exists()


def test_only_a_county_lead_or_the_eido_of_every_district_it_covers_deletes_a_project():
    """Deleting takes a project from every district it covers: a Pendle EIDO may not delete
    one shared with Burnley, though they may change it."""
    shared = project(districts=["PEN", "BUR"])
    client = signed_in(admin_eido("PEN"))
    assert client.get(urls.screen_url(shared, "edit")).status_code == 200
    assert client.post(urls.screen_url(shared, "delete")).status_code == 403
    assert CommissionedProject.objects.filter(pk=shared.pk).exists()
