"""What a right click on the contacts list offers, and the actions on several contacts at once.

Every action works on the selected rows (extended selection: Maj and Ctrl clicks) and is
one service call, so one write turn: tag, untag, move (through the page, which asks why),
log the same exchange, add to a segment, export, copy the e-mails. « Copier les e-mails »
also works on the whole list shown (the page's button), leaving out whoever has not
consented to e-mails (``rules.consent_purposes``) and counting them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QPoint
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QInputDialog, QMenu

from communitydesk.i18n import ngettext
from communitydesk.rules.circles import CIRCLE_ORDER, circle_label
from communitydesk.ui.contacts.background import run_for
from communitydesk.ui.contacts.touch_point_dialog import TouchPointDialog
from communitydesk.ui.tasks import Task, TaskContext

if TYPE_CHECKING:
    from datetime import date

    from communitydesk.services.contact_export import EmailCopy
    from communitydesk.ui.contacts.page import ContactsPage


def email_copy_message(copy: EmailCopy) -> str:
    """« 42 adresses copiées, 7 contacts sans consentement laissés de côté », real plurals."""
    count = len(copy.addresses)
    parts = [ngettext("{count} adresse copiée", "{count} adresses copiées", count, count=count)]
    if copy.without_consent:
        parts.append(
            ngettext(
                "{count} contact sans consentement laissé de côté",
                "{count} contacts sans consentement laissés de côté",
                copy.without_consent,
                count=copy.without_consent,
            )
        )
    if copy.without_email:
        parts.append(
            ngettext(
                "{count} contact sans e-mail",
                "{count} contacts sans e-mail",
                copy.without_email,
                count=copy.without_email,
            )
        )
    return ", ".join(parts) + "."


class SelectionActions(QObject):
    """The list's row menu and bulk actions; dialogs are kept as attributes for tests."""

    def __init__(self, page: ContactsPage) -> None:
        super().__init__(page)
        self.page = page
        self.last_copy: EmailCopy | None = None

    # -- the menu -----------------------------------------------------------------------------

    def menu(self) -> QMenu:
        page = self.page
        ids = page.table.selected_ids()
        some = bool(ids) and page.is_ready()
        menu = QMenu(page)
        menu.setObjectName("contactRowMenu")

        def add(text: str, name: str, slot: Callable[[], object], enabled: bool = True) -> None:
            action = menu.addAction(text)
            action.setObjectName(name)
            action.triggered.connect(lambda _checked=False: slot())
            action.setEnabled(some and enabled)

        add(self.tr("Ouvrir la fiche"), "openAction", page.open_current, len(ids) == 1)
        menu.addSeparator()
        add(self.tr("Rapprocher…"), "inwardAction", lambda: page.ask_move_by(inward=True))
        add(self.tr("Éloigner…"), "outwardAction", lambda: page.ask_move_by(inward=False))
        move_to = menu.addMenu(self.tr("Déplacer vers"))
        move_to.setObjectName("moveToMenu")
        move_to.setEnabled(some)
        for circle in CIRCLE_ORDER:
            action = move_to.addAction(circle_label(circle))
            action.setObjectName(f"moveTo_{circle.value}")
            action.triggered.connect(
                lambda _checked=False, c=circle.value: page.ask_move_to(page.table.selected_ids(), c)
            )
        menu.addSeparator()
        add(self.tr("Ajouter un tag…"), "tagAction", lambda: self.ask_tag(remove=False))
        add(self.tr("Retirer un tag…"), "untagAction", lambda: self.ask_tag(remove=True))
        add(self.tr("Noter un échange…"), "touchPointAction", self.ask_touch_point)
        add(self.tr("Ajouter à un segment…"), "segmentAction", self.ask_segment)
        menu.addSeparator()
        add(self.tr("Exporter la sélection…"), "exportSelectionAction", self.export_selection)
        add(self.tr("Copier les e-mails"), "copyEmailsAction", lambda: self.copy_emails(selected_only=True))
        menu.addSeparator()
        add(self.tr("Archiver"), "archiveAction", page.archive_selected)
        return menu

    def move_selection_to(self, circle: str) -> object:
        return self.page.ask_move_to(self.page.table.selected_ids(), circle)

    def show_menu(self, position: QPoint) -> None:
        table = self.page.table
        index = table.indexAt(position)
        if index.isValid() and index.row() not in table.selected_rows():
            table.selectRow(index.row())  # a right click outside the selection selects that row
        self.menu().popup(table.viewport().mapToGlobal(position))

    def _who(self, ids: list[int]) -> str:
        return self.page._who(ids)

    # -- tags -----------------------------------------------------------------------------------

    def tag_names(self) -> list[str]:
        combo = self.page.filter_bar.tag
        return [str(combo.itemData(i)) for i in range(combo.count()) if combo.itemData(i)]

    def ask_tag(self, *, remove: bool) -> QInputDialog | None:
        ids = self.page.table.selected_ids()
        if not ids:
            return None
        dialog = QInputDialog(self.page)
        dialog.setObjectName("bulkTagDialog")
        if remove:
            dialog.setWindowTitle(self.tr("Retirer un tag"))
            dialog.setLabelText(self.tr("Tag à retirer de {who} :").format(who=self._who(ids)))
        else:
            dialog.setWindowTitle(self.tr("Ajouter un tag"))
            dialog.setLabelText(
                self.tr("Tag à mettre sur {who} (un nouveau nom crée le tag) :").format(who=self._who(ids))
            )
        dialog.setComboBoxItems(self.tag_names())
        dialog.setComboBoxEditable(not remove)
        dialog.setTextValue("")
        dialog.setOkButtonText(self.tr("Retirer") if remove else self.tr("Ajouter"))
        dialog.setCancelButtonText(self.tr("Annuler"))
        dialog.textValueSelected.connect(lambda name: self.tag(ids, name, remove=remove))
        dialog.finished.connect(dialog.deleteLater)
        self.tag_dialog = dialog
        dialog.open()
        return dialog

    def tag(self, ids: list[int], name: str, *, remove: bool) -> Task | None:
        name = name.strip()
        if not ids or not name:
            return None
        actor = self.page.actor

        def work(_ctx: TaskContext) -> int:
            from communitydesk.services import tags

            if remove:
                return tags.untag_contacts(self.page._db(), actor, ids, name)
            return tags.tag_contacts(self.page._db(), actor, ids, name)

        def done(count: int) -> None:
            if remove:
                text = ngettext(
                    "Tag « {tag} » retiré de {count} contact.",
                    "Tag « {tag} » retiré de {count} contacts.",
                    count,
                    tag=name,
                    count=count,
                )
            else:
                text = ngettext(
                    "Tag « {tag} » mis sur {count} contact.",
                    "Tag « {tag} » mis sur {count} contacts.",
                    count,
                    tag=name,
                    count=count,
                )
            self.page.show_status(text)
            self.page.keep_selection(ids)

        return run_for(self.page, work, on_success=done)

    # -- touch points ---------------------------------------------------------------------------

    def ask_touch_point(self) -> TouchPointDialog | None:
        ids = self.page.table.selected_ids()
        if not ids:
            return None
        dialog = TouchPointDialog(
            self.page,
            self.tr("Noter un échange"),
            self.tr("Le même échange est noté dans l'historique de {who}.").format(who=self._who(ids)),
            ok_text=self.tr("Noter"),
        )
        dialog.accepted.connect(lambda: self.log_touch_point(ids, *dialog.values()))
        dialog.finished.connect(dialog.deleteLater)
        self.touch_point_dialog = dialog
        dialog.open()
        return dialog

    def log_touch_point(self, ids: list[int], kind: str, summary: str, day: date) -> Task | None:
        from communitydesk.ui.contacts.contact_sheet import paris_moment

        if not ids:
            return None
        actor, when = self.page.actor, paris_moment(day)

        def work(_ctx: TaskContext) -> int:
            from communitydesk.services.touch_points import add_touch_points

            return add_touch_points(self.page._db(), actor, ids, kind, summary, when)

        def done(count: int) -> None:
            self.page.show_status(
                ngettext(
                    "Échange noté pour {count} contact.",
                    "Échange noté pour {count} contacts.",
                    count,
                    count=count,
                )
            )
            self.page.keep_selection(ids)

        return run_for(self.page, work, on_success=done)

    # -- segments -------------------------------------------------------------------------------

    def ask_segment(self) -> QInputDialog | None:
        ids = self.page.table.selected_ids()
        if not ids:
            return None
        dialog = QInputDialog(self.page)
        dialog.setObjectName("addToSegmentDialog")
        dialog.setWindowTitle(self.tr("Ajouter à un segment"))
        label = QCoreApplication.translate(
            "SelectionActions",
            "Segment où ajouter {who}. Un nouveau nom crée un segment de ces contacts (avec un tag du même nom) :",
        )
        dialog.setLabelText(label.format(who=self._who(ids)))
        dialog.setComboBoxItems([s.name for s in self.page.filter_bar.segments])
        dialog.setComboBoxEditable(True)
        dialog.setTextValue("")
        dialog.setOkButtonText(self.tr("Ajouter"))
        dialog.setCancelButtonText(self.tr("Annuler"))
        dialog.textValueSelected.connect(lambda name: self.add_to_segment(ids, name))
        dialog.finished.connect(dialog.deleteLater)
        self.segment_dialog = dialog
        dialog.open()
        return dialog

    def add_to_segment(self, ids: list[int], name: str) -> Task | None:
        from communitydesk.rules.contact_keys import fold

        name = " ".join(name.split())
        if not ids or not name:
            return None
        existing = next((s.id for s in self.page.filter_bar.segments if fold(s.name) == fold(name)), None)
        actor = self.page.actor

        def work(_ctx: TaskContext) -> int:
            from communitydesk.services import segments

            db = self.page._db()
            if existing is None:
                segments.segment_of_contacts(db, actor, name, ids)
                return len(ids)
            return segments.add_contacts_to_segment(db, actor, existing, ids)

        def done(count: int) -> None:
            self.page.show_status(
                ngettext(
                    "{count} contact ajouté au segment « {segment} ».",
                    "{count} contacts ajoutés au segment « {segment} ».",
                    count,
                    count=count,
                    segment=name,
                )
            )
            self.page.keep_selection(ids)

        return run_for(self.page, work, on_success=done)

    # -- export and e-mails ---------------------------------------------------------------------

    def export_selection(self) -> QObject | None:
        dialog = self.page.export_contacts()
        if dialog is not None:
            only = getattr(dialog, "only_selected", None)
            if only is not None and only.isEnabled():
                only.setChecked(True)
        return dialog

    def copy_emails(self, *, selected_only: bool) -> Task | None:
        """The addresses of the list shown (or of the selection) to the clipboard, with consent."""
        page = self.page
        if not page.is_ready():
            return None
        ids = tuple(page.table.selected_ids()) if selected_only else None
        if selected_only and not ids:
            return None
        query, actor = page.model.query, page.actor

        def work(_ctx: TaskContext) -> EmailCopy:
            from communitydesk.services.contact_export import ContactSelection, emails_to_copy

            selection = ContactSelection(query=query.text, filters=query.filters, contact_ids=ids)
            return emails_to_copy(page._db(), actor, selection)

        def done(copy: EmailCopy) -> None:
            self.last_copy = copy
            if copy.addresses:
                QGuiApplication.clipboard().setText(copy.text())
            page.show_status(email_copy_message(copy))

        return run_for(page, work, on_success=done)

    # -- tags and segments ----------------------------------------------------------------------

    def manage_tags_and_segments(self) -> QObject | None:
        from communitydesk.ui.contacts.tags_segments_dialog import TagsAndSegmentsDialog

        page = self.page
        if not page.is_ready():
            return None
        dialog = TagsAndSegmentsDialog(page, page._db, page.actor)
        dialog.finished.connect(dialog.deleteLater)
        self.manager_dialog = dialog
        dialog.open()
        return dialog
