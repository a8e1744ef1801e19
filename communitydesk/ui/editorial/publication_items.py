"""How a publication looks and travels in the calendar: its line, its colours, its drag payload.

A publication is dragged as its id under one MIME type; whatever receives it (a day of the
month or week grid, the ideas backlog) reads the id back with :func:`publication_id_from_mime`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QMimeData, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter
from PySide6.QtWidgets import (
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from communitydesk.records.editorial import PublicationRecord
from communitydesk.rules.editorial import Network, PublicationStatus
from communitydesk.ui.widgets.id_drag import IdDragList, id_from_mime, id_mime

MIME_TYPE = "application/x-communitydesk-publication"
PUBLICATION_ROLE = Qt.ItemDataRole.UserRole + 10
COLOUR_ROLE = Qt.ItemDataRole.UserRole + 11
NO_PILLAR_COLOUR = "#9AA5A0"
Index = QModelIndex | QPersistentModelIndex
DropHandler = Callable[[int, date | None], object]
OpenHandler = Callable[[PublicationRecord], object]
NewHandler = Callable[[date | None], object]

# A tag short enough for a month cell, the way each network brands itself.
NETWORK_TAGS = {
    Network.LINKEDIN: "in",
    Network.FACEBOOK: "fb",
    Network.INSTAGRAM: "ig",
    Network.X: "X",
    Network.YOUTUBE: "yt",
    Network.NEWSLETTER: "✉",
    Network.BLOG: "web",
}

# A mark for where a post stands, so the month can be read without opening anything
# (characters every usual font has: no emoji).
STATUS_MARKS = {
    PublicationStatus.IDEE: "○",
    PublicationStatus.A_REDIGER: "✏",
    PublicationStatus.A_VALIDER: "⚑",
    PublicationStatus.PRETE: "●",
    PublicationStatus.PUBLIEE: "✓",
    PublicationStatus.ABANDONNEE: "✗",
}


def legend() -> str:
    """What the marks and tags of the cells mean, on one line under the filters."""
    statuses = "  ".join(f"{STATUS_MARKS[s]} {s.label()}" for s in PublicationStatus)
    networks = "  ".join(f"{NETWORK_TAGS[n]} {n.label()}" for n in Network)
    return f"{statuses}    ·    {networks}"


def network_tags(networks: tuple[str, ...]) -> str:
    return " ".join(NETWORK_TAGS.get(Network(n), n) if n in Network._value2member_map_ else n for n in networks)


def network_names(networks: tuple[str, ...]) -> str:
    return ", ".join(Network(n).label() if n in Network._value2member_map_ else n for n in networks)


def status_label(status: str) -> str:
    return PublicationStatus(status).label() if status in PublicationStatus._value2member_map_ else status


def item_text(record: PublicationRecord, *, with_time: bool = False) -> str:
    parts = [STATUS_MARKS.get(PublicationStatus(record.status), "") if record.status in STATUS_MARKS else ""]
    if with_time and record.planned_time is not None:
        parts.append(record.planned_time.strftime("%H:%M"))
    tags = network_tags(record.networks)
    if tags:
        parts.append(f"[{tags}]")
    parts.append(record.title or "…")
    return " ".join(part for part in parts if part)


def mime_for(publication_id: int) -> QMimeData:
    return id_mime(MIME_TYPE, publication_id)


def publication_id_from_mime(mime: QMimeData) -> int | None:
    return id_from_mime(MIME_TYPE, mime)


class PublicationDelegate(QStyledItemDelegate):
    """A publication's line with its pillar's colour as a stripe on the left and a light wash."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        colour = QColor(index.data(COLOUR_ROLE) or NO_PILLAR_COLOUR)
        painter.save()
        rect = QRect(option.rect)
        wash = QColor(colour)
        wash.setAlpha(55)
        painter.fillRect(rect.adjusted(0, 1, 0, -1), wash)
        painter.fillRect(QRect(rect.left(), rect.top() + 1, 4, rect.height() - 2), colour)
        painter.restore()
        shifted = QStyleOptionViewItem(option)
        shifted.rect = rect.adjusted(6, 0, 0, 0)
        if not (option.state & QStyle.StateFlag.State_Selected):
            shifted.backgroundBrush = QBrush(Qt.BrushStyle.NoBrush)
        super().paint(painter, shifted, index)


class PublicationList(IdDragList):
    """Publications of one day (or of the backlog, ``day`` None), dragged out and dropped in by id.

    A drop is reported by ``on_drop(publication_id, day)``; :meth:`accept_mime` is what a real
    drop calls, and what tests call (a real drag blocks an offscreen test).
    """

    def __init__(
        self,
        day: date | None,
        on_drop: DropHandler,
        on_open: OpenHandler,
        on_new: NewHandler | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.day = day
        self._on_drop = on_drop
        self._on_new = on_new
        self.setItemDelegate(PublicationDelegate(self))
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.itemDoubleClicked.connect(lambda item: on_open(item.data(PUBLICATION_ROLE)))

    def set_publications(self, records: list[PublicationRecord], *, with_time: bool = False) -> None:
        self.clear()
        for record in records:
            item = QListWidgetItem(item_text(record, with_time=with_time))
            item.setData(PUBLICATION_ROLE, record)
            item.setData(COLOUR_ROLE, record.pillar_colour or NO_PILLAR_COLOUR)
            tip = [record.title, network_names(record.networks), status_label(record.status)]
            if record.pillar_name:
                tip.append(record.pillar_name)
            tip.extend(record.warnings)
            item.setToolTip("\n".join(part for part in tip if part))
            if record.status == PublicationStatus.ABANDONNEE:
                font = item.font()
                font.setStrikeOut(True)
                item.setFont(font)
            self.addItem(item)

    def records(self) -> list[PublicationRecord]:
        return [self.item(row).data(PUBLICATION_ROLE) for row in range(self.count())]

    def selected_record(self) -> PublicationRecord | None:
        items = self.selectedItems()
        return items[0].data(PUBLICATION_ROLE) if items else None

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        # On a post: open it (itemDoubleClicked); on the day's free space: a new post that day.
        if self.itemAt(event.position().toPoint()) is None and self._on_new is not None:
            self._on_new(self.day)
            return
        super().mouseDoubleClickEvent(event)

    # -- drag and drop ----------------------------------------------------------------------

    mime_type = MIME_TYPE

    def item_id(self, item: QListWidgetItem) -> int | None:
        record = item.data(PUBLICATION_ROLE)
        return record.id if record is not None else None

    def accept_mime(self, mime: QMimeData) -> bool:
        publication_id = publication_id_from_mime(mime)
        if publication_id is None:
            return False
        if any(record.id == publication_id for record in self.records()):
            return False  # dropped where it already is
        self._on_drop(publication_id, self.day)
        return True
