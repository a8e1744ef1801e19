"""Per-profile preferences: language, window layout and views under the profile's group; files stay the computer's."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from tests.ui.profiles.conftest import Chooser

from communitydesk.services.demo import FOUNDER, VOLUNTEER
from communitydesk.ui.current_database import DatabaseState
from communitydesk.ui.settings import DEFAULT_LOCK_MINUTES, UiSettings


def test_a_profile_keeps_its_own_language_and_views(tmp_path: Path) -> None:
    store = QSettings(str(tmp_path / "preferences.ini"), QSettings.Format.IniFormat)
    settings = UiSettings(store)
    settings.set_view_state("contacts", {"circle": "coeur"})
    settings.last_folder = tmp_path

    settings.use_profile("Camille/fondatrice")
    assert settings.view_state("contacts") == {"circle": "coeur"}  # the computer's until it saves its own
    settings.language = "en"
    settings.set_view_state("contacts", {"circle": "engages"})
    settings.sidebar_page = "editorial"
    assert settings.last_folder == tmp_path  # files belong to the computer

    settings.use_profile("Malik")
    assert settings.language == "fr"
    assert settings.view_state("contacts") == {"circle": "coeur"}
    settings.use_profile("")
    assert settings.language == "fr" and settings.sidebar_page == ""
    settings.use_profile("Camille/fondatrice")
    assert settings.language == "en" and settings.sidebar_page == "editorial"
    assert settings.view_state("contacts") == {"circle": "engages"}
    settings.sync()
    assert "profiles/Camille%2Ffondatrice/interface/language" in store.allKeys()


def test_the_lock_delay_is_ten_minutes_unless_changed(tmp_path: Path) -> None:
    settings = UiSettings(QSettings(str(tmp_path / "preferences.ini"), QSettings.Format.IniFormat))
    assert settings.lock_minutes == DEFAULT_LOCK_MINUTES == 10
    settings.lock_minutes = 3
    assert settings.lock_minutes == 3


def test_each_profile_finds_its_page_again(qtbot, chooser: Chooser, protected_db: Path) -> None:  # type: ignore[no-untyped-def]
    window = chooser.open_as(protected_db, FOUNDER)
    window.show_page("editorial")
    window.session.switch_profile()
    qtbot.waitUntil(lambda: window.database.state is DatabaseState.LOGIN, timeout=20000)

    chooser.log_in(window, VOLUNTEER)
    assert window.current_page_key() == "dashboard"
    window.show_page("documents")
    window.session.switch_profile()
    qtbot.waitUntil(lambda: window.database.state is DatabaseState.LOGIN, timeout=20000)

    chooser.log_in(window, FOUNDER)
    assert window.current_page_key() == "editorial"
    assert window.settings.profile == FOUNDER
