"""The casework reports' bar charts, drawn on the server as SVG: a group of bars per row, one
bar per series (gaps and CAF escalations; this period and the one before). No JavaScript and
nothing from outside the site. (`pei_workflow.charts` draws single bars against targets, for
commissioned projects.)

Made in the manner of the GOV.UK and ONS guidance on charts:
- the chart's title states what it shows ("Most gaps came by route X"), the page puts the
  data table before it, and the SVG itself carries a text alternative (`<title>`, `<desc>`);
- every bar is labelled with its value, so nothing depends on reading an axis;
- a second series is striped as well as coloured, and a target is a dashed line named in
  the legend, so no meaning rests on colour alone;
- colours have at least 3:1 contrast against white (WCAG 2.2, 1.4.11).

All text is escaped here; what comes back is safe to put in a page.
"""

from collections.abc import Callable, Sequence
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH = 720
LABEL_HEIGHT = 20
BAR_HEIGHT = 16
BAR_GAP = 4
GROUP_GAP = 14
# Room on the right of the longest bar for its value label, in characters of 13px text.
CHARACTER_WIDTH = 7.5
LEGEND_HEIGHT = 28
# GOV.UK blue and dark blue: 5.2:1 and 12.8:1 against white.
COLOURS = ("#1d70b8", "#003078", "#505a5f")
TARGET_COLOUR = "#0b0c0c"
TEXT_COLOUR = "#0b0c0c"


def format_number(value, unit: str = "") -> str:
    """A value as the chart and its table write it: 1,250; 12.5; with its unit if any."""
    if value is None:
        return "none"
    if isinstance(value, float):
        text = f"{value:,.1f}".removesuffix(".0")
    elif isinstance(value, Decimal):
        text = f"{value:,.2f}"
    else:
        text = f"{value:,}"
    return f"{text} {unit}".strip()


def _fills(chart_id: str, count: int) -> tuple[list[str], str]:
    """Each series' fill, and the <defs> its patterns need: series 1 solid, series 2 striped,
    series 3 dotted."""
    fills, defs = [], []
    for index in range(count):
        colour = COLOURS[index % len(COLOURS)]
        if index == 0:
            fills.append(colour)
            continue
        pattern_id = f"{chart_id}-pattern-{index}"
        if index == 1:
            shape = f'<path d="M0,6 L6,0" stroke="{colour}" stroke-width="2"/>'
        else:
            shape = f'<circle cx="3" cy="3" r="1.5" fill="{colour}"/>'
        defs.append(
            f'<pattern id="{pattern_id}" width="6" height="6" patternUnits="userSpaceOnUse">'
            f'<rect width="6" height="6" fill="#ffffff"/>{shape}</pattern>'
        )
        fills.append(f"url(#{pattern_id})")
    return fills, "".join(defs)


def bar_chart(
    title: str,
    rows: Sequence[tuple[str, object, object]],
    *,
    chart_id: str,
    series: Sequence[str] = ("Number",),
    unit: str = "",
    target_label: str = "Target",
    format_value: Callable[[object], str] | None = None,
) -> SafeString:
    """A horizontal bar chart: one group of bars per row, one bar per series.

    `rows` are (label, values, target): `values` a number or one number per series; `target`
    a number drawn as a dashed line across the row's bars (a budget, an agreed outcome), or
    None. `chart_id` makes the ids in the SVG unique on the page.
    """
    show = format_value or (lambda value: format_number(value, unit))
    normalised = [
        (str(label), values if isinstance(values, tuple | list) else (values,), target)
        for label, values, target in rows
    ]
    count = max([len(series), *(len(values) for _, values, _ in normalised)])
    fills, defs = _fills(chart_id, count)
    has_target = any(target is not None for _, _, target in normalised)
    largest = max(
        [float(v or 0) for _, values, _ in normalised for v in values]
        + [float(t) for _, _, t in normalised if t is not None]
        + [0],
    )
    names = [series[i] if i < len(series) else "" for i in range(count)]

    def bar_text(value, index: int) -> str:
        # Each bar says its series as well as its value when there is more than one.
        return f"{show(value)} {names[index].lower()}".strip() if count > 1 else show(value)

    said_longest = max(
        [len(bar_text(v, i)) for _, values, _ in normalised for i, v in enumerate(values)] + [0]
    )
    value_room = min(WIDTH // 2, round(said_longest * CHARACTER_WIDTH) + 12)
    scale = (WIDTH - value_room) / largest if largest else 0

    parts, y = [], 0
    if count > 1 or has_target:
        parts.append(_legend(names, fills, target_label if has_target else ""))
        y = LEGEND_HEIGHT
    descriptions = []
    for label, values, target in normalised:
        parts.append(
            f'<text x="0" y="{y + 14}" font-size="14" fill="{TEXT_COLOUR}">{escape(label)}</text>'
        )
        y += LABEL_HEIGHT
        top = y
        said = []
        for index, value in enumerate(values):
            width = round(float(value or 0) * scale, 1)
            parts.append(
                f'<rect x="0" y="{y}" width="{width}" height="{BAR_HEIGHT}" '
                f'fill="{fills[index]}" stroke="{COLOURS[index % len(COLOURS)]}"/>'
            )
            parts.append(
                f'<text x="{width + 6}" y="{y + 12}" font-size="13" fill="{TEXT_COLOUR}">'
                f"{escape(bar_text(value, index))}</text>"
            )
            said.append(f"{names[index]}: {show(value)}" if count > 1 else show(value))
            y += BAR_HEIGHT + BAR_GAP
        if target is not None:
            x = round(float(target) * scale, 1)
            parts.append(
                f'<line x1="{x}" y1="{top - 3}" x2="{x}" y2="{y - BAR_GAP + 3}" '
                f'stroke="{TARGET_COLOUR}" stroke-width="2" stroke-dasharray="4 3"/>'
            )
            said.append(f"{target_label.lower()} {show(target)}")
        descriptions.append(f"{label}: {', '.join(said)}.")
        y += GROUP_GAP
    height = max(y, 1)
    description = "Bar chart. " + " ".join(descriptions) if descriptions else "No figures."
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="pei-chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" focusable="false">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
        f"<defs>{defs}</defs>{''.join(parts)}</svg>"
    )
    return mark_safe(svg)  # noqa: S308 (every piece of text above is escaped)


def _legend(series: Sequence[str], fills: list[str], target_label: str) -> str:
    parts, x = [], 0
    for index, name in enumerate(series):
        parts.append(
            f'<rect x="{x}" y="4" width="16" height="16" fill="{fills[index]}" '
            f'stroke="{COLOURS[index % len(COLOURS)]}"/>'
            f'<text x="{x + 22}" y="17" font-size="13" fill="{TEXT_COLOUR}">{escape(name)}</text>'
        )
        x += 30 + 8 * len(name)
    if target_label:
        parts.append(
            f'<line x1="{x + 8}" y1="2" x2="{x + 8}" y2="22" stroke="{TARGET_COLOUR}" '
            f'stroke-width="2" stroke-dasharray="4 3"/>'
            f'<text x="{x + 16}" y="17" font-size="13" fill="{TEXT_COLOUR}">'
            f"Dashed line: {escape(target_label.lower())}</text>"
        )
    return "".join(parts)
