"""Asking for a profile's secret (a future SMTP password, a platform token).

``SecretAsker.obtain`` hands the secret to a callback: from the keyring when it holds one
(services.secrets), else typed in a small dialog, kept in the keyring if the user wants.
Where the system has no keyring, the dialog says so the first time and then simply asks
each time: the secret is never written in clear anywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from communitydesk.ui.tasks import TaskContext, run_in_background

if TYPE_CHECKING:
    from communitydesk.ui.current_database import CurrentDatabase


class SecretDialog(QDialog):
    """One secret, typed; ``notice`` (no keyring here) is shown above it the first time."""

    def __init__(self, label: str, parent: QWidget | None = None, *, notice: str = "", can_keep: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("secretDialog")
        self.setWindowTitle(self.tr("Mot de passe demandé"))
        form = QFormLayout(self)
        self.notice = QLabel(notice)
        self.notice.setObjectName("secretNotice")
        self.notice.setWordWrap(True)
        self.notice.setVisible(bool(notice))
        form.addRow(self.notice)
        self.secret = QLineEdit()
        self.secret.setObjectName("secretField")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(label, self.secret)
        self.keep = QCheckBox(self.tr("Le garder dans le trousseau de cet ordinateur"))
        self.keep.setObjectName("secretKeep")
        self.keep.setChecked(can_keep)
        self.keep.setVisible(can_keep)
        form.addRow(self.keep)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class SecretAsker(QObject):
    """Obtains the acting profile's secrets for one window."""

    #: Whether this run already said that the system keeps no secrets (said once only).
    told_unavailable = False

    def __init__(self, database: CurrentDatabase, parent: QWidget) -> None:
        super().__init__(parent)
        self.database = database
        self.parent_widget = parent
        self.dialog: SecretDialog | None = None  # the one being shown, for tests

    def obtain(self, key: str, label: str, use: Callable[[str], None]) -> None:
        """Call ``use(secret)`` once the secret ``key`` is known; nothing if the user cancels."""
        database, actor = self.database, self.database.actor

        def read(_ctx: TaskContext) -> tuple[str | None, str]:
            """The kept secret, or None and why there is no keyring ("" when there is one)."""
            from communitydesk.services.secrets import SecretStoreUnavailable, read_secret

            try:
                return read_secret(database.database(), actor, key), ""
            except SecretStoreUnavailable as unavailable:
                return None, str(unavailable)

        def answered(found: tuple[str | None, str]) -> None:
            secret, notice = found
            if secret is not None:
                use(secret)
            else:
                self._ask(key, label, use, notice)

        run_in_background(self.parent_widget, read, on_success=answered, owner=self)

    def _ask(self, key: str, label: str, use: Callable[[str], None], notice: str) -> None:
        unavailable = bool(notice)
        shown = notice if unavailable and not SecretAsker.told_unavailable else ""
        if unavailable:
            SecretAsker.told_unavailable = True
        dialog = self.dialog = SecretDialog(label, self.parent_widget, notice=shown, can_keep=not unavailable)

        def accepted() -> None:
            secret = dialog.secret.text()
            if secret and dialog.keep.isChecked() and not unavailable:
                self._keep(key, secret)
            if secret:
                use(secret)

        dialog.accepted.connect(accepted)
        dialog.open()

    def _keep(self, key: str, secret: str) -> None:
        database, actor = self.database, self.database.actor

        def work(_ctx: TaskContext) -> None:
            from communitydesk.services.secrets import store_secret

            store_secret(database.database(), actor, key, secret)

        run_in_background(self.parent_widget, work, owner=self)
