"""The list of ambassadors: a sortable table with a text search and type / stage filters."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from communitydesk import formatting
from communitydesk.records.ambassadors import AmbassadorRow
from communitydesk.rules.ambassadors import AmbassadorType, Stage
from communitydesk.ui.campaigns.record_table import RECORD_ROLE, Column, RecordSortProxy, RecordTableModel, record_view

STAGE_ORDER = [stage.value for stage in Stage]


@dataclass(frozen=True)
class Listed:
    """A line of the list: the ambassador, and how many people and contributions their code brought."""

    row: AmbassadorRow
    referrals: int

    @property
    def id(self) -> int:
        return self.row.id


def ambassador_columns() -> list[Column[Listed]]:
    return [
        Column(QCoreApplication.translate("AmbassadorTable", "Prénom et nom"), lambda r: r.row.name),
        Column(QCoreApplication.translate("AmbassadorTable", "Type d'ambassadeur"), lambda r: r.row.type_label),
        Column(
            QCoreApplication.translate("AmbassadorTable", "Étape"),
            lambda r: r.row.stage_label,
            lambda r: STAGE_ORDER.index(r.row.stage),
        ),
        Column(QCoreApplication.translate("AmbassadorTable", "Territoire"), lambda r: r.row.territory),
        Column(QCoreApplication.translate("AmbassadorTable", "Niveau"), lambda r: r.row.level_name),
        Column(
            QCoreApplication.translate("AmbassadorTable", "Points"),
            lambda r: formatting.number(r.row.points),
            lambda r: r.row.points,
            align_right=True,
        ),
        Column(
            QCoreApplication.translate("AmbassadorTable", "Parrainages"),
            lambda r: formatting.number(r.referrals),
            lambda r: r.referrals,
            align_right=True,
        ),
        Column(QCoreApplication.translate("AmbassadorTable", "Code"), lambda r: r.row.referral_code),
    ]


class AmbassadorTable(QWidget):
    """Every ambassador; a click selects (``chosen``), the filters narrow what is shown."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("ambassadorSearch")
        self.search.setPlaceholderText(self.tr("Chercher un nom, un type, un niveau…"))
        self.search.setClearButtonEnabled(True)
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("ambassadorTypeFilter")
        self.type_combo.addItem(self.tr("Tous les types"), "")
        for kind in AmbassadorType:
            self.type_combo.addItem(kind.label(), kind.value)
        self.stage_combo = QComboBox()
        self.stage_combo.setObjectName("ambassadorStageFilter")
        self.stage_combo.addItem(self.tr("Toutes les étapes"), "")
        for stage in Stage:
            self.stage_combo.addItem(stage.label(), stage.value)

        self.model: RecordTableModel[Listed] = RecordTableModel(ambassador_columns(), self)
        self.proxy = RecordSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = record_view(self.proxy, "ambassadorTable")
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _previous: self._current(current))

        self.search.textChanged.connect(self.proxy.set_text)
        for combo in (self.type_combo, self.stage_combo):
            combo.currentIndexChanged.connect(lambda _index: self._filter())
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.type_combo, 1)
        filters.addWidget(self.stage_combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

    def _filter(self) -> None:
        kind, stage = self.type_combo.currentData(), self.stage_combo.currentData()
        if not kind and not stage:
            self.proxy.set_predicate(None)
            return
        self.proxy.set_predicate(lambda r: (not kind or r.row.type == kind) and (not stage or r.row.stage == stage))

    def _current(self, index: Any) -> None:
        record = self.proxy.data(index, RECORD_ROLE) if index.isValid() else None
        if record is not None:
            self.chosen.emit(record.id)

    def set_rows(self, rows: Sequence[Listed]) -> None:
        chosen = self.selected_id()
        self.model.set_records(rows)
        if chosen is not None:
            self.select(chosen)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        record = self.proxy.data(rows[0], RECORD_ROLE) if rows else None
        return None if record is None else int(record.id)

    def select(self, ambassador_id: int) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if self.proxy.data(index, RECORD_ROLE).id == ambassador_id:
                self.table.selectRow(row)
                self.table.scrollTo(index)
                return True
        return False

    def shown_names(self) -> list[str]:
        return [str(self.proxy.data(self.proxy.index(row, 0))) for row in range(self.proxy.rowCount())]
