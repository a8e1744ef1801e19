"""The pace chart: cumulative amount per day against the straight line to the goal and the projection.

Drawn with QPainter (no QtCharts: one widget, fast to build, exact French formatting of
the axis labels through ``communitydesk.formatting``).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from communitydesk import formatting

DaySeries = list[tuple[date, int]]

COLLECTED = QColor("#2E6B5E")
GOAL_LINE = QColor("#9A9A9A")
PROJECTION = QColor("#E3A33B")
GRID = QColor("#ECE9E2")


def _nice_step(span: float, ticks: int = 4) -> float:
    """1, 2 or 5 times a power of ten, so that the axis reads 0, 500 €, 1 000 €..."""
    if span <= 0:
        return 1.0
    raw = span / ticks
    power = 10 ** len(str(int(raw))) / 10
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def short_money(cents: int) -> str:
    """Whole euros for axis labels: ``1 234 €`` (``€1,234`` in English)."""
    return formatting.whole_money(cents)


class CampaignPaceChart(QWidget):
    """Three day series; the goal drawn as a dashed horizontal line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("campaignPaceChart")
        self.setMinimumSize(420, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.cumulative: DaySeries = []
        self.goal_line: DaySeries = []
        self.projection: DaySeries = []
        self.goal_cents = 0
        self.setAccessibleName(self.tr("Rythme de collecte"))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(640, 300)

    def set_series(self, cumulative: DaySeries, goal_line: DaySeries, projection: DaySeries, goal_cents: int) -> None:
        self.cumulative, self.goal_line, self.projection = list(cumulative), list(goal_line), list(projection)
        self.goal_cents = goal_cents
        self.setToolTip(self.describe())
        self.update()

    def describe(self) -> str:
        """The chart in words (tooltip and accessibility)."""
        if not self.cumulative:
            return self.tr("Aucune contribution pour l'instant.")
        day, amount = self.cumulative[-1]
        text = self.tr("{amount} collectés au {day}").format(
            amount=formatting.money(amount), day=formatting.day(day, "short")
        )
        if self.projection:
            text += " — " + self.tr("projection au rythme actuel : {amount} le {day}").format(
                amount=formatting.money(self.projection[-1][1]), day=formatting.day(self.projection[-1][0], "short")
            )
        return text

    # -- drawing ------------------------------------------------------------------------------

    def _days(self) -> tuple[date, date] | None:
        days = [d for series in (self.cumulative, self.goal_line, self.projection) for d, _v in series]
        if not days:
            return None
        return min(days), max(days)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        span = self._days()
        font = QFont(self.font())
        font.setPointSizeF(max(7.5, font.pointSizeF() * 0.9))
        painter.setFont(font)
        if span is None:
            painter.setPen(QColor("#777"))
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                self.tr("Le rythme de collecte s'affichera dès la première contribution."),
            )
            painter.end()
            return
        first, last = span
        values = [v for series in (self.cumulative, self.goal_line, self.projection) for _d, v in series]
        highest = max([*values, self.goal_cents, 100])
        step = _nice_step(highest)
        top_value = step * (int(highest / step) + (0 if highest % step == 0 else 1))
        metrics = painter.fontMetrics()
        label_width = max(metrics.horizontalAdvance(short_money(int(step * n))) for n in range(6)) + 10
        plot = QRectF(label_width + 6, 34, self.width() - label_width - 22, self.height() - 34 - 30)
        day_count = max((last - first).days, 1)

        def point(day: date, value: float) -> QPointF:
            x = plot.left() + plot.width() * (day - first).days / day_count
            y = plot.bottom() - plot.height() * value / top_value
            return QPointF(x, y)

        # Grid and money axis.
        painter.setPen(QPen(GRID, 1))
        value = 0.0
        while value <= top_value + 0.5:
            y = plot.bottom() - plot.height() * value / top_value
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor("#666"))
            painter.drawText(
                QRectF(0, y - 8, label_width, 16),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                short_money(int(value)),
            )
            value += step
        # Date axis: first, middle, last day.
        painter.setPen(QColor("#666"))
        for day in sorted({first, first + (last - first) / 2, last}):
            x = point(day, 0).x()
            painter.drawText(
                QRectF(x - 40, plot.bottom() + 6, 80, 18),
                int(Qt.AlignmentFlag.AlignHCenter),
                formatting.day(day, "short")[:5],
            )
        # Goal as a horizontal dashed line.
        if self.goal_cents > 0:
            pen = QPen(GOAL_LINE, 1, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            y = point(first, self.goal_cents).y()
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))

        self._polyline(painter, [point(d, v) for d, v in self.goal_line], QPen(GOAL_LINE, 1.5))
        self._polyline(painter, [point(d, v) for d, v in self.projection], QPen(PROJECTION, 2, Qt.PenStyle.DashLine))
        collected = [point(d, v) for d, v in self.cumulative]
        if collected:
            area = QPainterPath(QPointF(collected[0].x(), plot.bottom()))
            for p in collected:
                area.lineTo(p)
            area.lineTo(QPointF(collected[-1].x(), plot.bottom()))
            fill = QColor(COLLECTED)
            fill.setAlpha(40)
            painter.fillPath(area, fill)
        self._polyline(painter, collected, QPen(COLLECTED, 2.5))
        self._legend(painter)
        painter.end()

    @staticmethod
    def _polyline(painter: QPainter, points: list[QPointF], pen: QPen) -> None:
        if len(points) < 2:
            if points:
                painter.setPen(pen)
                painter.drawEllipse(points[0], 2.5, 2.5)
            return
        path = QPainterPath(points[0])
        for p in points[1:]:
            path.lineTo(p)
        painter.setPen(pen)
        painter.drawPath(path)

    def _legend(self, painter: QPainter) -> None:
        entries = [
            (COLLECTED, Qt.PenStyle.SolidLine, self.tr("Collecté (cumul par jour)")),
            (GOAL_LINE, Qt.PenStyle.SolidLine, self.tr("Ligne droite vers l'objectif")),
            (PROJECTION, Qt.PenStyle.DashLine, self.tr("Projection au rythme actuel")),
        ]
        x = 10.0
        metrics = painter.fontMetrics()
        for colour, style, text in entries:
            painter.setPen(QPen(colour, 2.5, style))
            painter.drawLine(QPointF(x, 16), QPointF(x + 22, 16))
            painter.setPen(QColor("#333"))
            painter.drawText(QPointF(x + 28, 20), text)
            x += 28 + metrics.horizontalAdvance(text) + 18
