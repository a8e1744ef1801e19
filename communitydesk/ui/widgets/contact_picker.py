"""A contact chosen by typing: the organiser of an event, a participant, a new ambassador.

What is typed is searched off the UI thread a moment after the last key, as the contacts
page would list it (name, e-mail, town…); the arrows move through the results and Enter
picks one (it does not save the dialog; with nothing typed it does, as in any field).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from communitydesk.services.permissions import Actor
from communitydesk.ui.tasks import run_in_background

CONTACT_ID = Qt.ItemDataRole.UserRole + 50
#: (typed text) -> [(contact id, name, circle label)], run off the UI thread.
Search = Callable[[str], list[tuple[int, str, str]]]
# How long after the last key the search starts.
TYPING_MS = 250
RESULTS = 30


def contact_search(path: Path, actor: Actor, *, leave_out: Collection[int] = (), limit: int = RESULTS) -> Search:
    """The first ``limit`` contacts listed for what is typed, with their circle, but those of
    ``leave_out`` (already chosen elsewhere)."""

    def search(text: str) -> list[tuple[int, str, str]]:
        from communitydesk.rules.circles import circle_label
        from communitydesk.services.contact_lookup import find_contacts

        found = find_contacts(path, actor, text, limit + len(leave_out))
        return [(c.id, c.name, circle_label(c.circle)) for c in found if c.id not in leave_out][:limit]

    return search


class ContactPicker(QWidget):
    """The person chosen (or ``none_text``) with « Aucun » to clear it, the search field, the results."""

    def __init__(self, search: Search, none_text: str, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self._none_text = none_text
        self.contact_id: int | None = None
        self.chosen_label = QLabel()
        self.chosen_label.setObjectName("pickerChosen")
        self.clear_button = QPushButton(self.tr("Aucun"))
        self.clear_button.setObjectName("pickerClear")
        self.clear_button.clicked.connect(lambda: self.choose(None, ""))
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("pickerSearch")
        self.search_edit.setPlaceholderText(placeholder or self.tr("Tapez un nom pour choisir parmi vos contacts…"))
        self.search_edit.setClearButtonEnabled(True)
        self.setFocusProxy(self.search_edit)
        self.results = QListWidget()
        self.results.setObjectName("pickerResults")
        self.results.setMaximumHeight(96)
        self.results.hide()
        self.results.itemActivated.connect(self._picked)
        self.results.itemClicked.connect(self._picked)
        self.search_edit.installEventFilter(self)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_MS)
        self._typing.timeout.connect(self.search_contacts)
        self.search_edit.textEdited.connect(lambda _text: self._typing.start())
        self._asked = ""
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.chosen_label, 1)
        top.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.results)
        self.choose(None, "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.search_edit.text().strip():
                self._pick_current()
                return True
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.results.count():
                step = 1 if key == Qt.Key.Key_Down else -1
                self.results.setCurrentRow(max(0, min(self.results.currentRow() + step, self.results.count() - 1)))
                return True
        return super().eventFilter(watched, event)

    def choose(self, contact_id: int | None, name: str) -> None:
        self.contact_id = contact_id
        self.chosen_label.setText(name if contact_id is not None else self._none_text)
        self.chosen_label.setStyleSheet("" if contact_id is not None else "color: #5F5B52;")
        self.clear_button.setEnabled(contact_id is not None)

    def highlighted_id(self) -> int | None:
        """The contact highlighted in the results, not picked yet."""
        item = self.results.currentItem()
        return None if item is None else int(item.data(CONTACT_ID))

    def search_contacts(self) -> None:
        text = self.search_edit.text().strip()
        self._asked = text
        if not text:
            self.results.clear()
            self.results.hide()
            return

        def found(rows: list[tuple[int, str, str]]) -> None:
            if text != self._asked:
                return  # the user typed more meanwhile
            self.results.clear()
            for contact_id, name, circle in rows:
                item = QListWidgetItem(f"{name} · {circle}" if circle else name)
                item.setData(CONTACT_ID, contact_id)
                item.setData(Qt.ItemDataRole.UserRole, name)
                self.results.addItem(item)
            self.results.setVisible(bool(rows))
            if rows:
                self.results.setCurrentRow(0)

        run_in_background(self, lambda _ctx: self._search(text), on_success=found)

    def _pick_current(self) -> None:
        if self._typing.isActive():  # Enter before the search started: search now, pick next time
            self._typing.stop()
            self.search_contacts()
            return
        item = self.results.currentItem()
        if item is not None:
            self._picked(item)

    def _picked(self, item: QListWidgetItem) -> None:
        self.choose(int(item.data(CONTACT_ID)), str(item.data(Qt.ItemDataRole.UserRole)))
        self.search_edit.clear()
        self.results.clear()
        self.results.hide()
