"""A read-only table model over a list of frozen records, described by its columns.

Every table of the campaign screens (campaigns, tiers, contributions, rewards to send)
is one of these: a column says its header, how to show a record and how to sort it
(``SORT_ROLE`` gives the raw value, so that 9 € sorts before 10 €, dates by date).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

Record = TypeVar("Record")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[Record]):
    header: str
    display: Callable[[Record], str]
    sort_key: Callable[[Record], Any] | None = None  # default: the displayed text
    align_right: bool = False
    colour: Callable[[Record], str | None] | None = None  # foreground, e.g. grey for refunded


class RecordTableModel(QAbstractTableModel, Generic[Record]):
    def __init__(self, columns: Sequence[Column[Record]], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.records: list[Record] = []

    def set_records(self, records: Sequence[Record]) -> None:
        self.beginResetModel()
        self.records = list(records)
        self.endResetModel()

    def record(self, row: int) -> Record:
        return self.records[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.records)):
            return None
        record = self.records[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.display(record)
        if role == SORT_ROLE:
            value = column.sort_key(record) if column.sort_key is not None else column.display(record)
            return value if isinstance(value, (int, float, str)) else str(value)
        if role == RECORD_ROLE:
            return record
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column.align_right else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            colour = column.colour(record)
            return QColor(colour) if colour else None
        return None

    def headerData(  # noqa: N802 - Qt's name
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header if 0 <= section < len(self.columns) else None
        return None


class RecordSortProxy(QSortFilterProxyModel):
    """Sorts on SORT_ROLE and filters on a case- and accent-insensitive text over every column."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._needle = ""
        self._accept: Callable[[Any], bool] | None = None

    def set_text(self, text: str) -> None:
        from communitydesk.rules.contact_keys import fold

        self.beginFilterChange()
        self._needle = fold(text)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_predicate(self, accept: Callable[[Any], bool] | None) -> None:
        """An extra test on the record (e.g. its status), None for none."""
        self.beginFilterChange()
        self._accept = accept
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        if model is None:
            return True
        record = model.data(model.index(source_row, 0, source_parent), RECORD_ROLE)
        if self._accept is not None and not self._accept(record):
            return False
        if not self._needle:
            return True
        from communitydesk.rules.contact_keys import fold

        texts = (
            str(model.data(model.index(source_row, c, source_parent)) or "")
            for c in range(model.columnCount(source_parent))
        )
        return any(self._needle in fold(text) for text in texts)


def record_view(proxy: RecordSortProxy, name: str, sort_column: int = 0, descending: bool = False) -> QTableView:
    """A sortable table of whole rows, one chosen at a time, its columns as wide as their contents."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(sort_column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


def selected_record_id(view: QTableView) -> int | None:
    """The ``id`` of the record chosen in a ``record_view`` (None when none is)."""
    rows = view.selectionModel().selectedRows()
    record = view.model().data(rows[0], RECORD_ROLE) if rows else None
    return None if record is None else int(record.id)


def select_record(view: QTableView, record_id: int) -> bool:
    """Choose the shown record whose ``id`` is ``record_id`` and scroll to it; False when it is not shown."""
    model = view.model()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if model.data(index, RECORD_ROLE).id == record_id:
            view.selectRow(row)
            view.scrollTo(index)
            return True
    return False
