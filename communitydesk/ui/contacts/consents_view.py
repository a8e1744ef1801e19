"""RGPD on the contact sheet: the person's consents (add, withdraw), and the strong
confirmation asked before an erasure (typing the person's name)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from communitydesk.rules.contact_keys import fold
from communitydesk.ui.translatable import QT_TRANSLATE_NOOP
from communitydesk.ui.widgets.dates import paris_qdate

if TYPE_CHECKING:
    from communitydesk.services.gdpr import ConsentRecord

_CONTEXT = "ConsentsModel"
_HEADERS = (
    QT_TRANSLATE_NOOP("ConsentsModel", "Finalité"),
    QT_TRANSLATE_NOOP("ConsentsModel", "Donné le"),
    QT_TRANSLATE_NOOP("ConsentsModel", "Texte accepté"),
    QT_TRANSLATE_NOOP("ConsentsModel", "Recueilli par"),
    QT_TRANSLATE_NOOP("ConsentsModel", "État"),
)
_WITHDRAWN = QColor("#777777")


class ConsentsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.consents: list[ConsentRecord] = []

    def set_consents(self, consents: list[ConsentRecord]) -> None:
        self.beginResetModel()
        self.consents = list(consents)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.consents)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 5:
            return QCoreApplication.translate(_CONTEXT, _HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.consents):
            return None
        consent = self.consents[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and consent.withdrawn_at is not None:
            return _WITHDRAWN
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        from communitydesk.formatting import day

        column = index.column()
        if column == 0:
            return consent.purpose
        if column == 1:
            return day(consent.given_at, "short")
        if column == 2:
            return consent.wording
        if column == 3:
            return " · ".join(part for part in (consent.source, consent.recorded_by) if part)
        if consent.withdrawn_at is None:
            return QCoreApplication.translate("ConsentsModel", "en cours")
        return QCoreApplication.translate("ConsentsModel", "retiré le {day}").format(
            day=day(consent.withdrawn_at, "short")
        )


class ConsentsPanel(QWidget):
    """The consents tab: the list, a form to record one, a button to withdraw the selected one."""

    add_requested = Signal(str, str, str, object)  # purpose, wording, source, date
    withdraw_requested = Signal(int)  # consent id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ConsentsModel(self)
        self.view = QTableView()
        self.view.setObjectName("consentsView")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.purpose = QLineEdit()
        self.purpose.setObjectName("consentPurpose")
        self.purpose.setPlaceholderText(self.tr("Lettre d'information, photos, partage aux partenaires…"))
        self.wording = QLineEdit()
        self.wording.setObjectName("consentWording")
        self.wording.setPlaceholderText(self.tr("La phrase exacte que la personne a acceptée"))
        self.source = QLineEdit()
        self.source.setObjectName("consentSource")
        self.source.setPlaceholderText(self.tr("Formulaire, feuille d'émargement, e-mail…"))
        self.given = QDateEdit(paris_qdate())
        self.given.setObjectName("consentDate")
        self.given.setCalendarPopup(True)
        self.given.setMaximumDate(paris_qdate())
        self.given.setDisplayFormat("dd/MM/yyyy")
        self.add_button = QPushButton(self.tr("Enregistrer le consentement"))
        self.add_button.setObjectName("addConsentButton")
        self.add_button.clicked.connect(self._add)
        self.withdraw_button = QPushButton(self.tr("Retirer le consentement choisi"))
        self.withdraw_button.setObjectName("withdrawConsentButton")
        self.withdraw_button.clicked.connect(self._withdraw)
        self.view.selectionModel().selectionChanged.connect(lambda *_args: self._update())
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_menu)
        form = QFormLayout()
        form.addRow(self.tr("Finalité"), self.purpose)
        form.addRow(self.tr("Texte accepté"), self.wording)
        form.addRow(self.tr("Recueilli par"), self.source)
        form.addRow(self.tr("Date"), self.given)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.withdraw_button)
        note = QLabel(self.tr("Un consentement retiré reste listé : c'est la preuve de ce qui était permis, et quand."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self._update()

    def set_consents(self, consents: list[ConsentRecord]) -> None:
        self.model.set_consents(consents)
        self._update()

    def clear_form(self) -> None:
        for edit in (self.purpose, self.wording, self.source):
            edit.clear()
        self.given.setDate(paris_qdate())

    def selected(self) -> ConsentRecord | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.consents[rows[0].row()] if rows else None

    def _update(self) -> None:
        chosen = self.selected()
        self.withdraw_button.setEnabled(chosen is not None and chosen.withdrawn_at is None)

    def _add(self) -> None:
        given = self.given.date()
        self.add_requested.emit(
            self.purpose.text(), self.wording.text(), self.source.text(), date(given.year(), given.month(), given.day())
        )

    def row_menu(self) -> QMenu:
        """Right click on a consent: withdraw it (when still given)."""
        menu = QMenu(self)
        menu.setObjectName("consentMenu")
        withdraw = menu.addAction(self.withdraw_button.text())
        withdraw.setObjectName("withdrawConsentAction")
        withdraw.setEnabled(self.withdraw_button.isEnabled())
        withdraw.triggered.connect(self._withdraw)
        return menu

    def _show_menu(self, position: QPoint) -> None:
        row = self.view.indexAt(position).row()
        if row >= 0:
            self.view.selectRow(row)
            self.row_menu().popup(self.view.viewport().mapToGlobal(position))

    def _withdraw(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.withdraw_requested.emit(chosen.id)


class EraseDialog(QDialog):
    """Erasure is final: the user must type the person's name to enable the button."""

    def __init__(self, parent: QWidget | None, name: str) -> None:
        super().__init__(parent)
        self.setObjectName("eraseDialog")
        self.setWindowTitle(self.tr("Effacer (RGPD)"))
        self.name = name
        text = QLabel(
            QCoreApplication.translate(
                "EraseDialog",
                "<p><b>Effacement définitif de « {name} ».</b></p><p>Son identité, ses coordonnées, son adresse, ses "
                "notes, le contenu de ses échanges et les raisons de ses changements de cercle seront effacés ; ses "
                "consentements seront retirés. Seuls des chiffres anonymes restent (combien de contacts par cercle, "
                "combien d'échanges par mois). Cela ne peut pas être annulé.</p>",
            ).format(name=name)
        )
        text.setWordWrap(True)
        self.confirm = QLineEdit()
        self.confirm.setObjectName("eraseConfirmation")
        self.confirm.setPlaceholderText(name)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Effacer définitivement"))
        ok.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.confirm.textChanged.connect(lambda typed: ok.setEnabled(self.confirmed()))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(QLabel(self.tr("Pour confirmer, tapez son nom : {name}").format(name=name)))
        layout.addWidget(self.confirm)
        layout.addWidget(self.buttons)
        self.resize(480, self.sizeHint().height())

    def confirmed(self) -> bool:
        """The name as typed, accents, case and spaces aside (« Œ » is hard to type on AZERTY):
        the same folding as the search."""
        return bool(fold(self.name)) and fold(self.confirm.text()) == fold(self.name)
