"""The circles view: three concentric rings (innermost = proches) with the count in each.

Clicking a ring filters the list on that circle (clicking it again clears the filter);
contacts dragged from the table onto a ring are moved into that circle.
"""

from __future__ import annotations

import json
import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from communitydesk.rules.circles import CIRCLE_ORDER, circle_description, circle_label
from communitydesk.ui.contacts.contact_table import MIME_TYPE
from communitydesk.ui.widgets.circles import circle_colour, circle_text_colour

# Same proportions as the dashboard's chart: a map of closeness, not a pie.
RADII = (0.36, 0.68, 1.0)
_HIGHLIGHT = QColor("#E3A33B")
_DIMMED_ALPHA = 90


def dropped_ids(data: object) -> list[int]:
    """Contact ids carried by a drag from the contacts table (empty if it is something else)."""
    from PySide6.QtCore import QMimeData

    if not isinstance(data, QMimeData) or not data.hasFormat(MIME_TYPE):
        return []
    try:
        ids = json.loads(bytes(data.data(MIME_TYPE).data()).decode())
    except ValueError:
        return []
    return [int(i) for i in ids if isinstance(i, int)]


class CircleRings(QWidget):
    circle_clicked = Signal(str)  # circle value
    contacts_dropped = Signal(list, str)  # contact ids, target circle

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("circleRings")
        self.counts: dict[str, int] = {}
        self.selected: str | None = None  # the circle the list is filtered on
        self._drop_target: str | None = None
        self.setAcceptDrops(True)
        self.setMouseTracking(True)
        self.setMinimumSize(220, 220)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(self.tr("Cercles"))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(280, 280)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return width

    # -- state ------------------------------------------------------------------------------

    def set_counts(self, counts: dict[str, int]) -> None:
        self.counts = dict(counts)
        parts = [f"{circle_label(c)} : {self.counts.get(c.value, 0)}" for c in CIRCLE_ORDER]
        self.setAccessibleDescription(", ".join(parts))
        self.update()

    def set_selected(self, circle: str | None) -> None:
        self.selected = circle
        self.update()

    def count_text(self, circle: str) -> str:
        if circle not in self.counts:
            return "–"
        from communitydesk.formatting import number

        return number(self.counts[circle])

    # -- geometry ---------------------------------------------------------------------------

    def _centre_and_radius(self) -> tuple[QPointF, float]:
        side = min(self.width(), self.height()) - 8
        return QPointF(self.width() / 2, self.height() / 2), side / 2

    def ring_at(self, position: QPointF) -> str | None:
        """The circle under ``position`` (the innermost disc counts as proches), or None outside."""
        centre, outer = self._centre_and_radius()
        distance = math.hypot(position.x() - centre.x(), position.y() - centre.y())
        for circle, fraction in zip(CIRCLE_ORDER, RADII, strict=True):
            if distance <= outer * fraction:
                return circle.value
        return None

    def ring_point(self, circle: str) -> QPointF:
        """A point inside ``circle``'s ring (for tests and keyboard-free drops)."""
        centre, outer = self._centre_and_radius()
        index = [c.value for c in CIRCLE_ORDER].index(circle)
        inner = outer * RADII[index - 1] if index else 0.0
        middle = (inner + outer * RADII[index]) / 2
        return QPointF(centre.x(), centre.y() + middle)

    # -- events -----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            circle = self.ring_at(event.position())
            if circle is not None:
                self.circle_clicked.emit(circle)
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        circle = self.ring_at(event.position())
        self.setToolTip(f"{circle_label(circle)} — {circle_description(circle)}" if circle else "")
        super().mouseMoveEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if dropped_ids(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        target = self.ring_at(event.position())
        if target != self._drop_target:
            self._drop_target = target
            self.update()
        if target is not None and dropped_ids(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:  # noqa: N802
        self._drop_target = None
        self.update()
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        target = self.ring_at(event.position())
        ids = dropped_ids(event.mimeData())
        self._drop_target = None
        self.update()
        if target is None or not ids:
            event.ignore()
            return
        # Copy, not move: the table must not try to remove the dragged rows itself.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.contacts_dropped.emit(ids, target)

    # -- drawing ----------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        centre, outer = self._centre_and_radius()
        for circle, fraction in reversed(list(zip(CIRCLE_ORDER, RADII, strict=True))):
            radius = outer * fraction
            colour = QColor(circle_colour(circle))
            if self.selected is not None and self.selected != circle.value:
                colour.setAlpha(_DIMMED_ALPHA)
            painter.setBrush(colour)
            painter.setPen(QPen(QColor("white"), 2))
            painter.drawEllipse(centre, radius, radius)
        for circle, fraction in zip(CIRCLE_ORDER, RADII, strict=True):
            if circle.value in (self.selected, self._drop_target):
                radius = outer * fraction
                pen = QPen(_HIGHLIGHT, 4 if circle.value == self._drop_target else 3)
                if circle.value != self._drop_target:
                    pen.setStyle(Qt.PenStyle.SolidLine)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(centre, radius - 2, radius - 2)

        name_font = QFont(self.font())
        name_font.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.9))
        count_font = QFont(self.font())
        count_font.setBold(True)
        count_font.setPointSizeF(self.font().pointSizeF() * 1.3)
        previous = 0.0
        for circle, fraction in zip(CIRCLE_ORDER, RADII, strict=True):
            radius = outer * fraction
            middle = (previous + radius) / 2 if previous else 0.0
            band = QRectF(centre.x() - radius, centre.y() - middle - 22, 2 * radius, 44)
            text_colour = QColor(circle_text_colour(circle))
            if self.selected is not None and self.selected != circle.value:
                text_colour = QColor("#1F3B34")
            painter.setPen(text_colour)
            painter.setFont(count_font)
            painter.drawText(
                band.adjusted(0, 0, 0, -18),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                self.count_text(circle.value),
            )
            painter.setFont(name_font)
            painter.drawText(
                band.adjusted(0, 24, 0, 0),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                circle_label(circle),
            )
            previous = radius
        painter.end()
