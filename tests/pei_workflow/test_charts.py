"""The server-drawn SVG bar chart: its finding as the title, its table first, a text
alternative, a label on every bar, a pattern and a line as well as colour, and every text
escaped."""

import re
from decimal import Decimal
from xml.etree import ElementTree

import pytest

from pei_workflow.charts import bar_chart, nice_scale

ROWS = [
    ("Families using the crèche", 45, 60),
    ("Parents who finish", 70, 50),
    ("No target", 3, None),
]


def svg_of(markup: str) -> ElementTree.Element:
    """The drawing, parsed as XML: it must be well formed to be drawn at all."""
    drawing = re.search(r"<svg.*</svg>", markup, re.S).group()
    return ElementTree.fromstring(drawing)


def test_the_chart_is_a_figure_with_its_finding_then_its_table_then_its_drawing():
    """Screen readers meet the finding, then the figures, then the picture."""
    markup = bar_chart("1 of 2 outcomes has met its target", ROWS, label_heading="Outcome")
    caption = markup.index("<figcaption")
    table = markup.index("<table")
    drawing = markup.index("<svg")
    assert markup.lstrip().startswith("<figure") and caption < table < drawing
    assert ">1 of 2 outcomes has met its target</figcaption>" in markup
    assert '<th scope="row">Families using the crèche</th>' in markup
    assert "Not met yet: 75% of the target" in markup
    assert "Met: 140% of the target" in markup
    assert "No target" in markup


def test_the_drawing_has_a_text_alternative_of_its_title_and_every_figure():
    """role="img", labelled by its own title and description, which give every bar's figure."""
    markup = bar_chart("Two bars", ROWS[:2], chart_id="outcomes")
    svg = svg_of(markup)
    ns = "{http://www.w3.org/2000/svg}"
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "chart-outcomes-svg-title chart-outcomes-svg-desc"
    assert svg.find(f"{ns}title").get("id") == "chart-outcomes-svg-title"
    description = svg.find(f"{ns}desc")
    assert description.get("id") == "chart-outcomes-svg-desc"
    assert "Families using the crèche: 45 against a target of 60" in description.text
    assert "Parents who finish: 70 against a target of 50" in description.text


def test_every_bar_is_labelled_and_a_shortfall_is_hatched_so_colour_is_not_the_only_cue():
    """Each bar says its figure (and "met"); a shortfall is filled with the hatch pattern,
    and the legend shows the pattern and the target line."""
    svg = svg_of(bar_chart("Title", ROWS, chart_id="c"))
    texts = [element.text for element in svg.iter() if element.tag.endswith("text")]
    assert "45 of 60 (75%)" in texts
    assert "70 of 50 (140%), met" in texts
    assert "3" in texts
    assert {"Achieved", "Still to reach the target", "Target"} <= set(texts)
    hatched = [e for e in svg.iter() if e.get("fill") == "url(#chart-c-hatch)"]
    assert len(hatched) == 2  # the legend's swatch and the one bar short of its target
    assert any(e.get("id") == "chart-c-hatch" for e in svg.iter() if e.tag.endswith("pattern"))


def test_every_text_is_escaped():
    """A label or title cannot add markup to the page."""
    markup = bar_chart('<script>alert("x")</script>', [("<b>bold</b> & co", 1, 2)])
    assert "<script>" not in markup and "<b>" not in markup
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; co" in markup
    svg_of(markup)  # still well formed


def test_a_long_label_is_shortened_in_the_drawing_but_whole_in_the_table():
    label = "An outcome described at great length " * 4
    markup = bar_chart("Title", [(label.strip(), 1, 2)])
    assert f'<th scope="row">{label.strip()}</th>' in markup
    assert "…</text>" in markup


def test_without_targets_there_is_no_target_column_legend_or_marker():
    markup = bar_chart("Spend by district", [("Pendle", Decimal("250.50"), None)], unit="£")
    assert "Against the target" not in markup
    assert "Still to reach the target" not in markup
    assert "250.5" in markup
    assert "(£)" in markup


def test_negative_values_are_refused():
    with pytest.raises(ValueError):
        bar_chart("Title", [("Bad", -1, None)])


@pytest.mark.parametrize(
    ("largest", "scale"),
    [(0, (1.0, 5)), (3, (3, 3)), (45, (50, 5)), (70, (80, 4)), (140, (150, 3)), (1001, (1500, 3))],
)
def test_the_scale_ends_at_a_round_number_just_above_the_largest_value(largest, scale):
    assert nice_scale(largest) == scale


def test_two_charts_on_one_page_have_different_ids():
    first, second = bar_chart("Same", ROWS, chart_id="a"), bar_chart("Same", ROWS, chart_id="b")
    ids = set(re.findall(r'id="([^"]+)"', first)) & set(re.findall(r'id="([^"]+)"', second))
    assert ids == set()
