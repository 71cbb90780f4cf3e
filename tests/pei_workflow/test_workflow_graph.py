"""The workflow pictures: drawn from the state machines' code, shown beside the review history,
with a text equivalent that is there even when Graphviz is not; cached under a hash of the
machine, and never trusted from the cache."""

import re

import graphviz
import pytest
from django.core.cache import cache
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString
from django_fsm.management.commands.graph_transitions import all_fsm_fields_data, generate_dot

from pei_workflow import workflow_graph
from pei_workflow.labels import state_label
from pei_workflow.models import CafEscalation, GapInService
from pei_workflow.safe_svg import UnsafeSVG, sanitise_svg
from pei_workflow.workflow_graph import (
    CURRENT_FILL,
    cache_key,
    dot_source,
    readable_body,
    workflow_steps,
    workflow_svg,
)
from tests.factories import admin_eido, in_state, submitted_gap

SVG_NS = 'xmlns="http://www.w3.org/2000/svg"'
XLINK_NS = 'xmlns:xlink="http://www.w3.org/1999/xlink"'

#: Values someone who can write to the shared cache might plant. Each carries the word PLANTED
#: wherever it must vanish (a script, a handler, a link, a declared entity...).
PLANTED = {
    "script": f"<svg {SVG_NS}><script>PLANTED()</script></svg>",
    "onload": f'<svg {SVG_NS} onload="PLANTED()"><g onclick="PLANTED()"/></svg>',
    "foreignObject": (
        f'<svg {SVG_NS}><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">'
        '<img src="x" onerror="PLANTED()"/></div></foreignObject></svg>'
    ),
    "javascript link": (
        f'<svg {SVG_NS} {XLINK_NS}><a xlink:href="javascript:PLANTED()">'
        "<text>PLANTED</text></a></svg>"
    ),
    "use": f'<svg {SVG_NS}><use href="data:image/svg+xml,PLANTED#x"/></svg>',
    "style": (
        f"<svg {SVG_NS}><style>svg {{ background: url(PLANTED) }}</style>"
        '<rect style="fill: url(javascript:PLANTED())"/></svg>'
    ),
    "entity": f'<!DOCTYPE svg [<!ENTITY x "PLANTED">]><svg {SVG_NS}><text>&x;</text></svg>',
    "external entity": (
        f'<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/hostname">]><svg {SVG_NS}>'
        "<text>&x;</text></svg>"
    ),
    "animate": (
        f'<svg {SVG_NS}><set attributeName="onmouseover" to="PLANTED()"/>'
        '<animate attributeName="href" values="javascript:PLANTED()"/></svg>'
    ),
    "url in an attribute": (
        f'<svg {SVG_NS}><rect fill="url(javascript:PLANTED())" '
        'transform="translate(1) url(javascript:PLANTED())"/></svg>'
    ),
    "html root": '<svg xmlns="http://www.w3.org/1999/xhtml"><script>PLANTED()</script></svg>',
    "not xml": "</div><script>PLANTED()</script>",
    "comment and instruction": (
        f'<?xml-stylesheet href="PLANTED"?><svg {SVG_NS}><!--PLANTED--><g/></svg>'
    ),
    "cdata": f"<svg {SVG_NS}><text><![CDATA[</text><script>alert(1)</script>]]></text></svg>",
}

#: What must never be in a picture, whatever was planted.
FORBIDDEN = (
    "planted",
    "<script",
    "onload",
    "onclick",
    "onerror",
    "onmouseover",
    "foreignobject",
    "javascript:",
    "<use",
    "href",
    "<style",
    "style=",
    "<!",
    "<?",
    "<a ",
    "<set",
    "<animate",
    "<div",
    "<img",
    "url(",
    "&x;",
)


def assert_harmless(markup: str) -> None:
    lowered = markup.lower()
    found = [marker for marker in FORBIDDEN if marker in lowered]
    assert not found, f"{found} in {markup[:300]!r}"


def signed(key: str, value: str) -> str:
    """The value as this site signs it for the key: what a planted value would need."""
    return workflow_graph._signer(key).sign(value)


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


@pytest.mark.parametrize("payload", PLANTED.values(), ids=PLANTED.keys())
def test_an_unsigned_value_planted_in_the_cache_is_ignored_and_the_picture_redrawn(payload, caplog):
    """A value under the real key without this site's signature never reaches the picture:
    the real drawing is shown and put back in the cache."""
    key = cache_key(GapInService, "in_review")
    cache.set(key, payload, timeout=None)
    svg = workflow_svg(GapInService, "in_review")
    assert_harmless(svg)
    assert "Being reviewed" in svg
    assert "without a valid signature" in caplog.text
    assert workflow_graph._signer(key).unsign(cache.get(key)) == str(svg)


@pytest.mark.parametrize("payload", PLANTED.values(), ids=PLANTED.keys())
def test_a_correctly_signed_planted_value_is_still_sanitised(payload):
    """Even a value carrying a valid signature (a leaked key, say) is rewritten from the
    allow-list before it is marked safe, or drawn again if it is not a plain SVG."""
    key = cache_key(GapInService, "in_review")
    cache.set(key, signed(key, payload), timeout=None)
    svg = workflow_svg(GapInService, "in_review")
    assert svg.startswith('<svg role="img" aria-label="The states of a gap in service')
    assert_harmless(svg)


@pytest.mark.django_db
@pytest.mark.parametrize("sign", [False, True], ids=["unsigned", "signed"])
@pytest.mark.parametrize("payload", PLANTED.values(), ids=PLANTED.keys())
def test_a_value_planted_in_the_cache_never_reaches_the_inspect_page(client, payload, sign):
    """Whatever is planted under the picture's key, the inspect page's picture holds only
    allowed SVG, and no planted script is anywhere on the page."""
    client.force_login(admin_eido("PEN"))
    gap = in_state(submitted_gap("PEN"), "in_review")
    key = cache_key(GapInService, gap.state)
    cache.set(key, signed(key, payload) if sign else payload, timeout=None)
    url = reverse("pei_workflow_gapinservice_modeladmin_inspect", args=[gap.pk])
    body = client.get(url).content.decode()
    start = body.index('<div class="pei-workflow__picture"><svg role="img"')
    picture = body[start + len('<div class="pei-workflow__picture">') : body.index("<h3>Where")]
    assert picture.rstrip().endswith("</div>")
    picture = picture.rstrip().removesuffix("</div>")
    assert picture.endswith(("</svg>", "/>"))
    assert_harmless(picture)
    assert "PLANTED" not in body
    assert "<script>alert(1)" not in body


def test_a_value_signed_for_another_picture_is_not_used():
    """The signature is salted with the key: a genuine drawing copied to another key (another
    state's picture, say) is ignored there."""
    other = workflow_svg(GapInService, "closed")
    key = cache_key(GapInService, "in_review")
    cache.set(key, cache.get(cache_key(GapInService, "closed")), timeout=None)
    svg = workflow_svg(GapInService, "in_review")
    assert svg != other
    assert "Being reviewed\\n(now)" not in svg
    assert re.search(r">Being reviewed</text>\s*<text[^>]*>\(now\)</text>", svg)


@pytest.mark.parametrize("value", [b"<svg/>", 42, ["<svg/>"]], ids=["bytes", "int", "list"])
def test_a_cached_value_that_is_not_text_is_ignored(value):
    """Anything but a string under the key is ignored and the picture drawn again."""
    cache.set(cache_key(GapInService, "in_review"), value, timeout=None)
    assert "Being reviewed" in workflow_svg(GapInService, "in_review")


def _first_transition(model, name):
    field = model._meta.get_field("state")
    return next(t for t in field.get_all_transitions(model) if t.name == name)


def _retarget(monkeypatch):
    monkeypatch.setattr(_first_transition(GapInService, "signpost"), "target", "closed")


def _move_source(monkeypatch):
    monkeypatch.setattr(_first_transition(GapInService, "signpost"), "source", "submitted")


def _change_permission(monkeypatch):
    monkeypatch.setattr(_first_transition(GapInService, "signpost"), "permission", "any.perm")


def _relabel_a_state(monkeypatch):
    def relabelled(model, value):
        return "Under review" if value == "in_review" else state_label(model, value)

    monkeypatch.setattr(workflow_graph, "state_label", relabelled)


def _bump_the_version(monkeypatch):
    monkeypatch.setattr(workflow_graph, "DRAWING_VERSION", workflow_graph.DRAWING_VERSION + 1)


@pytest.mark.parametrize(
    "change",
    [_retarget, _move_source, _change_permission, _relabel_a_state, _bump_the_version],
    ids=["target", "source", "permission", "state label", "drawing version"],
)
def test_changing_the_machine_changes_the_cache_key(monkeypatch, change):
    """A transition's target, source or permission, a state's label or the drawing code's
    version each gives a new key, so no picture of the old machine is shown."""
    before = cache_key(GapInService, "in_review")
    change(monkeypatch)
    assert cache_key(GapInService, "in_review") != before


def test_the_same_machine_always_gives_the_same_key():
    """The key is the prefix, the version, the model and 16 hex digits of SHA-256, and
    depends on the highlighted state."""
    key = cache_key(GapInService, "in_review")
    assert key == cache_key(GapInService, "in_review")
    assert re.fullmatch(
        r"pei_workflow:workflow-svg:v\d+:pei_workflow\.gapinservice:[0-9a-f]{16}", key
    )
    assert key != cache_key(GapInService, "closed")
    assert key != cache_key(CafEscalation, "in_review")


@pytest.mark.parametrize("model", [GapInService, CafEscalation])
def test_the_sanitised_drawing_shows_every_state_and_marks_the_current_one(model):
    """What reaches the page, after the allow-list, still names every state and fills and
    labels the current one."""
    svg = workflow_svg(model, "in_review")
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    for value, _ in model._meta.get_field("state").choices:
        if any(value in (*step.sources, step.target) for step in workflow_steps(model)):
            assert state_label(model, value) in texts
    assert texts.count("(now)") == 1
    assert f'fill="{CURRENT_FILL}"' in svg
    assert_harmless(svg)


def test_sanitising_the_drawing_again_changes_nothing():
    """The sanitiser keeps everything Graphviz draws for this site, so its output rewritten
    again is the same text (and a cached drawing reads back unchanged)."""
    svg = workflow_svg(GapInService, "in_review")
    label = workflow_graph._describe(GapInService, "in_review")
    assert sanitise_svg(str(svg), label) == svg


def test_graphviz_output_is_sanitised_too(monkeypatch):
    """What Graphviz gives is rewritten from the allow-list as well (a label or a URL attribute
    could carry markup), before it is cached or shown."""

    def drawn(*args, **kwargs):
        return PLANTED["javascript link"].replace("<a ", "<text>Closed</text><a ")

    monkeypatch.setattr(graphviz.Source, "pipe", drawn)
    svg = workflow_svg(GapInService, "in_review")
    assert ">Closed</text>" in svg
    assert_harmless(svg)
    assert_harmless(cache.get(cache_key(GapInService, "in_review")))


def test_graphviz_output_that_declares_an_entity_gives_no_picture(monkeypatch, caplog):
    """If the drawing is not plain SVG it is neither shown nor cached, and this is logged."""

    def drawn(*args, **kwargs):
        return PLANTED["entity"]

    monkeypatch.setattr(graphviz.Source, "pipe", drawn)
    assert workflow_svg(GapInService, "in_review") is None
    assert cache.get(cache_key(GapInService, "in_review")) is None
    assert "not safe" in caplog.text


@pytest.mark.parametrize(
    "text",
    [
        PLANTED["entity"],
        PLANTED["external entity"],
        '<!DOCTYPE svg [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        f"<svg {SVG_NS}><text>&b;</text></svg>",
        f'<!DOCTYPE svg SYSTEM "http://example.com/evil.dtd"><svg {SVG_NS}/>',
        f"<svg {SVG_NS}><text>&nbsp;</text></svg>",
        PLANTED["html root"],
        PLANTED["not xml"],
        "",
    ],
    ids=[
        "entity",
        "external",
        "nested entities",
        "other dtd",
        "undefined",
        "html",
        "junk",
        "empty",
    ],
)
def test_the_sanitiser_refuses_anything_but_a_plain_svg(text):
    """Entity declarations, other DOCTYPEs, undefined entities and non-SVG roots are refused
    outright rather than cleaned."""
    with pytest.raises(UnsafeSVG):
        sanitise_svg(text, "label")


def test_the_sanitiser_escapes_text_and_keeps_graphviz_doctype():
    """Graphviz's own prolog is accepted and dropped, and text is escaped on the way out."""
    text = (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"\n'
        ' "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
        f'<svg {SVG_NS} width="8pt"><text x="1">a &lt;b&gt; &amp; &#45;&gt;</text></svg>'
    )
    assert sanitise_svg(text, 'Say "hi" <now>') == (
        '<svg role="img" aria-label="Say &quot;hi&quot; &lt;now&gt;" '
        'xmlns="http://www.w3.org/2000/svg" width="8pt">'
        '<text x="1">a &lt;b&gt; &amp; -&gt;</text></svg>'
    )


def test_the_picture_is_marked_safe_and_the_template_escapes_anything_else():
    """workflow_svg gives a SafeString; the template no longer forces |safe, so any plain
    string given as the picture is shown as text."""
    assert isinstance(workflow_svg(GapInService, "in_review"), SafeString)
    html = render_to_string(
        "pei_workflow/admin/includes/workflow.html",
        {"workflow_svg": "<script>PLANTED()</script>", "current_state_label": "Being reviewed"},
    )
    assert "<script>PLANTED" not in html
    assert "&lt;script&gt;PLANTED()&lt;/script&gt;" in html
