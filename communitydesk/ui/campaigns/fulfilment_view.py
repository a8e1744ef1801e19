"""After the campaign: rewards owed, marked préparé / envoyé / livré, exported as a shipping list."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from communitydesk import formatting
from communitydesk.records.campaign_figures import FulfilmentLine
from communitydesk.rules.campaigns import FulfilmentState
from communitydesk.rules.contact_fields import contact_field_label
from communitydesk.ui.campaigns.record_table import Column, RecordTableModel
from communitydesk.ui.campaigns.tables_view import make_table, selected_records


def fulfilment_columns() -> list[Column[FulfilmentLine]]:
    return [
        Column(QCoreApplication.translate("FulfilmentView", "Contributeur"), lambda f: f.backer_label),
        Column(QCoreApplication.translate("FulfilmentView", "Contrepartie"), lambda f: f.reward),
        Column(
            QCoreApplication.translate("FulfilmentView", "État"),
            lambda f: FulfilmentState(f.state).label(),
            lambda f: list(FulfilmentState).index(FulfilmentState(f.state)),
        ),
        Column(
            contact_field_label("address"),
            # The recipient first when the platform sends the reward to someone else (a gift).
            lambda f: ", ".join(
                p for p in (f.recipient, " ".join(p for p in (f.address, f.postcode, f.city) if p), f.country) if p
            ),
        ),
        Column(contact_field_label("email"), lambda f: f.email),
        Column(
            QCoreApplication.translate("FulfilmentView", "Montant"),
            lambda f: formatting.money(f.amount_cents),
            lambda f: f.amount_cents,
            align_right=True,
        ),
        Column(
            QCoreApplication.translate("FulfilmentView", "Depuis le"),
            lambda f: formatting.day(f.state_changed_at, "short") if f.state_changed_at else "",
            lambda f: f.state_changed_at.isoformat() if f.state_changed_at else "",
        ),
    ]


class FulfilmentView(QWidget):
    state_requested = Signal(list, str)  # contribution ids, FulfilmentState value
    export_requested = Signal(object)  # states to export (None: all)
    pdf_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fulfilmentView")
        self.model: RecordTableModel[FulfilmentLine] = RecordTableModel(fulfilment_columns(), self)
        self.view, self.proxy = make_table(self.model, "fulfilmentTable")
        self.filter_combo = QComboBox()
        self.filter_combo.setObjectName("fulfilmentFilter")
        self.filter_combo.addItem(self.tr("Tous les états"), None)
        for state in FulfilmentState:
            self.filter_combo.addItem(state.label(), state.value)
        self.filter_combo.currentIndexChanged.connect(self._filter)
        buttons = QHBoxLayout()
        buttons.addWidget(self.filter_combo)
        for state in (
            FulfilmentState.PREPARE,
            FulfilmentState.ENVOYE,
            FulfilmentState.LIVRE,
            FulfilmentState.A_PREPARER,
        ):
            button = QPushButton(self.tr("Marquer « {state} »").format(state=state.label()))
            button.setObjectName(f"mark_{state.value}")
            button.clicked.connect(lambda _checked=False, s=state.value: self._mark(s))
            buttons.addWidget(button)
        buttons.addStretch(1)
        # Files on a row of their own: one row of every button would not fit a laptop screen.
        files = QHBoxLayout()
        files.addStretch(1)
        export = self.export_button = QPushButton(self.tr("Exporter la liste d'envoi (CSV)…"))
        export.setObjectName("exportShippingButton")
        export.clicked.connect(lambda: self.export_requested.emit(self._states()))
        files.addWidget(export)
        checklist = self.checklist_button = QPushButton(self.tr("Liste à cocher (PDF)…"))
        checklist.setObjectName("fulfilmentPdfButton")
        checklist.clicked.connect(self.pdf_requested)
        files.addWidget(checklist)
        self.counts_label = QLabel()
        self.counts_label.setObjectName("fulfilmentCounts")
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addLayout(files)
        layout.addWidget(self.view)
        layout.addWidget(self.counts_label)

    def _states(self) -> list[str] | None:
        state = self.filter_combo.currentData()
        return None if state is None else [state]

    def _filter(self) -> None:
        states = self._states()
        self.proxy.set_predicate(None if states is None else (lambda line: line is not None and line.state in states))

    def set_lines(self, lines: list[FulfilmentLine]) -> None:
        self.model.set_records(lines)
        counts = {state: sum(1 for line in lines if line.state == state.value) for state in FulfilmentState}
        self.counts_label.setText(
            " · ".join(f"{state.label()} : {formatting.number(n)}" for state, n in counts.items())
        )

    def _mark(self, state: str) -> None:
        ids = [line.contribution_id for line in selected_records(self.view) if isinstance(line, FulfilmentLine)]
        if ids:
            self.state_requested.emit(ids, state)
