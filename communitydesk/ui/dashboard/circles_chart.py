"""Three concentric circles, innermost = proches, with the number of contacts in each ring."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from communitydesk.rules.circles import CIRCLE_ORDER, circle_label
from communitydesk.ui.widgets.circles import circle_colour, circle_text_colour

# Radii as fractions of the outer one. Not proportional to the counts on purpose: the
# inner circle would shrink to a dot, and the drawing is a map of closeness, not a pie.
_RADII = (0.36, 0.68, 1.0)
# Qt.AlignHCenter|Qt.AlignBottom and Qt.AlignHCenter|Qt.AlignTop as plain ints: drawn when the
# first figures arrive, where touching the Qt namespace would cost ~40 ms of enum building.
_CENTRE_BOTTOM = 0x0004 | 0x0040
_CENTRE_TOP = 0x0004 | 0x0020


class ConcentricCirclesChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts: dict[str, str] = {}  # circle value → formatted count
        self.setMinimumSize(220, 220)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(250, 250)

    def set_counts(self, counts: dict[str, str]) -> None:
        self.counts = dict(counts)
        self.setAccessibleDescription(", ".join(f"{circle_label(c)} : {counts.get(c.value, '')}" for c in CIRCLE_ORDER))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height()) - 8
        centre = QPointF(self.width() / 2, self.height() / 2)
        outer = side / 2
        painter.setPen(QPen(QColor("white"), 2))
        for circle, fraction in reversed(list(zip(CIRCLE_ORDER, _RADII, strict=True))):
            radius = outer * fraction
            painter.setBrush(circle_colour(circle))
            painter.drawEllipse(centre, radius, radius)

        name_font = QFont(self.font())
        name_font.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.9))
        count_font = QFont(self.font())
        count_font.setBold(True)
        count_font.setPointSizeF(self.font().pointSizeF() * 1.25)
        previous = 0.0
        for circle, fraction in zip(CIRCLE_ORDER, _RADII, strict=True):
            radius = outer * fraction
            # Text sits in the band of the ring above the centre (in the disc for proches).
            middle = (previous + radius) / 2 if previous else 0.0
            band = QRectF(centre.x() - radius, centre.y() - middle - 22, 2 * radius, 44)
            painter.setPen(circle_text_colour(circle))
            painter.setFont(count_font)
            painter.drawText(band.adjusted(0, 0, 0, -18), _CENTRE_BOTTOM, self.counts.get(circle.value, "–"))
            painter.setFont(name_font)
            painter.drawText(band.adjusted(0, 24, 0, 0), _CENTRE_TOP, circle_label(circle))
            previous = radius
        painter.end()
