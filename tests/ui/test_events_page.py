"""The Événements page driven like a user: create an event through the dialog, sort and filter
the list, change participants' statuses from the keyboard, type a paper sign-in sheet back
with the keyboard only, close the grid and resume it, apply a proposed circle move."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time, timedelta
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from communitydesk import formatting
from communitydesk.records.events import EventDraft, SignInLineDraft
from communitydesk.services import events, sign_in_sheet
from communitydesk.services.contacts import ContactInput, create_contact, get_contact
from communitydesk.services.permissions import SYSTEM
from communitydesk.ui import tasks
from communitydesk.ui.events.event_dialog import EventDialog
from communitydesk.ui.events.page import EventsPage
from communitydesk.ui.events.sign_in_grid import SignInDialog, SignInGrid
from communitydesk.ui.main_window import MainWindow

WAIT = 30_000


@pytest.fixture
def window(make_window, db_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window(db_path)
    return window


def settle(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not tasks.running_tasks(), timeout=WAIT)


def open_page(qtbot: QtBot, window: MainWindow) -> EventsPage:
    page = window.show_page("events")
    assert isinstance(page, EventsPage)
    qtbot.waitUntil(lambda: page.rows is not None, timeout=WAIT)
    settle(qtbot)
    return page


def add_event(window: MainWindow, name: str, day: date, kind: str = "reunion_publique", **fields: object) -> int:
    draft = EventDraft(name=name, starts_on=day, kind=kind, **fields)  # type: ignore[arg-type]
    return events.create_event(window.database.database(), SYSTEM, draft)


def choose(qtbot: QtBot, page: EventsPage, event_id: int) -> None:
    page.table.set_when("all")
    assert page.table.select(event_id)
    qtbot.waitUntil(lambda: page.record is not None and page.record.id == event_id, timeout=WAIT)
    settle(qtbot)


def visible(kind: type[QWidget]) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def type_text(widget: QWidget, text: str) -> None:
    """Key presses carrying ``text``: QTest.keyClicks aborts on a letter outside ASCII."""
    for char in text:
        if char.isascii():
            QTest.keyClicks(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
                )


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_the_page_is_in_the_sidebar_and_starts_empty(qtbot: QtBot, window: MainWindow) -> None:
    page = open_page(qtbot, window)
    assert page.objectName() == "page_events"
    assert window.current_page_key() == "events"
    assert page.new_button.isEnabled()
    assert not page.edit_button.isEnabled()  # nothing chosen yet
    assert not page.panel.body.isVisibleTo(page.panel)
    assert "Nouvel événement" in page.panel.empty.text()


def test_create_an_event_through_the_dialog(qtbot: QtBot, window: MainWindow) -> None:
    db = window.database.database()
    organiser = create_contact(db, SYSTEM, ContactInput(first_name="Inès", last_name="Vidal")).id
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page = open_page(qtbot, window)
    page.table.table.setFocus()
    QTest.keyClick(page.table.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(visible(EventDialog)), timeout=WAIT)
    dialog = visible(EventDialog)[0]
    assert isinstance(dialog, EventDialog)
    assert dialog.windowTitle() == "Nouvel événement"

    # Refusals are French sentences next to the field, and the dialog stays open.
    dialog.accept()
    assert dialog.error_label.text() == "Donnez un nom à l'événement."
    type_text(dialog.name_edit, "Apéro des bénévoles")
    dialog.starts_edit.setText("25h")
    dialog.accept()
    assert "heure illisible" in dialog.error_label.text() or "n'existe pas" in dialog.error_label.text()
    dialog.starts_edit.setText("20h")
    dialog.ends_edit.setText("18:30")
    dialog.accept()
    assert dialog.error_label.text() == "L'heure de fin (18:30) doit venir après l'heure de début (20:00)."

    day = formatting.local_today() + timedelta(days=12)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("apero_ambassadeurs"))
    dialog.day_edit.set_day(day)
    dialog.starts_edit.setText("18h30")
    dialog.ends_edit.setText("20:00")
    QTest.keyClicks(dialog.place_edit, "Le Fournil")
    dialog.address_edit.setPlainText("3 rue des Lilas\n69003 Lyon")
    dialog.url_edit.setText("fournil.example/apero")
    dialog.circle_boxes["communaute"].setChecked(True)
    dialog.capacity_spin.setValue(40)
    QTest.keyClicks(dialog.organiser.search_edit, "vidal")
    qtbot.waitUntil(lambda: dialog.organiser.results.count() == 1, timeout=WAIT)
    QTest.keyClick(dialog.organiser.search_edit, Qt.Key.Key_Return)  # picks the name, does not save
    assert dialog.isVisible() and dialog.organiser.contact_id == organiser
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)
    qtbot.waitUntil(lambda: page.record is not None and page.record.name == "Apéro des bénévoles", timeout=WAIT)
    settle(qtbot)

    [row] = events.events(db, SYSTEM)
    record = events.event(db, SYSTEM, row.id)
    draft = record.draft
    assert (draft.kind, draft.starts_on, draft.starts_time, draft.ends_time) == (
        "apero_ambassadeurs",
        day,
        time(18, 30),
        time(20, 0),
    )
    assert (draft.place, draft.address, draft.url) == (
        "Le Fournil",
        "3 rue des Lilas\n69003 Lyon",
        "https://fournil.example/apero",
    )
    assert (draft.organiser_contact_id, draft.expected_circles, draft.capacity) == (organiser, ("communaute",), 40)
    assert page.table.shown_names() == ["Apéro des bénévoles"]
    assert page.panel.organiser_label.text() == "Inès Vidal"
    assert page.panel.attendance_label.text() == "0 inscrit sur 40 places · 0 présent"

    # Modifier…: the same dialog, filled; a change is saved.
    page.edit_event()
    qtbot.waitUntil(lambda: bool(visible(EventDialog)), timeout=WAIT)
    editor = visible(EventDialog)[0]
    assert isinstance(editor, EventDialog)
    assert editor.windowTitle() == "Modifier l'événement"
    assert editor.name_edit.text() == "Apéro des bénévoles" and editor.organiser.contact_id == organiser
    editor.place_edit.setText("La Halle")
    editor.accept()
    qtbot.waitUntil(lambda: page.record is not None and page.record.draft.place == "La Halle", timeout=WAIT)
    settle(qtbot)


def test_the_table_sorts_and_filters(qtbot: QtBot, window: MainWindow) -> None:
    today = formatting.local_today()
    add_event(window, "Stand du marché", today + timedelta(days=20), kind="stand", place="Place Carnot")
    add_event(window, "Réunion de rentrée", today + timedelta(days=3))
    add_event(window, "Assemblée générale 2025", today - timedelta(days=200), kind="assemblee_generale")
    add_event(window, "Atelier pain", today - timedelta(days=10), kind="atelier")
    page = open_page(qtbot, window)
    # By default what is coming, soonest first.
    assert page.table.when_combo.currentData() == "coming"
    assert page.table.shown_names() == ["Réunion de rentrée", "Stand du marché"]
    # The next event is chosen at once: its sheet, not an empty panel.
    qtbot.waitUntil(lambda: page.record is not None and page.record.name == "Réunion de rentrée", timeout=WAIT)
    settle(qtbot)
    page.table.set_when("past")  # latest first
    assert page.table.shown_names() == ["Atelier pain", "Assemblée générale 2025"]
    page.table.set_when("all")
    assert len(page.table.shown_names()) == 4
    page.table.kind_combo.setCurrentIndex(page.table.kind_combo.findData("stand"))
    assert page.table.shown_names() == ["Stand du marché"]
    page.table.kind_combo.setCurrentIndex(0)
    page.table.search.setText("carnot")  # any column, accents and case ignored
    assert page.table.shown_names() == ["Stand du marché"]
    page.table.search.setText("reunion")
    assert page.table.shown_names() == ["Réunion de rentrée"]
    page.table.search.clear()
    page.table.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # by name
    assert page.table.shown_names() == [
        "Assemblée générale 2025",
        "Atelier pain",
        "Réunion de rentrée",
        "Stand du marché",
    ]
    page.table.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # by date, latest first
    assert page.table.shown_names()[0] == "Stand du marché"
    # The filters are remembered for next time.
    page.table.kind_combo.setCurrentIndex(page.table.kind_combo.findData("atelier"))
    assert window.settings.view_state("events")["filters"] == {"when": "all", "kind": "atelier", "text": ""}


def test_delete_asks_first(qtbot: QtBot, window: MainWindow) -> None:
    event_id = add_event(window, "Atelier pain", formatting.local_today())
    page = open_page(qtbot, window)
    choose(qtbot, page, event_id)
    box = page.delete_selected()
    assert box is not None and "Atelier pain" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    settle(qtbot)
    assert len(events.events(window.database.database(), SYSTEM)) == 1
    box = page.delete_selected()
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: page.rows == [], timeout=WAIT)
    assert page.record is None and not page.edit_button.isEnabled()


def test_statuses_change_from_the_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    db = window.database.database()
    ids = [
        create_contact(db, SYSTEM, ContactInput(first_name=first, last_name="Martin")).id
        for first in ("Alice", "Bruno", "Chloé")
    ]
    event_id = add_event(window, "Réunion publique", formatting.local_today() + timedelta(days=5))
    events.invite(db, SYSTEM, event_id, ids, from_segment="Voisins")
    page = open_page(qtbot, window)
    choose(qtbot, page, event_id)
    view = page.participants
    assert view.model.rowCount() == 3
    view.table.setFocus()
    view.table.selectRow(0)
    QTest.keyClick(view.table, Qt.Key.Key_2)  # 2: inscrit
    qtbot.waitUntil(lambda: page.record is not None and page.record.registered == 1, timeout=WAIT)
    settle(qtbot)
    view.table.selectRow(1)
    QTest.keyClick(view.table, Qt.Key.Key_5)  # 5: excusé
    qtbot.waitUntil(
        lambda: (
            page.record is not None and {p.status for p in page.record.participants} == {"inscrit", "excuse", "invite"}
        ),
        timeout=WAIT,
    )
    settle(qtbot)
    statuses = {p.name: p.status for p in events.event(db, SYSTEM, event_id).participants}
    assert statuses == {"Alice Martin": "inscrit", "Bruno Martin": "excuse", "Chloé Martin": "invite"}
    assert {p.invited_from for p in page.record.participants} == {"Voisins"}  # type: ignore[union-attr]


# -- the sign-in sheet ----------------------------------------------------------------------


def open_sheet(qtbot: QtBot, page: EventsPage) -> SignInDialog:
    dialog = page.enter_sheet()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.loaded, timeout=WAIT)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=WAIT)
    return dialog


def type_line(
    qtbot: QtBot, grid: SignInGrid, cells: Sequence[str], ticks: Sequence[bool], *, enter: bool = True
) -> None:
    """One line of the sheet as a volunteer types it: cells and boxes with Tab, Enter on « Contact »."""
    for text in cells:
        widget = focused()
        assert isinstance(widget, QLineEdit)
        type_text(widget, text)
        QTest.keyClick(widget, Qt.Key.Key_Tab)
    for ticked in ticks:
        box = focused()
        assert isinstance(box, QCheckBox)
        if ticked:
            QTest.keyClick(box, Qt.Key.Key_Space)
        QTest.keyClick(box, Qt.Key.Key_Tab)
    match = focused()
    assert isinstance(match, QComboBox)
    if enter:
        QTest.keyClick(match, Qt.Key.Key_Return)


SHEET = [
    # Nom, Prénom, E-mail, Téléphone ; newsletter, photos, communauté
    (("Dupont", "Camille", "camille.dupont@example.org", ""), (True, False, False)),  # her e-mail
    (("Durand", "Hélène", "", "06.12.34.56.78"), (False, True, False)),  # her phone, another notation
    (("MOREAU", "eloise", "", ""), (True, False, True)),  # her name, without accent nor case
    (("Petit", "Jules", "jules@example.org", "07 00 00 00 01"), (True, True, True)),
    (("Roux", "Manon", "", ""), (False, False, False)),
    (("", "", "", ""), (False, False, False)),  # a line left empty on paper
    (("Fabre", "Lucas", "lucas.fabre@example.org", ""), (False, False, True)),
    (("Girard", "Nina", "", "+33 6 55 44 33 22"), (True, False, False)),
    (("Lambert", "Théo", "", ""), (False, True, False)),
    (("Blanc", "Sarah", "sarah@example.org", ""), (True, True, False)),
]


def known_people(window: MainWindow) -> dict[str, int]:
    db = window.database.database()
    people = {
        "Camille": ContactInput(first_name="Camille", last_name="Dupont", email="camille.dupont@example.org"),
        "Hélène": ContactInput(first_name="Hélène", last_name="Durand", phone="+33 6 12 34 56 78"),
        "Éloïse": ContactInput(first_name="Éloïse", last_name="Moreau"),
    }
    return {first: create_contact(db, SYSTEM, data).id for first, data in people.items()}


def test_ten_lines_typed_with_the_keyboard_only(qtbot: QtBot, window: MainWindow) -> None:
    known = known_people(window)
    event_id = add_event(window, "Réunion publique", formatting.local_today() - timedelta(days=2), place="Mairie")
    page = open_page(qtbot, window)
    choose(qtbot, page, event_id)
    dialog = open_sheet(qtbot, page)
    grid = dialog.grid
    assert focused() is grid.line(1).last_name

    for number, (cells, ticks) in enumerate(SHEET, start=1):
        if number == 1:
            # The match is shown when the line is left for « Contact », then Enter confirms it.
            type_line(qtbot, grid, cells, ticks, enter=False)
            line = grid.line(1)
            qtbot.waitUntil(lambda: grid.line(1).looked_up is not None, timeout=WAIT)
            assert line.match.currentText() == "Camille Dupont — même e-mail"
            assert [line.match.itemText(i) for i in range(1, line.match.count())][-1] == "Nouveau contact"
            QTest.keyClick(focused(), Qt.Key.Key_Return)
        else:
            type_line(qtbot, grid, cells, ticks)
        assert focused() is grid.line(number + 1).last_name  # on to the next line at once
    qtbot.waitUntil(lambda: len(grid.records) == 9, timeout=WAIT)
    settle(qtbot)

    db = window.database.database()
    saved = {line.line_no: line for line in sign_in_sheet.lines(db, SYSTEM, event_id)}
    assert sorted(saved) == [1, 2, 3, 4, 5, 7, 8, 9, 10]  # the empty line 6 is passed
    assert saved[1].contact_id == known["Camille"] and saved[1].outcome == "matched"
    assert saved[2].contact_id == known["Hélène"] and saved[2].outcome == "matched"
    assert saved[3].contact_id == known["Éloïse"] and saved[3].outcome == "matched"
    created = [line for line in saved.values() if line.outcome == "created"]
    assert len(created) == 6
    assert saved[4].draft.consents == ("newsletter", "photos", "communaute")
    jules = get_contact(db, SYSTEM, saved[4].contact_id)  # type: ignore[arg-type]
    assert jules.data.circle == "grand_public" and jules.data.email == "jules@example.org"
    record = events.event(db, SYSTEM, event_id)
    assert record.present == 9
    ticked = sum(sum(ticks) for _cells, ticks in SHEET)
    assert dialog.counts_label.text() == f"9 lignes saisies · 6 contacts créés · {ticked} consentements"
    assert dialog.grid.line(1).number.styleSheet() == dialog.grid.line(2).number.styleSheet() != ""
    dialog.reject()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=WAIT)  # closed and deleted: all is saved


def test_the_grid_resumes_after_closing(qtbot: QtBot, window: MainWindow) -> None:
    known_people(window)
    event_id = add_event(window, "Stand du marché", formatting.local_today(), kind="stand")
    page = open_page(qtbot, window)
    choose(qtbot, page, event_id)
    dialog = open_sheet(qtbot, page)
    for cells, ticks in SHEET[:3]:
        type_line(qtbot, dialog.grid, cells, ticks)
    # Line 4 typed but not confirmed: closing asks first.
    type_line(qtbot, dialog.grid, SHEET[3][0], SHEET[3][1], enter=False)
    qtbot.waitUntil(lambda: len(dialog.grid.records) == 3, timeout=WAIT)
    settle(qtbot)
    dialog.reject()
    boxes = [box for box in visible(QMessageBox) if box.objectName() == "unsavedLinesBox"]
    assert len(boxes) == 1 and "Ligne 4 tapée" in boxes[0].text()  # type: ignore[attr-defined]
    boxes[0].button(QMessageBox.StandardButton.Yes).click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=WAIT)

    again = open_sheet(qtbot, page)
    grid = again.grid
    assert [grid.line(n).last_name.text() for n in (1, 2, 3, 4)] == ["Dupont", "Durand", "MOREAU", ""]
    assert grid.line(3).consents["communaute"].isChecked()
    assert grid.line(1).match.currentText() == "✓ Camille Dupont"
    assert focused() is grid.line(4).last_name  # typing goes on after the last saved line
    assert again.counts_label.text().startswith("3 lignes saisies · 0 contact créé")
    for cells, ticks in SHEET[3:5]:
        type_line(qtbot, grid, cells, ticks)
    qtbot.waitUntil(lambda: len(grid.records) == 5, timeout=WAIT)
    settle(qtbot)
    lines = sign_in_sheet.lines(window.database.database(), SYSTEM, event_id)
    assert [line.line_no for line in lines] == [1, 2, 3, 4, 5]
    assert again.counts_label.text().startswith("5 lignes saisies · 2 contacts créés")
    again.reject()


def test_another_candidate_with_alt_down_and_a_new_contact(qtbot: QtBot, window: MainWindow) -> None:
    db = window.database.database()
    first = create_contact(db, SYSTEM, ContactInput(first_name="Léa", last_name="Bernard", city="Lyon")).id
    second = create_contact(db, SYSTEM, ContactInput(first_name="Léa", last_name="Bernard", city="Nantes")).id
    event_id = add_event(window, "Atelier pain", formatting.local_today(), kind="atelier")
    page = open_page(qtbot, window)
    choose(qtbot, page, event_id)
    dialog = open_sheet(qtbot, page)
    grid = dialog.grid
    type_line(qtbot, grid, ("Bernard", "Léa", "", ""), (False, False, False), enter=False)
    line = grid.line(1)
    qtbot.waitUntil(lambda: line.looked_up is not None, timeout=WAIT)
    assert [line.match.itemData(i) for i in range(2)] == [first, second]
    # Alt+↓ opens the list; ↓ and Enter pick the second Léa; Enter saves the line.
    QTest.keyClick(line.match, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = line.match.view()
    qtbot.waitUntil(lambda: popup.isVisible(), timeout=WAIT)
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=WAIT)
    assert line.match.currentData() == second
    QTest.keyClick(line.match, Qt.Key.Key_Return)
    # The next line: « Nouveau contact » although a Léa Bernard exists.
    type_line(qtbot, grid, ("Bernard", "Léa", "lea.b@example.org", ""), (True, False, False), enter=False)
    line2 = grid.line(2)
    qtbot.waitUntil(lambda: line2.looked_up is not None, timeout=WAIT)
    line2.match.setCurrentIndex(line2.match.findText("Nouveau contact"))
    QTest.keyClick(line2.match, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(grid.records) == 2, timeout=WAIT)
    settle(qtbot)
    saved = {line.line_no: line for line in sign_in_sheet.lines(db, SYSTEM, event_id)}
    assert saved[1].contact_id == second and saved[1].outcome == "matched"
    assert saved[2].outcome == "created" and saved[2].contact_id not in (first, second)
    dialog.reject()


def test_a_proposed_move_is_applied_with_its_reason(qtbot: QtBot, window: MainWindow) -> None:
    event_id = add_event(window, "Réunion publique", formatting.local_today() - timedelta(days=1))
    page = open_page(qtbot, window)
    choose(qtbot, page, event_id)
    dialog = open_sheet(qtbot, page)
    type_line(qtbot, dialog.grid, ("Petit", "Jules", "jules@example.org", ""), (True, False, False))
    qtbot.waitUntil(lambda: len(dialog.grid.records) == 1, timeout=WAIT)
    settle(qtbot)
    contact_id = dialog.grid.records[1].contact_id
    dialog.reject()
    assert contact_id is not None
    qtbot.waitUntil(lambda: page.report is not None and len(page.report.proposed_moves) == 1, timeout=WAIT)
    settle(qtbot)
    assert page.panel.moves_box.isVisibleTo(page.panel)
    assert page.panel.new_contacts_label.text() == "1"
    button = page.panel.move_buttons[contact_id]
    assert button.text() == "Passer en communauté"
    button.click()
    qtbot.waitUntil(lambda: page.report is not None and not page.report.proposed_moves, timeout=WAIT)
    settle(qtbot)
    from communitydesk.services.circle_moves import history

    db = window.database.database()
    assert get_contact(db, SYSTEM, contact_id).data.circle == "communaute"
    move = history(db, SYSTEM, contact_id)[-1]
    assert move.to_circle == "communaute" and move.reason


def test_the_editorial_calendar_shows_events_and_follows_them(qtbot: QtBot, window: MainWindow) -> None:
    from communitydesk.ui.editorial.page import EditorialPage

    day = formatting.local_today().replace(day=12)
    add_event(window, "Atelier pain", day, kind="atelier", starts_time=time(14, 0))
    calendar = window.show_page("editorial")
    assert isinstance(calendar, EditorialPage)
    cell = calendar.month_grid.cells[day]
    qtbot.waitUntil(lambda: "Atelier pain" in cell.context_label.toolTip(), timeout=WAIT)
    settle(qtbot)
    assert cell.context_label.isVisibleTo(calendar)
    assert "Événement « Atelier pain » — 14:00" in cell.context_label.toolTip()
    # An event added while the calendar is shown appears there at once.
    other = day + timedelta(days=1) if day.day < 28 else day - timedelta(days=1)
    add_event(window, "Stand du marché", other, kind="stand")
    qtbot.waitUntil(lambda: "Stand du marché" in calendar.month_grid.cells[other].context_label.toolTip(), timeout=WAIT)
    settle(qtbot)


@pytest.mark.parametrize("kind", ["event-kit", "event-report"])
def test_the_event_documents_open_in_the_documents_page(qtbot: QtBot, window: MainWindow, kind: str) -> None:
    from communitydesk.document_catalogue import DOCUMENTS

    event_id = add_event(window, "Atelier pain", formatting.local_today(), kind="atelier")
    page = open_page(qtbot, window)
    choose(qtbot, page, event_id)
    button = page.kit_button if kind == "event-kit" else page.report_button
    assert page.isAncestorOf(button)  # in the page's header, never a window of its own
    if kind not in DOCUMENTS:
        assert button.isHidden()  # the catalogue has no such document yet: no button that leads nowhere
        return
    assert not button.isHidden() and button.isEnabled()
    button.click()
    documents = window.pages["documents"]
    assert window.current_page_key() == "documents"
    qtbot.waitUntil(lambda: documents.kind.currentData() == kind, timeout=WAIT)  # type: ignore[attr-defined]
    qtbot.waitUntil(
        lambda: documents.event_choice.currentData() == str(event_id),  # type: ignore[attr-defined]
        timeout=WAIT,
    )
    settle(qtbot)


# -- rights -------------------------------------------------------------------------------


def test_a_volunteer_types_the_sheet_but_cannot_create_an_event(qtbot: QtBot, window: MainWindow) -> None:
    from communitydesk.services.permissions import Actor, Role, default_rights

    db = window.database.database()
    alice = create_contact(db, SYSTEM, ContactInput(first_name="Alice", last_name="Martin")).id
    event_id = add_event(window, "Atelier vélo", formatting.local_today() + timedelta(days=3))
    events.invite(db, SYSTEM, event_id, [alice])
    window.database.actor = Actor(name="Malik", role=Role.VOLUNTEER, rights=default_rights(Role.VOLUNTEER))
    page = open_page(qtbot, window)
    reason = "Votre profil (Bénévole) ne permet pas de modifier les événements."
    assert not page.new_button.isEnabled()
    assert page.new_button.toolTip() == reason
    assert page.new_event() is None  # Ctrl+N: no editor, the reason in the status bar
    assert window.statusBar().currentMessage() == reason

    choose(qtbot, page, event_id)
    for button in (page.edit_button, page.delete_button, page.invite_button):
        assert not button.isEnabled() and button.toolTip() == reason
    for button in (page.kit_button, page.report_button):
        assert not button.isEnabled() and "exporter ou imprimer des données personnelles" in button.toolTip()
    assert page.delete_selected() is None  # the Suppr key on the list: nothing asked
    view = page.participants
    assert view.add_button.isEnabled() and view.apply_button.isEnabled()

    # Attendance from the keyboard and the paper sheet are volunteer work.
    view.table.setFocus()
    view.table.selectRow(0)
    QTest.keyClick(view.table, Qt.Key.Key_3)  # 3: présent
    qtbot.waitUntil(lambda: page.record is not None and page.record.participants[0].status == "present", timeout=WAIT)
    settle(qtbot)
    assert page.sheet_button.isEnabled()
    dialog = open_sheet(qtbot, page)
    assert dialog.isVisible()
    dialog.close()


def test_lecture_seule_does_not_see_the_events_page(qtbot: QtBot, window: MainWindow) -> None:
    from communitydesk.services.permissions import Actor, Role, default_rights

    reader = Actor(name="Léa", role=Role.READER, profile_id=3, rights=default_rights(Role.READER))
    window.database.log_in(reader)
    keys = window.page_keys()
    assert window.sidebar.isRowHidden(keys.index("events"))  # its list names the participants
    assert not window.sidebar.isRowHidden(keys.index("dashboard"))
    window.show_page("events")
    assert window.current_page_key() == "dashboard"


def test_registered_people_are_prefilled_as_the_kit_prints_them(qtbot: QtBot, window: MainWindow) -> None:
    db = window.database.database()
    ids = {
        first: create_contact(db, SYSTEM, ContactInput(first_name=first, last_name=last)).id
        for first, last in (("Zoé", "Adam"), ("Léa", "Bernard"), ("Marc", "Colin"), ("Inès", "Dumas"))
    }
    homonym = create_contact(db, SYSTEM, ContactInput(first_name="Léa", last_name="Bernard", city="Lyon")).id
    event_id = add_event(window, "Assemblée générale", formatting.local_today(), kind="assemblee_generale")
    events.invite(db, SYSTEM, event_id, list(ids.values()))
    for first in ("Marc", "Léa", "Zoé"):
        events.set_status(db, SYSTEM, event_id, ids[first], "inscrit")
    events.set_status(db, SYSTEM, event_id, ids["Inès"], "excuse")  # excused: not on the sheet
    page = open_page(qtbot, window)
    choose(qtbot, page, event_id)
    dialog = open_sheet(qtbot, page)
    grid = dialog.grid

    # Lines 1-3 as the kit prints them (by name), line 4 free.
    cells = [(grid.line(n).last_name.text(), grid.line(n).first_name.text()) for n in (1, 2, 3, 4)]
    assert cells == [("Adam", "Zoé"), ("Bernard", "Léa"), ("Colin", "Marc"), ("", "")]
    assert grid.line(1).number.styleSheet() != grid.line(4).number.styleSheet()
    assert focused() is grid.line(1).last_name

    # Zoé was absent: ↓ passes her line. Léa signed and ticked photos: her line is confirmed.
    QTest.keyClick(focused(), Qt.Key.Key_Down)
    assert focused() is grid.line(2).last_name
    type_line(qtbot, grid, ["", "", "", ""], (False, True, False), enter=False)
    line = grid.line(2)
    qtbot.waitUntil(lambda: line.looked_up is not None and not line.looking, timeout=WAIT)
    assert line.match.currentData() == ids["Léa"]  # the registered Léa, not her homonym
    assert homonym in [line.match.itemData(i) for i in range(line.match.count())]
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: 2 in grid.records, timeout=WAIT)
    settle(qtbot)

    # The untouched printed lines are not « typed »: closing asks nothing.
    assert grid.waiting_lines() == []
    dialog.reject()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=WAIT)
    statuses = {p.contact_id: p.status for p in events.event(db, SYSTEM, event_id).participants}
    assert statuses[ids["Léa"]] == "present" and statuses[ids["Zoé"]] == "inscrit"
    saved = sign_in_sheet.lines(db, SYSTEM, event_id)
    assert [(s.line_no, s.contact_id, s.draft.consents) for s in saved] == [(2, ids["Léa"], ("photos",))]

    # Reopened: Léa's line saved, the others still printed, typing resumes after her line.
    again = open_sheet(qtbot, page)
    assert again.grid.line(2).match.currentText() == "✓ Léa Bernard"
    assert again.grid.line(1).last_name.text() == "Adam" and again.grid.line(3).last_name.text() == "Colin"
    assert focused() is again.grid.line(3).last_name
    again.reject()


def test_someone_already_typed_on_another_line_is_not_prefilled_again(qtbot: QtBot, window: MainWindow) -> None:
    db = window.database.database()
    adam = create_contact(db, SYSTEM, ContactInput(first_name="Zoé", last_name="Adam")).id
    bernard = create_contact(db, SYSTEM, ContactInput(first_name="Léa", last_name="Bernard")).id
    event_id = add_event(window, "Atelier", formatting.local_today(), kind="atelier")
    for contact_id in (adam, bernard):
        events.set_status(db, SYSTEM, event_id, contact_id, "inscrit")
    # Léa (printed on line 2) was typed on line 5, where she signed by mistake.
    sign_in_sheet.save_line(db, SYSTEM, event_id, 5, sign_in_sheet_draft("Bernard", "Léa"), bernard)
    page = open_page(qtbot, window)
    choose(qtbot, page, event_id)
    dialog = open_sheet(qtbot, page)
    grid = dialog.grid
    assert [grid.line(n).last_name.text() for n in (1, 2, 5)] == ["Adam", "", "Bernard"]
    dialog.reject()


def sign_in_sheet_draft(last: str, first: str) -> SignInLineDraft:
    return SignInLineDraft(last_name=last, first_name=first)
