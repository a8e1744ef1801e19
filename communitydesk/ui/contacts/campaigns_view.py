"""The contact sheet's "Campagnes" tab: the person's contributions, newest first, with a total."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from communitydesk.i18n import ngettext
from communitydesk.ui.contacts.row_menus import add_row_menu
from communitydesk.ui.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from communitydesk.records.campaign_page import ContactContribution

_CONTEXT = "ContactCampaignsModel"
_HEADERS = (
    QT_TRANSLATE_NOOP("ContactCampaignsModel", "Campagne"),
    QT_TRANSLATE_NOOP("ContactCampaignsModel", "Date"),
    QT_TRANSLATE_NOOP("ContactCampaignsModel", "Montant"),
    QT_TRANSLATE_NOOP("ContactCampaignsModel", "Contrepartie"),
    QT_TRANSLATE_NOOP("ContactCampaignsModel", "Statut"),
)
_NOT_COUNTED = QColor("#777777")  # refunded, cancelled, pending: shown, not in the total
_AMOUNT = 2


class ContactCampaignsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.contributions: list[ContactContribution] = []

    def set_contributions(self, contributions: list[ContactContribution]) -> None:
        self.beginResetModel()
        self.contributions = list(contributions)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.contributions)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(_HEADERS):
            return QCoreApplication.translate(_CONTEXT, _HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.contributions):
            return None
        from communitydesk.rules.campaigns import PaymentStatus

        contribution = self.contributions[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and contribution.payment_status != PaymentStatus.VALID.value:
            return _NOT_COUNTED
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == _AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        from communitydesk.formatting import day, money

        column = index.column()
        if column == 0:
            return contribution.campaign_name
        if column == 1:
            return day(contribution.contributed_at, "short")
        if column == _AMOUNT:
            return money(contribution.amount_cents)
        if column == 3:
            return contribution.tier_title
        return PaymentStatus(contribution.payment_status).label()


class ContactCampaignsPanel(QWidget):
    """The list of the contact's contributions and the total of the valid ones."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ContactCampaignsModel(self)
        self.view = QTableView()
        self.view.setObjectName("contactCampaignsView")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        add_row_menu(self.view)
        self.summary = QLabel()
        self.summary.setObjectName("contactCampaignsSummary")
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)

    def set_contributions(self, contributions: list[ContactContribution]) -> None:
        from communitydesk.formatting import money
        from communitydesk.rules.campaigns import PaymentStatus

        self.model.set_contributions(contributions)
        if not contributions:
            self.summary.setText(self.tr("Aucune contribution à une campagne."))
            return
        valid = [c for c in contributions if c.payment_status == PaymentStatus.VALID.value]
        campaigns = len({c.campaign_id for c in valid})
        self.summary.setText(
            self.tr("Total des contributions validées : {total} ({campaigns})").format(
                total=money(sum(c.amount_cents for c in valid)),
                campaigns=ngettext("{n} campagne", "{n} campagnes", campaigns, n=campaigns),
            )
        )
