"""The List view: every publication of the period (and the undated ideas) in a sortable table."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from communitydesk import formatting
from communitydesk.records.editorial import PublicationRecord
from communitydesk.rules.editorial import PublicationStatus
from communitydesk.ui.campaigns.record_table import RECORD_ROLE, Column, RecordSortProxy, RecordTableModel
from communitydesk.ui.editorial.publication_items import network_names, status_label

STATUS_ORDER = list(PublicationStatus)


def publication_columns() -> list[Column[PublicationRecord]]:
    def tr(text: str) -> str:
        return QCoreApplication.translate("PublicationList", text)

    return [
        Column(
            QCoreApplication.translate("PublicationList", "Date"),
            lambda r: formatting.day(r.planned_on, "short") if r.planned_on else "—",
            lambda r: (r.planned_on or date.max).isoformat() + (r.planned_time or time.max).isoformat(),
        ),
        Column(
            QCoreApplication.translate("PublicationList", "Heure"),
            lambda r: r.planned_time.strftime("%H:%M") if r.planned_time else "",
        ),
        Column(QCoreApplication.translate("PublicationList", "Titre"), lambda r: r.title),
        Column(QCoreApplication.translate("PublicationList", "Réseaux"), lambda r: network_names(r.networks)),
        Column(QCoreApplication.translate("PublicationList", "Pilier"), lambda r: r.pillar_name),
        Column(
            QCoreApplication.translate("PublicationList", "Statut"),
            lambda r: status_label(r.status),
            lambda r: STATUS_ORDER.index(PublicationStatus(r.status)),
            colour=lambda r: "#8A867C" if r.status == PublicationStatus.ABANDONNEE else None,
        ),
        Column(QCoreApplication.translate("PublicationList", "Auteur"), lambda r: r.author),
        Column(
            QCoreApplication.translate("PublicationList", "Alerte"),
            lambda r: " ".join(r.warnings),
            colour=lambda r: "#B3261E" if r.warnings else None,
        ),
    ]


class PublicationTable(QWidget):
    open_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: RecordTableModel[PublicationRecord] = RecordTableModel(publication_columns(), self)
        self.proxy = RecordSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("publicationTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda index: self.open_requested.emit(self.proxy.data(index, RECORD_ROLE)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

    def set_publications(self, records: list[PublicationRecord]) -> None:
        self.model.set_records(records)

    def selected_record(self) -> PublicationRecord | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        record = self.proxy.data(rows[0], RECORD_ROLE)
        return record if isinstance(record, PublicationRecord) else None
