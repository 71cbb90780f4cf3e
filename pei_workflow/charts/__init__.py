"""Charts drawn on the server as SVG: no JavaScript, nothing from outside the site.

They follow the ONS and GOV.UK guidance on charts: a title that states the finding (the
caller writes it: "2 of 3 outcomes have met their target"), the figures as a table first, so
that a screen reader meets the data before the picture, then the picture with a text
alternative (`role="img"`, its `<title>` and `<desc>`), every bar labelled with its figure,
and patterns and lines as well as colour (a second series striped, a third dotted, a
shortfall against a target striped, a target a dashed line named in the legend), in GOV.UK
colours of at least 3:1 against white (WCAG 2.2, 1.4.11). Every text goes through Django's
template escaping.

Two charts, drawn by one template (`charts/drawing.html`: the frame, its text alternative,
patterns, legend, labelled bars, target lines and axis) from what `drawing.py` places (the
GOV.UK colours, the scales, the figures in words, the text alternative), so they look and
read alike:

    bar_chart(title, rows=[(label, value, target_or_None), ...], unit="families")

a commissioned project's progress: one bar per row against its target, with the figures'
table before it, as a `<figure>` (pages that show one link `pei_workflow/charts.css`);

    grouped_bar_chart(title, rows=[(label, values, target_or_None), ...], chart_id=...,
                      series=("Gaps", "CAF escalations"))

a casework report's section: a group of bars per row, one per series, as an `<svg>` (the
report puts the section's table before it). Both return a SafeString for a template.
"""

from .drawing import format_number, nice_scale
from .groups import grouped_bar_chart
from .targets import bar_chart

__all__ = ["bar_chart", "format_number", "grouped_bar_chart", "nice_scale"]
