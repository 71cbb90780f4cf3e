"""A commissioned project's progress: one bar per outcome against its target, with the
figures' table before it (`charts/bar_chart.html`)."""

import math
from collections.abc import Sequence
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.text import slugify

from .drawing import (
    BLUE,
    WIDTH,
    Axis,
    Drawing,
    DrawnRow,
    Line,
    Number,
    Shape,
    describe,
    draw,
    format_number,
    largest_value,
    legend_keys,
    nice_scale,
)

LEFT = 4
GUTTER = 215  # room on the right for the longest figure label, "1,234 of 5,678 (22%), met"
PLOT = WIDTH - LEFT - GUTTER
LEGEND_HEIGHT = 40
ROW_HEIGHT = 58
LABEL_DROP = 17  # from the top of a row to its label's baseline
BAR_DROP = 25  # from the top of a row to its bar
BAR_HEIGHT = 22
AXIS_HEIGHT = 34


def _percent(value: Number, target: Number) -> int:
    return math.floor(Decimal(str(value)) * 100 / Decimal(str(target)))


def _comparison(value: Number, target: Number | None) -> tuple[str, str]:
    """What the table says of a figure against its target, and what the bar's label says."""
    if target is None:
        return "No target", format_number(value)
    if not target:
        return "Target is 0", f"{format_number(value)} of 0"
    percent = _percent(value, target)
    shown = f"{format_number(value)} of {format_number(target)} ({percent}%)"
    if value >= target:
        return f"Met: {percent}% of the target", f"{shown}, met"
    return f"Not met yet: {percent}% of the target", shown


def bar_chart(
    title: str,
    rows: Sequence[tuple[str, Number, Number | None]],
    *,
    unit: str = "",
    label_heading: str = "Item",
    value_heading: str = "Value",
    target_heading: str = "Target",
    note: str = "",
    chart_id: str = "",
) -> SafeString:
    """A horizontal bar chart, one bar per row (label, value, target or None), with its data
    table before it. `title` states the finding; `note` says what the figures are (such as
    "Totals of all returns so far"); `unit` names what they count. `chart_id` makes the
    element ids unique when a page has more than one chart (by default, from the title).
    Values and targets are numbers of 0 or more."""
    if any(value < 0 or (target is not None and target < 0) for _, value, target in rows):
        raise ValueError("bar_chart draws values and targets of 0 or more")
    maximum, steps = nice_scale(largest_value([(label, (v,), t) for label, v, t in rows]))
    ident = f"chart-{slugify(chart_id or title)[:50] or 'chart'}"
    hatch = f"url(#{ident}-hatch)"

    def scale(value: Number) -> float:
        return round(PLOT * float(value) / maximum, 2)

    table, drawn, said = [], [], []
    for index, (label, value, target) in enumerate(rows):
        top = LEGEND_HEIGHT + index * ROW_HEIGHT
        bar_y = top + BAR_DROP
        comparison, figure_label = _comparison(value, target)
        table.append(
            {
                "label": str(label),
                "value_text": format_number(value),
                "target_text": "" if target is None else format_number(target),
                "comparison": comparison,
            }
        )
        row = DrawnRow(str(label), LEFT, top + LABEL_DROP)
        bar_end = LEFT + scale(value)
        row.bars.append(Shape(LEFT, bar_y, scale(value), BAR_HEIGHT, BLUE))
        target_x = LEFT + scale(target) if target is not None else 0
        if target_x > bar_end:
            shortfall = round(target_x - bar_end, 2)
            row.bars.append(Shape(round(bar_end, 2), bar_y, shortfall, BAR_HEIGHT, hatch, BLUE))
        if target is not None:
            row.targets.append(Line(round(target_x, 2), bar_y - 5, bar_y + BAR_HEIGHT + 5))
            said.append(
                f"{label}: {format_number(value)} against a target of {format_number(target)}"
            )
        else:
            said.append(f"{label}: {format_number(value)}")
        figure_x = round(max(bar_end, target_x) + 8, 2)
        row.figures.append(Shape(figure_x, bar_y + BAR_HEIGHT - 6, text=figure_label))
        drawn.append(row)

    has_targets = any(row.targets for row in drawn)
    axis_y = LEGEND_HEIGHT + len(drawn) * ROW_HEIGHT
    drawing = Drawing(
        id=f"{ident}-svg",
        title=title,
        description=describe(said, unit, "The table has the figures."),
        css_class="pei-chart__drawing",
        height=axis_y + AXIS_HEIGHT,
        rows=drawn,
        patterns=[{"id": f"{ident}-hatch", "kind": "stripes", "colour": BLUE}]
        if has_targets
        else [],
        legend=legend_keys(
            [("Achieved", BLUE, ""), ("Still to reach the target", hatch, BLUE), ("Target", "", "")]
        )
        if has_targets
        else [],
        axis=Axis(axis_y, LEFT, LEFT + PLOT),
        ticks=[
            Shape(round(LEFT + scale(tick), 2), axis_y, text=format_number(round(tick, 2)))
            for tick in (maximum * n / steps for n in range(steps + 1))
        ],
    )
    context = {
        "id": ident,
        "title": title,
        "note": note,
        "unit": unit,
        "label_heading": label_heading,
        "value_heading": value_heading,
        "target_heading": target_heading,
        "has_targets": has_targets,
        "rows": table,
        "drawing": draw(drawing),
    }
    return render_to_string("pei_workflow/charts/bar_chart.html", context)
