"""The contact sheet: every field editable, the timeline, quick entry of a touch point.

Opened from the list (Entrée, double clic) or for a new contact (Ctrl+N). Reading and
saving run off the UI thread. A save carries the version read: if someone saved the
contact meanwhile, the service refuses (ConflictError) and the sheet offers to reload —
nothing is silently overwritten. A newly typed e-mail or phone that another active contact
has gives a warning first, naming it: open its sheet, or save anyway. A wrong field gets
its French message right under it.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from communitydesk import formatting
from communitydesk.records.changes import NOTHING, Changes
from communitydesk.rules.circles import CIRCLE_ORDER, circle_label
from communitydesk.rules.contact_fields import contact_field_label, contact_kind_label
from communitydesk.rules.touch_kinds import TouchKind, touch_kind_label
from communitydesk.services.permissions import Action
from communitydesk.ui.contacts.background import run_for
from communitydesk.ui.contacts.campaigns_view import ContactCampaignsPanel
from communitydesk.ui.contacts.consents_view import ConsentsPanel, EraseDialog
from communitydesk.ui.contacts.move_dialog import MoveReasonDialog
from communitydesk.ui.contacts.timeline import TimelineEntry, TimelineModel, timeline_entries
from communitydesk.ui.contacts.touch_point_dialog import TouchPointDialog
from communitydesk.ui.contacts.undo_offer import UndoOffer
from communitydesk.ui.tasks import Task, TaskContext, guarded, show_error
from communitydesk.ui.widgets.dates import paris_qdate
from communitydesk.ui.widgets.rights import guard

if TYPE_CHECKING:
    from communitydesk.records.ambassadors import AmbassadorRecord
    from communitydesk.records.campaign_page import ContactContribution
    from communitydesk.services.contact_sheet import ContactSheetData
    from communitydesk.services.contacts import ContactDetails, SameChannelContact
    from communitydesk.services.gdpr import ConsentRecord
    from communitydesk.services.permissions import Actor
    from communitydesk.services.touch_points import TouchPointRecord

# The fields the sheet edits, labelled by rules.contact_fields.
_FORM_FIELDS = (
    "kind", "first_name", "last_name", "organisation", "role", "email", "email_secondary", "phone",
    "phone_secondary", "address", "postcode", "city", "country", "circle", "tags", "source", "is_ambassador",
    "is_critic", "notes"
)  # fmt: skip


PARIS_NOON = time(12, 0)
#: What a sheet shows: the contact, its circle and moves, touch points, tags, consents, contributions.
SHOWS = Changes.of("contacts", "circles", "touch_points", "tags", "consents", "contributions", "ambassadors")

# Field name (as the service's ContactInput and ValidationError.field) → kind of editor.
TEXT_FIELDS = (
    "first_name",
    "last_name",
    "organisation",
    "role",
    "email",
    "email_secondary",
    "phone",
    "phone_secondary",
    "postcode",
    "city",
    "country",
    "source",
)
LONG_TEXT_FIELDS = ("address", "notes")
FLAG_FIELDS = ("is_ambassador", "is_critic")


@dataclass
class SheetData:
    """What the sheet shows, read in one background task."""

    details: ContactDetails | None
    entries: list[TimelineEntry] = field(default_factory=list)
    tag_names: list[str] = field(default_factory=list)
    consents: list[ConsentRecord] = field(default_factory=list)
    contributions: list[ContactContribution] = field(default_factory=list)
    membership: AmbassadorRecord | None = None


def gdpr_available() -> bool:
    """Consents, "export everything" and erasure appear once the RGPD service exists."""
    return importlib.util.find_spec("communitydesk.services.gdpr") is not None


def prepare_reading() -> None:
    """Import what ``read_sheet`` needs (runs in a worker, while the list page loads).

    Imported on the first sheet opened instead, these ~70 modules (ambassadors, campaigns,
    RGPD, rapidfuzz's compiled extensions) would hold the interpreter's lock in a worker
    right after the click: the window stalled ~70-100 ms on a 100 000-contact base
    (bench/responsiveness.py). The list's second read pays it while the page says it loads."""
    import communitydesk.services.contact_sheet  # noqa: F401


def read_sheet(db: Any, actor: Actor, contact_id: int | None) -> SheetData:
    """Contact, timeline, moves, consents and known tags: one service call (runs in a worker)."""
    from communitydesk.services.contact_sheet import read_contact_sheet

    return sheet_data(read_contact_sheet(db, actor, contact_id))


def sheet_data(read: ContactSheetData) -> SheetData:
    """What the service read, as the sheet shows it (touch points, moves and merges in one timeline)."""
    if read.details is None:
        entries = []
    else:
        entries = timeline_entries(read.touch_points, read.moves, read.merges, read.details.id)
    return SheetData(read.details, entries, read.tag_names, read.consents, read.contributions, read.membership)


def paris_moment(day: date) -> datetime | None:
    """A touch point dated ``day``: now if today, else noon in Paris (as aware UTC)."""
    if day >= formatting.local_today():
        return None
    return datetime.combine(day, PARIS_NOON, formatting.PARIS).astimezone(UTC)


class ContactSheet(QDialog):
    loaded = Signal()
    saved = Signal(int)  # contact id, after a create or an update
    changed = Signal(int)  # contact id: something shown in the list may have changed
    save_failed = Signal(str)
    open_contact_requested = Signal(int)  # "Ouvrir la fiche de …" in the same e-mail/phone warning

    def __init__(
        self, parent: QWidget | None, database: Callable[[], Any], actor: Actor, contact_id: int | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contactSheet")
        self.database = database
        self.actor = actor
        self.contact_id = contact_id
        self.details: ContactDetails | None = None
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._loaded_values: dict[str, Any] = {}
        self._filling = False
        self.busy = False
        self._delete_when_idle = False
        self.last_task: Task | None = None
        self.conflict_box: QMessageBox | None = None
        self.same_channels_box: QMessageBox | None = None
        self._own_changes = NOTHING

        self.title = QLabel(self.tr("Nouveau contact") if contact_id is None else self.tr("Chargement…"))
        self.title.setObjectName("sheetTitle")
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("sheetSubtitle")
        self.subtitle.setStyleSheet("color: #555;")
        self.membership = QLabel()  # read-only: the programme is edited on the Ambassadeurs page
        self.membership.setObjectName("sheetMembership")
        self.membership.setStyleSheet("color: #555;")
        self.membership.hide()
        self.message = QLabel()
        self.message.setObjectName("sheetMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        self.tabs = QTabWidget()
        self.tabs.setObjectName("sheetTabs")
        self.tabs.addTab(self._build_form(), self.tr("Fiche"))
        self.history_tab = self._build_history()
        self.tabs.addTab(self.history_tab, self.tr("Historique"))
        self.consents_panel: ConsentsPanel | None = None
        if gdpr_available():
            self.consents_panel = ConsentsPanel()
            self.consents_panel.add_requested.connect(self.add_consent)
            self.consents_panel.withdraw_requested.connect(self.withdraw_consent)
            self.tabs.addTab(self.consents_panel, self.tr("Consentements (RGPD)"))
        self.campaigns_panel = ContactCampaignsPanel()
        self.tabs.addTab(self.campaigns_panel, self.tr("Campagnes"))
        self._enable_tabs()

        self.save_button = QPushButton(self.tr("Enregistrer"))
        self.save_button.setObjectName("saveContactButton")
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Enregistrer la fiche (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(self.tr("Fermer"))
        self.close_button.clicked.connect(self.close)
        self.extra_buttons = QHBoxLayout()
        self.export_person_button = QPushButton(self.tr("Exporter tout sur cette personne…"))
        self.export_person_button.setObjectName("exportPersonButton")
        self.export_person_button.setToolTip(
            self.tr("Droit d'accès : un PDF lisible ou un fichier JSON avec tout ce qui est gardé")
        )
        self.export_person_button.clicked.connect(self.choose_person_export)
        self.erase_button = QPushButton(self.tr("Effacer (RGPD)…"))
        self.erase_button.setObjectName("eraseButton")
        self.erase_button.setStyleSheet("color: #B00020;")
        self.erase_button.clicked.connect(self.ask_erase)
        for button in (self.export_person_button, self.erase_button):
            button.setVisible(gdpr_available())
            self.extra_buttons.addWidget(button)
        buttons = QHBoxLayout()
        buttons.addLayout(self.extra_buttons)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.membership)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self).activated.connect(self.save)
        QShortcut(QKeySequence("Ctrl+T"), self).activated.connect(self.focus_touch_entry)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self).activated.connect(self.undo_delete)
        self.setWindowTitle(self.tr("Fiche contact"))
        self.resize(720, 680)
        self.set_busy(True)
        self.reload()

    # -- building -------------------------------------------------------------------------------

    def _labels(self) -> dict[str, str]:
        return {name: contact_field_label(name) for name in _FORM_FIELDS}

    def _build_form(self) -> QWidget:
        labels = self._labels()
        kind = QComboBox()
        for value in ("person", "organisation"):
            kind.addItem(contact_kind_label(value), value)
        circle = QComboBox()
        for value in CIRCLE_ORDER:
            circle.addItem(circle_label(value), value.value)
        self.editors["kind"] = kind
        self.editors["circle"] = circle
        for name in TEXT_FIELDS:
            self.editors[name] = QLineEdit()
        self.editors["country"].setMaximumWidth(60)
        self.editors["postcode"].setMaximumWidth(100)
        for name in LONG_TEXT_FIELDS:
            text = QPlainTextEdit()
            text.setTabChangesFocus(True)
            text.setFixedHeight(58 if name == "address" else 90)
            self.editors[name] = text
        self.editors["is_ambassador"] = QCheckBox(self.tr("Fait connaître le projet autour de lui ou d'elle"))
        self.editors["is_critic"] = QCheckBox(self.tr("Exprime des critiques (gardé visible, jamais caché)"))
        tags = QLineEdit()
        tags.setPlaceholderText(self.tr("séparés par des virgules : bénévole, presse…"))
        self.editors["tags"] = tags
        for name, editor in self.editors.items():
            editor.setObjectName(f"field_{name}")
            editor.setAccessibleName(labels[name])
            self._watch(editor)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        order = [
            "kind",
            "first_name",
            "last_name",
            "organisation",
            "role",
            "email",
            "email_secondary",
            "phone",
            "phone_secondary",
            "address",
            "postcode",
            "city",
            "country",
            "circle",
            "tags",
            "source",
            "is_ambassador",
            "is_critic",
            "notes",
        ]
        for name in order:
            error = QLabel()
            error.setObjectName(f"error_{name}")
            error.setStyleSheet("color: #B00020;")
            error.setWordWrap(True)
            error.hide()
            self.errors[name] = error
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(self.editors[name])
            cell.addWidget(error)
            form.addRow(labels[name], cell)
        content = QWidget()
        content.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        return scroll

    def _watch(self, editor: QWidget) -> None:
        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(self._edited)
        elif isinstance(editor, QPlainTextEdit):
            editor.textChanged.connect(self._edited)
        elif isinstance(editor, QComboBox):
            editor.currentIndexChanged.connect(self._edited)
        elif isinstance(editor, QCheckBox):
            editor.toggled.connect(self._edited)

    def _build_history(self) -> QWidget:
        self.touch_kind = QComboBox()
        self.touch_kind.setObjectName("touchKind")
        for kind in TouchKind:
            self.touch_kind.addItem(touch_kind_label(kind), kind.value)
        self.touch_date = QDateEdit(paris_qdate())
        self.touch_date.setObjectName("touchDate")
        self.touch_date.setCalendarPopup(True)
        self.touch_date.setMaximumDate(paris_qdate())
        self.touch_date.setDisplayFormat("dd/MM/yyyy")
        self.touch_summary = QLineEdit()
        self.touch_summary.setObjectName("touchSummary")
        self.touch_summary.setPlaceholderText(self.tr("Ce qui s'est dit ou passé (Ctrl+T)"))
        self.touch_summary.returnPressed.connect(self.add_touch_point)
        self.touch_button = QPushButton(self.tr("Ajouter"))
        self.touch_button.setObjectName("addTouchPointButton")
        self.touch_button.clicked.connect(self.add_touch_point)
        entry = QHBoxLayout()
        entry.addWidget(self.touch_kind)
        entry.addWidget(self.touch_date)
        entry.addWidget(self.touch_summary, 1)
        entry.addWidget(self.touch_button)
        self.timeline = TimelineModel(self)
        self.timeline_view = QTableView()
        self.timeline_view.setObjectName("timelineView")
        self.timeline_view.setModel(self.timeline)
        self.timeline_view.verticalHeader().hide()
        self.timeline_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline_view.setWordWrap(True)
        header = self.timeline_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        tip = self.tr("Double-clic ou clic droit sur un échange pour le modifier ou le supprimer")
        self.timeline_view.setToolTip(tip)
        self.timeline_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.timeline_view.customContextMenuRequested.connect(
            lambda position: self.show_timeline_menu(self.timeline_view.indexAt(position).row(), position)
        )
        self.timeline_view.doubleClicked.connect(lambda index: self.edit_entry(index.row()))
        QShortcut(QKeySequence.StandardKey.Delete, self.timeline_view, self._delete_current_entry).setContext(
            Qt.ShortcutContext.WidgetShortcut
        )
        self.timeline_undo = UndoOffer()
        self.timeline_undo.undo_requested.connect(self.undo_delete)
        caption = QLabel(self.tr("Nouvel échange"))
        caption.setStyleSheet("font-weight: 600;")
        widget = QWidget()
        layout = QVBoxLayout(widget)
        layout.addWidget(caption)
        layout.addLayout(entry)
        layout.addWidget(self.timeline_view, 1)
        layout.addWidget(self.timeline_undo)
        return widget

    # -- reading --------------------------------------------------------------------------------

    def _enable_tabs(self) -> None:
        for index in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(index, self.contact_id is not None)

    def is_erased(self) -> bool:
        return self.details is not None and self.details.anonymised_at is not None

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        editable = not busy and not self.is_erased()
        self.save_button.setEnabled(editable)
        self.touch_button.setEnabled(editable and self.contact_id is not None)
        self.export_person_button.setEnabled(not busy and self.contact_id is not None and not self.is_erased())
        self.erase_button.setEnabled(editable and self.contact_id is not None)
        for widget, action in (
            (self.save_button, Action.EDIT_CONTACTS),
            (self.touch_button, Action.ADD_TOUCH_POINTS),
            (self.export_person_button, Action.EXPORT_PERSONAL_DATA),
            (self.erase_button, Action.ERASE_PERSONAL_DATA),
            (self.editors["notes"], Action.SEE_PRIVATE_NOTES),  # blank for them: typing there would be lost
        ):
            guard(widget, self.actor, action)
        if self.consents_panel is not None:
            self.consents_panel.add_button.setEnabled(editable and self.contact_id is not None)
        if not busy and self._delete_when_idle:
            self.deleteLater()

    def dispose(self) -> None:
        """Delete the sheet once no background read or save of it is running."""
        self._delete_when_idle = True
        if not self.busy:
            self.deleteLater()

    def reload(self) -> Task:
        """Read the contact (again) from the database; unsaved edits are dropped."""
        self.set_busy(True)
        contact_id, actor = self.contact_id, self.actor
        self.last_task = run_for(
            self,
            lambda _ctx: read_sheet(self.database(), actor, contact_id),
            on_success=self._show,
            on_failure=self._read_failed,
        )
        return self.last_task

    def data_changed(self, changes: Changes) -> None:
        """Data shown here was written: read the sheet again, unless the write was this sheet's
        own (already shown) or the user is editing it (their input is never replaced)."""
        own, self._own_changes = self._own_changes, NOTHING
        if self.contact_id is None or self.busy or self.is_dirty():
            return
        if ((changes - own) & SHOWS).any():
            self.reload()

    def _note_own_write(self) -> None:
        # The change signal comes after this task's result: its changes are not news to this sheet.
        if self.last_task is not None:
            self._own_changes |= self.last_task.changes

    def _read_failed(self, message: str) -> None:
        self.set_busy(False)
        self.save_button.setEnabled(False)
        self.show_message(message, error=True)

    def _show(self, data: SheetData) -> None:
        self.details = data.details
        completer = QCompleter(data.tag_names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.editors["tags"].setCompleter(completer)  # type: ignore[attr-defined]
        self._filling = True
        try:
            if data.details is not None:
                self._fill(data.details)
            else:
                self._fill_new()
        finally:
            self._filling = False
        self._loaded_values = self.form_values()
        self.timeline.set_entries(data.entries)
        if self.consents_panel is not None:
            self.consents_panel.set_consents(data.consents)
        self.campaigns_panel.set_contributions(data.contributions)
        self._show_membership(data.membership)
        self.clear_errors()
        self.set_busy(False)
        if self.is_erased():
            self.show_message(self.tr("Ce contact a été effacé (RGPD) : sa fiche ne peut plus être modifiée."))
        self.loaded.emit()

    def _show_membership(self, member: AmbassadorRecord | None) -> None:
        if member is None:
            self.membership.hide()
            return
        parts = [
            self.tr("Ambassadeur : %1").replace("%1", member.type_label),
            self.tr("%1 depuis le %2")
            .replace("%1", member.stage_label)
            .replace("%2", formatting.day(member.stage_since)),
        ]
        if member.level is not None:
            parts.append(self.tr("niveau %1").replace("%1", member.level.name))
        parts.append(self.tr("code de parrainage %1").replace("%1", member.referral_code))
        self.membership.setText(" · ".join(parts))
        self.membership.show()

    def _fill(self, details: ContactDetails) -> None:
        data = details.data
        self.title.setText(details.display_name)
        parts = [circle_label(data.circle)]
        if data.is_ambassador:
            parts.append(self.tr("ambassadeur"))
        if data.is_critic:
            parts.append(self.tr("détracteur"))
        if details.archived_at is not None:
            parts.append(self.tr("archivé"))
        self.subtitle.setText(" · ".join(parts))
        self.setWindowTitle(self.tr("Fiche de {name}").format(name=details.display_name))
        values: dict[str, Any] = {name: getattr(data, name) for name in (*TEXT_FIELDS, *LONG_TEXT_FIELDS, *FLAG_FIELDS)}
        values.update(kind=data.kind, circle=data.circle, tags=", ".join(details.tags))
        self.set_form_values(values)

    def _fill_new(self) -> None:
        self.title.setText(self.tr("Nouveau contact"))
        self.subtitle.setText(self.tr("Il entre dans le cercle choisi ci-dessous (grand public par défaut)."))
        self.set_form_values({"kind": "person", "circle": CIRCLE_ORDER[-1].value, "country": "FR"})

    # -- the form -------------------------------------------------------------------------------

    def form_values(self) -> dict[str, Any]:
        """What the form holds now: field name → text, flag or choice."""
        values: dict[str, Any] = {}
        for name, editor in self.editors.items():
            if isinstance(editor, QLineEdit):
                values[name] = editor.text()
            elif isinstance(editor, QPlainTextEdit):
                values[name] = editor.toPlainText()
            elif isinstance(editor, QComboBox):
                values[name] = editor.currentData()
            elif isinstance(editor, QCheckBox):
                values[name] = editor.isChecked()
        return values

    def set_form_values(self, values: dict[str, Any]) -> None:
        for name, editor in self.editors.items():
            value = values.get(name)
            if isinstance(editor, QLineEdit):
                editor.setText(str(value or ""))
            elif isinstance(editor, QPlainTextEdit):
                editor.setPlainText(str(value or ""))
            elif isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(value)))
            elif isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))

    def set_field(self, name: str, value: Any) -> None:
        """Change one field as a user would (tests, quick actions)."""
        current = self.form_values()
        current[name] = value
        self.set_form_values(current)

    def is_dirty(self) -> bool:
        return bool(self._loaded_values) and self.form_values() != self._loaded_values

    def _edited(self, *_args: object) -> None:
        if not self._filling:
            self.message.hide()

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()

    def show_field_error(self, name: str, message: str) -> None:
        label = self.errors.get(name)
        self.tabs.setCurrentIndex(0)
        if label is None:
            self.show_message(message, error=True)
            return
        label.setText(message)
        label.show()
        editor = self.editors.get(name)
        if editor is not None:
            editor.setFocus()

    def show_message(self, text: str, *, error: bool = False) -> None:
        colour = "#B00020" if error else "#2E6B5E"
        self.message.setStyleSheet(f"color: {colour}; padding: 4px 0;")
        self.message.setText(text)
        self.message.show()

    # -- saving ---------------------------------------------------------------------------------

    def save(self) -> None:
        """Validate and save in the background; a circle change first asks why."""
        if self.busy or (self.details is not None and self.details.anonymised_at is not None):
            return
        values = self.form_values()
        if self.details is not None and values["circle"] != self.details.data.circle:
            dialog = MoveReasonDialog(
                self, self.details.display_name, values["circle"], circles=[self.details.data.circle]
            )
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.accepted.connect(lambda: self._save(values, dialog.text()))
            self.move_dialog = dialog
            dialog.open()
            return
        self._save(values, "")

    def _save(self, values: dict[str, Any], move_reason: str, *, warned: bool = False) -> None:
        """Save off the UI thread; first, unless the user already said "save anyway", ask who
        else has a newly typed e-mail or phone (a warning, answered by :meth:`warn_same_channels`)."""
        self.clear_errors()
        self.set_busy(True)
        contact_id = self.contact_id
        version = self.details.version_id if self.details is not None else None
        actor = self.actor
        fields = {name: value for name, value in values.items() if name != "tags"}
        tag_names = [t.strip() for t in str(values.get("tags", "")).split(",") if t.strip()]
        emails, phones = ([], []) if warned else self._new_channels(fields)

        def work(_ctx: TaskContext) -> SheetData | list[SameChannelContact]:
            from communitydesk.services.contact_sheet import save_contact_sheet
            from communitydesk.services.contacts import ContactInput, contacts_with_same_channels

            db = self.database()
            if emails or phones:
                others = contacts_with_same_channels(
                    db, actor, emails, phones, country=fields["country"], exclude_id=contact_id
                )
                if others:
                    return others
            # Fields, tags and the move's reason in one transaction, under the version read.
            saved = save_contact_sheet(
                db,
                actor,
                contact_id,
                ContactInput(**fields),
                tag_names,
                expected_version=version,
                move_reason=move_reason,
            )
            return sheet_data(saved)

        task: Task | None = None

        def succeeded(result: SheetData | list[SameChannelContact]) -> None:
            if isinstance(result, SheetData):
                self._saved(result)
            else:
                self.set_busy(False)
                self.warn_same_channels(result, values, move_reason)

        def failed(message: str) -> None:
            self._save_failed(task.error if task is not None else None, message)

        task = run_for(self, work, on_success=succeeded, on_failure=failed)
        # « En attente de l'import en cours… » while another write holds the base; then the result.
        task.waiting.connect(guarded(self, self.show_message))
        self.last_task = task

    def _new_channels(self, fields: dict[str, Any]) -> tuple[list[str], list[str]]:
        """The e-mails and phones of the form that the contact did not have when read."""
        before = self.details.data if self.details is not None else None

        def new(names: tuple[str, str]) -> list[str]:
            had = {getattr(before, name).strip() for name in names} if before is not None else set()
            return [str(fields[name]).strip() for name in names if str(fields[name]).strip() not in had | {""}]

        return new(("email", "email_secondary")), new(("phone", "phone_secondary"))

    def warn_same_channels(
        self, others: list[SameChannelContact], values: dict[str, Any], move_reason: str
    ) -> QMessageBox:
        """Name the contacts that already have this e-mail or phone; open one, or save anyway."""
        lines = []
        for other in others:
            if other.email and other.phone:
                line = self.tr("« {name} » a déjà l'e-mail {email} et le téléphone {phone}.")
            elif other.email:
                line = self.tr("« {name} » a déjà l'e-mail {email}.")
            else:
                line = self.tr("« {name} » a déjà le téléphone {phone}.")
            lines.append(line.format(name=other.display_name, email=other.email, phone=other.phone))
        text = "\n".join(lines)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Contact peut-être déjà enregistré"),
            text,
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("sameChannelsWarning")
        box.setInformativeText(
            self.tr(
                "Ouvrez sa fiche pour éviter un doublon. S'il s'agit bien d'une autre personne "
                "(une famille partage souvent un téléphone fixe), enregistrez quand même."
            )
        )
        opens = {
            box.addButton(
                self.tr("Ouvrir la fiche de {name}").format(name=other.display_name), QMessageBox.ButtonRole.ActionRole
            ): other.id
            for other in others[:3]
        }
        save_anyway = box.addButton(self.tr("Enregistrer quand même"), QMessageBox.ButtonRole.AcceptRole)
        save_anyway.setObjectName("saveAnywayButton")
        box.addButton(self.tr("Annuler"), QMessageBox.ButtonRole.RejectRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def clicked(button: object) -> None:
            if button is save_anyway:
                self._save(values, move_reason, warned=True)
            elif button in opens:
                self.open_contact_requested.emit(opens[button])

        box.buttonClicked.connect(clicked)
        self.show_message(self.tr("Pas encore enregistré : {warning}").format(warning=text))
        self.same_channels_box = box
        box.open()
        return box

    def _saved(self, data: SheetData) -> None:
        assert data.details is not None
        self._note_own_write()
        created = self.contact_id is None
        self.contact_id = data.details.id
        self._enable_tabs()
        self._show(data)
        self.show_message(self.tr("Contact créé.") if created else self.tr("Modifications enregistrées."))
        self.saved.emit(data.details.id)
        self.changed.emit(data.details.id)

    def _save_failed(self, error: BaseException | None, message: str) -> None:
        from communitydesk.errors import ConflictError, ValidationError

        self.set_busy(False)
        if isinstance(error, ValidationError):
            self.show_field_error(error.field or "", message)
        elif isinstance(error, ConflictError):
            self.show_conflict(message)
        else:
            self.show_message(message, error=True)
        self.save_failed.emit(message)

    def show_conflict(self, message: str) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Fiche modifiée par ailleurs"),
            message,
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("conflictMessage")
        box.setInformativeText(
            self.tr(
                "Recharger la fiche affiche les valeurs enregistrées par l'autre personne ; "
                "votre saisie sera alors perdue. Vous pouvez aussi la garder à l'écran pour "
                "la recopier."
            )
        )
        reload_button = box.addButton(self.tr("Recharger la fiche"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Garder ma saisie"), QMessageBox.ButtonRole.RejectRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self.reload() if button is reload_button else None)
        self.show_message(message, error=True)
        self.conflict_box = box
        box.open()
        return box

    # -- touch points ---------------------------------------------------------------------------

    def focus_touch_entry(self) -> None:
        if self.contact_id is None:
            return
        self.tabs.setCurrentWidget(self.history_tab)
        self.touch_summary.setFocus()

    def add_touch_point(self) -> Task | None:
        if self.contact_id is None or self.busy:
            return None
        contact_id, actor = self.contact_id, self.actor
        kind = self.touch_kind.currentData()
        summary = self.touch_summary.text()
        qdate = self.touch_date.date()
        when = paris_moment(date(qdate.year(), qdate.month(), qdate.day()))
        self.set_busy(True)

        def work(_ctx: TaskContext) -> list[TimelineEntry]:
            from communitydesk.services import touch_points

            db = self.database()
            touch_points.add_touch_point(db, actor, contact_id, kind, summary, when)
            return read_sheet(db, actor, contact_id).entries

        def done(entries: list[TimelineEntry]) -> None:
            self._note_own_write()
            self.set_busy(False)
            self.timeline.set_entries(entries)
            self.touch_summary.clear()
            self.touch_date.setDate(paris_qdate())
            self.changed.emit(contact_id)

        def failed(message: str) -> None:
            self.set_busy(False)
            show_error(self, message)

        self.last_task = run_for(self, work, on_success=done, on_failure=failed)
        return self.last_task

    # -- timeline entries: edit, delete, undo ------------------------------------------------------

    def editable_entry(self, row: int) -> TimelineEntry | None:
        """The touch point at ``row``, if it can be changed (moves and merges are history)."""
        if not 0 <= row < len(self.timeline.entries) or self.is_erased():
            return None
        entry = self.timeline.entries[row]
        return entry if entry.touch_point_id is not None else None

    def timeline_menu(self, row: int) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("timelineMenu")
        entry = self.editable_entry(row)
        edit = menu.addAction(self.tr("Modifier…"))
        edit.setObjectName("editEntryAction")
        edit.triggered.connect(lambda: self.edit_entry(row))
        delete = menu.addAction(self.tr("Supprimer"))
        delete.setObjectName("deleteEntryAction")
        delete.triggered.connect(lambda: self.delete_entry(row))
        for action in (edit, delete):
            action.setEnabled(entry is not None and not self.busy)
        return menu

    def show_timeline_menu(self, row: int, position: Any) -> None:
        if 0 <= row < len(self.timeline.entries):
            self.timeline_view.selectRow(row)
            self.timeline_menu(row).popup(self.timeline_view.viewport().mapToGlobal(position))

    def edit_entry(self, row: int) -> TouchPointDialog | None:
        """Double-click or « Modifier… »: correct a touch point's kind, day or text."""
        entry = self.editable_entry(row)
        if entry is None or self.busy:
            return None
        dialog = TouchPointDialog(
            self,
            self.tr("Modifier l'échange"),
            kind=entry.kind,
            summary=entry.text,
            when=entry.when,
        )
        dialog.accepted.connect(lambda: self.update_entry(entry, *dialog.values()))
        dialog.finished.connect(dialog.deleteLater)
        self.entry_dialog = dialog
        dialog.open()
        return dialog

    def update_entry(self, entry: TimelineEntry, kind: str, summary: str, day: date) -> Task | None:
        point_id, contact_id, actor = entry.touch_point_id, self.contact_id, self.actor
        if point_id is None or contact_id is None:
            return None
        same_day = entry.when.astimezone(formatting.PARIS).date() == day
        when = entry.when if same_day else (paris_moment(day) or datetime.now(UTC))

        def work(_ctx: TaskContext) -> list[TimelineEntry]:
            from communitydesk.services import touch_points

            db = self.database()
            touch_points.update_touch_point(db, actor, point_id, kind, summary, when)
            return read_sheet(db, actor, contact_id).entries

        return self._timeline_task(work, self.tr("Échange modifié."))

    def _delete_current_entry(self) -> None:
        self.delete_entry(self.timeline_view.currentIndex().row())

    def delete_entry(self, row: int) -> Task | None:
        """Delete a touch point at once; « Annuler » (or Ctrl+Z) puts it back for a few seconds."""
        entry = self.editable_entry(row)
        contact_id, actor = self.contact_id, self.actor
        if entry is None or entry.touch_point_id is None or contact_id is None or self.busy:
            return None
        point_id = entry.touch_point_id
        deleted: list[TouchPointRecord] = []

        def work(_ctx: TaskContext) -> list[TimelineEntry]:
            from communitydesk.services import touch_points

            db = self.database()
            deleted.append(touch_points.delete_touch_point(db, actor, point_id))
            return read_sheet(db, actor, contact_id).entries

        text = self.tr("Échange du {day} supprimé.").format(day=formatting.day(entry.when, "short"))
        return self._timeline_task(work, "", after=lambda: self.timeline_undo.offer(text, deleted[0]))

    def undo_delete(self) -> Task | None:
        """Put back the touch point just deleted (Annuler, Ctrl+Z)."""
        record = self.timeline_undo.take()
        contact_id, actor = self.contact_id, self.actor
        if record is None or contact_id is None:
            return None

        def work(_ctx: TaskContext) -> list[TimelineEntry]:
            from communitydesk.services import touch_points

            db = self.database()
            touch_points.restore_touch_point(db, actor, record)
            return read_sheet(db, actor, contact_id).entries

        return self._timeline_task(work, self.tr("Échange remis dans l'historique."))

    def _timeline_task(
        self, work: Callable[[TaskContext], list[TimelineEntry]], message: str, after: Callable[[], None] | None = None
    ) -> Task:
        contact_id = self.contact_id
        self.set_busy(True)

        def done(entries: list[TimelineEntry]) -> None:
            self._note_own_write()
            self.set_busy(False)
            self.timeline.set_entries(entries)
            if message:
                self.show_message(message)
            if after is not None:
                after()
            if contact_id is not None:
                self.changed.emit(contact_id)

        def failed(text: str) -> None:
            self.set_busy(False)
            show_error(self, text)

        self.last_task = run_for(self, work, on_success=done, on_failure=failed)
        return self.last_task

    # -- RGPD -----------------------------------------------------------------------------------

    def add_consent(self, purpose: str, wording: str, source: str, given: date) -> Task | None:
        if self.contact_id is None or self.busy:
            return None
        contact_id, actor = self.contact_id, self.actor
        when = paris_moment(given)

        def work(_ctx: TaskContext) -> list[ConsentRecord]:
            from communitydesk.services import gdpr

            db = self.database()
            gdpr.add_consent(db, actor, contact_id, purpose, wording, source, when)
            return gdpr.list_consents(db, actor, contact_id)

        return self._consents_task(work, clear_form=True)

    def withdraw_consent(self, consent_id: int) -> Task | None:
        if self.contact_id is None or self.busy:
            return None
        contact_id, actor = self.contact_id, self.actor

        def work(_ctx: TaskContext) -> list[ConsentRecord]:
            from communitydesk.services import gdpr

            db = self.database()
            gdpr.withdraw_consent(db, actor, consent_id)
            return gdpr.list_consents(db, actor, contact_id)

        return self._consents_task(work, clear_form=False)

    def _consents_task(self, work: Callable[[TaskContext], list[ConsentRecord]], *, clear_form: bool) -> Task:
        panel = self.consents_panel
        assert panel is not None
        self.set_busy(True)

        def done(consents: list[ConsentRecord]) -> None:
            self._note_own_write()
            self.set_busy(False)
            panel.set_consents(consents)
            if clear_form:
                panel.clear_form()

        def failed(message: str) -> None:
            self.set_busy(False)
            show_error(self, message)

        self.last_task = run_for(self, work, on_success=done, on_failure=failed)
        return self.last_task

    def choose_person_export(self) -> None:
        """Ask where to write, as a readable PDF (offered first) or as JSON (the dialog's filter)."""
        if self.details is None:
            return
        from pathlib import Path

        pdf_filter, json_filter = self.tr("PDF lisible (*.pdf)"), self.tr("JSON (*.json)")
        suggested = Path.home() / f"{self.details.display_name} - données personnelles.pdf"
        filename, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Exporter tout sur cette personne"),
            str(suggested),
            f"{pdf_filter};;{json_filter}",
            pdf_filter,
        )
        if not filename:
            return
        target = Path(filename)
        wanted = ".json" if chosen == json_filter else ".pdf"
        if target.suffix.lower() not in (".pdf", ".json"):
            from communitydesk.ui.widgets.save_target import confirm_replace

            target = target.with_name(target.name + wanted)
            if not confirm_replace(self, target):  # Qt's dialog asked about the name without it
                return
        self.export_person(target)

    def export_person(self, target: Any) -> Task | None:
        """Everything held about this person (right of access), written to ``target``: a readable PDF
        for a ``.pdf`` file, else the JSON."""
        if self.contact_id is None:
            return None
        contact_id, actor = self.contact_id, self.actor

        def work(_ctx: TaskContext) -> Any:
            from communitydesk.services.personal_data import export_format

            if export_format(target) == "pdf":
                from communitydesk.document_catalogue import DocumentOptions, generate_pdf

                options = DocumentOptions(contact=contact_id)
                return generate_pdf("personal-data", self.database(), actor, options, target).path
            from communitydesk.services import gdpr

            return gdpr.export_person_to_file(self.database(), actor, contact_id, target)

        def done(path: Any) -> None:
            self.show_message(self.tr("Tout ce qui est gardé sur cette personne est dans {path}").format(path=path))

        self.last_task = run_for(self, work, on_success=done)
        return self.last_task

    def ask_erase(self) -> EraseDialog | None:
        if self.details is None or self.is_erased():
            return None
        dialog = EraseDialog(self, self.details.display_name)
        dialog.accepted.connect(lambda: self.erase() if dialog.confirmed() else None)
        dialog.finished.connect(dialog.deleteLater)
        self.erase_dialog = dialog
        dialog.open()
        return dialog

    def erase(self) -> Task | None:
        if self.contact_id is None or self.busy:
            return None
        contact_id, actor = self.contact_id, self.actor
        self.set_busy(True)

        def work(_ctx: TaskContext) -> SheetData:
            from communitydesk.services import gdpr

            db = self.database()
            gdpr.erase_person(db, actor, contact_id, confirm=True)
            return read_sheet(db, actor, contact_id)

        def done(data: SheetData) -> None:
            self._note_own_write()
            self._show(data)
            self.changed.emit(contact_id)

        def failed(message: str) -> None:
            self.set_busy(False)
            show_error(self, message)

        self.last_task = run_for(self, work, on_success=done, on_failure=failed)
        return self.last_task

    # -- closing --------------------------------------------------------------------------------

    def reject(self) -> None:  # Échap, Fermer and the window's close button all come here
        if self.is_dirty() and not self._confirm_discard():
            return
        super().reject()

    def _confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Modifications non enregistrées"),
            self.tr("Cette fiche a des modifications non enregistrées. Les abandonner ?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Discard:
            self._loaded_values = {}
            return True
        return False
