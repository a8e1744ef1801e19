"""Contacts: the circles view beside the paged contacts table, search and filters above.

Everything that reads or writes runs off the UI thread (``ui/tasks.py``) and the services
are imported inside the work functions: building this page never loads SQLAlchemy on
the UI thread. The table never holds all contacts (see ``contact_table``).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from communitydesk.i18n import ngettext
from communitydesk.records.changes import Changes
from communitydesk.rules.circles import CIRCLE_ORDER, circle_description, circle_label
from communitydesk.rules.contact_filter import ContactFilter
from communitydesk.services.permissions import Action
from communitydesk.ui.contacts.background import guarded, run_for
from communitydesk.ui.contacts.circle_rings import CircleRings
from communitydesk.ui.contacts.contact_query import ContactListQuery
from communitydesk.ui.contacts.contact_sheet import ContactSheet, prepare_reading
from communitydesk.ui.contacts.contact_table import ContactTableModel, ContactTableView
from communitydesk.ui.contacts.filter_bar import ContactFilterBar, SegmentChoice
from communitydesk.ui.contacts.move_dialog import MoveReasonDialog
from communitydesk.ui.contacts.selection_actions import SelectionActions
from communitydesk.ui.database_page import DatabasePage
from communitydesk.ui.tasks import Task, TaskContext, show_error
from communitydesk.ui.widgets.page_layout import page_title
from communitydesk.ui.widgets.rights import guard

if TYPE_CHECKING:
    from communitydesk.services.circle_moves import MoveBatch
    from communitydesk.ui.main_window import PageContext

#: What the list ("à relancer" follows the rhythms in the settings), the rings and the filter bar show.
SHOWS = Changes.of("contacts", "circles", "touch_points", "tags", "segments", "settings")
HEADER_STATE = "contacts"
SPLITTER_STATE = "contacts"


def service_available(module: str) -> bool:
    """Whether another engineer's service module exists yet (screens built on it appear then)."""
    return importlib.util.find_spec(f"communitydesk.services.{module}") is not None


#: From how many contacts a bulk move shows a progress bar (and can be cancelled).
BULK_PROGRESS_FROM = 200
#: How long « Annuler » stays offered after a move.
MOVE_UNDO_SECONDS = 30


class ContactsPage(DatabasePage):
    counts_loaded = Signal(dict)  # circle → count of the current search
    choices_loaded = Signal()  # tags and segments read
    moved = Signal(int)  # contacts moved
    archived = Signal(list)  # ids archived (undo possible)

    def __init__(self, context: PageContext) -> None:
        super().__init__(context)
        self.settings = context.settings
        self.selected_circle: str | None = None
        self.circle_counts: dict[str, int] = {}
        self.sheets: dict[int | None, ContactSheet] = {}
        self.last_archived: list[int] = []
        self._counts_task: Task | None = None
        self._counts_again = False
        self._started_for: object = None
        self._choices_pending = False
        self._reselect: list[int] | None = None
        self.bulk_progress_from = BULK_PROGRESS_FROM

        self.model = ContactTableModel(self._db, self.actor, self)
        self.model.loaded.connect(self._list_loaded)
        self.model.loaded.connect(self._reselect_after_load)
        self.model.failed.connect(self.show_failure)

        self._build()
        self._build_shortcuts()
        self.follow_database(SHOWS, self.data_changed)

    # -- building -------------------------------------------------------------------------------

    def _build(self) -> None:
        title = page_title(self.tr("Contacts"))
        self.count_label = QLabel()
        self.count_label.setObjectName("contactCount")
        self.count_label.setStyleSheet("color: #555;")
        self.new_button = QPushButton(self.tr("Nouveau contact"))
        self.new_button.setObjectName("newContactButton")
        self.new_button.setToolTip(self.tr("Créer une fiche (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_contact)
        self.import_button = QPushButton(self.tr("Importer…"))
        self.import_button.setObjectName("importContactsButton")
        self.import_button.setToolTip(self.tr("Importer un fichier CSV (Excel) ou vCard"))
        self.import_button.clicked.connect(self.import_contacts)
        self.export_button = QPushButton(self.tr("Exporter…"))
        self.export_button.setObjectName("exportContactsButton")
        self.export_button.setToolTip(self.tr("Exporter la liste affichée en CSV (Excel) ou vCard"))
        self.export_button.clicked.connect(self.export_contacts)
        self.duplicates_button = QPushButton(self.tr("Doublons…"))
        self.duplicates_button.setObjectName("duplicatesButton")
        self.duplicates_button.setToolTip(self.tr("Repérer et fusionner les contacts en double"))
        self.duplicates_button.clicked.connect(self.review_duplicates)
        self.selection_actions = SelectionActions(self)
        self.copy_emails_button = QPushButton(self.tr("Copier les e-mails"))
        self.copy_emails_button.setObjectName("copyEmailsButton")
        self.copy_emails_button.setToolTip(
            self.tr("Les adresses de la liste affichée, seulement des contacts qui ont consenti aux e-mails")
        )
        self.copy_emails_button.clicked.connect(lambda: self.selection_actions.copy_emails(selected_only=False))
        self.manage_button = QPushButton(self.tr("Tags et segments…"))
        self.manage_button.setObjectName("manageTagsButton")
        self.manage_button.setToolTip(self.tr("Renommer, fusionner ou supprimer des tags et des segments"))
        self.manage_button.clicked.connect(self.selection_actions.manage_tags_and_segments)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(title)
        titles.addWidget(self.count_label)
        header.addLayout(titles)
        header.addStretch(1)
        self.header_buttons = (
            self.new_button,
            self.import_button,
            self.export_button,
            self.copy_emails_button,
            self.duplicates_button,
            self.manage_button,
        )
        for button in self.header_buttons:
            header.addWidget(button)

        self.filter_bar = ContactFilterBar()
        self.filter_bar.text_changed.connect(lambda _text: self.apply_query())
        self.filter_bar.filters_changed.connect(self.apply_query)
        self.filter_bar.segment_chosen.connect(self._segment_chosen)
        self.filter_bar.save_segment_requested.connect(self.ask_segment_name)

        self.rings = CircleRings()
        self.rings.circle_clicked.connect(self.toggle_circle)
        self.rings.contacts_dropped.connect(self.ask_move_to)
        self.all_button = QPushButton(self.tr("Tous les cercles"))
        self.all_button.setObjectName("allCirclesButton")
        self.all_button.clicked.connect(lambda: self.set_circle(None))
        self.inward_button = QPushButton(self.tr("Rapprocher"))
        self.inward_button.setObjectName("inwardButton")
        self.inward_button.setToolTip(self.tr("Vers un cercle plus proche (Ctrl+Haut)"))
        self.inward_button.clicked.connect(lambda: self.ask_move_by(inward=True))
        self.outward_button = QPushButton(self.tr("Éloigner"))
        self.outward_button.setObjectName("outwardButton")
        self.outward_button.setToolTip(self.tr("Vers un cercle plus large (Ctrl+Bas)"))
        self.outward_button.clicked.connect(lambda: self.ask_move_by(inward=False))
        legend = QLabel("<br>".join(f"<b>{circle_label(c)}</b> — {circle_description(c)}" for c in CIRCLE_ORDER))
        legend.setObjectName("circlesLegend")
        legend.setWordWrap(True)
        legend.setStyleSheet("color: #444;")
        hint = QLabel(
            self.tr(
                "Cliquez sur un cercle pour n'afficher que ses contacts. Glissez des contacts de la "
                "liste sur un cercle pour les y déplacer."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        moves = QHBoxLayout()
        moves.addWidget(self.inward_button)
        moves.addWidget(self.outward_button)
        left = QWidget()
        left.setObjectName("circlesPanel")
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        left_layout.addWidget(self.rings, 0, Qt.AlignmentFlag.AlignTop)
        left_layout.addWidget(self.all_button)
        left_layout.addLayout(moves)
        left_layout.addWidget(legend)
        left_layout.addWidget(hint)
        left_layout.addStretch(1)

        self.table = ContactTableView()
        self.table.setModel(self.model)
        # A reset is a new search, filter or sort (a refresh keeps its place): back to the top.
        self.model.modelReset.connect(self.table.scrollToTop)
        self.table.default_layout()
        saved = self.settings.header_state(HEADER_STATE)
        if saved is not None:
            self.table.horizontalHeader().restoreState(saved)
        self.table.show_sort_of_model()
        self.table.columns_changed.connect(self.save_columns)
        self.table.doubleClicked.connect(lambda _index: self.open_current())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self.selection_actions.show_menu)
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._update_actions())

        self.empty_label = QLabel()
        self.empty_label.setObjectName("contactsEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #555; padding: 6px;")
        self.empty_label.hide()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.empty_label)
        right_layout.addWidget(self.table, 1)

        self.splitter = QSplitter()
        self.splitter.setObjectName("contactsSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([290, 900])
        state = self.settings.splitter_state(SPLITTER_STATE)
        if state is not None:
            self.splitter.restoreState(state)

        self.undo_bar = QFrame()
        self.undo_bar.setObjectName("undoBar")
        self.undo_bar.setStyleSheet("#undoBar { background: #F6E3BF; border-radius: 6px; }")
        self.undo_label = QLabel()
        self.undo_button = QPushButton(self.tr("Annuler"))
        self.undo_button.setObjectName("undoArchiveButton")
        self.undo_button.setToolTip(self.tr("Annuler (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.undo)
        self._undo: Callable[[], Task | None] | None = None
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.timeout.connect(self.hide_undo)
        undo_layout = QHBoxLayout(self.undo_bar)
        undo_layout.setContentsMargins(10, 4, 10, 4)
        undo_layout.addWidget(self.undo_label, 1)
        undo_layout.addWidget(self.undo_button)
        self.undo_bar.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(header)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.undo_bar)
        self.duplicates_button.setVisible(service_available("duplicates"))
        self.export_button.setVisible(service_available("contact_export"))
        self._update_actions()

    def _build_shortcuts(self) -> None:
        scope = Qt.ShortcutContext.WidgetWithChildrenShortcut

        def shortcut(
            keys: QKeySequence | QKeySequence.StandardKey | Qt.Key | str,
            slot: Any,
            parent: QWidget | None = None,
            context: Qt.ShortcutContext = scope,
        ) -> QShortcut:
            made = QShortcut(QKeySequence(keys), parent or self)
            made.activated.connect(slot)
            made.setContext(context)
            return made

        shortcut(QKeySequence.StandardKey.Find, self.focus_search)
        shortcut("Ctrl+N", self.new_contact)
        shortcut("Ctrl+Up", lambda: self.ask_move_by(inward=True))
        shortcut("Ctrl+Down", lambda: self.ask_move_by(inward=False))
        table_only = Qt.ShortcutContext.WidgetShortcut
        shortcut(Qt.Key.Key_Return, self.open_current, self.table, table_only)
        shortcut(Qt.Key.Key_Enter, self.open_current, self.table, table_only)
        shortcut(QKeySequence.StandardKey.Delete, self.archive_selected, self.table, table_only)
        shortcut(QKeySequence.StandardKey.Undo, self.undo)

    # -- database -------------------------------------------------------------------------------

    def _database_changed(self) -> None:
        ready = self.is_ready()
        for widget in (*self.header_buttons, self.filter_bar, self.rings):
            widget.setEnabled(ready)
        for button, action in (
            (self.new_button, Action.EDIT_CONTACTS),
            (self.import_button, Action.IMPORT),
            (self.export_button, Action.EXPORT_PERSONAL_DATA),
            (self.duplicates_button, Action.MERGE_CONTACTS),
        ):
            guard(button, self.actor, action)
        self.all_button.setEnabled(ready and self.selected_circle is not None)
        if not ready:
            self.empty_label.setText(self.current_database.activity or self.tr("Aucune base ouverte."))
            self.empty_label.show()
            return
        key = (self.current_database.path, id(self.current_database))
        if key != self._started_for:
            self._started_for = key
            self.model.actor = self.actor
            self._choices_pending = True
            self.apply_query(force=True)

    def refresh(self) -> None:
        """F5: read the list, the counts, tags and segments again."""
        if not self.is_ready():
            return
        self.model.refresh()
        self.load_counts()
        self.load_choices()

    def closing(self) -> None:
        self.save_columns()
        self.settings.set_splitter_state(SPLITTER_STATE, self.splitter.saveState())

    def save_columns(self) -> None:
        self.settings.set_header_state(HEADER_STATE, self.table.horizontalHeader().saveState())

    # -- query ----------------------------------------------------------------------------------

    def current_filters(self) -> ContactFilter:
        return self.filter_bar.filters((self.selected_circle,) if self.selected_circle else ())

    def current_query(self) -> ContactListQuery:
        return self.model.query.with_changes(text=self.filter_bar.text(), filters=self.current_filters())

    def apply_query(self, force: bool = False) -> None:
        if not self.is_ready():
            return
        query = self.current_query()
        if force or query != self.model.query:
            self.model.set_query(query, force=force)
            self.load_counts()

    def focus_search(self) -> None:
        self.filter_bar.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_bar.search.selectAll()

    def toggle_circle(self, circle: str) -> None:
        self.set_circle(None if circle == self.selected_circle else circle)

    def set_circle(self, circle: str | None) -> None:
        self.selected_circle = circle
        self.rings.set_selected(circle)
        self.all_button.setEnabled(self.is_ready() and circle is not None)
        self.apply_query()

    def show_overdue(self) -> None:
        """Every contact to follow up ("à relancer"): the dashboard's quick link lands here."""
        self.filter_bar.clear()
        self.set_circle(None)
        self.filter_bar.set_overdue(True)

    def _segment_chosen(self, segment: SegmentChoice | None) -> None:
        circles = segment.filters.circles if segment is not None else ()
        self.selected_circle = circles[0] if len(circles) == 1 else None
        self.rings.set_selected(self.selected_circle)
        self.all_button.setEnabled(self.selected_circle is not None)

    def _list_loaded(self, total: int) -> None:
        from communitydesk.formatting import number

        if self._choices_pending:
            # Tags (with their counts) and segments come second: the rows matter first. The
            # sheet's services are imported with them, not on the first sheet opened.
            self._choices_pending = False
            self.load_choices()

        query = self.model.query
        if total == 0 and (query.text or not query.filters.is_empty()):
            self.count_label.setText(self.tr("Aucun contact ne correspond"))
            self.empty_label.setText(
                self.tr(
                    "Aucun contact ne correspond à cette recherche. Essayez moins de "
                    "lettres, ou « Effacer les filtres »."
                )
            )
            self.empty_label.show()
        elif total == 0:
            self.count_label.setText(self.tr("Aucun contact"))
            self.empty_label.setText(
                self.tr(
                    "Pas encore de contact : créez-en un (Ctrl+N) ou importez un fichier "
                    "CSV d'Excel ou vCard de votre téléphone (« Importer… »)."
                )
            )
            self.empty_label.show()
        else:
            filtered = bool(query.text) or not query.filters.is_empty()
            if total == 1:
                text = self.tr("{count} contact correspond") if filtered else self.tr("{count} contact")
            else:
                text = self.tr("{count} contacts correspondent") if filtered else self.tr("{count} contacts")
            self.count_label.setText(text.format(count=number(total)))
            self.empty_label.hide()
        self._update_actions()

    def load_counts(self) -> Task | None:
        """Contacts per circle for the current search (one task at a time, latest wish wins)."""
        if self._counts_task is not None:
            self._counts_again = True
            return None
        query = self.current_query()
        actor = self.actor

        def work(_ctx: TaskContext) -> dict[str, int]:
            from communitydesk.services.contact_search import circle_counts

            return circle_counts(self._db(), actor, query.text, query.filters)

        def done(counts: dict[str, int]) -> None:
            self._counts_task = None
            if self._counts_again:
                self._counts_again = False
                self.load_counts()
                return
            self.circle_counts = counts
            self.rings.set_counts(counts)
            self.counts_loaded.emit(counts)

        def failed(message: str) -> None:
            self._counts_task = None
            show_error(self, message)

        self._counts_task = run_for(self, work, on_success=done, on_failure=failed)
        return self._counts_task

    def load_choices(self) -> Task:
        """Tags (with their counts) and segments, for the filter bar."""
        actor = self.actor

        def work(_ctx: TaskContext) -> tuple[list[tuple[str, int]], list[SegmentChoice]]:
            from communitydesk.services import segments, tags

            prepare_reading()
            db = self._db()
            tag_list = [(t.name, t.contacts) for t in tags.list_tags(db, actor)]
            segment_list = [
                SegmentChoice(s.id, s.name, ContactFilter.from_json(s.filter.to_json()), s.version_id)
                for s in segments.list_segments(db, actor)
            ]
            return tag_list, segment_list

        def done(result: tuple[list[tuple[str, int]], list[SegmentChoice]]) -> None:
            self.filter_bar.set_tags(result[0])
            self.filter_bar.set_segments(result[1])
            self.choices_loaded.emit()

        return run_for(self, work, on_success=done, on_failure=self.show_failure)

    def show_failure(self, message: str) -> None:
        show_error(self, message)

    def data_changed(self, changes: Changes) -> None:
        """Something shown here was written (here, on another page, by an import): the list
        keeping its place, the rings, the filter bar's choices."""
        if not self.is_ready():
            return
        if (changes - Changes.of("segments")).any():
            self.model.refresh()
            self.load_counts()
        if changes.tags or changes.segments:
            self.load_choices()

    # -- selection ------------------------------------------------------------------------------

    def _update_actions(self) -> None:
        selected = bool(self.table.selected_rows()) and self.is_ready()
        self.inward_button.setEnabled(selected)
        self.outward_button.setEnabled(selected)

    def selected_names(self) -> list[str]:
        names = []
        for row in self.table.selected_rows():
            found = self.model.row_at(row)
            if found is not None:
                names.append(found.display_name)
        return names

    def _who(self, ids: list[int]) -> str:
        names = self.selected_names()
        if len(ids) == 1 and len(names) == 1:
            return f"« {names[0]} »"
        return self.tr("{count} contacts").format(count=len(ids))

    # -- moves ----------------------------------------------------------------------------------

    def circles_of(self, ids: list[int]) -> list[str]:
        """The current circle of each contact of ``ids`` whose row is in memory."""
        found = []
        for contact_id in ids:
            row = self.model.row_of(contact_id)
            contact = self.model.row_at(row) if row is not None else None
            if contact is not None:
                found.append(contact.circle)
        return found

    def ask_move_to(self, ids: list[int], circle: str) -> MoveReasonDialog | None:
        """A drop on a ring or « Déplacer vers »: ask why, then move the contacts into ``circle``."""
        if not ids or not self.is_ready():
            return None
        dialog = MoveReasonDialog(self, self._who(ids), circle, circles=self.circles_of(ids))
        dialog.accepted.connect(lambda: self.move_to(ids, circle, dialog.text()))
        dialog.finished.connect(dialog.deleteLater)
        self.move_dialog = dialog
        dialog.open()
        return dialog

    def move_to(self, ids: list[int], circle: str, reason: str) -> Task:
        return self._move(ids, reason, to_circle=circle)

    def ask_move_by(self, *, inward: bool) -> MoveReasonDialog | None:
        """Rapprocher / Éloigner the selected contacts by one circle, saying why."""
        ids = self.table.selected_ids()
        if not ids or not self.is_ready():
            return None
        dialog = MoveReasonDialog(self, self._who(ids), None, inward=inward, circles=self.circles_of(ids))
        dialog.accepted.connect(lambda: self.move_by(ids, inward, dialog.text()))
        dialog.finished.connect(dialog.deleteLater)
        self.move_dialog = dialog
        dialog.open()
        return dialog

    def move_by(self, ids: list[int], inward: bool, reason: str) -> Task:
        return self._move(ids, reason, step=-1 if inward else 1)

    def _move(self, ids: list[int], reason: str, *, to_circle: str | None = None, step: int = 0) -> Task:
        """Every contact moved in one write turn, one move each; a progress bar when many."""
        actor = self.actor
        many = len(ids) >= self.bulk_progress_from

        def work(ctx: TaskContext) -> MoveBatch:
            from communitydesk.services.circle_moves import move_selection

            progress = ctx.progress if many else None
            return move_selection(self._db(), actor, ids, reason, to_circle=to_circle, step=step, progress=progress)

        return run_for(
            self,
            work,
            parent=self,
            on_success=lambda batch: self._moved(batch, ids, to_circle, step),
            on_cancel=lambda: self.show_status(self.tr("Déplacement annulé : aucun contact n'a changé de cercle.")),
            label=self.tr("Déplacement des contacts…") if many else "",
            cancellable=many,
        )

    def _moved(self, batch: MoveBatch, ids: list[int], circle: str | None, step: int) -> None:
        from communitydesk.i18n import ngettext

        if batch.moved == 0:
            if circle is not None:
                message = ngettext(
                    "Le contact est déjà dans le cercle « {circle} ».",
                    "Les {count} contacts sont déjà dans le cercle « {circle} ».",
                    len(ids),
                    count=len(ids),
                    circle=circle_label(circle),
                )
            elif step < 0:
                message = ngettext(
                    "Le contact est déjà dans le cercle le plus proche.",
                    "Les {count} contacts sont déjà dans le cercle le plus proche.",
                    len(ids),
                    count=len(ids),
                )
            else:
                message = ngettext(
                    "Le contact est déjà dans le cercle le plus large.",
                    "Les {count} contacts sont déjà dans le cercle le plus large.",
                    len(ids),
                    count=len(ids),
                )
            show_error(self, message)
            self.moved.emit(0)
            return
        if circle is not None:
            message = ngettext(
                "{count} contact déplacé vers « {circle} ».",
                "{count} contacts déplacés vers « {circle} ».",
                batch.moved,
                count=batch.moved,
                circle=circle_label(circle),
            )
        else:
            message = ngettext("{count} contact déplacé.", "{count} contacts déplacés.", batch.moved, count=batch.moved)
        if batch.unchanged:
            message += " " + ngettext(
                "{count} n'a pas changé de cercle.",
                "{count} n'ont pas changé de cercle.",
                batch.unchanged,
                count=batch.unchanged,
            )
        self.show_status(message)
        # The list is read again: the selection follows the moved contacts, never the next row.
        self.keep_selection([m.contact_id for m in batch.moves])
        self.offer_undo(message, lambda: self.undo_moves(batch), seconds=MOVE_UNDO_SECONDS)
        self.moved.emit(batch.moved)

    def undo_moves(self, batch: MoveBatch) -> Task:
        actor = self.actor

        def work(_ctx: TaskContext) -> MoveBatch:
            from communitydesk.services.circle_moves import undo_moves

            return undo_moves(self._db(), actor, batch.moves)

        def done(back: MoveBatch) -> None:
            from communitydesk.i18n import ngettext

            self.hide_undo()
            self.keep_selection([m.contact_id for m in back.moves])
            self.show_status(
                ngettext(
                    "{count} contact remis dans son cercle.",
                    "{count} contacts remis dans leur cercle.",
                    back.moved,
                    count=back.moved,
                )
            )
            self.moved.emit(back.moved)

        return run_for(self, work, on_success=done)

    # -- selection kept across reloads -----------------------------------------------------------

    def keep_selection(self, ids: list[int]) -> None:
        """Select ``ids`` now and again once the list is read again (their rows may move, or
        leave a filtered list: then nothing stays selected)."""
        self._reselect = list(ids)
        self._select_ids(self._reselect)
        self.model.refresh()

    def _reselect_after_load(self, _total: int) -> None:
        if self._reselect is not None:
            ids, self._reselect = self._reselect, None
            self._select_ids(ids)

    def _select_ids(self, ids: list[int]) -> None:
        from PySide6.QtCore import QItemSelection, QItemSelectionModel

        selection_model = self.table.selectionModel()
        rows = sorted(r for r in (self.model.row_of(i) for i in ids) if r is not None)
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for row in rows:
            selection.select(self.model.index(row, 0), self.model.index(row, last))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        selection_model.select(selection, flags)
        if rows:
            selection_model.setCurrentIndex(self.model.index(rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate)
        else:
            selection_model.clearCurrentIndex()
        self._update_actions()

    # -- undo -----------------------------------------------------------------------------------

    def offer_undo(self, text: str, undo: Callable[[], Task | None], seconds: int | None = None) -> None:
        """« Annuler » under the list (and Ctrl+Z) for the last gesture; some offers expire."""
        self._undo = undo
        self.undo_label.setText(text)
        self.undo_bar.show()
        if seconds is None:
            self._undo_timer.stop()
        else:
            self._undo_timer.start(seconds * 1000)

    def hide_undo(self) -> None:
        self._undo = None
        self._undo_timer.stop()
        self.undo_bar.hide()

    def undo(self) -> Task | None:
        """The undo bar's « Annuler », or Ctrl+Z while it shows."""
        undo = self._undo
        if undo is None or not self.undo_bar.isVisible():
            return None
        self._undo = None
        return undo()

    # -- archive --------------------------------------------------------------------------------

    def archive_selected(self) -> Task | None:
        """Suppr: archive the selected contacts (they leave the list; "Annuler" brings them back)."""
        ids = self.table.selected_ids()
        if not ids or not self.is_ready():
            return None
        who = self._who(ids)
        actor = self.actor

        def work(_ctx: TaskContext) -> list[int]:
            from communitydesk.services.contacts import archive_contact

            db = self._db()
            for contact_id in ids:
                archive_contact(db, actor, contact_id)
            return ids

        def done(archived: list[int]) -> None:
            self.last_archived = archived
            self.offer_undo(
                ngettext(
                    "{who} : fiche archivée, retirée de la liste ; rien n'est effacé.",
                    "{who} : fiches archivées, retirées de la liste ; rien n'est effacé.",
                    len(archived),
                    who=who,
                ),
                self.undo_archive,
            )
            self.archived.emit(archived)

        return run_for(self, work, on_success=done)

    def undo_archive(self) -> Task | None:
        ids = list(self.last_archived)
        if not ids:
            return None
        actor = self.actor

        def work(_ctx: TaskContext) -> int:
            from communitydesk.services.contacts import restore_contact

            db = self._db()
            for contact_id in ids:
                restore_contact(db, actor, contact_id)
            return len(ids)

        def done(count: int) -> None:
            self.last_archived = []
            self.hide_undo()
            self.show_status(
                ngettext(
                    "{count} contact remis dans la liste.", "{count} contacts remis dans la liste.", count, count=count
                )
            )

        return run_for(self, work, on_success=done)

    # -- the sheet ------------------------------------------------------------------------------

    def open_current(self) -> ContactSheet | None:
        contact_id = self.table.current_id()
        return self.open_contact(contact_id) if contact_id is not None else None

    def open_contact(self, contact_id: int | None) -> ContactSheet | None:
        if not self.is_ready():
            return None
        existing = self.sheets.get(contact_id) if contact_id is not None else None
        if existing is not None:
            existing.raise_()
            existing.activateWindow()
            return existing
        sheet = ContactSheet(self, self._db, self.actor, contact_id)
        key: list[int | None] = [contact_id]
        self.sheets[contact_id] = sheet

        def saved(new_id: int) -> None:
            if key[0] != new_id:  # a new contact got its id
                self.sheets.pop(key[0], None)
                key[0] = new_id
                self.sheets[new_id] = sheet

        def finished() -> None:
            if self.sheets.get(key[0]) is sheet:
                del self.sheets[key[0]]
            sheet.dispose()

        sheet.saved.connect(saved)
        sheet.open_contact_requested.connect(self.open_contact)
        # A sheet is a window of its own: it follows changes even while this page is hidden.
        self.current_database.data_changed.connect(sheet.data_changed)
        sheet.finished.connect(finished)
        sheet.show()
        return sheet

    def new_contact(self) -> ContactSheet | None:
        return self.open_contact(None)

    # -- segments -------------------------------------------------------------------------------

    def ask_segment_name(self) -> QInputDialog | None:
        if not self.is_ready():
            return None
        dialog = QInputDialog(self)
        dialog.setObjectName("segmentNameDialog")
        dialog.setWindowTitle(self.tr("Enregistrer comme segment"))
        dialog.setLabelText(self.tr("Nom du segment (réutilisable pour les campagnes, exports et PDF) :"))
        current = self.filter_bar.current_segment()
        dialog.setTextValue(current.name if current is not None else "")
        dialog.setOkButtonText(self.tr("Enregistrer"))
        dialog.setCancelButtonText(self.tr("Annuler"))
        dialog.textValueSelected.connect(self.save_segment)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.segment_dialog = dialog
        return dialog

    def segment_filters(self) -> ContactFilter:
        """The current list as a segment: filters, circle and typed text together."""
        filters = self.current_filters()
        text = " ".join(t for t in (filters.text, self.filter_bar.text()) if t)
        return ContactFilter(
            text=text,
            circles=filters.circles,
            tags=filters.tags,
            overdue=filters.overdue,
            ambassador=filters.ambassador,
            critic=filters.critic,
            kind=filters.kind,
        )

    def save_segment(self, name: str) -> Task | None:
        if not name.strip():
            return None
        filters = self.segment_filters()
        actor = self.actor
        current = self.filter_bar.current_segment()
        replace_id = current.id if current is not None and current.name.casefold() == name.strip().casefold() else None
        version = current.version_id if replace_id is not None and current is not None else None

        def work(_ctx: TaskContext) -> int:
            from communitydesk.services.segments import save_segment

            return save_segment(self._db(), actor, name, filters, segment_id=replace_id, expected_version=version).id

        def done(segment_id: int) -> None:
            self.show_status(self.tr("Segment « {name} » enregistré.").format(name=name.strip()))
            task = self.load_choices()
            task.succeeded.connect(guarded(self, lambda _result: self._select_saved_segment(segment_id)))

        return run_for(self, work, on_success=done)

    def _select_saved_segment(self, segment_id: int) -> None:
        bar = self.filter_bar
        bar.segment.blockSignals(True)
        bar.segment.setCurrentIndex(max(0, bar.segment.findData(segment_id)))
        bar.segment.blockSignals(False)
        chosen = bar.current_segment()
        if chosen is not None:
            bar.segment_base = chosen.filters
            # The saved text now lives in the segment: the box is emptied so it is not applied twice.
            bar.search.blockSignals(True)
            bar.search.clear()
            bar.search.blockSignals(False)
            self.apply_query()

    # -- other screens --------------------------------------------------------------------------

    def import_contacts(self) -> QWidget | None:
        if not self.is_ready():
            return None
        from communitydesk.ui.contacts.import_wizard import ContactImportWizard

        wizard = ContactImportWizard(self, self._db, self.actor, self.settings)
        wizard.imported.connect(lambda _summary: self.show_status(self.tr("Import terminé.")))
        wizard.finished.connect(wizard.deleteLater)
        wizard.open()
        self.import_wizard = wizard
        return wizard

    def export_contacts(self) -> QWidget | None:
        if not self.is_ready():
            return None
        from communitydesk.ui.contacts.export_dialog import export_contacts

        return export_contacts(self, self._db, self.actor, self.settings, self.model.query)

    def review_duplicates(self) -> QWidget | None:
        if not self.is_ready():
            return None
        from communitydesk.ui.contacts.duplicates_view import DuplicatesDialog

        dialog = DuplicatesDialog(self, self._db, self.actor)
        self.current_database.data_changed.connect(dialog.data_changed)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.duplicates_dialog = dialog
        return dialog
