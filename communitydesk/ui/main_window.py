"""The main window: sidebar of areas, lazily built pages, menus, status bar.

Adding a page (one small edit)
------------------------------
Every area is one line of :data:`PAGES`: a key, a French title, and the page class as a
``"module:Class"`` string (imported on the first visit only, so that start-up stays fast)::

    PageSpec("contacts", QT_TRANSLATE_NOOP("pages", "Contacts"), "communitydesk.ui.contacts.page:ContactsPage"),

A page whose ``factory`` is empty shows :class:`~communitydesk.ui.widgets.coming_soon.ComingSoonPage`
with its ``soon`` text: replace ``soon=...`` by your factory when your area is ready. The order
of the list is the order of the sidebar and of the Ctrl+1…Ctrl+9 shortcuts.

A page that shows people names the right it needs (``needs=Action.READ_CONTACTS``): a
profile without it (Lecture seule) does not see it in the sidebar.

A page class is a ``QWidget`` built as ``Page(context)`` with a :class:`PageContext`
(``context.database`` is the :class:`~communitydesk.ui.current_database.CurrentDatabase`:
its ``path``, ``actor``, ``figures``, signals ``changed``/``figures_changed``/``data_changed``,
and ``database()`` for the ORM inside a background task; ``context.settings`` the per-computer
:class:`~communitydesk.ui.settings.UiSettings`). A page refreshes what it shows when
``data_changed`` says it changed, through :class:`~communitydesk.ui.change_watch.ChangeWatch`,
never because another page told it to. Optional methods the window calls:

- ``refresh()``: F5 (Aller à › Actualiser) while the page is shown;
- ``closing()``: the window is closing, save header/splitter states in ``context.settings``.

When someone logs in or out (``CurrentDatabase.actor_changed``), the built pages are
dropped and built again for the new profile, with its own layout (ui/profiles/session.py).

Long work goes through :func:`communitydesk.ui.tasks.run_in_background`; its progress and
Annuler button appear in this window's status bar.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

# Start-up path: no Qt namespace and no dialogs imported at module level (PySide6 builds a
# class's enums on first access; Qt's alone cost ~40 ms). Dialogs are imported when used.
from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QListWidget, QMainWindow, QSplitter, QStackedWidget, QWidget

from communitydesk import __version__
from communitydesk.services.permissions import Action, allowed
from communitydesk.ui.current_database import CurrentDatabase, DatabaseState
from communitydesk.ui.profiles.session import ProfileSession
from communitydesk.ui.settings import UiSettings
from communitydesk.ui.tasks import Task, TaskContext, TaskProgressBar, run_in_background, show_error
from communitydesk.ui.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox


@dataclass(frozen=True)
class PageContext:
    """What every page receives."""

    database: CurrentDatabase
    settings: UiSettings
    window: MainWindow


PageFactory = Callable[[PageContext], QWidget]


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # French source text, translated in the "pages" context
    factory: str | PageFactory = ""  # "package.module:Class", or a callable; "" = coming soon
    soon: str = ""  # what the coming-soon page promises, French source ("pages" context)
    needs: Action | None = None  # the right a profile needs to see the page at all


# The areas, in sidebar order. One line per area; see the module docstring.
PAGES: list[PageSpec] = [
    PageSpec(
        "dashboard", QT_TRANSLATE_NOOP("pages", "Tableau de bord"), "communitydesk.ui.dashboard.page:DashboardPage"
    ),
    PageSpec(
        "contacts",
        QT_TRANSLATE_NOOP("pages", "Contacts"),
        "communitydesk.ui.contacts.page:ContactsPage",
        needs=Action.READ_CONTACTS,
    ),
    PageSpec(
        "campaigns",
        QT_TRANSLATE_NOOP("pages", "Campagnes"),
        "communitydesk.ui.campaigns.page:CampaignsPage",
        needs=Action.READ_CONTACTS,
    ),
    PageSpec(
        "editorial",
        QT_TRANSLATE_NOOP("pages", "Calendrier éditorial"),
        "communitydesk.ui.editorial.page:EditorialPage",
    ),
    PageSpec(
        "ambassadors",
        QT_TRANSLATE_NOOP("pages", "Ambassadeurs"),
        "communitydesk.ui.ambassadors.page:AmbassadorsPage",
        needs=Action.READ_CONTACTS,
    ),
    PageSpec(
        "events",
        QT_TRANSLATE_NOOP("pages", "Événements"),
        "communitydesk.ui.events.page:EventsPage",
        needs=Action.READ_CONTACTS,  # its list and sheets name the participants
    ),
    PageSpec("documents", QT_TRANSLATE_NOOP("pages", "Documents PDF"), "communitydesk.ui.documents.page:DocumentsPage"),
    PageSpec("settings", QT_TRANSLATE_NOOP("pages", "Paramètres"), "communitydesk.ui.settings_page.page:SettingsPage"),
]


def page_title(spec: PageSpec) -> str:
    return QCoreApplication.translate("pages", spec.title)


def build_page(spec: PageSpec, context: PageContext) -> QWidget:
    if not spec.factory:
        from communitydesk.ui.widgets.coming_soon import ComingSoonPage

        return ComingSoonPage(page_title(spec), QCoreApplication.translate("pages", spec.soon))
    if callable(spec.factory):
        return spec.factory(context)
    module_name, _, class_name = spec.factory.partition(":")
    page_class = getattr(importlib.import_module(module_name), class_name)
    page: QWidget = page_class(context)
    return page


def set_shortcut(action: QAction, keys: QKeySequence) -> None:
    # setShortcuts([...]), not setShortcut(...): the latter's argument conversion makes
    # PySide6 build every enum of the Qt namespace (~60-150 ms) before the window shows.
    action.setShortcuts([keys])


SIDEBAR_STYLE = """
QListWidget#sidebar { background: #f3f1ec; border: none; font-size: 11pt; padding-top: 8px; }
QListWidget#sidebar::item { padding: 9px 14px; border-radius: 6px; margin: 1px 6px; color: #2b2b2b; }
QListWidget#sidebar::item:hover { background: #e6e2d8; }
QListWidget#sidebar::item:selected { background: #2E6B5E; color: white; }
"""


DEFAULT_SIZE = (1200, 780)
#: What the window manager adds around the window (title bar, borders) on common desktops.
FRAME_MARGIN = (16, 48)


def default_size(available: QSize) -> QSize:
    """The first window: 1200×780, or less so that it fits, status bar and title bar
    included, on the screen left free by the task bar (a 1366×768 laptop)."""
    return QSize(
        min(DEFAULT_SIZE[0], available.width() - FRAME_MARGIN[0]),
        min(DEFAULT_SIZE[1], available.height() - FRAME_MARGIN[1]),
    )


class MainWindow(QMainWindow):
    """Sidebar + pages; owns the :class:`CurrentDatabase` the pages work on."""

    page_changed = Signal(str)

    def __init__(self, settings: UiSettings, database: CurrentDatabase | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings
        self.database = database or CurrentDatabase(self)
        self.context = PageContext(database=self.database, settings=settings, window=self)
        self.pages: dict[str, QWidget] = {}
        self.page_actions: dict[str, QAction] = {}

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setStyleSheet(SIDEBAR_STYLE)
        self.sidebar.addItems([page_title(spec) for spec in PAGES])  # row i is PAGES[i]
        # As wide as its longest title: a narrower window squeezes the page, never the sidebar into a scroll bar.
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sidebar.setMinimumWidth(max(170, self.sidebar.sizeHintForColumn(0) + 2 * self.sidebar.frameWidth() + 4))
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        self.splitter = QSplitter()  # horizontal
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(0, False)
        self.splitter.setSizes([210, 990])
        # The profile chooser and the lock cover the whole window: the pages are not shown at all.
        self.session = ProfileSession(self)
        self.body = QStackedWidget()
        self.body.setObjectName("windowBody")
        self.body.addWidget(self.splitter)
        self.body.addWidget(self.session.gate)
        self.setCentralWidget(self.body)

        self._build_status_bar()
        self._build_menus()
        self.sidebar.currentRowChanged.connect(self._show_row)
        self.database.changed.connect(self._database_changed)
        self.database.notice.connect(self._show_notice)
        self.database.actor_changed.connect(self._actor_changed)
        self._database_changed()
        self._restore_layout()

    # -- building ---------------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.task_progress = TaskProgressBar(self)
        self.database_label = QLabel()
        self.database_label.setObjectName("databaseLabel")
        self.profile_label = QLabel()
        self.profile_label.setObjectName("profileLabel")
        status.addPermanentWidget(self.task_progress)
        status.addPermanentWidget(self.database_label)
        status.addPermanentWidget(self.profile_label)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Fichier"))
        self.open_action = file_menu.addAction(self.tr("&Ouvrir une base…"))
        set_shortcut(self.open_action, QKeySequence(QKeySequence.StandardKey.Open))
        self.open_action.triggered.connect(self.choose_database_file)
        self.save_copy_action = file_menu.addAction(self.tr("&Sauvegarder une copie…"))
        set_shortcut(self.save_copy_action, QKeySequence("Ctrl+Shift+S"))
        self.save_copy_action.triggered.connect(self.choose_copy_target)
        file_menu.addSeparator()
        self.quit_action = file_menu.addAction(self.tr("&Quitter"))
        set_shortcut(self.quit_action, QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)

        go_menu = self.menuBar().addMenu(self.tr("&Aller à"))
        group = QActionGroup(self)
        for index, spec in enumerate(PAGES):
            action = go_menu.addAction(page_title(spec))
            action.setCheckable(True)
            action.setActionGroup(group)
            if index < 9:
                set_shortcut(action, QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _checked=False, key=spec.key: self.show_page(key))
            self.page_actions[spec.key] = action
        go_menu.addSeparator()
        self.refresh_action = go_menu.addAction(self.tr("A&ctualiser"))
        set_shortcut(self.refresh_action, QKeySequence("F5"))
        self.refresh_action.triggered.connect(self.refresh_current_page)

        profile_menu = self.menuBar().addMenu(self.tr("&Profil"))
        self.session.fill_menu(profile_menu)
        profile_menu.addSeparator()
        self.profiles_action = profile_menu.addAction(self.tr("Profils et &droits…"))
        self.profiles_action.setObjectName("profilesAction")
        self.profiles_action.triggered.connect(self.show_profiles)
        self.audit_action = profile_menu.addAction(self.tr("&Journal des actions sensibles…"))
        self.audit_action.setObjectName("auditAction")
        self.audit_action.triggered.connect(self.show_audit)

        help_menu = self.menuBar().addMenu(self.tr("Ai&de"))
        self.about_action = help_menu.addAction(self.tr("À &propos de CommunityDesk"))
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)

    def _restore_layout(self) -> None:
        geometry = self.settings.window_geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(default_size(self.screen().availableGeometry().size()))
        state = self.settings.window_state
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.splitter_state("main")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.show_page(self.settings.sidebar_page or PAGES[0].key)

    # -- pages ------------------------------------------------------------------------------

    def page_keys(self) -> list[str]:
        return [spec.key for spec in PAGES]

    def current_page_key(self) -> str:
        row = self.sidebar.currentRow()
        return PAGES[row].key if 0 <= row < len(PAGES) else ""

    def show_page(self, key: str) -> QWidget:
        """Show the page ``key`` (building it on its first visit); unknown keys, and pages the
        profile may not see, show the first."""
        keys = self.page_keys()
        row = keys.index(key) if key in keys and not self.sidebar.isRowHidden(keys.index(key)) else 0
        if self.sidebar.currentRow() != row:
            self.sidebar.setCurrentRow(row)  # → _show_row
        else:
            self._show_row(row)
        # The page left open when it asked first (unsaved Paramètres).
        shown = self.pages.get(keys[row]) or self.stack.currentWidget()
        assert shown is not None
        return shown

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        spec = PAGES[row]
        leaving = self.stack.currentWidget()
        wanted = spec.key
        if (
            leaving is not None
            and leaving is not self.pages.get(wanted)
            and not self._may_leave(leaving, lambda: self.show_page(wanted))
        ):
            back = next(key for key, page in self.pages.items() if page is leaving)
            self.sidebar.blockSignals(True)
            self.sidebar.setCurrentRow(self.page_keys().index(back))
            self.sidebar.blockSignals(False)
            self.page_actions[back].setChecked(True)
            return
        page = self.pages.get(spec.key)
        if page is None:
            page = build_page(spec, self.context)
            page.setObjectName(f"page_{spec.key}")
            self.pages[spec.key] = page
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        self.page_actions[spec.key].setChecked(True)
        self.page_changed.emit(spec.key)

    def _show_notice(self, message: str) -> None:
        self.statusBar().showMessage(message, 20000)

    def refresh_current_page(self) -> None:
        page = self.stack.currentWidget()
        refresh = getattr(page, "refresh", None)
        if callable(refresh):
            refresh()

    # -- database ---------------------------------------------------------------------------

    def open_database(self, path: Path, *, demo: bool = False) -> None:
        """Open ``path`` (in the background); ``demo`` creates a fresh demo there first."""
        self.database.open(path, demo=demo, widget=self)

    def choose_database_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        last = self.settings.last_database
        if last is not None and last.exists():
            start = last  # the dialog opens on the base chosen last time, selected
        else:
            start = self.settings.last_folder or (self.database.path.parent if self.database.path else Path.home())
        filename, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Ouvrir une base CommunityDesk"),
            str(start),
            self.tr("Bases CommunityDesk (*.sqlite3 *.sqlite *.db);;Tous les fichiers (*)"),
        )
        if filename:
            path = Path(filename)
            self.settings.last_folder = path.parent
            self.open_chosen_database(path)

    def open_chosen_database(self, path: Path) -> Task:
        """Open a base the user chose, once it is known to be one: a file that is not a
        CommunityDesk base is refused in one dialog, and the base open until then stays open."""

        def check(_ctx: TaskContext) -> None:
            from communitydesk.db.schema_version import probe

            probe(path)  # read-only; a DatabaseError says what the file is not

        def refused(message: str) -> None:
            show_error(self, message, self.tr("Impossible d'ouvrir la base"))

        def chosen(_result: object) -> None:
            self.settings.last_database = path
            self.open_database(path)

        return run_in_background(self, check, on_success=chosen, on_failure=refused)

    def choose_copy_target(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        if self.database.path is None or self.database.state is not DatabaseState.READY:
            self.statusBar().showMessage(self.tr("Aucune base ouverte à sauvegarder."), 5000)
            return
        folder = self.settings.last_folder or Path.home()
        from communitydesk.formatting import local_today

        suggested = folder / f"{self.database.path.stem}-copie-{local_today().isoformat()}.sqlite3"
        filename, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Sauvegarder une copie de la base"),
            str(suggested),
            self.tr("Bases CommunityDesk (*.sqlite3)"),
        )
        if filename:
            target = Path(filename)
            self.settings.last_folder = target.parent
            self.save_copy(target)

    def save_copy(self, target: Path) -> None:
        """A consistent copy of the open database to ``target``, in the background."""
        from communitydesk.services.maintenance import backup_database

        source, actor = self.database.path, self.database.actor
        assert source is not None

        def work(ctx: TaskContext) -> Path:
            return backup_database(source, actor, out=target, progress=ctx.progress)

        def done(written: Path) -> None:
            self.statusBar().showMessage(self.tr("Copie enregistrée : {path}").format(path=written), 10000)

        def cancelled() -> None:
            self.statusBar().showMessage(self.tr("Copie annulée."), 5000)

        run_in_background(
            self, work, on_success=done, on_cancel=cancelled, label=self.tr("Sauvegarde d'une copie…"), cancellable=True
        )

    def _database_changed(self) -> None:
        db = self.database
        if db.path is None:
            self.setWindowTitle("CommunityDesk")
            opening = db.state is DatabaseState.OPENING
            self.database_label.setText(self.tr("Ouverture de la base…") if opening else self.tr("Aucune base ouverte"))
            self.database_label.setToolTip("")
        else:
            name = db.path.name
            if db.demo:
                name = self.tr("{name} (démonstration)").format(name=name)
            self.setWindowTitle(f"CommunityDesk — {name}")
            self.database_label.setText(self.tr("Base : {name}").format(name=name))
            self.database_label.setToolTip(str(db.path))
        if db.state is DatabaseState.LOGIN:
            self.profile_label.setText(self.tr("Aucun profil connecté"))
        else:
            self.profile_label.setText(
                self.tr("Profil : {name} ({role})").format(name=db.actor.name, role=db.actor.role.label)
            )
        self.save_copy_action.setEnabled(db.state is DatabaseState.READY)
        self._apply_rights()
        # While opening, the activity is shown by the page and the status bar's progress.
        if db.state is DatabaseState.READY and db.figures is not None:
            from communitydesk.formatting import number

            self.statusBar().showMessage(self.tr("{count} contacts").format(count=number(db.figures.contacts.total)))
        else:
            self.statusBar().clearMessage()

    # -- profiles ---------------------------------------------------------------------------

    def _apply_rights(self) -> None:
        """Pages and menu entries the acting profile may not use are hidden or disabled."""
        from communitydesk.ui.widgets.rights import guard

        actor = self.database.actor
        for row, spec in enumerate(PAGES):
            hidden = spec.needs is not None and not allowed(actor, spec.needs)
            self.sidebar.setRowHidden(row, hidden)
            self.page_actions[spec.key].setVisible(not hidden)
        ready = self.database.state is DatabaseState.READY
        self.profiles_action.setEnabled(ready)
        self.audit_action.setEnabled(ready)
        guard(self.save_copy_action, actor, Action.MAINTAIN_DATABASE)
        guard(self.profiles_action, actor, Action.MANAGE_PROFILES)
        guard(self.audit_action, actor, Action.VIEW_AUDIT)
        if self.sidebar.isRowHidden(max(self.sidebar.currentRow(), 0)):
            self.show_page(PAGES[0].key)

    def _actor_changed(self) -> None:
        """Someone logged in or out: the pages built for the last profile go, with its layout saved."""
        self.save_layout()
        self.settings.use_profile(self.database.actor.name if self.database.logged_in else "")
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        self._apply_rights()
        self._restore_layout()

    def show_profiles(self) -> QWidget:
        from communitydesk.ui.profiles.admin import ProfilesDialog

        dialog = ProfilesDialog(self.database, self)
        dialog.open()
        return dialog

    def show_audit(self) -> QWidget:
        from communitydesk.ui.profiles.audit_browser import AuditDialog

        dialog = AuditDialog(self.database, self.settings, self)
        dialog.open()
        return dialog

    # -- help -------------------------------------------------------------------------------

    def show_about(self) -> QMessageBox:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        text = QCoreApplication.translate(
            "MainWindow",
            "<h3>CommunityDesk {version}</h3>"
            "<p>Votre communauté en cercles concentriques : contacts, campagnes de financement participatif, "
            "calendrier éditorial, ambassadeurs et documents PDF.</p>"
            "<p>Toutes vos données restent sur cet ordinateur, dans une base SQLite.</p>"
            "<p>Base ouverte : {path}</p><p>Logiciel libre sous licence GPL 3 ou ultérieure.</p>",
        ).format(version=__version__, path=self.database.path or self.tr("aucune"))
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("À propos de CommunityDesk"),
            text,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("aboutBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    # -- closing ----------------------------------------------------------------------------

    def save_layout(self) -> None:
        self.settings.window_geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.set_splitter_state("main", self.splitter.saveState())
        self.settings.sidebar_page = self.current_page_key()
        for page in self.pages.values():
            closing = getattr(page, "closing", None)
            if callable(closing):
                closing()
        self.settings.sync()

    @staticmethod
    def _may_leave(page: QWidget, then: Callable[[], object]) -> bool:
        """A page with unsaved changes (Paramètres) asks before it is left, then calls ``then``."""
        ask = getattr(page, "ask_before_leaving", None)
        return not callable(ask) or bool(ask(then))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        current = self.stack.currentWidget()
        if current is not None and not self._may_leave(current, self.close):
            event.ignore()
            return
        self.save_layout()
        super().closeEvent(event)
