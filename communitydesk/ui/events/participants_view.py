"""An event's participants: who was invited, registered, came; each status changed from the keyboard.

Keys 1 to 5 on the list give the chosen people a status (invité, inscrit, présent, absent,
excusé), as does the « Statut » list beside « Appliquer ». The page runs the writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from communitydesk import formatting
from communitydesk.records.events import ParticipantRow
from communitydesk.rules.contact_fields import contact_field_label
from communitydesk.rules.events import ParticipantStatus
from communitydesk.ui.campaigns.record_table import RECORD_ROLE, Column, RecordSortProxy, RecordTableModel, record_view

STATUSES = list(ParticipantStatus)
STATUS_COLOURS = {ParticipantStatus.PRESENT: "#2E6B5E", ParticipantStatus.ABSENT: "#B3261E"}
#: The key that gives each status: 1 invité … 5 excusé.
STATUS_KEYS = {int(Qt.Key.Key_1) + index: status.value for index, status in enumerate(STATUSES)}


def participant_columns() -> list[Column[ParticipantRow]]:
    return [
        Column(QCoreApplication.translate("ParticipantsView", "Prénom et nom"), lambda r: r.name),
        Column(contact_field_label("circle"), lambda r: r.circle_label),
        Column(
            QCoreApplication.translate("ParticipantsView", "Statut"),
            lambda r: r.status_label,
            lambda r: STATUSES.index(ParticipantStatus(r.status)),
            colour=lambda r: STATUS_COLOURS.get(ParticipantStatus(r.status)),
        ),
        Column(QCoreApplication.translate("ParticipantsView", "Invité depuis"), lambda r: r.invited_from),
        Column(
            QCoreApplication.translate("ParticipantsView", "Inscrit le"),
            lambda r: formatting.day(r.registered_on, "short") if r.registered_on else "",
            lambda r: (r.registered_on or date.min).isoformat(),
        ),
        Column(
            QCoreApplication.translate("ParticipantsView", "Ligne"),
            lambda r: str(r.sheet_line) if r.sheet_line else "",
            lambda r: r.sheet_line or 0,
            align_right=True,
        ),
    ]


class ParticipantsView(QWidget):
    #: contact ids, status slug
    status_requested = Signal(object, str)
    add_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("participantSearch")
        self.search.setPlaceholderText(self.tr("Chercher un participant…"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("participantStatusFilter")
        self.status_filter.addItem(self.tr("Tous les statuts"), "")
        for status in STATUSES:
            self.status_filter.addItem(status.label(), status.value)
        self.counts_label = QLabel()
        self.counts_label.setObjectName("participantCounts")
        self.counts_label.setStyleSheet("color: #5F5B52;")

        self.model: RecordTableModel[ParticipantRow] = RecordTableModel(participant_columns(), self)
        self.proxy = RecordSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = record_view(self.proxy, "participantTable")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.horizontalHeader().setStretchLastSection(True)  # names whole; the sheet's line last
        self.table.installEventFilter(self)
        self.search.textChanged.connect(self.proxy.set_text)
        self.status_filter.currentIndexChanged.connect(lambda _index: self._filter())

        self.status_combo = QComboBox()
        self.status_combo.setObjectName("participantStatus")
        for index, status in enumerate(STATUSES, start=1):
            self.status_combo.addItem(f"{index} · {status.label()}", status.value)
        self.apply_button = QPushButton(self.tr("Appliquer à la sélection"))
        self.apply_button.setObjectName("applyStatusButton")
        self.apply_button.clicked.connect(lambda: self.request_status(str(self.status_combo.currentData())))
        self.add_button = QPushButton(self.tr("Ajouter une personne…"))
        self.add_button.setObjectName("addParticipantButton")
        self.add_button.setToolTip(self.tr("Inscrire à l'événement une personne de vos contacts"))
        self.add_button.clicked.connect(self.add_requested)
        hint = QLabel(
            self.tr("Touches 1 à 5 sur la liste : {statuses}").format(
                statuses=", ".join(f"{i} {s.label()}" for i, s in enumerate(STATUSES, start=1))
            )
        )
        hint.setObjectName("participantKeysHint")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5F5B52; font-size: 9pt;")

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.status_filter, 1)
        # Two short rows rather than one wide one: the list stays usable beside the events.
        actions = QHBoxLayout()
        actions.addWidget(QLabel(self.tr("Statut :")))
        actions.addWidget(self.status_combo)
        actions.addWidget(self.apply_button)
        actions.addStretch(1)
        adding = QHBoxLayout()
        adding.addStretch(1)
        adding.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addLayout(actions)
        layout.addLayout(adding)

    def _filter(self) -> None:
        status = self.status_filter.currentData()
        self.proxy.set_predicate((lambda r: r.status == status) if status else None)

    def set_participants(self, rows: Sequence[ParticipantRow]) -> None:
        chosen = set(self.selected_ids())
        self.model.set_records(rows)
        by_status = {status: 0 for status in STATUSES}
        for row in rows:
            by_status[ParticipantStatus(row.status)] += 1
        self.counts_label.setText(
            " · ".join(f"{status.label()} : {formatting.number(count)}" for status, count in by_status.items())
        )
        if chosen:
            self.select(chosen)

    def select(self, contact_ids: set[int]) -> None:
        selection = self.table.selectionModel()
        selection.clear()
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if self.proxy.data(index, RECORD_ROLE).contact_id in contact_ids:
                selection.select(
                    index,
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )
                if selection.currentIndex().row() < 0:
                    selection.setCurrentIndex(index, selection.SelectionFlag.NoUpdate)

    def selected_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        return [int(self.proxy.data(index, RECORD_ROLE).contact_id) for index in rows]

    def request_status(self, status: str) -> None:
        chosen = self.selected_ids()
        if chosen:
            self.status_requested.emit(chosen, status)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            status = STATUS_KEYS.get(int(event.key()))
            if status is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                self.request_status(status)
                return True
        return super().eventFilter(watched, event)
