"""Charts drawn with reportlab.graphics (vector, embedded font): bars, lines, pie.

Each function returns a Drawing, which is a flowable. Values of zero everywhere still draw
a clean empty axis (ReportLab fails on a value axis with no range).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.colors import Color

from communitydesk.formatting import number, percent
from communitydesk.reports.fonts import SANS, ensure_family
from communitydesk.reports.styles import INK, MUTED, RULE, WHITE

# Each chart kind is imported by the function that draws it: a document pays only for the
# kinds it shows (the bar and pie modules cost more to import than drawing a chart).
if TYPE_CHECKING:
    from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
    from reportlab.graphics.charts.linecharts import HorizontalLineChart

# A None value leaves a gap (a line chart's series may start or stop within the categories).
Series = Sequence[tuple[str, Sequence[float | None]]]


def _nice_max(value: float) -> float:
    """An axis maximum a little above ``value``, on a round number."""
    if value <= 0:
        return 4
    magnitude = 10 ** (len(str(int(value))) - 1)
    # Past 100, finer steps keep quarters whole (0, 3 000, 6 000...) without wasted height: 9 975 → 12 000.
    # 12 and 20: a value just under the next power of ten gets a round top, not a broken 10 972.5.
    steps = (1, 1.2, 1.6, 2, 2.5, 3, 4, 5, 6, 8, 10, 12, 16, 20) if magnitude >= 100 else (1, 2, 2.5, 5, 10, 20)
    for step in steps:
        top = step * magnitude
        if top >= value * 1.05:
            return top
    return value * 1.1


def _integer_labels(value: float) -> str:
    return number(round(value)) if abs(value - round(value)) < 1e-9 else ""


def _style_axes(chart: VerticalBarChart | HorizontalBarChart | HorizontalLineChart, size: float) -> None:
    font = ensure_family(SANS)
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = font
        axis.labels.fontSize = size
        axis.labels.fillColor = INK
        axis.strokeColor = RULE
        axis.strokeWidth = 0.5
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.valueAxis.labelTextFormat = _integer_labels
    chart.categoryAxis.visibleTicks = 0


def _value_axis(chart: VerticalBarChart | HorizontalBarChart | HorizontalLineChart, series: Series) -> None:
    top = max((max((v for v in values if v is not None), default=0) for _name, values in series), default=0)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _nice_max(top)
    steps = 4 if chart.valueAxis.valueMax >= 4 else int(chart.valueAxis.valueMax) or 1
    chart.valueAxis.valueStep = chart.valueAxis.valueMax / steps


def _legend(drawing: Drawing, series: Series, palette: Sequence[Color], x: float, y: float, columns: int = 1) -> None:
    from reportlab.graphics.charts.legends import Legend

    legend = Legend()
    legend.fontName = ensure_family(SANS)
    legend.fontSize = 7.5
    legend.x, legend.y = round(x), round(y)
    legend.alignment = "right"
    legend.boxAnchor = "nw"
    legend.dx = legend.dy = 7
    legend.deltay = 11
    legend.columnMaximum = max(1, -(-len(series) // columns))
    legend.colorNamePairs = [(palette[i], name) for i, (name, _values) in enumerate(series)]
    legend.strokeColor = None
    drawing.add(legend)


def bar_chart(
    categories: Sequence[str],
    series: Series,
    colours: Sequence[Color],
    width: float,
    height: float,
    *,
    label_every: int = 1,
    show_values: bool = True,
    legend: bool = True,
) -> Drawing:
    """Vertical bars, one group per category, one bar per series (with a legend if several)."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart

    drawing = Drawing(width, height, initialFontName=ensure_family(SANS))
    chart = VerticalBarChart()
    legend_width = 95 if legend and len(series) > 1 else 0
    chart.x, chart.y = 34, 22
    chart.width, chart.height = round(width - chart.x - 8 - legend_width), round(height - chart.y - 10)
    chart.data = [list(values) for _name, values in series] or [[0]]
    chart.categoryAxis.categoryNames = [c if i % label_every == 0 else "" for i, c in enumerate(categories)]
    _style_axes(chart, 7)
    _value_axis(chart, series)
    chart.barSpacing = 1
    chart.groupSpacing = 6 if len(categories) < 20 else 2
    for index in range(len(chart.data)):
        chart.bars[index].fillColor = colours[index]
        chart.bars[index].strokeColor = None
    if show_values and len(categories) * max(1, len(series)) <= 24:
        chart.barLabelFormat = _integer_labels
        chart.barLabels.fontName = ensure_family(SANS)
        chart.barLabels.fontSize = 6.5
        chart.barLabels.fillColor = MUTED
        chart.barLabels.nudge = 5
    drawing.add(chart)
    if legend_width:
        _legend(drawing, series, colours, width - legend_width + 12, height - 8)
    return drawing


def horizontal_bar_chart(
    categories: Sequence[str], values: Sequence[float], colour: Color, width: float, *, bar_height: float = 13
) -> Drawing:
    """One bar per category, labels on the left, the value at the end of each bar."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart

    height = max(40.0, len(categories) * bar_height + 26)
    drawing = Drawing(width, height, initialFontName=ensure_family(SANS))
    if not categories:
        drawing.add(String(width / 2, height / 2, "—", fontName=ensure_family(SANS), fontSize=10, fillColor=MUTED))
        return drawing
    chart = HorizontalBarChart()
    chart.x, chart.y = round(min(150.0, width * 0.38)), 16
    chart.width, chart.height = round(width - chart.x - 30), round(height - chart.y - 6)
    # Listed top to bottom in the given order (the chart draws the first category at the bottom).
    chart.data = [list(reversed(values)) or [0]]
    chart.categoryAxis.categoryNames = list(reversed(categories)) or [""]
    _style_axes(chart, 7.5)
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    _value_axis(chart, [("", values)])
    chart.bars[0].fillColor = colour
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = _integer_labels
    chart.barLabels.fontName = ensure_family(SANS)
    chart.barLabels.fontSize = 7
    chart.barLabels.fillColor = INK
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def line_chart(
    categories: Sequence[str],
    series: Series,
    colours: Sequence[Color],
    width: float,
    height: float,
    *,
    label_every: int = 1,
    dashed: Sequence[int] = (),
) -> Drawing:
    """One line per series over shared categories (months, weeks), legend on the right.

    Series whose index is in ``dashed`` are drawn dashed (a target, a projection).
    """
    from reportlab.graphics.charts.linecharts import HorizontalLineChart

    drawing = Drawing(width, height, initialFontName=ensure_family(SANS))
    chart = HorizontalLineChart()
    legend_width = 95 if len(series) > 1 else 0
    chart.x, chart.y = 38, 22
    chart.width, chart.height = round(width - chart.x - 10 - legend_width), round(height - chart.y - 10)
    chart.data = [list(values) for _name, values in series] or [[0]]
    chart.categoryAxis.categoryNames = [c if i % label_every == 0 else "" for i, c in enumerate(categories)]
    chart.categoryAxis.labels.angle = 0
    _style_axes(chart, 7)
    _value_axis(chart, series)
    chart.joinedLines = 1
    for index in range(len(chart.data)):
        chart.lines[index].strokeColor = colours[index]
        chart.lines[index].strokeWidth = 1.8
        chart.lines[index].symbol = None
        if index in dashed:
            chart.lines[index].strokeDashArray = [4, 3]
            chart.lines[index].strokeWidth = 1.3
    drawing.add(chart)
    if legend_width:
        _legend(drawing, series, colours, width - legend_width + 12, height - 8)
    return drawing


def pie_chart(
    items: Sequence[tuple[str, float]],
    colours: Sequence[Color],
    width: float,
    height: float,
    *,
    value_text: Callable[[float], str] = lambda v: number(int(v)),
) -> Drawing:
    """A pie with a legend (label and value) beside it; small slices stay readable in the legend."""
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.charts.piecharts import Pie

    drawing = Drawing(width, height, initialFontName=ensure_family(SANS))
    values = [value for _label, value in items]
    if not values or sum(values) <= 0:
        drawing.add(String(width / 2, height / 2, "—", fontName=ensure_family(SANS), fontSize=10, fillColor=MUTED))
        return drawing
    pie = Pie()
    size = round(min(height - 12, width * 0.45))
    pie.x, pie.y = 8, round((height - size) / 2)
    pie.width = pie.height = size
    pie.data = values
    pie.labels = None
    pie.sideLabels = 0
    pie.simpleLabels = 1
    pie.slices.strokeColor = WHITE
    pie.slices.strokeWidth = 1
    for index in range(len(values)):
        pie.slices[index].fillColor = colours[index]
    drawing.add(pie)
    total = sum(values)
    legend = Legend()
    legend.fontName = ensure_family(SANS)
    legend.fontSize = 7.5
    legend.x, legend.y = pie.x + size + 22, round(height - 6)
    legend.boxAnchor = "nw"
    legend.alignment = "right"
    legend.dx = legend.dy = 7
    legend.deltay = 11
    legend.columnMaximum = 12
    legend.strokeColor = None
    legend.colorNamePairs = [
        (colours[i], f"{label} — {value_text(value)} ({percent(value / total)})")
        for i, (label, value) in enumerate(items)
    ]
    drawing.add(legend)
    return drawing
