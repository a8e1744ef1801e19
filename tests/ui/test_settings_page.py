"""Paramètres: the form shows the database's settings, saves them, refuses bad input clearly."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QImage

from communitydesk.db.database import open_database
from communitydesk.services.permissions import SYSTEM
from communitydesk.services.settings import read_database_settings
from communitydesk.ui.settings import UiSettings
from communitydesk.ui.settings_page.page import SettingsPage


def stored(path: Path):  # type: ignore[no-untyped-def]
    database = open_database(path, create=False)
    try:
        return read_database_settings(database, SYSTEM)
    finally:
        database.close()


def open_page(qtbot, make_window, path: Path) -> SettingsPage:  # type: ignore[no-untyped-def]
    window = make_window(path)
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    if page.loaded_values is None:
        with qtbot.waitSignal(page.loaded, timeout=30000):
            pass
    return page


def test_the_form_shows_what_the_database_holds(qtbot, make_window, populated_db: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, make_window, populated_db)
    assert page.org_name.text() == "Les Ateliers du Lien"
    assert page.legal_id.text() == "RNA W751234567"
    assert page.website.text() == "https://ateliers-du-lien.example"
    assert page.rhythm["proches"].value() == 30
    assert page.rhythm["communaute"].value() == 90
    assert page.rhythm["grand_public"].value() == 365
    assert page.backup_keep.value() == 10
    assert page.primary_colour.colour == "#2E6B5E"
    assert page.database_groups.isEnabled()


def test_saving_writes_the_database_and_survives_a_reload(
    qtbot,
    make_window,
    populated_db: Path,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    logo = tmp_path / "logo.png"
    image = QImage(16, 16, QImage.Format.Format_RGB32)
    image.fill(QColor("#AA3355"))
    assert image.save(str(logo))

    page = open_page(qtbot, make_window, populated_db)
    page.org_name.setText("  Coopérative des Quatre Vents ")
    page.legal_id.setText("732 829 320 00074")
    page.address.setPlainText("3 place de la Mairie\n44000 Nantes")
    page.website.setText("quatre-vents.example/accueil")
    page.org_email.setText(" bonjour@quatre-vents.example ")
    page.primary_colour.set_colour("#aa3355")
    page.secondary_colour.set_colour("#123456")
    page.logo_path.setText(str(logo))
    page.rhythm["proches"].setValue(21)
    page.rhythm["grand_public"].setValue(180)
    page.backup_keep.setValue(25)
    with qtbot.waitSignal(page.saved, timeout=30000):
        page.save_button.click()
    assert page.message.text() == "Paramètres enregistrés."

    saved = stored(populated_db)
    assert saved.organisation.name == "Coopérative des Quatre Vents"
    assert saved.organisation.legal_id == "732 829 320 00074"
    assert saved.organisation.address == "3 place de la Mairie\n44000 Nantes"
    assert saved.organisation.website == "https://quatre-vents.example/accueil"
    assert saved.organisation.email == "bonjour@quatre-vents.example"
    assert saved.organisation.primary_colour == "#AA3355"
    assert saved.organisation.secondary_colour == "#123456"
    assert saved.organisation.logo_path == str(logo)
    assert saved.rhythm_days == {"proches": 21, "communaute": 90, "grand_public": 180}
    assert saved.backup_keep == 25

    # the form now shows the cleaned values, and a fresh page reads them back
    assert page.website.text() == "https://quatre-vents.example/accueil"
    assert not page.logo_preview.pixmap().isNull()
    with qtbot.waitSignal(page.loaded, timeout=30000):
        page.load()
    assert page.org_name.text() == "Coopérative des Quatre Vents"
    assert page.rhythm["proches"].value() == 21
    assert page.org_email.text() == "bonjour@quatre-vents.example"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("legal_id", "123", "Le SIRET doit compter 14 chiffres"),
        ("legal_id", "732 829 320 00075", "clé de contrôle"),
        ("legal_id", "association", "ni un SIRET"),
        ("website", "mon site", "n'est pas une adresse de site web"),
        ("email", "bonjour chez nous", "n'est pas une adresse e-mail"),
        ("logo_path", "/nulle/part/logo.png", "introuvable"),
        ("logo_path", "/tmp/logo.gif", "PNG ou JPEG"),
    ],
)
def test_bad_input_is_refused_with_a_clear_french_message(
    qtbot,
    make_window,
    populated_db: Path,  # type: ignore[no-untyped-def]
    field: str,
    value: str,
    message: str,
) -> None:
    page = open_page(qtbot, make_window, populated_db)
    before = stored(populated_db)
    widgets = {"legal_id": page.legal_id, "website": page.website, "email": page.org_email}
    widget = {**widgets, "logo_path": page.logo_path}[field]
    page.org_name.setText("Un autre nom")
    widget.setText(value)
    page.save_button.click()
    qtbot.waitUntil(lambda: page.last_task is not None and page.last_task.state == "failed", timeout=30000)
    assert message in page.message.text()
    assert "color: #B3261E" in page.message.styleSheet()
    assert page.save_button.isEnabled()
    assert stored(populated_db) == before  # nothing written, not even the valid name
    assert page.window().focusWidget() is widget  # the field to correct


def test_language_is_saved_for_the_next_start(
    qtbot,
    make_window,
    populated_db: Path,  # type: ignore[no-untyped-def]
    ui_settings: UiSettings,
) -> None:
    page = open_page(qtbot, make_window, populated_db)
    assert page.language.currentData() == "fr"
    page.language.setCurrentIndex(page.language.findData("en"))
    with qtbot.waitSignal(page.saved, timeout=30000):
        page.save_button.click()
    assert "prochain démarrage" in page.message.text()
    again = UiSettings(QSettings(ui_settings.store.fileName(), QSettings.Format.IniFormat))
    assert again.language == "en"


def test_revert_restores_the_loaded_values(qtbot, make_window, populated_db: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, make_window, populated_db)
    page.org_name.setText("Brouillon")
    page.rhythm["communaute"].setValue(5)
    page.revert_button.click()
    assert page.org_name.text() == "Les Ateliers du Lien"
    assert page.rhythm["communaute"].value() == 90


def test_without_a_database_only_the_language_can_change(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(None)
    page = window.show_page("settings")
    assert not page.database_groups.isEnabled()
    assert "seule la langue" in page.message.text()
    page.language.setCurrentIndex(page.language.findData("en"))
    assert page.save() is None
    assert window.settings.language == "en"


def test_leaving_with_unsaved_changes_asks_first(qtbot, make_window, populated_db: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, make_window, populated_db)
    window = page.window()
    window.show_page("dashboard")  # nothing changed: no question
    assert window.current_page_key() == "dashboard"
    window.show_page("settings")

    page.org_name.setText("Atelier du Lien")
    window.show_page("contacts")
    box = page.unsaved_question
    assert box.isVisible() and window.current_page_key() == "settings"
    assert {b.text() for b in box.buttons()} == {"Enregistrer", "Ne pas enregistrer", "Annuler"}
    [stay] = [b for b in box.buttons() if b.text() == "Annuler"]
    stay.click()
    assert window.current_page_key() == "settings" and page.org_name.text() == "Atelier du Lien"

    window.close()  # quitting asks too
    assert window.isVisible()
    [save] = [b for b in page.unsaved_question.buttons() if b.text() == "Enregistrer"]
    save.click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=20000)
    assert stored(populated_db).organisation.name == "Atelier du Lien"


def test_dropping_unsaved_changes_goes_on_to_the_page_asked_for(qtbot, make_window, populated_db: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, make_window, populated_db)
    window = page.window()
    page.org_name.setText("Autre nom")
    window.show_page("contacts")
    [drop] = [b for b in page.unsaved_question.buttons() if b.text() == "Ne pas enregistrer"]
    drop.click()
    assert window.current_page_key() == "contacts"
    assert page.org_name.text() == "Les Ateliers du Lien"
    assert stored(populated_db).organisation.name == "Les Ateliers du Lien"
