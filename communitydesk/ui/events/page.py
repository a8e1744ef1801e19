"""Événements: the list of events, the chosen one's sheet, report and participants, and the
re-entry of its paper sign-in sheet.

One read brings the list (an association has tens of events, not thousands: the filters work
on what was read); choosing an event reads its record and its report together. Everything
that reads or writes the base runs off the UI thread; services are imported inside the work.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from communitydesk import formatting
from communitydesk.i18n import ngettext
from communitydesk.records.changes import Changes
from communitydesk.records.events import EventDraft, EventRecord, EventReport, EventRow, ProposedMove
from communitydesk.rules.circles import circle_label
from communitydesk.rules.events import ConsentPurpose
from communitydesk.services.permissions import Action, Actor
from communitydesk.ui.database_page import DatabasePage
from communitydesk.ui.events.event_panel import EventPanel
from communitydesk.ui.events.event_table import EventTable
from communitydesk.ui.events.participants_view import ParticipantsView
from communitydesk.ui.tasks import Task, run_in_background
from communitydesk.ui.widgets.contact_picker import Search, contact_search
from communitydesk.ui.widgets.page_layout import page_summary, page_title
from communitydesk.ui.widgets.question import ask
from communitydesk.ui.widgets.rights import guard, may

if TYPE_CHECKING:
    from communitydesk.db.database import Database
    from communitydesk.records.events import SignInLineDraft, SignInLineRecord
    from communitydesk.ui.events.event_dialog import EventDialog
    from communitydesk.ui.events.invite_dialog import AddParticipantDialog, InviteDialog
    from communitydesk.ui.events.sign_in_grid import SignInDialog
    from communitydesk.ui.main_window import PageContext

#: Contacts: a renamed or erased participant; circles and consents: the report's proposals and figures.
SHOWS = Changes.of("events", "contacts", "circles", "consents", "campaigns")
STATE_NAME = "events"
TABS = ("sheet", "participants")
#: The right each of the page's actions needs (its button disabled, with the reason, without it).
EVENT_RIGHTS = {
    "newEventButton": Action.EDIT_EVENTS,
    "editEventButton": Action.EDIT_EVENTS,
    "deleteEventButton": Action.EDIT_EVENTS,
    "inviteButton": Action.EDIT_EVENTS,
    "signInSheetButton": Action.ENTER_SIGN_IN,
    "eventKitButton": Action.EXPORT_PERSONAL_DATA,
    "eventReportButton": Action.EXPORT_PERSONAL_DATA,
}


class EventsPage(DatabasePage):
    loaded = Signal()
    #: The event shown in the panel, once read (its record and report).
    event_shown = Signal(object)

    def __init__(self, context: PageContext) -> None:
        super().__init__(context)
        self.rows: list[EventRow] | None = None
        self.record: EventRecord | None = None
        self.report: EventReport | None = None

        title = page_title(self.tr("Événements"))
        self.summary = page_summary("eventsSummary")
        self.new_button = self._button(
            "newEventButton", self.tr("Nouvel événement…"), self.tr("Créer un événement (Ctrl+N)")
        )
        self.new_button.clicked.connect(lambda: self.new_event())
        self.edit_button = self._button(
            "editEventButton",
            self.tr("Modifier…"),
            self.tr("Modifier l'événement choisi (Entrée ou double-clic sur la liste)"),
        )
        self.edit_button.clicked.connect(lambda: self.edit_event())
        self.delete_button = self._button(
            "deleteEventButton",
            self.tr("Supprimer"),
            self.tr("Supprimer l'événement choisi (touche Suppr sur la liste)"),
        )
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        self.invite_button = self._button(
            "inviteButton", self.tr("Inviter…"), self.tr("Ajouter les contacts d'un segment ou d'un cercle")
        )
        self.invite_button.clicked.connect(lambda: self.invite())
        self.sheet_button = self._button(
            "signInSheetButton",
            self.tr("Saisir la feuille d'émargement…"),
            self.tr("Recopier au clavier la feuille signée pendant l'événement (Ctrl+E)"),
        )
        self.sheet_button.clicked.connect(lambda: self.enter_sheet())
        self.kit_button = self._button(
            "eventKitButton",
            self.tr("Kit PDF…"),
            self.tr("Feuille d'émargement, badges, affiche, cartes et liste des inscrits, à imprimer"),
        )
        self.kit_button.clicked.connect(lambda: self.document_pdf("event-kit"))
        self.report_button = self._button(
            "eventReportButton", self.tr("Bilan PDF…"), self.tr("Le bilan de l'événement, à imprimer ou à envoyer")
        )
        self.report_button.clicked.connect(lambda: self.document_pdf("event-report"))
        header = QHBoxLayout()
        header.addWidget(title)
        header.addWidget(self.summary)
        header.addStretch(1)
        header.addWidget(self.new_button)
        self.event_buttons = (
            self.edit_button,
            self.delete_button,
            self.invite_button,
            self.sheet_button,
            self.kit_button,
            self.report_button,
        )
        # What acts on the chosen event sits above its sheet, in two short rows: the event, then its paper.
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        for row in (self.event_buttons[:3], self.event_buttons[3:]):
            buttons = QHBoxLayout()
            for button in row:
                buttons.addWidget(button)
            buttons.addStretch(1)
            side_layout.addLayout(buttons)

        self.table = EventTable()
        self.table.chosen.connect(self.show_event)
        self.table.open_requested.connect(lambda _id: self.edit_event())
        self.table.filters_changed.connect(self._remember)
        self.panel = EventPanel()
        self.panel.move_requested.connect(self.apply_move)
        self.participants = ParticipantsView()
        self.participants.status_requested.connect(self.set_statuses)
        self.participants.add_requested.connect(lambda: self.add_participant())
        self.tabs = QTabWidget()
        self.tabs.setObjectName("eventTabs")
        self.tabs.addTab(self.panel, self.tr("Fiche et bilan"))
        self.tabs.addTab(self.participants, self.tr("Participants"))
        self.splitter = QSplitter()
        self.splitter.setObjectName("eventSplitter")
        self.splitter.addWidget(self.table)
        side_layout.addWidget(self.tabs, 1)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([530, 590])  # the participants' names and statuses readable beside the list
        state = context.settings.splitter_state(STATE_NAME)
        if state is not None:
            self.splitter.restoreState(state)
        saved = context.settings.view_state(STATE_NAME)
        filters = saved.get("filters")
        if isinstance(filters, dict):
            self.table.restore(filters)
        tab = saved.get("tab")
        if isinstance(tab, str) and tab in TABS:
            self.tabs.setCurrentIndex(TABS.index(tab))
        self.tabs.currentChanged.connect(lambda _index: self._remember())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(header)
        layout.addWidget(self.splitter, 1)
        # Once in the page: a button shown before it has a parent is a window of its own.
        for button, kind in ((self.kit_button, "event-kit"), (self.report_button, "event-report")):
            button.setHidden(not _document_available(kind))

        for keys, slot in (
            (QKeySequence("Ctrl+N"), lambda: self.new_event()),
            (QKeySequence("Ctrl+E"), lambda: self.enter_sheet()),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(lambda: self.delete_selected())

        self.filled = (self.table,)
        self.follow_database(SHOWS, lambda _changes: self.refresh())

    def _button(self, name: str, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        return button

    # -- reading ------------------------------------------------------------------------------

    def _database_changed(self) -> None:
        ready = self.is_ready()
        self.new_button.setEnabled(ready)
        self._enable_event_buttons()
        if ready:
            self.refresh()

    def _enable_event_buttons(self) -> None:
        chosen = self.is_ready() and self.record is not None
        actor = self.actor
        for button in self.event_buttons:
            button.setEnabled(chosen)
        for button in (self.new_button, *self.event_buttons):
            guard(button, actor, EVENT_RIGHTS[button.objectName()])
        self.participants.setEnabled(chosen)
        # The list stays readable; changing who comes is the sign-in right.
        for widget in (self.participants.status_combo, self.participants.apply_button, self.participants.add_button):
            widget.setEnabled(True)
            guard(widget, actor, Action.ENTER_SIGN_IN)
        for button in self.panel.move_buttons.values():
            guard(button, actor, Action.EDIT_CONTACTS)

    def refresh(self) -> Task | None:
        """F5: read the list again (and the event shown)."""
        if not self.is_ready():
            return None

        def work(db: Database, actor: Actor) -> list[EventRow]:
            from communitydesk.services import events

            return events.events(db, actor)

        return self.read("events", work, self._loaded)

    def _loaded(self, rows: list[EventRow]) -> None:
        first = self.rows is None
        self.rows = rows
        today = formatting.local_today()
        self.table.set_rows(rows, today)
        coming = sum(1 for row in rows if row.starts_on >= today)
        self.summary.setText(
            self.tr("{coming} à venir").format(coming=coming)
            + " · "
            + ngettext("{count} passé", "{count} passés", len(rows) - coming, count=len(rows) - coming)
        )
        if self.record is not None:
            if any(row.id == self.record.id for row in rows):
                self.show_event(self.record.id)
            else:  # deleted meanwhile
                self._show(None, None)
        elif first:
            self.table.select_first()  # the next event's sheet at once, not an empty panel
        self.loaded.emit()

    def show_event(self, event_id: int) -> Task:
        """Read one event and its report into the panel and the participants' list."""

        def work(db: Database, actor: Actor) -> tuple[EventRecord, EventReport]:
            from communitydesk.services import event_figures, events

            return events.event(db, actor, event_id), event_figures.event_report(db, actor, event_id)

        return self.read("event", work, lambda result: self._show(*result))

    def _show(self, record: EventRecord | None, report: EventReport | None) -> None:
        self.record, self.report = record, report
        self.panel.show_event(record, report)
        self.participants.set_participants(record.participants if record is not None else ())
        self._enable_event_buttons()
        if record is not None:
            self.event_shown.emit(record)

    def _remember(self) -> None:
        self.context.settings.set_view_state(
            STATE_NAME, {"filters": self.table.state(), "tab": TABS[self.tabs.currentIndex()]}
        )

    # -- writing ------------------------------------------------------------------------------

    def _contact_search(self) -> Search:
        path = self.current_database.path
        assert path is not None
        return contact_search(path, self.actor)

    def _open_editor(self, record: EventRecord | None, campaigns: list[tuple[int, str]]) -> EventDialog:
        from communitydesk.services import events
        from communitydesk.ui.events.event_dialog import EventDialog

        actor = self.actor

        def save(draft: EventDraft) -> int:
            if record is None:
                return events.create_event(self._db(), actor, draft)
            events.update_event(self._db(), actor, record.id, draft, expected_version=record.version_id)
            return record.id

        dialog = EventDialog(self, save, self._contact_search(), campaigns, record)
        dialog.saved.connect(lambda event_id: self._saved(int(event_id), created=record is None))
        dialog.open()
        return dialog

    def _with_campaigns(self, then: Callable[[list[tuple[int, str]]], Any]) -> Task:
        actor = self.actor

        def work(_ctx: Any) -> list[tuple[int, str]]:
            from communitydesk.services.campaigns import list_campaigns

            return [(s.campaign.id, s.campaign.name) for s in list_campaigns(self._db(), actor)]

        return run_in_background(self, work, on_success=then)

    def new_event(self) -> Task | None:
        """« Nouvel événement… » (Ctrl+N): the editor, once the campaigns are read."""
        if not self.is_ready() or not may(self, self.actor, Action.EDIT_EVENTS):
            return None
        return self._with_campaigns(lambda campaigns: self._open_editor(None, campaigns))

    def edit_event(self) -> Task | None:
        record = self.record
        if record is None or not self.is_ready() or not may(self, self.actor, Action.EDIT_EVENTS):
            return None
        return self._with_campaigns(lambda campaigns: self._open_editor(record, campaigns))

    def _saved(self, event_id: int, *, created: bool) -> None:
        self.show_status(self.tr("Événement créé.") if created else self.tr("Événement enregistré."))
        if created:
            self.table.set_when("all")  # a past event typed afterwards must show too
        self.show_event(event_id)
        run_after = self.refresh()
        if run_after is not None:
            run_after.succeeded.connect(lambda _rows: self._alive() and self.table.select(event_id))

    def delete_selected(self) -> QMessageBox | None:
        record = self.record
        if record is None or not may(self, self.actor, Action.EDIT_EVENTS):
            return None
        return ask(
            self,
            "deleteEventBox",
            self.tr("Supprimer l'événement"),
            self.tr(
                "Supprimer « {name} » ? Sa liste de participants et sa feuille d'émargement saisie seront perdues ; "
                "les contacts créés, leurs consentements et leurs points de contact restent."
            ).format(name=record.name),
            yes=self.tr("Supprimer"),
            cancel=self.tr("Annuler"),
            then=lambda: self.delete_event(record),
        )

    def delete_event(self, record: EventRecord) -> Task:
        from communitydesk.services import events

        def done(_result: Any) -> None:
            if self.record is not None and self.record.id == record.id:
                self._show(None, None)
            self.show_status(self.tr("Événement « {name} » supprimé.").format(name=record.name))

        actor = self.actor
        return run_in_background(self, lambda _ctx: events.delete_event(self._db(), actor, record.id), on_success=done)

    # -- participants -------------------------------------------------------------------------

    def set_statuses(self, contact_ids: list[int], status: str) -> Task | None:
        from communitydesk.services import events

        record = self.record
        if record is None or not may(self, self.actor, Action.ENTER_SIGN_IN):
            return None

        def work(db: Database, actor: Any) -> int:
            for contact_id in contact_ids:
                events.set_status(db, actor, record.id, contact_id, status)
            return len(contact_ids)

        return self.run(work)

    def invite(self) -> Task | None:
        """« Inviter… »: the segments are read, then the dialog opens."""
        record = self.record
        if record is None or not self.is_ready() or not may(self, self.actor, Action.EDIT_EVENTS):
            return None
        actor = self.actor

        def work(_ctx: Any) -> list[str]:
            from communitydesk.services.segments import list_segments

            return [segment.name for segment in list_segments(self._db(), actor)]

        def open_dialog(names: list[str]) -> None:
            self._open_invite(record, names)

        return run_in_background(self, work, on_success=open_dialog)

    def _open_invite(self, record: EventRecord, segments: list[str]) -> InviteDialog:
        from communitydesk.ui.events.invite_dialog import InviteDialog

        actor = self.actor

        def contact_ids(source: tuple[str, str]) -> tuple[list[int], str]:
            from communitydesk.rules.circles import circle_label
            from communitydesk.rules.contact_filter import ContactFilter
            from communitydesk.services.contact_search import ids_for
            from communitydesk.services.segments import segment_by_name

            db = self._db()
            kind, value = source
            if kind == "segment":
                return ids_for(db, actor, filters=segment_by_name(db, actor, value).filter), value
            label = self.tr("Cercle « {circle} »").format(circle=circle_label(value))
            return ids_for(db, actor, filters=ContactFilter(circles=(value,))), label

        def save(source: tuple[str, str]) -> int:
            from communitydesk.services import events

            ids, origin = contact_ids(source)
            return events.invite(self._db(), actor, record.id, ids, from_segment=origin)

        dialog = InviteDialog(self, record.name, segments, lambda source: len(contact_ids(source)[0]), save)
        dialog.saved.connect(
            lambda added: self.show_status(
                ngettext("{count} invité ajouté.", "{count} invités ajoutés.", added, count=formatting.number(added))
            )
        )
        dialog.open()
        return dialog

    def add_participant(self) -> AddParticipantDialog | None:
        record = self.record
        if record is None or not self.is_ready() or not may(self, self.actor, Action.ENTER_SIGN_IN):
            return None
        from communitydesk.rules.events import ParticipantStatus
        from communitydesk.services import events
        from communitydesk.ui.events.invite_dialog import AddParticipantDialog

        actor = self.actor

        def save(contact_id: int) -> int:
            events.set_status(self._db(), actor, record.id, contact_id, ParticipantStatus.INSCRIT.value)
            return contact_id

        dialog = AddParticipantDialog(self, record.name, self._contact_search(), save)
        dialog.saved.connect(lambda _id: self.show_status(self.tr("Participant inscrit.")))
        dialog.open()
        return dialog

    def apply_move(self, move: ProposedMove) -> Task:
        """A proposed circle move accepted: the circle-move service, with the report's reason."""
        from communitydesk.services.circle_moves import move_contact

        return self.run(
            lambda db, actor: move_contact(db, actor, move.contact_id, move.to_circle, move.reason),
            self.tr("{name} passe en « {circle} ».").format(name=move.name, circle=circle_label(move.to_circle)),
        )

    # -- the sign-in sheet and the kit --------------------------------------------------------

    def enter_sheet(self) -> SignInDialog | None:
        """« Saisir la feuille d'émargement… » (Ctrl+E): the keyboard grid, resumed where it stopped."""
        record = self.record
        if record is None or not self.is_ready() or not may(self, self.actor, Action.ENTER_SIGN_IN):
            return None
        from communitydesk.services import sign_in_sheet
        from communitydesk.ui.events.sign_in_grid import NEW_CONTACT, SKIP_LINE, SignInDialog

        actor, event_id = self.actor, record.id

        def save(line_no: int, draft: SignInLineDraft, choice: int | str) -> SignInLineRecord:
            contact: int | Any = (
                sign_in_sheet.CREATE if choice == NEW_CONTACT else None if choice == SKIP_LINE else int(choice)
            )
            return sign_in_sheet.save_line(self._db(), actor, event_id, line_no, draft, contact)

        draft = record.draft
        title = "{name} — {day}".format(
            name=record.name, day=formatting.day(draft.starts_on, "long") if draft.starts_on else ""
        )
        purposes = [(p.value, p.label()) for p in ConsentPurpose]

        def printed() -> list[tuple[int, SignInLineDraft]]:
            from communitydesk.records.events import SignInLineDraft
            from communitydesk.services.event_kit import sheet_people

            people = sheet_people(self._db(), actor, event_id)  # the kit's lines, in its order
            return [(p.contact_id, SignInLineDraft(last_name=p.last_name, first_name=p.first_name)) for p in people]

        dialog = SignInDialog(
            self,
            title,
            purposes,
            lambda: sign_in_sheet.lines(self._db(), actor, event_id),
            lambda line: sign_in_sheet.candidates(self._db(), actor, event_id, line),
            save,
            printed,
        )
        dialog.open()
        return dialog

    def document_pdf(self, kind: str) -> QWidget | None:
        """« Kit PDF… », « Bilan PDF… »: the Documents page builds this event's document, shown there to
        check and save."""
        record = self.record
        if record is None or not may(self, self.actor, Action.EXPORT_PERSONAL_DATA):
            return None
        page = self.context.window.show_page("documents")
        generate = getattr(page, "generate_for_event", None)
        if callable(generate):
            generate(kind, record.id)
        return page

    def closing(self) -> None:
        self.context.settings.set_splitter_state(STATE_NAME, self.splitter.saveState())
        self._remember()


def _document_available(kind: str) -> bool:
    """The event's documents are the catalogue's kinds ``event-kit`` and ``event-report``."""
    from communitydesk.document_catalogue import DOCUMENTS

    return kind in DOCUMENTS
