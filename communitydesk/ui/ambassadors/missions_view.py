"""The Missions tab: every mission with its status, filters, and the gestures along its life
(create and assign, mark done with a proof, validate or refuse)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, Signal, SignalInstance
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from communitydesk import formatting
from communitydesk.records.ambassadors import MissionRecord
from communitydesk.rules.ambassadors import MissionKind, MissionStatus
from communitydesk.services.permissions import SYSTEM, Action, Actor
from communitydesk.ui.campaigns.record_table import RECORD_ROLE, Column, RecordSortProxy, RecordTableModel, record_view
from communitydesk.ui.widgets.rights import guard

STATUS_ORDER = [status.value for status in MissionStatus]
STATUS_COLOURS = {
    MissionStatus.A_FAIRE.value: None,
    MissionStatus.REALISEE.value: "#8A5A00",  # waits for the team
    MissionStatus.VALIDEE.value: "#2E6B5E",
    MissionStatus.REFUSEE.value: "#8A867C",
}


def mission_columns() -> list[Column[MissionRecord]]:
    return [
        Column(QCoreApplication.translate("MissionList", "Mission"), lambda m: m.title),
        Column(QCoreApplication.translate("MissionList", "Type de mission"), lambda m: m.kind_label),
        Column(
            QCoreApplication.translate("MissionList", "Confiée à"),
            lambda m: m.ambassador_name or QCoreApplication.translate("MissionList", "(ouverte)"),
        ),
        Column(
            QCoreApplication.translate("MissionList", "Statut"),
            lambda m: m.status_label,
            lambda m: STATUS_ORDER.index(m.status),
            colour=lambda m: STATUS_COLOURS.get(m.status),
        ),
        Column(QCoreApplication.translate("MissionList", "Points"), lambda m: str(m.points), lambda m: m.points, True),
        Column(
            QCoreApplication.translate("MissionList", "Échéance"),
            lambda m: formatting.day(m.due_on, "short") if m.due_on else "",
            lambda m: (m.due_on or date.max).isoformat(),
        ),
        Column(
            QCoreApplication.translate("MissionList", "Réalisée le"),
            lambda m: formatting.day(m.completed_on, "short") if m.completed_on else "",
            lambda m: (m.completed_on or date.max).isoformat(),
        ),
        Column(QCoreApplication.translate("MissionList", "Preuve"), lambda m: m.proof_link or m.proof_file),
    ]


class MissionsView(QWidget):
    """Buttons say what to do with the selected mission; the page runs the service calls."""

    new_requested = Signal()
    edit_requested = Signal(object)
    complete_requested = Signal(object)
    judge_requested = Signal(object, bool)  # mission, accepted

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("missionStatusFilter")
        self.status_combo.addItem(self.tr("Tous les statuts"), "")
        for status in MissionStatus:
            self.status_combo.addItem(status.label(), status.value)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("missionKindFilter")
        self.kind_combo.addItem(self.tr("Tous les types"), "")
        for kind in MissionKind:
            self.kind_combo.addItem(kind.label(), kind.value)
        self.ambassador_combo = QComboBox()
        self.ambassador_combo.setObjectName("missionAmbassadorFilter")
        self.ambassador_combo.addItem(self.tr("Tous les ambassadeurs"), -1)
        self.ambassador_combo.addItem(self.tr("Missions ouvertes (personne)"), 0)
        for combo in (self.status_combo, self.kind_combo, self.ambassador_combo):
            combo.currentIndexChanged.connect(lambda _index: self._filter())

        self.new_button = QPushButton(self.tr("Nouvelle mission…"))
        self.new_button.setObjectName("newMissionButton")
        self.new_button.clicked.connect(self.new_requested)
        self.edit_button = QPushButton(self.tr("Modifier ou confier…"))
        self.edit_button.setObjectName("editMissionButton")
        self.edit_button.clicked.connect(lambda: self._emit_selected(self.edit_requested))
        self.complete_button = QPushButton(self.tr("Marquer réalisée…"))
        self.complete_button.setObjectName("completeMissionButton")
        self.complete_button.clicked.connect(lambda: self._emit_selected(self.complete_requested))
        self.validate_button = QPushButton(self.tr("Valider"))
        self.validate_button.setObjectName("validateMissionButton")
        self.validate_button.setToolTip(self.tr("La mission compte : ses points sont acquis"))
        self.validate_button.clicked.connect(lambda: self._judge(True))
        self.refuse_button = QPushButton(self.tr("Refuser"))
        self.refuse_button.setObjectName("refuseMissionButton")
        self.refuse_button.setToolTip(self.tr("La mission ne compte pas ; elle pèse dans la part de réussite"))
        self.refuse_button.clicked.connect(lambda: self._judge(False))
        self.actor: Actor = SYSTEM  # the page gives the acting profile: its rights enable the buttons

        self.model: RecordTableModel[MissionRecord] = RecordTableModel(mission_columns(), self)
        self.proxy = RecordSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = record_view(self.proxy, "missionTable", sort_column=3)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._update_buttons())
        self.table.doubleClicked.connect(lambda _index: self._emit_selected(self.edit_requested))

        hint = QLabel(
            QCoreApplication.translate(
                "MissionsView",
                "Une mission réalisée attend la validation de l'équipe : validée, elle rapporte ses points ; "
                "les niveaux se calculent tout seuls à partir des missions validées.",
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5F5B52; font-size: 9pt;")
        filters = QHBoxLayout()
        for combo in (self.status_combo, self.kind_combo, self.ambassador_combo):
            filters.addWidget(combo, 1)
        filters.addStretch(1)
        actions = QHBoxLayout()
        for button in (
            self.new_button,
            self.edit_button,
            self.complete_button,
            self.validate_button,
            self.refuse_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self._update_buttons()

    def set_missions(self, missions: Sequence[MissionRecord], ambassadors: Sequence[tuple[int, str]]) -> None:
        chosen = self.selected()
        wanted = self.ambassador_combo.currentData()
        self.ambassador_combo.blockSignals(True)
        while self.ambassador_combo.count() > 2:
            self.ambassador_combo.removeItem(2)
        for ambassador_id, name in ambassadors:
            self.ambassador_combo.addItem(name, ambassador_id)
        self.ambassador_combo.setCurrentIndex(max(0, self.ambassador_combo.findData(wanted)))
        self.ambassador_combo.blockSignals(False)
        self.model.set_records(missions)
        self._filter()
        if chosen is not None:
            self.select(chosen.id)
        self._update_buttons()

    def _filter(self) -> None:
        status, kind = self.status_combo.currentData(), self.kind_combo.currentData()
        ambassador = self.ambassador_combo.currentData()

        def keep(m: MissionRecord) -> bool:
            if status and m.status != status:
                return False
            if kind and m.kind != kind:
                return False
            return ambassador == -1 or (m.ambassador_id or 0) == ambassador

        self.proxy.set_predicate(keep)
        self._update_buttons()

    def selected(self) -> MissionRecord | None:
        rows = self.table.selectionModel().selectedRows()
        record = self.proxy.data(rows[0], RECORD_ROLE) if rows else None
        return record if isinstance(record, MissionRecord) else None

    def select(self, mission_id: int) -> bool:
        for row in range(self.proxy.rowCount()):
            if self.proxy.data(self.proxy.index(row, 0), RECORD_ROLE).id == mission_id:
                self.table.selectRow(row)
                return True
        return False

    def shown(self) -> list[MissionRecord]:
        return [self.proxy.data(self.proxy.index(row, 0), RECORD_ROLE) for row in range(self.proxy.rowCount())]

    def set_actor(self, actor: Actor) -> None:
        self.actor = actor
        self._update_buttons()

    def _update_buttons(self) -> None:
        mission = self.selected()
        status = mission.status if mission is not None else ""
        self.new_button.setEnabled(True)
        self.edit_button.setEnabled(mission is not None)
        self.complete_button.setEnabled(
            status == MissionStatus.A_FAIRE.value and bool(mission and mission.ambassador_id)
        )
        judged = status == MissionStatus.REALISEE.value
        self.validate_button.setEnabled(judged)
        self.refuse_button.setEnabled(judged)
        for button in (self.new_button, self.edit_button, self.complete_button):
            guard(button, self.actor, Action.MANAGE_AMBASSADORS)
        for button in (self.validate_button, self.refuse_button):
            guard(button, self.actor, Action.VALIDATE_MISSIONS)

    def _emit_selected(self, signal: SignalInstance) -> None:
        mission = self.selected()
        if mission is not None:
            signal.emit(mission)

    def _judge(self, accepted: bool) -> None:
        mission = self.selected()
        if mission is not None:
            self.judge_requested.emit(mission, accepted)
