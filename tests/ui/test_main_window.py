"""The real main window: every sidebar entry, shortcuts, layout remembered, files opened and copied."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from communitydesk.db.schema_version import SchemaState, probe
from communitydesk.ui.current_database import DatabaseState
from communitydesk.ui.main_window import PAGES, MainWindow
from communitydesk.ui.settings import UiSettings
from communitydesk.ui.widgets.coming_soon import ComingSoonPage


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def count(path: Path, sql: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def click_sidebar(qtbot, window: MainWindow, row: int) -> None:  # type: ignore[no-untyped-def]
    item = window.sidebar.item(row)
    rect = window.sidebar.visualItemRect(item)
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_every_sidebar_entry_shows_its_page_when_clicked(qtbot, make_window, populated_db: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(populated_db)
    titles = [window.sidebar.item(row).text() for row in range(window.sidebar.count())]
    assert titles == [
        "Tableau de bord",
        "Contacts",
        "Campagnes",
        "Calendrier éditorial",
        "Ambassadeurs",
        "Événements",
        "Documents PDF",
        "Paramètres",
    ]
    for row, spec in enumerate(PAGES):
        click_sidebar(qtbot, window, row)
        assert window.current_page_key() == spec.key
        page = window.stack.currentWidget()
        assert page is window.pages[spec.key]
        assert page.isVisible()
        assert window.page_actions[spec.key].isChecked()
        if not spec.factory:
            assert isinstance(page, ComingSoonPage)
            # honest about what is missing: a title, a "bientôt" badge and what will come
            texts = " ".join(label.text() for label in page.findChildren(QLabel))
            assert spec.key != "dashboard"
            assert "Bientôt" in texts and "n'est pas encore construite" in texts
            assert len(page.promise.text()) > 80


def test_every_page_has_a_ctrl_number_shortcut(qtbot, make_window, populated_db: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(populated_db)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for row in [6, 1, 2, 3, 4, 5, 0]:
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{row + 1}"), Qt.KeyboardModifier.ControlModifier)
        assert window.current_page_key() == PAGES[row].key
        assert window.sidebar.currentRow() == row
        assert window.page_actions[PAGES[row].key].shortcut().toString() == f"Ctrl+{row + 1}"


def test_pages_are_built_on_their_first_visit_only(make_window, populated_db: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(populated_db)
    assert set(window.pages) == {"dashboard"}
    first = window.show_page("contacts")
    window.show_page("dashboard")
    assert window.show_page("contacts") is first
    assert set(window.pages) == {"dashboard", "contacts"}


def test_menus_and_their_shortcuts(make_window, populated_db: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(populated_db)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Fichier", "&Aller à", "&Profil", "Ai&de"]
    assert window.open_action.shortcut().toString() == "Ctrl+O"
    assert window.save_copy_action.shortcut().toString() == "Ctrl+Shift+S"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert window.refresh_action.shortcut().toString() == "F5"
    assert window.save_copy_action.isEnabled()


def test_status_bar_names_the_base_and_the_profile(make_window, populated_db: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(populated_db)
    assert window.database_label.text() == "Base : populated.sqlite3"
    assert window.database_label.toolTip() == str(populated_db)
    assert window.profile_label.text() == f"Profil : {window.database.actor.name} (Administrateur)"
    assert window.windowTitle() == "CommunityDesk — populated.sqlite3"
    assert window.statusBar().currentMessage() == "120 contacts"


def test_geometry_page_and_splitter_are_remembered(
    qtbot,
    make_window,
    populated_db: Path,  # type: ignore[no-untyped-def]
    ui_settings: UiSettings,
) -> None:
    window = make_window(populated_db)
    window.resize(730, 520)  # the offscreen screen is 800x600
    window.splitter.setSizes([240, 490])
    window.show_page("settings")
    window.close()

    stored = UiSettings(QSettings(ui_settings.store.fileName(), QSettings.Format.IniFormat))
    again = make_window(populated_db, settings=stored)
    assert again.size().width() == 730 and again.size().height() == 520
    assert again.current_page_key() == "settings"
    assert again.splitter.sizes()[0] == 240


def test_quit_action_closes_the_window_and_saves_the_layout(
    make_window,
    populated_db: Path,  # type: ignore[no-untyped-def]
    ui_settings: UiSettings,
) -> None:
    window = make_window(populated_db)
    window.show_page("campaigns")
    window.quit_action.trigger()
    assert not window.isVisible()
    assert ui_settings.sidebar_page == "campaigns"
    assert ui_settings.window_geometry is not None


def test_save_copy_writes_a_consistent_copy_with_progress(
    qtbot,
    make_window,
    populated_db: Path,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(populated_db)
    target = tmp_path / "copies" / "ma copie.sqlite3"
    tracked: list[tuple[str, bool]] = []
    track = window.task_progress.track
    monkeypatch.setattr(
        window.task_progress, "track", lambda task: (tracked.append((task.label, task.cancellable)), track(task))
    )
    window.save_copy(target)
    qtbot.waitUntil(
        lambda: target.exists() and "Copie enregistrée" in window.statusBar().currentMessage(), timeout=20000
    )
    assert probe(target).state is SchemaState.CURRENT
    assert count(target, "SELECT COUNT(*) FROM contacts") == count(populated_db, "SELECT COUNT(*) FROM contacts")
    assert tracked == [("Sauvegarde d'une copie…", True)]


def test_a_newer_database_is_refused_with_a_french_message_and_left_untouched(  # type: ignore[no-untyped-def]
    qtbot, make_window, populated_db: Path
) -> None:
    conn = sqlite3.connect(populated_db)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = digest(populated_db)
    window = make_window(populated_db, wait=False)
    qtbot.waitUntil(lambda: window.database.error_message != "", timeout=20000)
    assert window.database.state is DatabaseState.NONE
    assert "version plus récente de CommunityDesk" in window.database.error_message
    boxes = [box for box in window.findChildren(QMessageBox) if box.objectName() == "errorMessage"]
    assert boxes and "version plus récente" in boxes[0].text()
    assert boxes[0].windowTitle() == "Impossible d'ouvrir la base"
    dashboard = window.pages["dashboard"]
    assert "Aucune base n'est ouverte" in dashboard.state_label.text()
    assert not window.save_copy_action.isEnabled()
    assert digest(populated_db) == before
    assert not populated_db.with_name(populated_db.name + "-wal").exists()


@pytest.mark.parametrize("content", [b"", b"ceci n'est pas une base", b"SQLite format 3\x00" + b"\x00" * 20])
def test_a_damaged_file_is_refused_and_untouched(qtbot, make_window, tmp_path: Path, content: bytes) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "abimee.sqlite3"
    path.write_bytes(content)
    window = make_window(path, wait=False)
    qtbot.waitUntil(lambda: window.database.error_message != "", timeout=20000)
    assert "abimee.sqlite3" in window.database.error_message
    assert path.read_bytes() == content


def test_a_missing_database_is_created(qtbot, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "nouveau dossier" / "ma base.sqlite3"
    window = make_window(path, wait=False)
    qtbot.waitUntil(lambda: window.database.state is DatabaseState.READY, timeout=30000)
    assert probe(path).state is SchemaState.CURRENT
    assert window.pages["dashboard"].cards["contacts_total"].value.text() == "0"


def test_an_outdated_database_is_upgraded_after_a_backup(qtbot, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from alembic import command

    from communitydesk.db.backup import list_backups
    from communitydesk.db.migrate import alembic_config
    from communitydesk.db.schema_version import REVISIONS

    if len(REVISIONS) < 2:
        pytest.skip("only one schema revision exists: nothing to upgrade from")
    path = tmp_path / "ancienne.sqlite3"
    command.upgrade(alembic_config(path), REVISIONS[0])
    assert probe(path).state is SchemaState.OUTDATED
    window = make_window(path, wait=False)
    activities: list[str] = []
    window.database.changed.connect(lambda: activities.append(window.database.activity))
    qtbot.waitUntil(lambda: window.database.state is DatabaseState.READY, timeout=60000)
    assert "Mise à jour de la base… une sauvegarde a été faite" in activities
    assert probe(path).state is SchemaState.CURRENT
    assert list_backups(path), "a backup must be made before the upgrade"


def test_about_box(make_window, populated_db: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(populated_db)
    window.about_action.trigger()
    boxes = [box for box in window.findChildren(QMessageBox) if box.objectName() == "aboutBox"]
    assert boxes and "CommunityDesk" in boxes[0].text() and str(populated_db) in boxes[0].text()
    boxes[0].close()


def test_file_open_opens_the_chosen_base_and_remembers_it(
    qtbot,
    make_window,
    populated_db: Path,
    db_path: Path,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
    ui_settings: UiSettings,
) -> None:
    from PySide6.QtWidgets import QFileDialog

    window = make_window(db_path)
    assert window.pages["dashboard"].cards["contacts_total"].value.text() == "0"
    asked: list[str] = []

    def choose(_parent, _title, start, _filter):  # type: ignore[no-untyped-def]
        asked.append(start)
        return str(populated_db), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    with qtbot.waitSignal(window.database.figures_changed, timeout=20000):
        window.open_action.trigger()
    assert window.database.path == populated_db
    assert window.pages["dashboard"].cards["contacts_total"].value.text() == "120"
    assert window.windowTitle() == "CommunityDesk — populated.sqlite3"
    assert ui_settings.last_database == populated_db
    window.open_action.trigger()
    assert asked[-1] == str(populated_db)  # the next dialog starts on it


def test_file_save_copy_asks_where_then_copies(
    qtbot,
    make_window,
    populated_db: Path,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QFileDialog

    window = make_window(populated_db)
    target = tmp_path / "sauvegardes" / "copie.sqlite3"
    suggested: list[str] = []

    def choose(_parent, _title, start, _filter):  # type: ignore[no-untyped-def]
        suggested.append(start)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    window.save_copy_action.trigger()
    qtbot.waitUntil(lambda: "Copie enregistrée" in window.statusBar().currentMessage(), timeout=20000)
    assert Path(suggested[0]).name.startswith("populated-copie-")
    assert count(target, "SELECT COUNT(*) FROM contacts") == 120


def test_choosing_a_file_that_is_not_a_base_keeps_the_open_one(
    qtbot, make_window, populated_db: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(populated_db)
    other = tmp_path / "notes.sqlite3"
    other.write_bytes(b"ceci n'est pas une base")
    task = window.open_chosen_database(other)
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    boxes = [box for box in window.findChildren(QMessageBox) if box.objectName() == "errorMessage"]
    assert len(boxes) == 1 and "notes.sqlite3" in boxes[0].text()
    assert boxes[0].windowTitle() == "Impossible d'ouvrir la base"
    assert window.database.path == populated_db and window.database.state is DatabaseState.READY
    assert window.database_label.text() == "Base : populated.sqlite3"
    assert other.read_bytes() == b"ceci n'est pas une base"
