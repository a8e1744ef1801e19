"""Fixtures for the screens: private QSettings, a populated database, the real main window."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from communitydesk.services.permissions import SYSTEM, Actor
from communitydesk.ui import tasks
from communitydesk.ui.current_database import CurrentDatabase, DatabaseState
from communitydesk.ui.main_window import MainWindow
from communitydesk.ui.settings import UiSettings

DEMO_CONTACTS = 120


@pytest.fixture(scope="session", autouse=True)
def _cycles_collected_on_the_ui_thread(qapp) -> None:  # type: ignore[no-untyped-def]
    """What app.run_gui sets up for the window: the cycle collector runs on the UI thread only."""
    tasks.MainThreadGarbageCollector.install()


@pytest.fixture
def ui_settings(tmp_path: Path) -> UiSettings:
    """Preferences in an INI file of this test: never the user's real ones."""
    return UiSettings(QSettings(str(tmp_path / "preferences.ini"), QSettings.Format.IniFormat))


@pytest.fixture(scope="session")
def _populated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from communitydesk.services.demo import create_demo_database

    path = tmp_path_factory.mktemp("populated") / "template.sqlite3"
    create_demo_database(path, SYSTEM, contacts=DEMO_CONTACTS, seed=7)
    return path


@pytest.fixture
def populated_db(tmp_path: Path, _populated_template: Path) -> Path:
    """A current database with a small demo community (contacts in every circle, history)."""
    path = tmp_path / "populated.sqlite3"
    shutil.copyfile(_populated_template, path)
    return path


@pytest.fixture
def make_window(qtbot, ui_settings: UiSettings, actor: Actor) -> Iterator:  # type: ignore[no-untyped-def]
    """Build the real MainWindow on a database; waits until its figures are shown."""
    windows: list[MainWindow] = []

    def make(path: Path | None = None, *, settings: UiSettings | None = None, wait: bool = True) -> MainWindow:
        window = MainWindow(settings or ui_settings, CurrentDatabase(actor=actor))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        if path is not None:
            window.open_database(path)
            if wait:
                qtbot.waitUntil(lambda: window.database.state is DatabaseState.READY, timeout=20000)
        return window

    yield make
    assert tasks.cancel_all_and_wait(20000)
    for window in windows:
        window.database.close()
