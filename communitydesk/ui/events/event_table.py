"""The list of events: a sortable table with coming / past / all, a kind and a text filter.

The kind is a filter, not a column, and the place a hidden column the search still reads: the
names stay readable beside the event's sheet."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLineEdit, QVBoxLayout, QWidget

from communitydesk import formatting
from communitydesk.records.events import EventRow
from communitydesk.rules.events import EventKind
from communitydesk.ui.campaigns.record_table import (
    RECORD_ROLE,
    Column,
    RecordSortProxy,
    RecordTableModel,
    record_view,
    select_record,
    selected_record_id,
)

WHEN = ("coming", "past", "all")
NAME_COLUMN, PLACE_COLUMN = 1, 2


def when_text(row: EventRow) -> str:
    day = formatting.day(row.starts_on, "short")
    return f"{day} {row.starts_time:%H:%M}" if row.starts_time else day


def event_columns() -> list[Column[EventRow]]:
    return [
        Column(
            QCoreApplication.translate("EventTable", "Date"),
            when_text,
            lambda r: r.starts_on.isoformat() + (r.starts_time or time.min).isoformat(),
        ),
        Column(QCoreApplication.translate("EventTable", "Nom de l'événement"), lambda r: r.name),
        Column(QCoreApplication.translate("EventTable", "Lieu"), lambda r: r.place),
        Column(
            QCoreApplication.translate("EventTable", "Inscrits"),
            lambda r: (
                f"{formatting.number(r.registered)} / {formatting.number(r.capacity)}"
                if r.capacity
                else formatting.number(r.registered)
            ),
            lambda r: r.registered,
            align_right=True,
        ),
        Column(
            QCoreApplication.translate("EventTable", "Présents"),
            lambda r: formatting.number(r.present),
            lambda r: r.present,
            align_right=True,
        ),
    ]


class EventTable(QWidget):
    """Every event; a click chooses one (``chosen``), a double-click or Enter opens its editor."""

    chosen = Signal(int)
    open_requested = Signal(int)
    filters_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = formatting.local_today()
        self._sorted_for: object = None
        self.search = QLineEdit()
        self.search.setObjectName("eventSearch")
        self.search.setPlaceholderText(self.tr("Chercher un nom, un lieu…"))
        self.search.setClearButtonEnabled(True)
        self.when_combo = QComboBox()
        self.when_combo.setObjectName("eventWhenFilter")
        for key, label in zip(WHEN, (self.tr("À venir"), self.tr("Passés"), self.tr("Tous")), strict=True):
            self.when_combo.addItem(label, key)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("eventKindFilter")
        self.kind_combo.addItem(self.tr("Tous les types"), "")
        for kind in EventKind:
            self.kind_combo.addItem(kind.label(), kind.value)

        self.model: RecordTableModel[EventRow] = RecordTableModel(event_columns(), self)
        self.proxy = RecordSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = record_view(self.proxy, "eventTable")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        # The place is in the event's sheet; hidden here, it is still searched (the filter reads every column).
        self.table.setColumnHidden(PLACE_COLUMN, True)
        self.table.setWordWrap(False)  # one line per event; the whole name is in the tooltip and the sheet
        self.table.setMinimumWidth(420)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _previous: self._current(current))
        self.table.doubleClicked.connect(lambda index: self._open(index))
        self.table.activated.connect(lambda index: self._open(index))

        self.search.textChanged.connect(self._text_changed)
        for combo in (self.when_combo, self.kind_combo):
            combo.currentIndexChanged.connect(lambda _index: self._filter())
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.when_combo, 1)
        filters.addWidget(self.kind_combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        self._filter()

    # -- filters ------------------------------------------------------------------------------

    def _text_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self.filters_changed.emit()

    def _filter(self) -> None:
        when, kind = self.when_combo.currentData(), self.kind_combo.currentData()
        today = self.today
        if when != self._sorted_for:
            # Coming events soonest first, past ones latest first: what a volunteer looks for.
            self._sorted_for = when
            order = Qt.SortOrder.DescendingOrder if when == "past" else Qt.SortOrder.AscendingOrder
            self.table.sortByColumn(0, order)

        def accept(row: EventRow) -> bool:
            if when == "coming" and row.starts_on < today:
                return False
            if when == "past" and row.starts_on >= today:
                return False
            return not kind or row.kind == kind

        self.proxy.set_predicate(accept)
        self.filters_changed.emit()

    def state(self) -> dict[str, object]:
        return {
            "when": self.when_combo.currentData(),
            "kind": self.kind_combo.currentData(),
            "text": self.search.text(),
        }

    def restore(self, state: dict[str, object]) -> None:
        for combo, key in ((self.when_combo, "when"), (self.kind_combo, "kind")):
            found = combo.findData(state.get(key))
            if found >= 0:
                combo.setCurrentIndex(found)
        text = state.get("text")
        if isinstance(text, str):
            self.search.setText(text)

    def set_when(self, when: str) -> None:
        self.when_combo.setCurrentIndex(max(0, self.when_combo.findData(when)))

    # -- rows ---------------------------------------------------------------------------------

    def _current(self, index: Any) -> None:
        record = self.proxy.data(index, RECORD_ROLE) if index.isValid() else None
        if record is not None:
            self.chosen.emit(record.id)

    def _open(self, index: Any) -> None:
        record = self.proxy.data(index, RECORD_ROLE) if index.isValid() else None
        if record is not None:
            self.open_requested.emit(record.id)

    def set_rows(self, rows: Sequence[EventRow], today: date | None = None) -> None:
        chosen = self.selected_id()
        if today is not None and today != self.today:
            self.today = today
            self._filter()
        self.model.set_records(rows)
        if chosen is not None:
            self.select(chosen)

    def selected_id(self) -> int | None:
        return selected_record_id(self.table)

    def select(self, event_id: int) -> bool:
        return select_record(self.table, event_id)

    def shown_names(self) -> list[str]:
        return [str(self.proxy.data(self.proxy.index(row, NAME_COLUMN))) for row in range(self.proxy.rowCount())]

    def select_first(self) -> bool:
        """The first event shown (the next one to come, by default), if any."""
        if not self.proxy.rowCount():
            return False
        self.table.selectRow(0)
        return True
