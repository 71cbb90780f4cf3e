"""What every chart is drawn with: GOV.UK colours, the shapes `charts/drawing.html` draws,
figures in words, scales, patterns, the legend and the text alternative."""

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

Number = int | float | Decimal

# GOV.UK colours: blue 5.2:1, dark blue 12.8:1 and dark grey 7:1 against white; black text.
BLUE = "#1d70b8"
DARK_BLUE = "#003078"
DARK_GREY = "#505a5f"
TEXT_COLOUR = "#0b0c0c"
SERIES_COLOURS = (BLUE, DARK_BLUE, DARK_GREY)

# The drawing's own units (the viewBox); a bar chart's SVG scales to the width of the page.
WIDTH = 760
CHARACTER_WIDTH = 8  # about the width of a character of the drawing's 14px text
LONGEST_LABEL = 85  # characters of a row's label the drawing shows; the table has them all

# Where a scale may end (times a power of ten), and in how many steps.
SCALES = ((1, 5), (1.5, 3), (2, 4), (2.5, 5), (3, 3), (4, 4), (5, 5), (6, 3), (8, 4), (10, 5))


@dataclass(frozen=True)
class Shape:
    """A bar, a legend's swatch, or a text: every number placed, every text written."""

    x: float
    y: float
    width: float = 0
    height: float = 0
    fill: str = ""
    stroke: str = ""
    text: str = ""


@dataclass(frozen=True)
class Line:
    """A target (dashed, on a white edge so that it shows where it crosses a bar)."""

    x: float
    top: float
    bottom: float


@dataclass(frozen=True)
class Axis:
    """A scale along the foot of the bars, with its ticks (`Drawing.ticks`)."""

    y: float
    start: float
    end: float

    @property
    def tick_bottom(self) -> float:
        return self.y + 6

    @property
    def label_y(self) -> float:
        return self.y + 22


@dataclass
class DrawnRow:
    label: str
    label_x: float
    label_y: float
    bars: list[Shape] = field(default_factory=list)
    figures: list[Shape] = field(default_factory=list)
    targets: list[Line] = field(default_factory=list)

    @property
    def short_label(self) -> str:
        if len(self.label) <= LONGEST_LABEL:
            return self.label
        return self.label[: LONGEST_LABEL - 1].rstrip() + "…"


@dataclass
class Drawing:
    """What `charts/drawing.html` draws."""

    id: str
    title: str
    description: str
    css_class: str
    height: float
    rows: list[DrawnRow]
    patterns: list[dict] = field(default_factory=list)
    legend: list[dict] = field(default_factory=list)
    ticks: list[Shape] = field(default_factory=list)
    axis: Axis | None = None
    sized: bool = False  # width and height given, rather than the width of the page
    width: int = WIDTH
    colours: dict = field(
        default_factory=lambda: {"text": TEXT_COLOUR, "axis": DARK_GREY, "white": "#ffffff"}
    )


def format_number(value, unit: str = "") -> str:
    """A figure as people write it: 1,250; 12.5 (no trailing zeros; a fraction to one
    place); "none" for no figure; with its unit if any."""
    if value is None:
        return "none"
    if isinstance(value, float):
        text = f"{value:,.1f}".removesuffix(".0")
    elif isinstance(value, Decimal):
        text = (
            f"{int(value):,}" if value == value.to_integral_value() else f"{value.normalize():,f}"
        )
    else:
        text = f"{value:,}"
    return f"{text} {unit}".strip()


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


def largest_value(rows: Sequence[tuple[str, Sequence, object]]) -> float:
    return max(
        [float(value or 0) for _, values, _ in rows for value in values]
        + [float(target) for _, _, target in rows if target is not None]
        + [0.0]
    )


def describe(said: Sequence[str], unit: str = "", ending: str = "") -> str:
    """The text alternative: every row's figures, in words."""
    if not said:
        return "No figures."
    what = f" ({unit})" if unit else ""
    return " ".join([f"Bar chart{what}.", *(f"{part}." for part in said), ending]).strip()


def series_fills(chart_id: str, count: int) -> tuple[list[str], list[dict]]:
    """Each series' fill and the patterns they need: the first solid, the second striped,
    the third dotted (then the colours come round again, striped and dotted)."""
    fills, patterns = [], []
    for index in range(count):
        colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        if index == 0:
            fills.append(colour)
            continue
        pattern = {
            "id": f"{chart_id}-pattern-{index}",
            "kind": "stripes" if index % 2 else "dots",
            "colour": colour,
        }
        patterns.append(pattern)
        fills.append(f"url(#{pattern['id']})")
    return fills, patterns


def legend_keys(keys: Sequence[tuple[str, str, str]]) -> list[dict]:
    """The legend's keys, (label, fill, stroke) each, a fill of "" for the target's dashed
    line, placed one after another along the top."""
    placed, x = [], 4
    for label, fill, stroke in keys:
        placed.append(
            {
                "x": x,
                "line_x": x + 9,
                "text_x": x + 26,
                "label": label,
                "fill": fill,
                "stroke": stroke,
            }
        )
        x += 26 + CHARACTER_WIDTH * len(label) + 24
    return placed


def draw(drawing: Drawing) -> SafeString:
    return render_to_string("pei_workflow/charts/drawing.html", {"drawing": drawing})
