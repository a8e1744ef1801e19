"""The tiers (contreparties) and contributions of a campaign, as sortable, filterable tables."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from communitydesk import formatting
from communitydesk.records.campaigns import ContributionRecord, TierRecord
from communitydesk.rules.campaigns import PaymentStatus
from communitydesk.rules.circles import circle_label
from communitydesk.rules.contact_fields import contact_field_label
from communitydesk.ui.campaigns.record_table import RECORD_ROLE, Column, RecordSortProxy, RecordTableModel


def tier_columns() -> list[Column[TierRecord]]:
    return [
        Column(QCoreApplication.translate("CampaignTables", "Contrepartie"), lambda t: t.title),
        Column(
            QCoreApplication.translate("CampaignTables", "Montant"),
            lambda t: formatting.money(t.amount_cents),
            lambda t: t.amount_cents,
            align_right=True,
        ),
        Column(
            QCoreApplication.translate("CampaignTables", "Choisie"),
            lambda t: formatting.number(t.taken),
            lambda t: t.taken,
            align_right=True,
        ),
        Column(
            QCoreApplication.translate("CampaignTables", "Stock restant"),
            lambda t: (
                QCoreApplication.translate("CampaignTables", "illimité")
                if t.stock_left is None
                else f"{formatting.number(t.stock_left)} / {formatting.number(t.stock_limit or 0)}"
            ),
            lambda t: -1 if t.stock_left is None else t.stock_left,
            align_right=True,
            colour=lambda t: "#B3261E" if t.stock_left == 0 else None,
        ),
        Column(
            QCoreApplication.translate("CampaignTables", "Livraison estimée"),
            lambda t: formatting.day(t.estimated_delivery, "short") if t.estimated_delivery else "",
            lambda t: t.estimated_delivery.isoformat() if t.estimated_delivery else "",
        ),
    ]


def contribution_columns() -> list[Column[ContributionRecord]]:
    def grey(record: ContributionRecord) -> str | None:
        return None if record.payment_status == PaymentStatus.VALID.value else "#8a8a8a"

    return [
        Column(
            QCoreApplication.translate("CampaignTables", "Date"),
            lambda c: formatting.moment(c.contributed_at),
            lambda c: c.contributed_at.isoformat(),
            colour=grey,
        ),
        Column(
            QCoreApplication.translate("CampaignTables", "Contributeur"),
            lambda c: (
                (c.backer or QCoreApplication.translate("CampaignTables", "(anonyme)"))
                + (QCoreApplication.translate("CampaignTables", " (anonyme)") if c.anonymous and c.backer else "")
            ),
            colour=grey,
        ),
        Column(
            contact_field_label("circle"),
            lambda c: circle_label(c.circle) if c.circle else "",
            colour=grey,
        ),
        Column(
            QCoreApplication.translate("CampaignTables", "Montant"),
            lambda c: formatting.money(c.amount_cents),
            lambda c: c.amount_cents,
            align_right=True,
            colour=grey,
        ),
        Column(QCoreApplication.translate("CampaignTables", "Contrepartie"), lambda c: c.tier_title, colour=grey),
        Column(
            QCoreApplication.translate("CampaignTables", "Paiement"),
            lambda c: PaymentStatus(c.payment_status).label(),
            colour=grey,
        ),
        Column(
            QCoreApplication.translate("CampaignTables", "Référence"), lambda c: c.platform_reference or "", colour=grey
        ),
    ]


def make_table(model: RecordTableModel[Any], name: str) -> tuple[QTableView, RecordSortProxy]:
    proxy = RecordSortProxy(model)
    proxy.setSourceModel(model)
    view = QTableView()
    view.setObjectName(name)
    view.setModel(proxy)
    # No sort until the user clicks a header: the service's order (newest, by tier...) is the useful one.
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view, proxy


def selected_records(view: QTableView) -> list[object]:
    rows = {index.row(): index for index in view.selectionModel().selectedRows()} if view.selectionModel() else {}
    return [view.model().data(index, RECORD_ROLE) for _row, index in sorted(rows.items())]


class TiersView(QWidget):
    add_requested = Signal()
    edit_requested = Signal(object)  # TierRecord
    delete_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: RecordTableModel[TierRecord] = RecordTableModel(tier_columns(), self)
        self.view, self.proxy = make_table(self.model, "tiersTable")
        self.view.doubleClicked.connect(lambda _index: self._edit())
        add = QPushButton(self.tr("Ajouter une contrepartie…"))
        add.setObjectName("addTierButton")
        add.clicked.connect(self.add_requested)
        self.edit_button = QPushButton(self.tr("Modifier…"))
        self.edit_button.clicked.connect(self._edit)
        self.delete_button = QPushButton(self.tr("Supprimer"))
        self.delete_button.clicked.connect(self._delete)
        buttons = QHBoxLayout()
        for button in (add, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view)

    def set_tiers(self, tiers: list[TierRecord]) -> None:
        self.model.set_records(tiers)

    def _edit(self) -> None:
        chosen = selected_records(self.view)
        if chosen:
            self.edit_requested.emit(chosen[0])

    def _delete(self) -> None:
        chosen = selected_records(self.view)
        if chosen:
            self.delete_requested.emit(chosen[0])


class ContributionsView(QWidget):
    add_requested = Signal()
    status_requested = Signal(object, str)  # ContributionRecord, PaymentStatus value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: RecordTableModel[ContributionRecord] = RecordTableModel(contribution_columns(), self)
        self.view, self.proxy = make_table(self.model, "contributionsTable")
        self.search = QLineEdit()
        self.search.setObjectName("contributionsSearch")
        self.search.setPlaceholderText(self.tr("Chercher un contributeur, une contrepartie, une référence…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)
        add = QPushButton(self.tr("Ajouter une contribution…"))
        add.setObjectName("addContributionButton")
        add.clicked.connect(self.add_requested)
        refund = QPushButton(self.tr("Marquer remboursée"))
        refund.clicked.connect(lambda: self._status(PaymentStatus.REFUNDED.value))
        cancel = QPushButton(self.tr("Marquer annulée"))
        cancel.clicked.connect(lambda: self._status(PaymentStatus.CANCELLED.value))
        valid = QPushButton(self.tr("Marquer validée"))
        valid.clicked.connect(lambda: self._status(PaymentStatus.VALID.value))
        self.count_label = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.search, 1)
        for button in (add, valid, refund, cancel):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view)
        layout.addWidget(self.count_label)

    def set_contributions(self, contributions: list[ContributionRecord]) -> None:
        self.model.set_records(contributions)
        valid = [c for c in contributions if c.payment_status == PaymentStatus.VALID.value]
        self.count_label.setText(
            self.tr("{count} contributions, dont {valid} validées ({amount}).").format(
                count=formatting.number(len(contributions)),
                valid=formatting.number(len(valid)),
                amount=formatting.money(sum(c.amount_cents for c in valid)),
            )
        )

    def _status(self, status: str) -> None:
        for record in selected_records(self.view):
            self.status_requested.emit(record, status)
