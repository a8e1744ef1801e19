"""Tags and segments managed from the app: rename, merge, delete (each destruction confirmed).

Renaming a tag follows in the segments naming it; merging tags gives their contacts the tag
kept; merging segments is allowed when one filter can keep the contacts of each
(``services.segments.merge_segments`` says why not otherwise).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from communitydesk.i18n import ngettext
from communitydesk.rules.contact_fields import contact_field_label
from communitydesk.ui.contacts.background import run_for
from communitydesk.ui.tasks import Task, TaskContext

if TYPE_CHECKING:
    from communitydesk.services.permissions import Actor

TAGS, SEGMENTS = "tags", "segments"
_ID = int(Qt.ItemDataRole.UserRole)


class TagsAndSegmentsDialog(QDialog):
    loaded = Signal()
    changed = Signal()  # something was renamed, merged or deleted

    def __init__(self, parent: QWidget | None, database: Callable[[], Any], actor: Actor) -> None:
        super().__init__(parent)
        self.setObjectName("tagsSegmentsDialog")
        self.setWindowTitle(self.tr("Tags et segments"))
        self.database = database
        self.actor = actor
        self.names: dict[str, dict[int, str]] = {TAGS: {}, SEGMENTS: {}}
        self.lists: dict[str, QListWidget] = {}
        self.buttons: dict[tuple[str, str], QPushButton] = {}
        self.tabs = QTabWidget()
        for kind, title, hint in (
            (
                TAGS,
                contact_field_label("tags"),
                QCoreApplication.translate(
                    "TagsAndSegmentsDialog",
                    "Renommer un tag le renomme aussi dans les segments. "
                    "Fusionner des tags met le tag gardé sur tous leurs contacts.",
                ),
            ),
            (
                SEGMENTS,
                self.tr("Segments"),
                QCoreApplication.translate(
                    "TagsAndSegmentsDialog",
                    "Un segment est un filtre enregistré : supprimer un segment ne touche à aucun contact.",
                ),
            ),
        ):
            self.tabs.addTab(self._build_tab(kind, hint), title)
        close = QPushButton(self.tr("Fermer"))
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.resize(520, 460)
        self.reload()

    def _build_tab(self, kind: str, hint: str) -> QWidget:
        items = QListWidget()
        items.setObjectName(f"{kind}List")
        items.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        items.itemSelectionChanged.connect(self._update)
        self.lists[kind] = items
        note = QLabel(hint)
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")
        row = QHBoxLayout()
        for action, text, slot in (
            ("rename", self.tr("Renommer…"), lambda: self.ask_rename(kind)),
            ("merge", self.tr("Fusionner…"), lambda: self.ask_merge(kind)),
            ("delete", self.tr("Supprimer…"), lambda: self.ask_delete(kind)),
        ):
            button = QPushButton(text)
            button.setObjectName(f"{kind}_{action}")
            button.clicked.connect(slot)
            self.buttons[(kind, action)] = button
            row.addWidget(button)
        row.addStretch(1)
        widget = QWidget()
        layout = QVBoxLayout(widget)
        layout.addWidget(items, 1)
        layout.addWidget(note)
        layout.addLayout(row)
        return widget

    # -- reading --------------------------------------------------------------------------------

    def reload(self) -> Task:
        actor = self.actor

        def work(_ctx: TaskContext) -> tuple[list[tuple[int, str, int]], list[tuple[int, str, str]]]:
            from communitydesk.services import segments, tags

            db = self.database()
            return (
                [(t.id, t.name, t.contacts) for t in tags.list_tags(db, actor)],
                [(s.id, s.name, s.filter.describe()) for s in segments.list_segments(db, actor)],
            )

        def done(result: tuple[list[tuple[int, str, int]], list[tuple[int, str, str]]]) -> None:
            tag_rows, segment_rows = result
            self._fill(
                TAGS, [(i, n, ngettext("{count} contact", "{count} contacts", c, count=c)) for i, n, c in tag_rows]
            )
            self._fill(SEGMENTS, segment_rows)
            self.loaded.emit()

        return run_for(self, work, on_success=done)

    def _fill(self, kind: str, rows: list[tuple[int, str, str]]) -> None:
        items = self.lists[kind]
        items.clear()
        self.names[kind] = {}
        for item_id, name, detail in rows:
            item = QListWidgetItem(f"{name} — {detail}")
            item.setData(_ID, item_id)
            items.addItem(item)
            self.names[kind][item_id] = name
        self._update()

    def select(self, kind: str, names: list[str]) -> None:
        """Select items by name (tests, and after a rename)."""
        self.tabs.setCurrentIndex(0 if kind == TAGS else 1)
        items = self.lists[kind]
        for index in range(items.count()):
            item = items.item(index)
            item.setSelected(self.names[kind].get(item.data(_ID)) in names)

    def selected(self, kind: str) -> list[int]:
        return [int(item.data(_ID)) for item in self.lists[kind].selectedItems()]

    def _update(self) -> None:
        for kind in (TAGS, SEGMENTS):
            count = len(self.selected(kind))
            self.buttons[(kind, "rename")].setEnabled(count == 1)
            self.buttons[(kind, "merge")].setEnabled(count >= 2)
            self.buttons[(kind, "delete")].setEnabled(count >= 1)

    def _quoted(self, kind: str, ids: list[int]) -> str:
        return ", ".join(f"« {self.names[kind][i]} »" for i in ids)

    # -- rename ---------------------------------------------------------------------------------

    def ask_rename(self, kind: str) -> QInputDialog | None:
        ids = self.selected(kind)
        if len(ids) != 1:
            return None
        dialog = QInputDialog(self)
        dialog.setObjectName("renameDialog")
        dialog.setWindowTitle(self.tr("Renommer"))
        dialog.setLabelText(self.tr("Nouveau nom de {name} :").format(name=self._quoted(kind, ids)))
        dialog.setTextValue(self.names[kind][ids[0]])
        dialog.setOkButtonText(self.tr("Renommer"))
        dialog.setCancelButtonText(self.tr("Annuler"))
        dialog.textValueSelected.connect(lambda name: self.rename(kind, ids[0], name))
        dialog.finished.connect(dialog.deleteLater)
        self.input_dialog = dialog
        dialog.open()
        return dialog

    def rename(self, kind: str, item_id: int, name: str) -> Task:
        actor = self.actor

        def work(_ctx: TaskContext) -> None:
            from communitydesk.services import segments, tags

            if kind == TAGS:
                tags.rename_tag(self.database(), actor, item_id, name)
            else:
                segments.rename_segment(self.database(), actor, item_id, name)

        return self._write(work)

    # -- merge ----------------------------------------------------------------------------------

    def ask_merge(self, kind: str) -> QInputDialog | None:
        ids = self.selected(kind)
        if len(ids) < 2:
            return None
        dialog = QInputDialog(self)
        dialog.setObjectName("mergeDialog")
        dialog.setWindowTitle(self.tr("Fusionner"))
        label = self.tr("{names} deviennent un seul. Lequel garder ? Les autres seront supprimés.")
        dialog.setLabelText(label.format(names=self._quoted(kind, ids)))
        dialog.setComboBoxItems([self.names[kind][i] for i in ids])
        dialog.setComboBoxEditable(False)
        dialog.setOkButtonText(self.tr("Fusionner"))
        dialog.setCancelButtonText(self.tr("Annuler"))
        by_name = {self.names[kind][i]: i for i in ids}
        dialog.textValueSelected.connect(lambda name: self.merge(kind, ids, by_name[name]))
        dialog.finished.connect(dialog.deleteLater)
        self.input_dialog = dialog
        dialog.open()
        return dialog

    def merge(self, kind: str, ids: list[int], into: int) -> Task:
        actor = self.actor

        def work(_ctx: TaskContext) -> None:
            from communitydesk.services import segments, tags

            if kind == TAGS:
                tags.merge_tags(self.database(), actor, ids, into)
            else:
                segments.merge_segments(self.database(), actor, ids, into)

        return self._write(work)

    # -- delete ---------------------------------------------------------------------------------

    def ask_delete(self, kind: str) -> QMessageBox | None:
        ids = self.selected(kind)
        if not ids:
            return None
        if kind == TAGS:
            text = QCoreApplication.translate(
                "TagsAndSegmentsDialog",
                "Supprimer {names} ? Le tag est retiré de ses contacts (eux restent) ; "
                "un segment qui le nomme ne gardera plus personne.",
            ).format(names=self._quoted(kind, ids))
        else:
            text = self.tr("Supprimer {names} ? Aucun contact n'est touché.").format(names=self._quoted(kind, ids))
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Supprimer"), text, QMessageBox.StandardButton.NoButton, self
        )
        box.setObjectName("deleteConfirmation")
        delete = box.addButton(self.tr("Supprimer"), QMessageBox.ButtonRole.DestructiveRole)
        delete.setObjectName("confirmDeleteButton")
        box.addButton(self.tr("Annuler"), QMessageBox.ButtonRole.RejectRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self.delete(kind, ids) if button is delete else None)
        self.confirmation = box
        box.open()
        return box

    def delete(self, kind: str, ids: list[int]) -> Task:
        actor = self.actor

        def work(_ctx: TaskContext) -> None:
            from communitydesk.services import segments, tags

            db = self.database()
            for item_id in ids:
                if kind == TAGS:
                    tags.delete_tag(db, actor, item_id)
                else:
                    segments.delete_segment(db, actor, item_id)

        return self._write(work)

    def _write(self, work: Callable[[TaskContext], None]) -> Task:
        def done(_result: None) -> None:
            self.changed.emit()
            self.reload()

        return run_for(self, work, on_success=done)  # a refusal is shown over the dialog
