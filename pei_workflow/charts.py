"""Charts drawn on the server as SVG: no JavaScript, nothing from outside the site.

They follow the ONS and GOV.UK guidance on charts: a title that states the finding (the
caller writes it: "2 of 3 outcomes have met their target"), the figures as a table first, so
that a screen reader meets the data before the picture, then the picture with a text
alternative (`role="img"`, its `<title>` and `<desc>`), every bar labelled with its figure,
and the shortfall against a target hatched and the target drawn as a line, so that nothing
depends on colour. Every text goes through Django's template escaping.

The one chart so far:

    bar_chart(title, rows=[(label, value, target_or_None), ...], unit="families")

returns the markup (a `<figure>`) as a SafeString, ready for a template: `{{ chart }}`. Pages
that show one link `pei_workflow/charts.css`, which lays the table out and prints it cleanly.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.text import slugify

Number = int | float | Decimal

# The drawing's own units (the viewBox); the SVG scales to the width of the page.
WIDTH = 760
LEFT = 4
GUTTER = 215  # room on the right for the longest figure label, "1,234 of 5,678 (22%), met"
PLOT = WIDTH - LEFT - GUTTER
LEGEND_HEIGHT = 40
ROW_HEIGHT = 58
LABEL_DROP = 17  # from the top of a row to its label's baseline
BAR_DROP = 25  # from the top of a row to its bar
BAR_HEIGHT = 22
AXIS_HEIGHT = 34
LONGEST_LABEL = 85  # characters of a row's label the drawing shows; the table has them all

# GOV.UK colours, each at least 3:1 against white (WCAG 1.4.11): blue bars, black text.
BAR_COLOUR = "#1d70b8"
TEXT_COLOUR = "#0b0c0c"
AXIS_COLOUR = "#505a5f"

# Where a scale may end (times a power of ten), and in how many steps.
SCALES = ((1, 5), (1.5, 3), (2, 4), (2.5, 5), (3, 3), (4, 4), (5, 5), (6, 3), (8, 4), (10, 5))


@dataclass(frozen=True)
class Row:
    """One bar as the template draws it: every number already placed and every text written."""

    label: str
    short_label: str
    value_text: str
    target_text: str
    comparison: str
    figure_label: str
    label_y: float
    bar_y: float
    bar_width: float
    target_x: float | None
    target_top: float
    target_bottom: float
    shortfall_x: float
    shortfall_width: float
    figure_x: float
    figure_y: float


def _number(value: Number) -> str:
    """A figure as people write it: 1,250, or 12.5 (no trailing zeros)."""
    value = Decimal(str(value))
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():,f}"


def _percent(value: Number, target: Number) -> int:
    return math.floor(Decimal(str(value)) * 100 / Decimal(str(target)))


def nice_scale(largest: float) -> tuple[float, int]:
    """The end of the scale and how many steps its axis has: the smallest round number (1,
    1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) that holds the largest value, in steps
    of a round number (a scale to 80 in four steps of 20, to 250 in five steps of 50)."""
    if largest <= 0:
        return 1.0, 5
    power = 10 ** math.floor(math.log10(largest))
    for factor, steps in SCALES:
        if factor * power >= largest:
            return factor * power, steps
    return 10 * power, 5  # pragma: no cover - the loop always returns


def _comparison(value: Number, target: Number | None) -> tuple[str, str]:
    """What the table says of a figure against its target, and what the bar's label says."""
    if target is None:
        return "No target", _number(value)
    if not target:
        return "Target is 0", f"{_number(value)} of 0"
    percent = _percent(value, target)
    shown = f"{_number(value)} of {_number(target)} ({percent}%)"
    if value >= target:
        return f"Met: {percent}% of the target", f"{shown}, met"
    return f"Not met yet: {percent}% of the target", shown


def _row(index: int, label: str, value: Number, target: Number | None, scale) -> Row:
    top = LEGEND_HEIGHT + index * ROW_HEIGHT
    bar_width = scale(value)
    target_x = LEFT + scale(target) if target is not None else None
    bar_end = LEFT + bar_width
    shortfall = max(0.0, (target_x or 0) - bar_end)
    comparison, figure_label = _comparison(value, target)
    short = label if len(label) <= LONGEST_LABEL else label[: LONGEST_LABEL - 1].rstrip() + "…"
    return Row(
        label=label,
        short_label=short,
        value_text=_number(value),
        target_text="" if target is None else _number(target),
        comparison=comparison,
        figure_label=figure_label,
        label_y=top + LABEL_DROP,
        bar_y=top + BAR_DROP,
        bar_width=round(bar_width, 2),
        target_x=None if target_x is None else round(target_x, 2),
        target_top=top + BAR_DROP - 5,
        target_bottom=top + BAR_DROP + BAR_HEIGHT + 5,
        shortfall_x=round(bar_end, 2),
        shortfall_width=round(shortfall, 2),
        figure_x=round(max(bar_end, target_x or 0) + 8, 2),
        figure_y=top + BAR_DROP + BAR_HEIGHT - 6,
    )


def _description(rows: Sequence[Row], unit: str) -> str:
    """The text alternative: every bar's figure, in words."""
    what = f" ({unit})" if unit else ""
    parts = []
    for row in rows:
        if row.target_text:
            parts.append(f"{row.label}: {row.value_text} against a target of {row.target_text}")
        else:
            parts.append(f"{row.label}: {row.value_text}")
    return f"Horizontal bar chart{what}. " + "; ".join(parts) + ". The table has the figures."


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
    largest = max(
        [float(value) for _, value, _ in rows]
        + [float(target) for _, _, target in rows if target is not None]
        + [0.0]
    )
    maximum, steps = nice_scale(largest)

    def scale(value: Number) -> float:
        return PLOT * float(value) / maximum

    drawn = [
        _row(n, str(label), value, target, scale) for n, (label, value, target) in enumerate(rows)
    ]
    height = LEGEND_HEIGHT + len(drawn) * ROW_HEIGHT + AXIS_HEIGHT
    axis_y = LEGEND_HEIGHT + len(drawn) * ROW_HEIGHT
    ident = slugify(chart_id or title)[:50] or "chart"
    context = {
        "id": f"chart-{ident}",
        "title": title,
        "note": note,
        "unit": unit,
        "label_heading": label_heading,
        "value_heading": value_heading,
        "target_heading": target_heading,
        "has_targets": any(row.target_x is not None for row in drawn),
        "rows": drawn,
        "description": _description(drawn, unit),
        "width": WIDTH,
        "height": height,
        "left": LEFT,
        "bar_height": BAR_HEIGHT,
        "axis_y": axis_y,
        "axis_end": LEFT + PLOT,
        "tick_bottom": axis_y + 6,
        "tick_label_y": axis_y + 22,
        "ticks": [
            {"x": round(LEFT + scale(tick), 2), "label": _number(round(tick, 2))}
            for tick in (maximum * n / steps for n in range(steps + 1))
        ],
        "colours": {"bar": BAR_COLOUR, "text": TEXT_COLOUR, "axis": AXIS_COLOUR},
    }
    return render_to_string("pei_workflow/charts/bar_chart.html", context)
