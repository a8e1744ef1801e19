"""The contact sheet warns before saving an e-mail or phone another active contact has: it
names that contact, opens its sheet on request, or saves anyway (never a silent duplicate,
never a refusal: families share a landline)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from communitydesk.db.database import Database
from communitydesk.services.contact_search import count
from communitydesk.services.contacts import ContactInput, create_contact, get_contact
from communitydesk.services.permissions import Actor


def open_page(qtbot, make_window, path: Path):  # type: ignore[no-untyped-def]
    window = make_window(path)
    page = window.show_page("contacts")
    qtbot.waitUntil(lambda: page.model.reloads > 0 and not page.model.is_loading(), timeout=20000)
    return page


def new_sheet(qtbot, page, **fields: str):  # type: ignore[no-untyped-def]
    sheet = page.new_contact()
    qtbot.waitUntil(lambda: not sheet.busy, timeout=10000)
    for name, value in fields.items():
        sheet.set_field(name, value)
    return sheet


def warning_of(qtbot, sheet) -> QMessageBox:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: sheet.same_channels_box is not None and sheet.same_channels_box.isVisible(), timeout=10000)
    assert not sheet.busy
    return sheet.same_channels_box


def button(box: QMessageBox, text: str) -> QPushButton:
    (found,) = [b for b in box.findChildren(QPushButton) if b.text() == text]
    return found


def test_a_new_contact_with_a_known_phone_warns_and_saves_anyway(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    create_contact(db, actor, ContactInput(first_name="Marie", last_name="Dupont", phone="04 72 10 20 30"))
    page = open_page(qtbot, make_window, db_path)
    sheet = new_sheet(qtbot, page, first_name="Paul", last_name="Dupont", phone="+33 4 72 10 20 30")
    sheet.save()
    box = warning_of(qtbot, sheet)
    assert box.text() == "« Marie Dupont » a déjà le téléphone 04 72 10 20 30."
    assert "Marie Dupont" in sheet.message.text()  # also on the sheet, once the box is closed
    assert count(db, actor) == 1  # nothing saved yet

    with qtbot.waitSignal(sheet.saved, timeout=10000) as saved:
        qtbot.mouseClick(button(box, "Enregistrer quand même"), Qt.MouseButton.LeftButton)
    paul = get_contact(db, actor, saved.args[0])
    assert (paul.data.first_name, paul.data.phone, paul.phone_key) == ("Paul", "+33 4 72 10 20 30", "+33472102030")
    assert count(db, actor) == 2
    assert sheet.message.text() == "Contact créé."

    # Saving again a number already saved on this card asks nothing.
    sheet.set_field("city", "Lyon")
    with qtbot.waitSignal(sheet.saved, timeout=10000):
        sheet.save()
    assert get_contact(db, actor, paul.id).data.city == "Lyon"


def test_an_edited_email_that_another_contact_has_offers_to_open_it(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    jean = create_contact(
        db, actor, ContactInput(first_name="Jean", last_name="Dupont", email="jean.dupont@exemple.fr")
    )
    page = open_page(qtbot, make_window, db_path)
    sheet = new_sheet(qtbot, page, first_name="J.", last_name="Dupont", email="Jean.Dupont@Exemple.fr")
    sheet.save()
    box = warning_of(qtbot, sheet)
    assert box.text() == "« Jean Dupont » a déjà l'e-mail jean.dupont@exemple.fr."

    qtbot.mouseClick(button(box, "Ouvrir la fiche de Jean Dupont"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: jean.id in page.sheets, timeout=10000)
    other = page.sheets[jean.id]
    qtbot.waitUntil(lambda: other.details is not None and not other.busy, timeout=10000)
    assert other.title.text() == "Jean Dupont"
    # The new card keeps what was typed, unsaved.
    assert sheet.contact_id is None and sheet.form_values()["email"] == "Jean.Dupont@Exemple.fr"
    assert count(db, actor) == 1

    # Editing an existing card: only an address it did not have is checked.
    other.set_field("email_secondary", "jd@asso.example")
    create_contact(db, actor, ContactInput(first_name="Asso", email="jd@asso.example"))
    other.save()
    box = warning_of(qtbot, other)
    assert box.text() == "« Asso » a déjà l'e-mail jd@asso.example."
    qtbot.mouseClick(button(box, "Annuler"), Qt.MouseButton.LeftButton)
    assert get_contact(db, actor, jean.id).data.email_secondary == ""
    assert not other.busy and other.save_button.isEnabled()
