"""Who is at the keyboard: the chooser at start, the idle lock, Ctrl+L, the quick switch.

``ProfileSession`` belongs to the main window. A base where a profile has a password
stops in ``DatabaseState.LOGIN``: the session covers the whole window with the chooser
and, once ``services.profiles.login`` accepted a password, hands the Actor to
``CurrentDatabase.log_in`` (the one place every screen takes its actor from). While the
profile works, an application event filter watches for input; after the idle delay (or
« Verrouiller », Ctrl+L) the lock screen covers everything until the password or the PIN
is typed again. Without passwords none of this shows: the app opens as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox, QStackedWidget, QWidget

from communitydesk.errors import ProfileGone
from communitydesk.services.permissions import Actor
from communitydesk.ui.current_database import DatabaseState
from communitydesk.ui.profiles.gate import LockScreen, LoginScreen, ProfileChoice
from communitydesk.ui.profiles.idle import IdleWatcher
from communitydesk.ui.tasks import TaskContext, run_in_background

if TYPE_CHECKING:
    from argon2 import PasswordHasher
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu

    from communitydesk.ui.main_window import MainWindow


def demo_passwords() -> dict[str, str]:
    """The demonstration base's logins, shown on its chooser only."""
    from communitydesk.services.demo import DEMO_ADMIN_PASSWORD, DEMO_VOLUNTEER_PASSWORD, FOUNDER, VOLUNTEER

    return {FOUNDER: DEMO_ADMIN_PASSWORD, VOLUNTEER: DEMO_VOLUNTEER_PASSWORD}


class ProfileSession(QObject):
    """The chooser, the lock and the idle watch of one main window."""

    locked_changed = Signal(bool)
    logged_in = Signal(object)  # the Actor

    # The argon2 parameters new hashes get (a PIN chosen at login); tests set cheap ones.
    hasher: PasswordHasher | None = None

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.database = window.database
        self.locked = False
        self._chooser_message = ""  # why the chooser shows instead of the lock screen
        self._hidden_windows: list[QWidget] = []
        self.gate = QStackedWidget()
        self.gate.setObjectName("profileGate")
        self.login_screen = LoginScreen()
        self.lock_screen = LockScreen()
        self.gate.addWidget(self.login_screen)
        self.gate.addWidget(self.lock_screen)
        self.login_screen.login_requested.connect(self.log_in)
        self.lock_screen.unlock_requested.connect(self.unlock)
        self.lock_screen.switch_requested.connect(self.switch_profile)
        self.idle = IdleWatcher(self)
        self.idle.idle.connect(self.lock)
        self.database.changed.connect(self._database_changed)

    # -- menu -------------------------------------------------------------------------------

    def fill_menu(self, menu: QMenu) -> None:
        """« Verrouiller » (Ctrl+L) and « Changer de profil »."""
        self.lock_action = menu.addAction(self.tr("&Verrouiller"))
        self.lock_action.setObjectName("lockAction")
        self.lock_action.setShortcuts([QKeySequence("Ctrl+L")])
        self.lock_action.triggered.connect(self.lock)
        self.switch_action = menu.addAction(self.tr("&Changer de profil"))
        self.switch_action.setObjectName("switchProfileAction")
        self.switch_action.triggered.connect(self.switch_profile)
        self._update_actions()

    def _update_actions(self) -> None:
        can = self.database.logged_in and not self.locked
        for action in self._actions():
            action.setEnabled(can)
            action.setToolTip("" if can else self.tr("Aucun profil n'a de mot de passe sur cette base."))

    def _actions(self) -> list[QAction]:
        return [
            action for action in (getattr(self, "lock_action", None), getattr(self, "switch_action", None)) if action
        ]

    # -- following the base ---------------------------------------------------------------------

    @property
    def covering(self) -> bool:
        """True while the chooser or the lock hides the window's content."""
        return self.window.body.currentWidget() is self.gate

    def _database_changed(self) -> None:
        database = self.database
        if database.state is DatabaseState.LOGIN and database.login_gate is not None:
            self.locked = False
            self._show_chooser()
        else:
            if not database.logged_in:
                self.idle.stop()
                self.locked = False
            if not self.locked:
                self._cover(False)
            if self._chooser_message and database.state is DatabaseState.READY:
                # No profile has a password any more: the base opened without the chooser; say why.
                message = self.tr("{reason} Plus aucun profil n'a de mot de passe : la base s'ouvre sans connexion.")
                box = QMessageBox(
                    QMessageBox.Icon.Information,
                    self.tr("Base ouverte sans connexion"),
                    message.format(reason=self._chooser_message),
                    QMessageBox.StandardButton.Ok,
                    self.window,
                )
                box.setObjectName("openedWithoutLoginBox")
                box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                box.open()
                self._chooser_message = ""
        self._update_actions()

    def _show_chooser(self) -> None:
        gate = self.database.login_gate
        assert gate is not None
        self.idle.stop()
        choices = [ProfileChoice(name, role.label, True) for name, role, _pin in gate.profiles]
        base = self.database.path.name if self.database.path is not None else ""
        self.login_screen.show_profiles(
            base,
            choices,
            chosen=self.window.settings.last_profile,
            demo_passwords=demo_passwords() if gate.demo else None,
        )
        self.login_screen.set_busy(False)
        if self._chooser_message:
            self.login_screen.show_message(self._chooser_message)
            self._chooser_message = ""
        self.gate.setCurrentWidget(self.login_screen)
        self._cover(True)

    def _cover(self, cover: bool) -> None:
        body = self.window.body
        if cover:
            body.setCurrentWidget(self.gate)
            self._hide_other_windows()
        else:
            body.setCurrentIndex(0)
            self._show_other_windows()

    def _hide_other_windows(self) -> None:
        # Contact sheets and dialogs opened in their own windows are hidden with the rest.
        for widget in QApplication.topLevelWidgets():
            if widget is not self.window and widget.isVisible() and widget.window() is not self.window:
                widget.hide()
                self._hidden_windows.append(widget)

    def _show_other_windows(self) -> None:
        hidden, self._hidden_windows = self._hidden_windows, []
        for widget in hidden:
            widget.show()

    # -- login ----------------------------------------------------------------------------------

    def log_in(self, name: str, password: str, pin: str = "") -> None:
        """Check ``password`` (and set ``pin``) in the background; the chooser says why it failed."""
        database, path, hasher = self.database, self.database.path, self.hasher
        assert path is not None
        self.login_screen.set_busy(True)

        def work(_ctx: TaskContext) -> Actor:
            from communitydesk.services import logins

            extra: dict[str, Any] = {} if hasher is None else {"hasher": hasher}
            actor = logins.login(path, name, password, **extra)  # the quick path: no ORM yet
            if pin:
                from communitydesk.services import profiles

                profiles.set_pin(database.database(), actor, pin, **extra)
            return actor

        def done(actor: Actor) -> None:
            self.window.settings.last_profile = actor.name
            self.database.log_in(actor)
            self._start_watch()
            self.logged_in.emit(actor)

        run_in_background(self.window, work, on_success=done, on_failure=self.login_screen.failed, owner=self)

    def _start_watch(self) -> None:
        self.idle.start(self.window.settings.lock_minutes * 60_000)

    def apply_lock_delay(self) -> None:
        """The delay was changed in Paramètres: it counts from now."""
        if self.idle.active:
            self._start_watch()

    # -- lock -----------------------------------------------------------------------------------

    def lock(self) -> None:
        """Cover the window until the password or PIN is typed again (bases with passwords only)."""
        if not self.database.logged_in or self.locked:
            return
        actor = self.database.actor
        self.locked = True
        self.idle.stop()
        self.lock_screen.show_for(actor.name, actor.role.label)
        self.gate.setCurrentWidget(self.lock_screen)
        self._cover(True)
        self._record("lock")
        self._update_actions()
        self.locked_changed.emit(True)

    def unlock(self, secret: str) -> None:
        """The PIN or the password; wrong ones count as failures. The profile and its rights are
        read again: changed meanwhile, the pages are built again for them as after a login."""
        actor, path, hasher = self.database.actor, self.database.path, self.hasher
        assert path is not None
        self.lock_screen.set_busy(True)

        def work(_ctx: TaskContext) -> Actor | ProfileGone:
            from communitydesk.services import logins

            extra: dict[str, Any] = {} if hasher is None else {"hasher": hasher}
            try:
                return logins.unlock(path, actor, secret, **extra)
            except ProfileGone as gone:
                return gone  # not a failure of the lock screen: the chooser takes over

        run_in_background(self.window, work, on_success=self._unlocked, on_failure=self.lock_screen.failed, owner=self)

    def _unlocked(self, found: Actor | ProfileGone) -> None:
        self.locked = False
        if isinstance(found, ProfileGone):
            self.idle.stop()
            self._chooser_message = str(found)
            self.database.log_out()  # the chooser, its list read again
            return
        if found != self.database.actor:
            self.database.log_in(found)  # as after a login: screens follow the rights read now
        self._cover(False)
        self._start_watch()
        self._update_actions()
        self.locked_changed.emit(False)

    def switch_profile(self) -> None:
        """« Changer de profil »: log out (audited) and show the chooser."""
        if not self.database.logged_in:
            return
        self._record("logout")
        self.locked = False
        self.idle.stop()
        self.database.log_out()

    def _record(self, event: str) -> None:
        """An audit entry for the lock or the logout, written in the background."""
        actor, path = self.database.actor, self.database.path
        assert path is not None

        def work(_ctx: TaskContext) -> None:
            from communitydesk.services.audit import SessionEvent, record

            record(path, actor, SessionEvent(event), f"profile:{actor.profile_id}")

        run_in_background(None, work, on_failure=lambda _message: None)
