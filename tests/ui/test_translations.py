"""The English translation of the screens is complete, compiled, and really used at run time."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from communitydesk.app import install_translators, translations_dir
from communitydesk.i18n import set_language

ROOT = Path(__file__).resolve().parents[2]


def test_every_screen_string_has_a_finished_english_translation_and_the_qm_is_fresh() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "update_translations.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, "run tools/update_translations.py, then translate:\n" + result.stdout + result.stderr


def test_the_translation_files_are_shipped() -> None:
    assert (translations_dir() / "communitydesk_en.ts").is_file()
    assert (translations_dir() / "communitydesk_en.qm").stat().st_size > 1000


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    installed = install_translators(qapp, "en")
    set_language("en")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    install_translators(qapp, "fr")
    set_language("fr")


def test_the_window_speaks_english_when_asked(english: None, make_window, populated_db: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(populated_db)
    titles = [window.sidebar.item(row).text() for row in range(window.sidebar.count())]
    assert titles[0] == "Dashboard" and titles[-1] == "Settings"
    assert [action.text() for action in window.menuBar().actions()] == ["&File", "&Go to", "&Profile", "&Help"]
    page = window.pages["dashboard"]
    assert page.cards["contacts_total"].title.text() == "Contacts"
    assert page.cards["touch_points"].title.text() == "Touch points"
    assert window.statusBar().currentMessage() == "120 contacts"
    assert window.database_label.text() == "Database: populated.sqlite3"
    settings = window.show_page("settings")
    assert settings.save_button.text() == "Save"
    ambassadors = window.show_page("ambassadors")
    assert ambassadors.tabs.tabText(0) == "Journey"
    assert ambassadors.new_button.text() == "New ambassador…"
    calendar = window.show_page("editorial")
    assert calendar.view_buttons["month"].text() == "Month"
    assert calendar.filters.network_combo.itemText(0) == "All networks"


def test_french_is_the_source_language(make_window, populated_db: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(populated_db)
    assert QCoreApplication.translate("pages", "Tableau de bord") == "Tableau de bord"
    assert window.sidebar.item(0).text() == "Tableau de bord"


def test_the_import_wizards_problem_tables_speak_english(english: None, qtbot, db) -> None:  # type: ignore[no-untyped-def]
    from communitydesk.services.permissions import SYSTEM
    from communitydesk.ui import tasks
    from communitydesk.ui.campaigns.import_wizard import ContributionImportWizard
    from communitydesk.ui.contacts.import_wizard import ContactImportWizard
    from communitydesk.ui.editorial.import_wizard import PublicationImportWizard

    contributions = ContributionImportWizard(None, lambda: db, SYSTEM, [])
    publications = PublicationImportWizard(None, lambda: db, SYSTEM)
    for wizard in (contributions, publications):
        qtbot.addWidget(wizard)
        for page in (wizard.preview_page, wizard.check_page):
            headers = [page.errors.horizontalHeaderItem(column).text() for column in range(3)]
            assert headers == ["Line", "Column", "Problem"], type(wizard).__name__
    contacts = ContactImportWizard(None, lambda: db, SYSTEM)
    qtbot.addWidget(contacts)
    headers = [contacts.dry_run_page.errors.horizontalHeaderItem(column).text() for column in range(3)]
    assert headers == ["Line", "Field", "Problem"]
    qtbot.waitUntil(lambda: not tasks.running_tasks(), timeout=20_000)
