"""The database the window works on: opening it cheaply, its figures, its ORM handle later.

Opening follows the fast path that keeps start-up quick (see docs/ARCHITECTURE.md):

1. ``schema_version.probe`` (sqlite3 only) tells whether the file is current, missing,
   outdated, newer or damaged — in a background task, so the window is already shown;
2. a current database goes straight to ``services.figures.read_figures`` (sqlite3 only,
   off the UI thread) and the dashboard shows real numbers;
3. a missing or outdated one is created/upgraded in the background (backup first, with a
   progress indication); a newer or damaged one is refused with a French message and
   left untouched;
4. only when a screen needs the ORM does :meth:`CurrentDatabase.database` call
   ``open_database`` (SQLAlchemy), inside that screen's background task.

A base where a profile has a password stops after the probe in ``DatabaseState.LOGIN``:
nothing of it is read (not even the figures) until ``log_in`` gives the profile that acts
(ui/profiles/session.py asks who is there); ``log_out`` goes back there.
"""

from __future__ import annotations

import getpass
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QMainWindow, QWidget

from communitydesk.errors import DatabaseError
from communitydesk.records.changes import NOTHING, Changes
from communitydesk.services.permissions import Actor, Role
from communitydesk.ui.tasks import Task, TaskContext, run_in_background, show_error

if TYPE_CHECKING:
    from communitydesk.db.database import Database
    from communitydesk.services.figures import Figures

#: What the dashboard's figures count: a change of any of these reads them again.
FIGURES_SHOW = Changes.of(
    "contacts",
    "circles",
    "touch_points",
    "campaigns",
    "contributions",
    "settings",
    "editorial",
    "publications",
    "ambassadors",
)

# Who acts while the base asks who is there: nobody, with no right at all.
NOBODY = Actor(name="", role=Role.READER, rights=frozenset())

#: Contacts in the demo opened by ``communitydesk --demo``: lively, yet ready in seconds.
DEMO_CONTACTS = 1000


class DatabaseState(Enum):
    NONE = "none"  # nothing opened (or the last attempt failed)
    OPENING = "opening"  # probe, creation, upgrade or first figures under way
    LOGIN = "login"  # the base asks who is there: nothing of it is read until log_in
    READY = "ready"


@dataclass(frozen=True)
class LoginGate:
    """What the profile chooser shows of a base whose profiles have passwords."""

    profiles: list[tuple[str, Role, bool]]  # name, role, has a PIN
    demo: bool  # the demonstration base: its passwords are shown


def default_actor() -> Actor:
    """Who acts until profiles exist: the person logged in on this computer, as admin."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        name = "utilisateur"
    return Actor(name=name, role=Role.ADMIN)


def _login_gate(path: Path, demo: bool) -> LoginGate | None:
    """What the chooser shows, or None when no profile of the base at ``path`` has a password."""
    from communitydesk.services.logins import login_choices

    choices = login_choices(path)
    return LoginGate(profiles=choices, demo=demo) if choices else None


def _prepare_qt_enums() -> None:
    # The first QPainter.setPen/setBrush (the dashboard's charts) makes PySide6 build every
    # enum of the Qt namespace: 60-130 ms. Done here, on the UI thread, while the figures
    # are still being read (SQLite releases the GIL), rather than once they have arrived.
    from PySide6.QtCore import Qt

    _ = Qt.AlignmentFlag


class CurrentDatabase(QObject):
    """The open database of the main window; pages listen to its signals.

    ``data_changed`` is the one way a screen learns that data changed: the ORM handle's
    ``Database.changes`` feed reports every commit (from any worker), and the changes are
    queued to the UI thread and coalesced over ``COALESCE_MS``. The figures are read again
    here when they may have moved, so the dashboard and the status bar follow by themselves.
    """

    changed = Signal()  # path or state changed
    actor_changed = Signal()  # someone logged in or out: screens built for the last one are stale
    figures_changed = Signal(object)  # a communitydesk.services.figures.Figures
    failed = Signal(str)  # opening failed: the French message shown to the user
    notice = Signal(str)  # a sentence for the status bar (the previous demo kept in backups/)
    # What the commits of this base changed (a records.changes.Changes), on the UI thread, a
    # burst of commits coalesced into one: THE signal screens refresh on.
    data_changed = Signal(object)
    _committed = Signal(int, object)  # from the committing thread: generation, Changes

    #: Commits closer together than this reach the screens as one change.
    COALESCE_MS = 80

    def __init__(self, parent: QObject | None = None, actor: Actor | None = None) -> None:
        super().__init__(parent)
        self._default_actor = actor or default_actor()
        self.actor = self._default_actor
        self.login_gate: LoginGate | None = None  # set while the base asks who is there
        self._logged_in: Path | None = None  # the base self.actor logged in to
        self.path: Path | None = None
        self.demo = False
        self.state = DatabaseState.NONE
        self.activity = ""  # what is being done while OPENING, for the pages to say
        self.figures: Figures | None = None
        self.error_message = ""
        self._generation = 0
        self._lock = threading.Lock()
        self._database: Database | None = None
        self._widget: QWidget | None = None  # where progress and errors are shown
        self._backed_up: Path | None = None  # the base whose automatic backup was already seen to
        self._unsubscribe: Callable[[], None] | None = None
        self._pending_changes = NOTHING
        self._changes_timer = QTimer(self)
        self._changes_timer.setSingleShot(True)
        self._changes_timer.setInterval(self.COALESCE_MS)
        self._changes_timer.timeout.connect(self._publish_changes)
        self._committed.connect(self._heard_commit)

    # -- opening ----------------------------------------------------------------------------

    def attach(self, widget: QWidget) -> None:
        """The window in which progress and errors are shown."""
        self._widget = widget

    def open(self, target: Path | Callable[[], Path], *, demo: bool = False, widget: QWidget | None = None) -> None:
        """Open ``target`` in the background (for ``demo``: create a fresh demo there first).

        ``target`` may be a function returning the path: it then runs in the background
        too (finding the user's data folder imports platformdirs, ~60 ms).
        """
        if widget is not None:
            self._widget = widget
        self._generation += 1
        self._close_orm()
        self.path = Path(target) if isinstance(target, (str, Path)) else None
        if self.path is None or self.path != self._logged_in:
            was_logged_in = self._logged_in is not None
            self._forget_login()  # a profile is a profile of one base
            if was_logged_in:
                self.actor_changed.emit()
        self.demo = demo
        self.figures = None
        self.error_message = ""
        locate = (lambda: Path(target)) if isinstance(target, (str, Path)) else target
        # Timers fire once the event loop runs, i.e. after the window is shown.
        QTimer.singleShot(0, _prepare_qt_enums)
        if demo:
            self._set_opening(self.tr("Création de la base de démonstration…"))
            self._run(
                lambda ctx: self._create_demo(ctx, locate()),
                label=self.activity,
                cancellable=True,
                then=self._demo_created,
            )
        else:
            self._set_opening(self.tr("Ouverture de la base…"))
            self._run(lambda _ctx: self._probe_and_read(locate()), then=self._after_probe)

    def _set_opening(self, activity: str) -> None:
        self.state = DatabaseState.OPENING
        self.activity = activity
        self.changed.emit()

    def _run(self, work: Any, *, then: Any, label: str = "", cancellable: bool = False) -> Task:
        generation = self._generation

        def on_success(result: object) -> None:
            if generation == self._generation:
                then(result)

        def on_failure(message: str) -> None:
            if generation == self._generation:
                self._fail(message)

        def on_cancel() -> None:
            if generation == self._generation:
                self._fail(self.tr("Ouverture annulée : aucune base n'est ouverte."), show=False)

        return run_in_background(
            self._widget,
            work,
            on_success=on_success,
            on_failure=on_failure,
            on_cancel=on_cancel,
            label=label,
            cancellable=cancellable,
        )

    def _fail(self, message: str, *, show: bool = True) -> None:
        self.state = DatabaseState.NONE
        self.activity = ""
        self.error_message = message
        self.changed.emit()
        self.failed.emit(message)
        if show:
            show_error(self._widget, message, self.tr("Impossible d'ouvrir la base"))

    def _set_path(self, path: Path) -> None:
        if path != self.path:
            self.path = path
            self.changed.emit()

    def _probe_and_read(self, path: Path) -> tuple[Path, Any, Figures | LoginGate | None]:
        """The probe, then straight away the figures of a current base: one trip to the worker."""
        from communitydesk.db.schema_version import SchemaState, probe

        found = probe(path)
        if found.state is not SchemaState.CURRENT:
            return path, found, None
        return path, found, self._gate_or_figures(path)

    def _gate_or_figures(self, path: Path) -> Figures | LoginGate:
        """The figures, unless the base first asks who is there (sqlite3 only, in a worker)."""
        from communitydesk.services.figures import read_figures

        if path != self._logged_in:
            gate = _login_gate(path, self.demo)
            if gate is not None:
                return gate
        return read_figures(path, self.actor, with_tables=False)

    def _after_probe(self, result: tuple[Path, Any, Figures | LoginGate | None]) -> None:
        from communitydesk.db.schema_version import SchemaState, refuse_newer

        path, found, figures = result
        self._set_path(path)
        assert self.path is not None
        if isinstance(figures, LoginGate):
            self._ask_login(figures)
        elif figures is not None:
            self._show_figures(figures)
        elif found.state is SchemaState.NEWER:
            self._fail(str(refuse_newer(self.path, found)))
        else:
            if found.state is SchemaState.OUTDATED:
                activity = self.tr("Mise à jour de la base… une sauvegarde a été faite")
            else:
                activity = self.tr("Création de la base…")
            self._set_opening(activity)
            self._run(self._create_or_upgrade, label=activity, then=self._load_figures)

    def _create_or_upgrade(self, _ctx: TaskContext) -> None:
        from communitydesk.db.database import open_database

        assert self.path is not None
        database = open_database(self.path)  # backs up, then upgrades (Alembic) or creates
        with self._lock:
            self._adopt(database)

    def _create_demo(self, ctx: TaskContext, path: Path) -> tuple[Path, Path | None]:
        from communitydesk.services.demo import create_demo_database

        summary = create_demo_database(
            path, self.actor, contacts=DEMO_CONTACTS, replace=True, progress=ctx.progress, with_logins=True
        )
        return path, summary.kept

    def _demo_created(self, created: tuple[Path, Path | None]) -> None:
        path, kept = created
        self._set_path(path)
        self._load_figures()
        if kept is not None:
            self.notice.emit(
                self.tr("Nouvelle base de démonstration ; la précédente est gardée dans {path}").format(path=kept)
            )

    # -- figures ----------------------------------------------------------------------------

    def _read_figures(self, _ctx: TaskContext) -> Figures | LoginGate:
        assert self.path is not None
        return self._gate_or_figures(self.path)

    def _load_figures(self, _result: object = None) -> None:
        self._run(self._read_figures, then=self._figures_read)

    def _figures_read(self, figures: Figures | LoginGate) -> None:
        if isinstance(figures, LoginGate):
            self._ask_login(figures)
        else:
            self._show_figures(figures)

    def _show_figures(self, figures: Figures) -> None:
        self.figures = figures
        self.state = DatabaseState.READY
        self.activity = ""
        self.changed.emit()
        self.figures_changed.emit(figures)

    def reload_figures(self) -> Task | None:
        """Read the figures again (F5, after an import...); None when no base is ready."""
        if self.state is not DatabaseState.READY:
            return None
        return self._run(self._read_figures, then=self._figures_read)

    # -- who acts -----------------------------------------------------------------------------

    def _ask_login(self, gate: LoginGate) -> None:
        self.login_gate = gate
        self.actor = NOBODY  # any service called before a login is refused
        self.figures = None
        self.state = DatabaseState.LOGIN
        self.activity = ""
        self.changed.emit()

    @property
    def logged_in(self) -> bool:
        """True when a profile of this base logged in (the base has passwords)."""
        return self._logged_in is not None and self._logged_in == self.path

    def log_in(self, actor: Actor) -> None:
        """``actor`` (services.profiles.login's) acts from now on; the figures are read for it."""
        assert self.path is not None
        self.actor = actor
        self._logged_in = self.path
        self.actor_changed.emit()
        self._set_opening(self.tr("Ouverture de la base…"))
        self._load_figures()

    def log_out(self) -> None:
        """Back to the profile chooser (« Changer de profil »): nothing shown until the next login."""
        if self.path is None or self.login_gate is None:
            return
        self._generation += 1  # what was being read for the last profile is dropped
        self._forget_login()
        self.actor_changed.emit()
        self._set_opening(self.tr("Ouverture de la base…"))
        self._load_figures()  # reads the chooser's list again: a profile may have been added

    def _forget_login(self) -> None:
        self._logged_in = None
        self.login_gate = None
        self.actor = self._default_actor

    # -- the ORM, for screens that need it ---------------------------------------------------

    def database(self) -> Database:
        """The SQLAlchemy handle, opened on first use. Call it from a background task only:
        the first call imports SQLAlchemy (about a second or two)."""
        from communitydesk.db.database import open_database

        with self._lock:
            if self.path is None or self.state is DatabaseState.NONE:
                raise DatabaseError(self.tr("Aucune base n'est ouverte."))
            if self._database is None or self._database.path != self.path:
                self._adopt(open_database(self.path, create=False))
            assert self._database is not None
            return self._database

    def _adopt(self, database: Database) -> None:
        # Called with the lock held, in a worker: what its commits change comes back queued.
        if self._unsubscribe is not None:
            self._unsubscribe()
        generation = self._generation
        self._database = database
        self._unsubscribe = database.changes.subscribe(lambda changes: self._committed.emit(generation, changes))

    # -- what changed -----------------------------------------------------------------------

    @Slot(int, object)
    def _heard_commit(self, generation: int, changes: Changes) -> None:
        if generation != self._generation:
            return  # a base closed since
        self._pending_changes |= changes
        if not self._changes_timer.isActive():
            self._changes_timer.start()

    def _publish_changes(self) -> None:
        changes, self._pending_changes = self._pending_changes, NOTHING
        if not changes.any():
            return
        if (changes & FIGURES_SHOW).any():
            self.reload_figures()  # the dashboard and the status bar's count follow
        self.data_changed.emit(changes)

    def warm_up(self) -> Task | None:
        """Open the ORM handle in the background so that the first screen needing it is quick."""
        if self.state is not DatabaseState.READY or self._database is not None:
            return None
        generation = self._generation
        return run_in_background(
            None,
            lambda _ctx: self.database() if generation == self._generation else None,
            on_failure=lambda _message: None,  # the screen that needs it will report it
        )

    def back_up_automatically(self) -> Task | None:
        """The rotating automatic backup of the open base (at most one a day, the number kept
        is set in Paramètres), once per opened base, in the background. Not for the demo."""
        if self.state is not DatabaseState.READY or self.demo or self.path is None or self._backed_up == self.path:
            return None
        path = self._backed_up = self.path
        actor = self._default_actor  # the computer's duty, whoever is logged in (a volunteer too)

        def work(_ctx: TaskContext) -> Path | None:
            from communitydesk.services.maintenance import automatic_backup

            return automatic_backup(path, actor)

        def done(backup: Path | None) -> None:
            if backup is not None:
                self._status(self.tr("Sauvegarde automatique faite : %1").replace("%1", backup.name))

        def failed(message: str) -> None:
            self._status(self.tr("Sauvegarde automatique impossible : %1").replace("%1", message))

        return run_in_background(None, work, on_success=done, on_failure=failed)

    def _status(self, message: str) -> None:
        window = self._widget.window() if self._widget is not None else None
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, 10000)

    def _close_orm(self) -> None:
        with self._lock:
            database, self._database = self._database, None
            if self._unsubscribe is not None:
                self._unsubscribe()
                self._unsubscribe = None
        self._pending_changes = NOTHING
        if database is not None:
            database.close()

    def close(self) -> None:
        self._generation += 1
        self._close_orm()
