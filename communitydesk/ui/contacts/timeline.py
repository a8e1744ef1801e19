"""A contact's timeline: its touch points, its moves between circles and its merges, most recent first."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from communitydesk.ui.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from communitydesk.services.circle_moves import CircleMoveRecord
    from communitydesk.services.duplicates import MergeRecord
    from communitydesk.services.touch_points import TouchPointRecord

_CONTEXT = "TimelineModel"
_HEADERS = (
    QT_TRANSLATE_NOOP("TimelineModel", "Date"),
    QT_TRANSLATE_NOOP("TimelineModel", "Type"),
    QT_TRANSLATE_NOOP("TimelineModel", "Détail"),
    QT_TRANSLATE_NOOP("TimelineModel", "Par"),
)
_MOVE_COLOUR = QColor("#2E6B5E")


def timeline_header(section: int) -> str:
    """The title of a timeline column (Date, Type, Détail, Par), also the touch point dialog's labels."""
    return QCoreApplication.translate(_CONTEXT, _HEADERS[section])


@dataclass(frozen=True)
class TimelineEntry:
    when: datetime
    kind: str  # a touch kind value, "move" or "merge"
    label: str  # French label of the kind ("Appel", "Changement de cercle", "Fusion")
    text: str
    by: str
    touch_point_id: int | None = None


def timeline_entries(
    points: Sequence[TouchPointRecord],
    moves: Sequence[CircleMoveRecord],
    merges: Sequence[MergeRecord] = (),
    contact_id: int | None = None,
) -> list[TimelineEntry]:
    """Merge touch points, circle moves and the merges of ``contact_id``, most recent first
    (plain data: safe in a worker)."""
    from communitydesk.rules.circles import circle_label

    entries = [TimelineEntry(p.occurred_at, p.kind, p.label, p.summary, p.created_by, p.id) for p in points]
    move_label = QCoreApplication.translate("TimelineModel", "Changement de cercle")
    for move in moves:
        if move.from_circle is None:
            text = QCoreApplication.translate("TimelineModel", "Arrivée dans le cercle « {to} »").format(
                to=circle_label(move.to_circle)
            )
            label = QCoreApplication.translate("TimelineModel", "Arrivée")
        else:
            text = f"{circle_label(move.from_circle)} → {circle_label(move.to_circle)}"
            label = move_label
        if move.reason:
            text = f"{text} — {move.reason}"
        entries.append(TimelineEntry(move.moved_at, "move", label, text, move.moved_by))
    entries.extend(_merge_entries(merges, contact_id))
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries


def _merge_entries(merges: Sequence[MergeRecord], contact_id: int | None) -> list[TimelineEntry]:
    """A merge, and its undo if any (listed first: within the same second it still reads after)."""
    entries = []
    label = QCoreApplication.translate("TimelineModel", "Fusion")
    for merge in merges:
        if merge.undone_at is not None:
            undone = QCoreApplication.translate("TimelineModel", "Fusion annulée : les deux fiches sont séparées")
            entries.append(TimelineEntry(merge.undone_at, "merge", label, undone, merge.undone_by))
        if merge.absorbed_id == contact_id:
            text = QCoreApplication.translate("TimelineModel", "Fusionné dans le contact n° {id}").format(
                id=merge.kept_id
            )
        else:
            text = QCoreApplication.translate("TimelineModel", "Fusionné avec « {name} »").format(
                name=merge.absorbed_name
            )
        entries.append(TimelineEntry(merge.merged_at, "merge", label, text, merge.merged_by))
    return entries


class TimelineModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.entries: list[TimelineEntry] = []

    def set_entries(self, entries: list[TimelineEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(_HEADERS)
        ):
            return timeline_header(section)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == 0:
                from communitydesk.formatting import moment

                return moment(entry.when, "short")
            if index.column() == 1:
                return entry.label
            if index.column() == 2:
                return entry.text
            if index.column() == 3:
                return entry.by
        if role == Qt.ItemDataRole.ForegroundRole and entry.kind in ("move", "merge"):
            return _MOVE_COLOUR
        return None
