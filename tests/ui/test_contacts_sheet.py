"""The contact sheet: opened with Entrée, every field saved, French errors beside the field,
optimistic locking (nothing silently overwritten), timeline with moves, quick touch point entry;
Ctrl+N creates, Suppr archives with an undo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from communitydesk.db.database import Database
from communitydesk.services import circle_moves, touch_points
from communitydesk.services.contact_search import count
from communitydesk.services.contacts import ContactInput, create_contact, get_contact, update_contact
from communitydesk.services.permissions import Actor
from communitydesk.ui.contacts.contact_table import COLUMN_KEYS


def open_page(qtbot, make_window, path: Path):  # type: ignore[no-untyped-def]
    window = make_window(path)
    page = window.show_page("contacts")
    qtbot.waitUntil(lambda: page.model.reloads > 0 and not page.model.is_loading(), timeout=20000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window, page


def select_first(page) -> None:  # type: ignore[no-untyped-def]
    index = page.model.index(0, 0)
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    page.table.selectionModel().setCurrentIndex(index, flags)
    page.table.setFocus()


def open_sheet_with_enter(qtbot, page):  # type: ignore[no-untyped-def]
    select_first(page)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert len(page.sheets) == 1
    sheet = next(iter(page.sheets.values()))
    qtbot.waitUntil(lambda: sheet.details is not None and not sheet.busy, timeout=10000)
    return sheet


def test_enter_opens_the_sheet_and_every_field_is_saved(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    contact = create_contact(db, actor, ContactInput(first_name="Hélène", last_name="Durand", city="Lyon"))
    _window, page = open_page(qtbot, make_window, db_path)
    sheet = open_sheet_with_enter(qtbot, page)
    assert sheet.title.text() == "Hélène Durand"
    assert sheet.editors["city"].text() == "Lyon"
    assert sheet.editors["circle"].currentText() == "Grand public"

    values = {
        "organisation": "Les Ateliers du Lien",
        "role": "Trésorière",
        "email": "helene@exemple.fr",
        "email_secondary": "h.durand@asso.example",
        "phone": "06 12 34 56 78",
        "phone_secondary": "04 72 00 00 00",
        "address": "12 rue des Coopérateurs",
        "postcode": "69007",
        "city": "Lyon",
        "source": "Forum des assos",
        "notes": "Aime les ateliers couture.",
        "is_ambassador": True,
        "is_critic": True,
        "tags": "bénévole, presse",
    }
    for name, value in values.items():
        sheet.set_field(name, value)
    assert sheet.is_dirty()
    with qtbot.waitSignal(sheet.saved, timeout=10000):
        qtbot.mouseClick(sheet.save_button, Qt.MouseButton.LeftButton)
    saved = get_contact(db, actor, contact.id)
    for name, value in values.items():
        if name != "tags":
            assert getattr(saved.data, name) == value, name
    assert saved.tags == ("bénévole", "presse")
    assert saved.version_id == contact.version_id + 1
    assert sheet.message.text() == "Modifications enregistrées."
    assert not sheet.is_dirty()
    # The list follows: the new e-mail is in the row.
    email = COLUMN_KEYS.index("email")
    qtbot.waitUntil(lambda: page.model.data(page.model.index(0, email)) == "helene@exemple.fr", timeout=10000)


def test_wrong_fields_are_explained_in_french_beside_them(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    contact = create_contact(db, actor, ContactInput(first_name="Bruno", last_name="Lefèvre"))
    _window, page = open_page(qtbot, make_window, db_path)
    sheet = open_sheet_with_enter(qtbot, page)
    sheet.set_field("email", "bruno.exemple.fr")
    with qtbot.waitSignal(sheet.save_failed, timeout=10000):
        sheet.save()
    error = sheet.errors["email"]
    assert error.isVisible()
    assert error.text() == "L'adresse e-mail « bruno.exemple.fr » n'est pas valide."
    assert not sheet.errors["postcode"].isVisible()
    assert get_contact(db, actor, contact.id).version_id == contact.version_id  # nothing saved

    sheet.set_field("email", "bruno@exemple.fr")
    sheet.set_field("postcode", "6900")
    with qtbot.waitSignal(sheet.save_failed, timeout=10000):
        sheet.save()
    assert not sheet.errors["email"].isVisible()
    assert sheet.errors["postcode"].text() == "Le code postal « 6900 » doit compter 5 chiffres."


def test_a_save_over_someone_elses_change_is_refused_and_offers_to_reload(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    contact = create_contact(db, actor, ContactInput(first_name="Chloé", last_name="Dupré", city="Lyon"))
    _window, page = open_page(qtbot, make_window, db_path)
    sheet = open_sheet_with_enter(qtbot, page)
    # Someone else, on another computer, saves the contact meanwhile.
    update_contact(
        db,
        actor,
        contact.id,
        contact.version_id,
        ContactInput(first_name="Chloé", last_name="Dupré", city="Villeurbanne"),
    )
    sheet.set_field("city", "Grenoble")
    with qtbot.waitSignal(sheet.save_failed, timeout=10000):
        sheet.save()
    box = sheet.conflict_box
    assert box is not None and box.isVisible()
    assert "modifié par ailleurs" in box.text()
    assert get_contact(db, actor, contact.id).data.city == "Villeurbanne"  # not overwritten
    assert sheet.editors["city"].text() == "Grenoble"  # the user's input is still on screen

    reload_button = next(b for b in box.buttons() if b.text() == "Recharger la fiche")
    with qtbot.waitSignal(sheet.loaded, timeout=10000):
        qtbot.mouseClick(reload_button, Qt.MouseButton.LeftButton)
    assert sheet.editors["city"].text() == "Villeurbanne"
    sheet.set_field("city", "Grenoble")
    with qtbot.waitSignal(sheet.saved, timeout=10000):
        sheet.save()
    assert get_contact(db, actor, contact.id).data.city == "Grenoble"


def test_timeline_shows_moves_and_a_quick_touch_point(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    contact = create_contact(db, actor, ContactInput(first_name="Inès", last_name="Vidal"))
    circle_moves.move_inward(db, actor, contact.id, "Venue à l'assemblée générale")
    _window, page = open_page(qtbot, make_window, db_path)
    sheet = open_sheet_with_enter(qtbot, page)
    texts = [(e.label, e.text) for e in sheet.timeline.entries]
    assert ("Changement de cercle", "Grand public → Communauté — Venue à l'assemblée générale") in texts
    assert texts[-1][0] == "Arrivée"

    sheet.activateWindow()
    qtbot.waitUntil(sheet.isActiveWindow)
    qtbot.keyClick(sheet, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert sheet.tabs.currentWidget() is sheet.history_tab
    assert sheet.touch_summary.hasFocus()
    sheet.touch_kind.setCurrentIndex(sheet.touch_kind.findData("call"))
    qtbot.keyClicks(sheet.touch_summary, "Rappel pour le repair cafe")
    with qtbot.waitSignal(sheet.changed, timeout=10000):
        qtbot.keyClick(sheet.touch_summary, Qt.Key.Key_Return)
    first = sheet.timeline.entries[0]
    assert (first.label, first.text, first.by) == ("Appel", "Rappel pour le repair cafe", actor.name)
    assert [p.summary for p in touch_points.timeline(db, actor, contact.id)] == ["Rappel pour le repair cafe"]
    assert get_contact(db, actor, contact.id).last_touch_at is not None
    assert sheet.touch_summary.text() == ""


def test_changing_the_circle_on_the_sheet_asks_why(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    contact = create_contact(db, actor, ContactInput(first_name="René", last_name="Giraud"))
    _window, page = open_page(qtbot, make_window, db_path)
    sheet = open_sheet_with_enter(qtbot, page)
    sheet.set_field("circle", "proches")
    sheet.save()
    dialog = sheet.move_dialog
    assert dialog.isVisible()
    dialog.set_text("Ami d'enfance de la fondatrice")
    with qtbot.waitSignal(sheet.saved, timeout=10000):
        dialog.accept()
    history = circle_moves.history(db, actor, contact.id)
    assert (history[-1].from_circle, history[-1].to_circle, history[-1].reason) == (
        "grand_public",
        "proches",
        "Ami d'enfance de la fondatrice",
    )
    assert sheet.timeline.entries[0].text == "Grand public → Proches — Ami d'enfance de la fondatrice"


def test_ctrl_n_creates_a_contact(qtbot, make_window, db_path: Path, db: Database, actor: Actor) -> None:  # type: ignore[no-untyped-def]
    _window, page = open_page(qtbot, make_window, db_path)
    assert page.empty_label.isVisible()  # an empty base says what to do
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    sheet = page.sheets[None]
    qtbot.waitUntil(lambda: not sheet.busy, timeout=10000)
    assert sheet.title.text() == "Nouveau contact"
    assert not sheet.tabs.isTabEnabled(1)
    sheet.set_field("first_name", "Zoé")
    sheet.set_field("last_name", "Marchand")
    sheet.set_field("circle", "communaute")
    with qtbot.waitSignal(sheet.saved, timeout=10000) as blocker:
        sheet.save()
    new_id = blocker.args[0]
    assert page.sheets[new_id] is sheet
    assert sheet.tabs.isTabEnabled(1)
    details = get_contact(db, actor, new_id)
    assert (details.display_name, details.data.circle) == ("Zoé Marchand", "communaute")
    qtbot.waitUntil(lambda: page.model.total == 1 and page.count_label.text() == "1 contact", timeout=10000)
    sheet.close()
    assert page.sheets == {}


def test_closing_a_sheet_with_unsaved_edits_asks_first(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    create_contact(db, actor, ContactInput(first_name="Léa", last_name="Aubert"))
    _window, page = open_page(qtbot, make_window, db_path)
    sheet = open_sheet_with_enter(qtbot, page)
    sheet.set_field("city", "Laon")
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Cancel)
    sheet.close()
    assert sheet.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Discard)
    sheet.close()
    assert not sheet.isVisible()


def test_delete_archives_and_undo_brings_back(qtbot, make_window, db_path: Path, db: Database, actor: Actor) -> None:  # type: ignore[no-untyped-def]
    create_contact(db, actor, ContactInput(first_name="Théo", last_name="Leroy"))
    create_contact(db, actor, ContactInput(first_name="Jules", last_name="Royer"))
    _window, page = open_page(qtbot, make_window, db_path)
    select_first(page)  # Théo Leroy (sorted by last name)
    with qtbot.waitSignal(page.archived, timeout=10000):
        qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert page.undo_bar.isVisible()
    assert "« Théo Leroy » : fiche archivée" in page.undo_label.text()
    qtbot.waitUntil(lambda: page.model.total == 1, timeout=10000)
    assert count(db, actor) == 1
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.total == 2 and not page.undo_bar.isVisible(), timeout=10000)
    assert count(db, actor) == 2
    QApplication.processEvents()
