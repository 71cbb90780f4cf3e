"""The workflow pictures: drawn from the state machines' code, shown beside the review history,
with a text equivalent that is there even when Graphviz is not."""

import graphviz
import pytest
from django.core.cache import cache
from django.urls import reverse
from django_fsm.management.commands.graph_transitions import all_fsm_fields_data, generate_dot

from pei_workflow.models import CafEscalation, GapInService
from pei_workflow.workflow_graph import dot_source, readable_body, workflow_steps, workflow_svg
from tests.factories import admin_eido, in_state, submitted_gap


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize("model", [GapInService, CafEscalation])
def test_every_transition_of_the_model_is_a_step_of_the_picture(model):
    """The picture and its text are built from the model's transitions, not by hand."""
    names = {t.name for t in model._meta.get_field("state").get_all_transitions(model)}
    assert {step.name for step in workflow_steps(model)} == names


def test_the_dot_source_does_not_depend_on_the_order_generate_dot_gives():
    """generate_dot orders its nodes and edges by set iteration, which differs from process to
    process; the source (and so its cache key) is the same whatever that order."""
    body = generate_dot(all_fsm_fields_data(GapInService)).body
    reordered = [body[0], *reversed(body[1:-1]), body[-1]]
    assert readable_body(reordered, GapInService) == readable_body(body, GapInService)
    assert dot_source(GapInService, "in_review") != dot_source(GapInService, "closed")


def test_the_current_state_is_marked_in_the_picture():
    """The current state is filled and labelled "(now)"."""
    source = dot_source(GapInService, "on_panel_agenda")
    assert 'label="On the Resource Panel agenda\\n(now)"' in source
    assert source.count("(now)") == 1


def test_the_picture_renders_as_inline_svg_without_an_xml_prolog():
    """The SVG can sit inside HTML: no prolog or doctype, and it is labelled for screen
    readers."""
    svg = workflow_svg(GapInService, "in_review")
    assert svg.startswith("<svg ")
    assert "<?xml" not in svg
    assert "<!DOCTYPE" not in svg
    assert 'role="img"' in svg
    assert (
        'aria-label="The states of a gap in service and the steps between them. It is now: ' in svg
    )


def test_the_picture_is_drawn_once_and_then_read_from_the_cache(monkeypatch):
    """A second request for the same picture does not run Graphviz again."""
    first = workflow_svg(CafEscalation, "submitted")

    def no_dot(*args, **kwargs):
        raise AssertionError("dot ran again")

    monkeypatch.setattr(graphviz.Source, "pipe", no_dot)
    assert workflow_svg(CafEscalation, "submitted") == first


def test_without_dot_there_is_no_picture_and_a_warning(monkeypatch, caplog):
    """If Graphviz is missing, the picture is left out and the reason is logged."""

    def missing(*args, **kwargs):
        raise graphviz.ExecutableNotFound(("dot",))

    monkeypatch.setattr(graphviz.Source, "pipe", missing)
    assert workflow_svg(GapInService, "in_review") is None
    assert "dot is not installed" in caplog.text


@pytest.mark.django_db
def test_the_inspect_view_shows_the_picture_and_its_text_equivalent(client):
    """The picture is in a figure with a caption, and every step is listed as text."""
    client.force_login(admin_eido("PEN"))
    gap = in_state(submitted_gap("PEN"), "in_review")
    url = reverse("pei_workflow_gapinservice_modeladmin_inspect", args=[gap.pk])
    body = client.get(url).content.decode()
    figure = body[body.index("<figure") : body.index("</figure>")]
    assert "<svg " in figure
    assert "<figcaption>" in figure
    assert "It is now “Being reviewed”" in figure
    assert "Signpost to a service: to “Action agreed”." in figure
    assert "<summary>Every step of this workflow</summary>" in figure
    assert "Record the Trust Board decision" in figure


@pytest.mark.django_db
def test_the_inspect_view_keeps_the_text_equivalent_when_dot_is_missing(client, monkeypatch):
    """Without Graphviz the page still lists where the case can go, with no broken picture."""

    def missing(*args, **kwargs):
        raise graphviz.ExecutableNotFound(("dot",))

    monkeypatch.setattr(graphviz.Source, "pipe", missing)
    client.force_login(admin_eido("PEN"))
    gap = in_state(submitted_gap("PEN"), "in_review")
    url = reverse("pei_workflow_gapinservice_modeladmin_inspect", args=[gap.pk])
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'role="img"' not in body
    assert "It is now “Being reviewed”." in body
    assert "Where it can go from here" in body
    assert "Every step of this workflow" in body
