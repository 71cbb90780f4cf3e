"""A casework report's section: a group of bars per row, one bar per series (the report
puts the section's table before it)."""

from collections.abc import Callable, Sequence

from django.utils.safestring import SafeString

from .drawing import (
    CHARACTER_WIDTH,
    SERIES_COLOURS,
    WIDTH,
    Drawing,
    DrawnRow,
    Line,
    Shape,
    describe,
    draw,
    format_number,
    largest_value,
    legend_keys,
    series_fills,
)

GROUP_LABEL_HEIGHT = 20
GROUP_BAR_HEIGHT = 16
GROUP_BAR_GAP = 4
GROUP_GAP = 14
GROUP_LEGEND_HEIGHT = 30


def grouped_bar_chart(
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
    fills, patterns = series_fills(chart_id, count)
    names = [series[i] if i < len(series) else "" for i in range(count)]
    has_target = any(target is not None for _, _, target in normalised)

    def bar_text(value, index: int) -> str:
        # Each bar says its series as well as its value when there is more than one.
        return f"{show(value)} {names[index].lower()}".strip() if count > 1 else show(value)

    said_longest = max(
        [len(bar_text(v, i)) for _, values, _ in normalised for i, v in enumerate(values)] + [0]
    )
    value_room = min(WIDTH // 2, round(said_longest * CHARACTER_WIDTH) + 12)
    largest = largest_value(normalised)
    scale = (WIDTH - value_room) / largest if largest else 0

    keys = []
    if count > 1 or has_target:
        keys = [
            (name, fills[i], SERIES_COLOURS[i % len(SERIES_COLOURS)])
            for i, name in enumerate(names)
        ]
        if has_target:
            keys.append((f"Dashed line: {target_label.lower()}", "", ""))
    y = GROUP_LEGEND_HEIGHT if keys else 0
    drawn, said = [], []
    for label, values, target in normalised:
        row = DrawnRow(label, 0, y + 14)
        y += GROUP_LABEL_HEIGHT
        top = y
        figures = []
        for index, value in enumerate(values):
            width = round(float(value or 0) * scale, 1)
            stroke = SERIES_COLOURS[index % len(SERIES_COLOURS)]
            row.bars.append(Shape(0, y, width, GROUP_BAR_HEIGHT, fills[index], stroke))
            row.figures.append(Shape(width + 6, y + 12, text=bar_text(value, index)))
            figures.append(f"{names[index]}: {show(value)}" if count > 1 else show(value))
            y += GROUP_BAR_HEIGHT + GROUP_BAR_GAP
        if target is not None:
            x = round(float(target) * scale, 1)
            row.targets.append(Line(x, top - 3, y - GROUP_BAR_GAP + 3))
            figures.append(f"{target_label.lower()} {show(target)}")
        said.append(f"{label}: {', '.join(figures)}")
        drawn.append(row)
        y += GROUP_GAP
    drawing = Drawing(
        id=chart_id,
        title=title,
        description=describe(said),
        css_class="pei-chart",
        height=max(y, 1),
        rows=drawn,
        patterns=patterns,
        legend=legend_keys(keys),
        sized=True,
    )
    return draw(drawing)
