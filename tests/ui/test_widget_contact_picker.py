"""The one contact picker (event organiser, participant, new ambassador) driven from the keyboard:
type, arrows, Enter; the search runs off the UI thread on the real base."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from communitydesk.db.database import Database
from communitydesk.services.contacts import ContactInput, create_contact
from communitydesk.services.permissions import SYSTEM
from communitydesk.ui.ambassadors.dialogs import EnrolDialog
from communitydesk.ui.widgets.contact_picker import ContactPicker, contact_search

WAIT = 30_000


def people(db: Database) -> dict[str, int]:
    made = {}
    for first, last in (("Inès", "Vidal"), ("Paul", "Vidal"), ("Jeanne", "Martin")):
        made[f"{first} {last}"] = create_contact(db, SYSTEM, ContactInput(first_name=first, last_name=last)).id
    return made


def test_type_arrows_enter_pick_a_contact_searched_off_the_ui_thread(qtbot: QtBot, db: Database, db_path: Path) -> None:
    ids = people(db)
    search = contact_search(db_path, SYSTEM)
    threads: list[threading.Thread] = []

    def watched(text: str) -> list[tuple[int, str, str]]:
        threads.append(threading.current_thread())
        return search(text)

    picker = ContactPicker(watched, "Aucun organisateur choisi")
    qtbot.addWidget(picker)
    picker.show()
    assert picker.chosen_label.text() == "Aucun organisateur choisi" and not picker.clear_button.isEnabled()

    QTest.keyClicks(picker.search_edit, "vidal")
    qtbot.waitUntil(lambda: picker.results.count() == 2, timeout=WAIT)
    assert threads and all(thread is not threading.main_thread() for thread in threads)
    assert [picker.results.item(row).text() for row in range(2)] == [
        "Inès Vidal · Grand public",
        "Paul Vidal · Grand public",
    ]
    assert picker.results.currentRow() == 0
    QTest.keyClick(picker.search_edit, Qt.Key.Key_Down)
    QTest.keyClick(picker.search_edit, Qt.Key.Key_Down)  # stays on the last one
    assert picker.results.currentRow() == 1 and picker.highlighted_id() == ids["Paul Vidal"]
    QTest.keyClick(picker.search_edit, Qt.Key.Key_Up)
    QTest.keyClick(picker.search_edit, Qt.Key.Key_Down)
    QTest.keyClick(picker.search_edit, Qt.Key.Key_Return)
    assert picker.contact_id == ids["Paul Vidal"] and picker.chosen_label.text() == "Paul Vidal"
    assert picker.search_edit.text() == "" and picker.results.isHidden()

    picker.clear_button.click()
    assert picker.contact_id is None and picker.chosen_label.text() == "Aucun organisateur choisi"


def test_enter_before_the_search_searches_at_once(qtbot: QtBot, db: Database, db_path: Path) -> None:
    ids = people(db)
    picker = ContactPicker(contact_search(db_path, SYSTEM), "Aucun contact choisi")
    qtbot.addWidget(picker)
    picker.show()
    QTest.keyClicks(picker.search_edit, "martin")
    QTest.keyClick(picker.search_edit, Qt.Key.Key_Enter)  # the typing pause had not ended
    qtbot.waitUntil(lambda: picker.results.count() == 1, timeout=WAIT)
    assert picker.contact_id is None
    QTest.keyClick(picker.search_edit, Qt.Key.Key_Enter)
    assert picker.contact_id == ids["Jeanne Martin"]


def test_a_search_leaves_out_who_is_already_chosen(db: Database, db_path: Path) -> None:
    ids = people(db)
    search = contact_search(db_path, SYSTEM, leave_out={ids["Inès Vidal"]})
    assert [name for _id, name, _circle in search("vidal")] == ["Paul Vidal"]
    assert [name for _id, name, _circle in contact_search(db_path, SYSTEM, limit=1)("vidal")] == ["Inès Vidal"]


def test_enrol_enter_picks_then_enter_enrols(qtbot: QtBot, db: Database, db_path: Path) -> None:
    ids = people(db)
    saved: list[dict[str, Any]] = []
    dialog = EnrolDialog(None, contact_search(db_path, SYSTEM), lambda values: saved.append(values) or 1)
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.keyClicks(dialog.search_edit, "jeanne")
    qtbot.waitUntil(lambda: dialog.results.count() == 1, timeout=WAIT)
    QTest.keyClick(dialog.search_edit, Qt.Key.Key_Return)  # picks the name, does not enrol yet
    assert dialog.isVisible() and not saved and dialog.picker.chosen_label.text() == "Jeanne Martin"
    QTest.keyClick(dialog.search_edit, Qt.Key.Key_Return)  # nothing typed: the dialog's « Inscrire »
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)
    assert saved == [{"contact_id": ids["Jeanne Martin"], "type": "passionne"}]
