"""The example commissioned projects `load_pei_content` loads: the three Pendle projects from
the news item, marked as examples, with made-up figures that say so, loaded once."""

import io

import pytest
from django.core.management import call_command
from django.test import Client

from guidance_pages.content import EXAMPLE_PROJECTS
from pei_workflow.admin import urls
from pei_workflow.models import CommissionedProject, MonitoringReturn, OutcomeFigure
from pei_workflow.text_checks import identifying_details_in
from tests.factories import admin_eido
from tests.factories_projects import project

pytestmark = pytest.mark.django_db


def load() -> str:
    out = io.StringIO()
    call_command("load_pei_content", stdout=out)
    return out.getvalue()


def test_the_three_pendle_projects_are_loaded_as_examples_with_outcomes_and_returns():
    """The mobile crèche, the crèche for the Women's Refuge programmes and the Lookout
    programme: Pendle's, the Trust Board's, each with agreed outcomes and two returns."""
    output = load()
    loaded = CommissionedProject.objects.order_by("name")
    assert [p.name for p in loaded] == [
        "Crèche for women on the Freedom and Next Steps programmes",
        "Mobile crèche for four Pendle children's centres",
        "More specialist support through the Lookout programme",
    ]
    for example in loaded:
        assert example.is_example
        assert [d.code for d in example.districts.all()] == ["PEN"]
        assert example.commissioned_by == "trust_board"
        assert example.outcomes.count() >= 3
        assert example.returns.count() == 2
        assert "made up" in example.description
        for monitoring_return in example.returns.all():
            assert monitoring_return.narrative.startswith("Example return:")
            assert monitoring_return.figures.count() == example.outcomes.count()
        assert example.history.latest().history_change_reason == "Example loaded with the site"
    assert "Created example project: Mobile crèche for four Pendle children's centres" in output


def test_a_second_run_loads_nothing_more():
    """Running again duplicates no project, outcome, return or figure."""
    load()
    counts = (
        CommissionedProject.objects.count(),
        MonitoringReturn.objects.count(),
        OutcomeFigure.objects.count(),
    )
    output = load()
    assert counts == (
        CommissionedProject.objects.count(),
        MonitoringReturn.objects.count(),
        OutcomeFigure.objects.count(),
    )
    assert "Left alone projects: there are already 3" in output


def test_no_example_is_loaded_once_there_is_a_real_project():
    """The list is the EIDOs' once they use it: examples they deleted stay deleted."""
    project("PEN", name="A real project")
    load()
    assert list(CommissionedProject.objects.values_list("name", flat=True)) == ["A real project"]


def test_every_example_text_passes_the_anonymity_guard():
    """The examples meet the guard every staff text meets."""
    texts = []
    for example in EXAMPLE_PROJECTS:
        texts += [example["name"], example["provider"], example["description"]]
        texts += [text for text, _target, unit in example["outcomes"]]
        texts += [narrative for _period, _figures, narrative in example["returns"]]
    found = {text: identifying_details_in(text) for text in texts}
    assert {text: kinds for text, kinds in found.items() if kinds} == {}


def test_an_examples_page_says_it_is_an_example_and_states_its_finding():
    """The Pendle EIDO reads the example, tagged "Example", with its chart's finding."""
    load()
    crèche = CommissionedProject.objects.get(name__startswith="Mobile crèche")
    client = Client()
    client.force_login(admin_eido("PEN"))
    page = client.get(urls.inspect_url(crèche)).content.decode()
    assert ">Example</span>" in page
    assert "the dates, cost, targets and figures are made up" in page
    assert "2 of 4 outcomes have met their target" in page
