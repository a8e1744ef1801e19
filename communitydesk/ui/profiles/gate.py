"""The two screens that cover the whole window: the profile chooser and the lock.

Both are plain widgets: they show what they are given and emit what was typed; the
session (ui/profiles/session.py) checks it in the background through services.profiles.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

GATE_STYLE = """
QWidget#gateBackground { background: #f3f1ec; }
QFrame#gateCard { background: white; border: 1px solid #dddad2; border-radius: 10px; }
QLabel#gateTitle { font-size: 18pt; font-weight: 600; color: #2b2b2b; }
QLabel#gateMessage { color: #B3261E; font-weight: 600; }
QListWidget#loginProfiles::item { padding: 5px; }
QLabel#demoPasswords { background: #FFF4DC; border: 1px solid #E3A33B; border-radius: 6px; padding: 8px; }
QPushButton#loginButton, QPushButton#unlockButton { background: #2E6B5E; color: white; padding: 6px 18px;
  border-radius: 5px; font-weight: 600; }
QPushButton#loginButton:disabled, QPushButton#unlockButton:disabled { background: #9bb5ae; }
"""


_ITEM_PADDING = 5  # px, as in GATE_STYLE


@dataclass(frozen=True)
class ProfileChoice:
    """A profile as the chooser lists it."""

    name: str
    role_label: str  # « Bénévole »…
    has_password: bool = True


def _card(parent: QWidget) -> tuple[QFrame, QVBoxLayout]:
    """A centred white card on the plain background of ``parent``."""
    parent.setObjectName("gateBackground")
    parent.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    parent.setStyleSheet(GATE_STYLE)
    card = QFrame()
    card.setObjectName("gateCard")
    card.setMaximumWidth(460)
    card.setMinimumWidth(380)
    inner = QVBoxLayout(card)
    inner.setContentsMargins(28, 24, 28, 24)
    inner.setSpacing(12)
    outer = QVBoxLayout(parent)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(card)
    row.addStretch(1)
    outer.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)
    return card, inner


def _message_label() -> QLabel:
    label = QLabel()
    label.setObjectName("gateMessage")
    label.setWordWrap(True)
    label.hide()
    return label


def _show_message(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


class LoginScreen(QWidget):
    """« Qui êtes-vous ? »: the profiles of the base, a password, an optional PIN."""

    # name, password, PIN ("" = keep the one set before, if any)
    login_requested = Signal(str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginScreen")
        _card_frame, layout = _card(self)
        self.title = QLabel(self.tr("Qui êtes-vous ?"))
        self.title.setObjectName("gateTitle")
        self.base_label = QLabel()
        self.base_label.setObjectName("loginBase")
        self.base_label.setStyleSheet("color: #555;")
        self.base_label.setWordWrap(True)
        self.profiles = QListWidget()
        self.profiles.setObjectName("loginProfiles")
        self.password = QLineEdit()
        self.password.setObjectName("loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self.submit)
        self.pin = QLineEdit()
        self.pin.setObjectName("loginPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(12)
        self.pin.setPlaceholderText(self.tr("facultatif"))
        self.pin.setToolTip(self.tr("Un code court pour déverrouiller votre propre session sur ce poste."))
        self.pin.returnPressed.connect(self.submit)
        self.profiles.currentRowChanged.connect(lambda _row: self._profile_changed())
        self.profiles.itemDoubleClicked.connect(lambda _item: self.password.setFocus())
        form = QFormLayout()
        form.addRow(self.tr("Mot de passe"), self.password)
        form.addRow(self.tr("Code PIN"), self.pin)
        self.message = _message_label()
        self.demo_note = QLabel()
        self.demo_note.setObjectName("demoPasswords")
        self.demo_note.setWordWrap(True)
        self.demo_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demo_note.hide()
        self.login_button = QPushButton(self.tr("Se connecter"))
        self.login_button.setObjectName("loginButton")
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self.submit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.login_button)
        layout.addWidget(self.title)
        layout.addWidget(self.base_label)
        layout.addWidget(self.profiles)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addWidget(self.demo_note)
        self.set_busy(False)

    def show_profiles(
        self,
        base: str,
        profiles: list[ProfileChoice],
        *,
        chosen: str = "",
        demo_passwords: dict[str, str] | None = None,
    ) -> None:
        """Fill the chooser; ``demo_passwords`` only for the demonstration base."""
        self.base_label.setText(self.tr("Base : {name}").format(name=base))
        self.profiles.clear()
        for profile in profiles:
            item = QListWidgetItem(f"{profile.name} — {profile.role_label}")
            item.setData(Qt.ItemDataRole.UserRole, profile.name)
            self.profiles.addItem(item)
        rows = min(max(len(profiles), 2), 8)
        row_height = self.profiles.fontMetrics().height() + 2 * _ITEM_PADDING + 2
        self.profiles.setFixedHeight(rows * row_height + 2 * self.profiles.frameWidth() + 4)
        names = [profile.name for profile in profiles]
        self.profiles.setCurrentRow(names.index(chosen) if chosen in names else 0 if names else -1)
        if demo_passwords:
            lines = "<br>".join(
                f"<b>{name}</b> : <code>{password}</code>" for name, password in sorted(demo_passwords.items())
            )
            self.demo_note.setText(
                self.tr("Base de démonstration : ces mots de passe ne sont affichés que pour elle.") + "<br>" + lines
            )
        self.demo_note.setVisible(bool(demo_passwords))
        self.password.clear()
        self.pin.clear()
        _show_message(self.message, "")
        self.password.setFocus()

    def chosen(self) -> str:
        item = self.profiles.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def choose(self, name: str) -> None:
        for row in range(self.profiles.count()):
            if self.profiles.item(row).data(Qt.ItemDataRole.UserRole) == name:
                self.profiles.setCurrentRow(row)

    def submit(self) -> None:
        if not self.login_button.isEnabled():
            return
        name = self.chosen()
        if not name:
            self.show_message(self.tr("Choisissez votre profil dans la liste."))
            return
        self.login_requested.emit(name, self.password.text(), self.pin.text())

    def show_message(self, text: str) -> None:
        _show_message(self.message, text)

    def set_busy(self, busy: bool) -> None:
        self.login_button.setEnabled(not busy)
        self.login_button.setText(self.tr("Vérification…") if busy else self.tr("Se connecter"))

    def failed(self, message: str) -> None:
        self.set_busy(False)
        self.password.clear()
        self.password.setFocus()
        self.show_message(message)

    def _profile_changed(self) -> None:
        self.password.clear()
        self.pin.clear()
        _show_message(self.message, "")


class LockScreen(QWidget):
    """« Session verrouillée »: nothing of the base shows until the password or PIN is typed."""

    unlock_requested = Signal(str)  # the password or the PIN
    switch_requested = Signal()  # « Changer de profil »

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        _card_frame, layout = _card(self)
        title = QLabel(self.tr("Session verrouillée"))
        title.setObjectName("gateTitle")
        self.who = QLabel()
        self.who.setObjectName("lockProfile")
        self.who.setStyleSheet("color: #555;")
        self.secret = QLineEdit()
        self.secret.setObjectName("unlockSecret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(self.tr("mot de passe ou code PIN"))
        self.secret.returnPressed.connect(self.submit)
        self.message = _message_label()
        self.unlock_button = QPushButton(self.tr("Déverrouiller"))
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.submit)
        self.switch_button = QPushButton(self.tr("Changer de profil"))
        self.switch_button.setObjectName("switchProfileButton")
        self.switch_button.clicked.connect(self.switch_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout.addWidget(title)
        layout.addWidget(self.who)
        layout.addWidget(self.secret)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def show_for(self, profile: str, role_label: str) -> None:
        self.who.setText(self.tr("Profil : {name} ({role})").format(name=profile, role=role_label))
        self.secret.clear()
        _show_message(self.message, "")
        self.set_busy(False)
        self.secret.setFocus()

    def submit(self) -> None:
        if self.unlock_button.isEnabled() and self.secret.text():
            self.unlock_requested.emit(self.secret.text())

    def set_busy(self, busy: bool) -> None:
        self.unlock_button.setEnabled(not busy)

    def failed(self, message: str) -> None:
        self.set_busy(False)
        self.secret.clear()
        self.secret.setFocus()
        _show_message(self.message, message)
