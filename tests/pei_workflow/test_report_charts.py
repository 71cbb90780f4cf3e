"""The server-drawn bar charts: a text alternative, every value labelled, a pattern as well
as a colour for a second series, a target as a dashed line, and all text escaped."""

from decimal import Decimal

from pei_workflow.charts import format_number, grouped_bar_chart


def test_a_chart_is_an_image_named_by_its_title_and_described_in_words():
    svg = grouped_bar_chart("Most came by bus", [("Bus", 3, None), ("Car", 1, None)], chart_id="c")
    assert svg.startswith("<svg")
    assert 'role="img" ' in svg and 'aria-labelledby="c-title c-desc"' in svg
    assert '<title id="c-title">Most came by bus</title>' in svg
    assert '<desc id="c-desc">Bar chart. Bus: 3. Car: 1.</desc>' in svg
    assert ">3</text>" in svg and ">1</text>" in svg


def test_a_second_series_is_striped_and_each_bar_says_its_series():
    svg = grouped_bar_chart(
        "Gaps and CAF", [("Health", (4, 2), None)], chart_id="s", series=("Gaps", "CAF")
    )
    assert '<pattern id="s-pattern-1"' in svg and 'fill="url(#s-pattern-1)"' in svg
    assert ">4 gaps</text>" in svg and ">2 caf</text>" in svg
    assert "Health: Gaps: 4, CAF: 2." in svg


def test_a_target_is_a_dashed_line_named_in_the_legend_and_the_description():
    svg = grouped_bar_chart(
        "Spent against budget",
        [("Pendle", Decimal("400.00"), Decimal("1000.00"))],
        chart_id="t",
        series=("Spent",),
        target_label="Budget",
        format_value=lambda v: f"£{v:,.2f}",
    )
    assert 'stroke-dasharray="4 3"' in svg
    assert "Dashed line: budget" in svg
    assert "Pendle: £400.00, budget £1,000.00." in svg


def test_every_text_in_a_chart_is_escaped():
    svg = grouped_bar_chart("<b>x</b>", [("<script>alert(1)</script>", 1, None)], chart_id="e")
    assert "<script>" not in svg and "<b>" not in svg
    assert "&lt;script&gt;" in svg


def test_bars_are_as_long_as_their_values_and_no_figures_draw_no_bars():
    svg = grouped_bar_chart("Two to one", [("A", 2, None), ("B", 1, None)], chart_id="w")
    widths = [
        float(part.split('"')[0])
        for part in svg.split('<rect x="0" y="')[1:]
        for part in [part.split('width="')[1]]
    ]
    assert widths[0] == 2 * widths[1] > 0
    assert "<rect" not in grouped_bar_chart("Nothing", [], chart_id="n")


def test_numbers_read_as_people_write_them():
    assert format_number(1250) == "1,250"
    assert format_number(12.0, "days") == "12 days"
    assert format_number(12.25) == "12.2"
    assert format_number(None) == "none"
