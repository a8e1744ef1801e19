"""Lists whose items are dragged and dropped as an integer id under one MIME type.

A subclass says its MIME type and an item's id; whatever receives the drop reads the id back
with :func:`id_from_mime`, and every drop ends in ``accept_mime``: what a real drop calls, and
what tests call (a real drag blocks an offscreen test). Qt never moves the item itself: the
list is rebuilt from the base once the move is saved.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QMimeData, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget


def id_mime(mime_type: str, value: int) -> QMimeData:
    mime = QMimeData()
    mime.setData(mime_type, QByteArray(str(value).encode("ascii")))
    return mime


def id_from_mime(mime_type: str, mime: QMimeData) -> int | None:
    if not mime.hasFormat(mime_type):
        return None
    text = bytes(mime.data(mime_type).data()).decode("ascii", "replace")
    return int(text) if text.isdigit() else None


class IdDragList(QListWidget):
    mime_type = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropMode(QListWidget.DragDropMode.DragDrop)
        self.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def item_id(self, item: QListWidgetItem) -> int | None:  # pragma: no cover - every list overrides it
        raise NotImplementedError

    def accept_mime(self, mime: QMimeData) -> bool:  # pragma: no cover - every list overrides it
        raise NotImplementedError

    def ids(self) -> list[int | None]:
        return [self.item_id(self.item(row)) for row in range(self.count())]

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt's name
        return [self.mime_type]

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:  # noqa: N802
        value = self.item_id(items[0]) if items else None
        return id_mime(self.mime_type, value) if value is not None else QMimeData()

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasFormat(self.mime_type):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if event.mimeData().hasFormat(self.mime_type):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        if self.accept_mime(event.mimeData()):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()
