"""Asking why contacts change circle: every move is kept in their history with its reason."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from communitydesk.rules.circles import circle_label


class MoveReasonDialog(QDialog):
    """ "Pourquoi ?" before a move; OK stays disabled until a reason is given."""

    def __init__(self, parent: QWidget | None, who: str, target: str | None, *, inward: bool | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("moveReasonDialog")
        if target is not None:
            self.setWindowTitle(self.tr("Changer de cercle"))
            question = self.tr("{who} → {circle}. Pourquoi ce changement de cercle ?").format(
                who=who, circle=circle_label(target)
            )
        elif inward:
            self.setWindowTitle(self.tr("Rapprocher"))
            question = self.tr("Rapprocher {who} d'un cercle. Pourquoi ?").format(who=who)
        else:
            self.setWindowTitle(self.tr("Éloigner"))
            question = self.tr("Éloigner {who} d'un cercle. Pourquoi ?").format(who=who)
        label = QLabel(question)
        label.setWordWrap(True)
        hint = QLabel(self.tr("La raison est gardée dans l'historique de chaque contact déplacé."))
        hint.setStyleSheet("color: #666;")
        hint.setWordWrap(True)
        # Editable with a few frequent reasons: a volunteer types less, the history stays readable.
        self.reason = QComboBox()
        self.reason.setObjectName("moveReason")
        self.reason.setEditable(True)
        self.reason.addItems(
            [
                "",
                self.tr("A participé à un événement"),
                self.tr("A soutenu une campagne"),
                self.tr("S'est porté volontaire"),
                self.tr("Échanges réguliers"),
                self.tr("Plus de nouvelles depuis longtemps"),
                self.tr("A demandé moins de contacts"),
            ]
        )
        self.reason.setCurrentIndex(0)
        line = self.reason.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("Raison du changement…"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Déplacer"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.editTextChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self._update_ok()
        self.resize(440, self.sizeHint().height())

    def text(self) -> str:
        return self.reason.currentText().strip()

    def set_text(self, text: str) -> None:
        self.reason.setEditText(text)

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.text()))
